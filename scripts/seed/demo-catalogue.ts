import { addYears, dayNumber, formatDay } from './calendar';
import { assignPatentNumbers, createSerialAllocator, type SerialAllocator } from './patent-numbers';
import { createRng, deriveSeed, weightedTable, type Rng, type WeightedTable } from './prng';
import { unifiedSocialCreditCode } from './registration-numbers';
import {
  CHINESE_GIVEN_FIRST,
  CHINESE_GIVEN_SECOND,
  CHINESE_SURNAMES,
  ENGLISH_FAMILY_NAMES,
  ENGLISH_GIVEN_NAMES,
  FIELD_VOCABULARY,
  GERMAN_FAMILY_NAMES,
  GERMAN_GIVEN_NAMES,
  type Metric,
  type SubjectKind,
  type Term,
  type Topic,
} from './vocabulary';

/**
 * The demo catalogue: institutions, SMEs, their users and a generated patent portfolio. Everything is pure data and
 * a pure function of the seed, so the seed script, the end-to-end tests and the benchmark (which asks for 100,000
 * patents) all see the same records.
 */

export type TechnicalField =
  | 'ARTIFICIAL_INTELLIGENCE'
  | 'BIOTECHNOLOGY'
  | 'PHARMACEUTICALS'
  | 'MEDICAL_DEVICES'
  | 'ENERGY_STORAGE'
  | 'RENEWABLE_ENERGY'
  | 'NEW_MATERIALS'
  | 'SEMICONDUCTORS'
  | 'ADVANCED_MANUFACTURING'
  | 'AGRICULTURE'
  | 'ENVIRONMENTAL_PROTECTION'
  | 'TELECOMMUNICATIONS'
  | 'AUTOMOTIVE'
  | 'CHEMICAL_ENGINEERING';

export type DemoInstitution = {
  key: string;
  kind: 'UNIVERSITY' | 'RESEARCH_INSTITUTE';
  name: string;
  nameZh: string;
  region: string;
  country: 'CN' | 'US' | 'GB' | 'DE';
  website: string;
  ttoContact: { name: string; email: string; phone: string; office: string };
};

export type DemoSme = {
  key: string;
  name: string;
  nameZh?: string;
  sizeClass: 'MICRO' | 'SMALL' | 'MEDIUM';
  headcount: number;
  annualRevenueMinor: number;
  revenueCurrency: 'CNY' | 'USD' | 'GBP';
  /** YYYY-MM-DD */
  foundedOn: string;
  registrationNumber: string;
  region: string;
  industry: string;
  /** 专精特新: provincially recognised "specialised, refined, distinctive and innovative" SME. */
  specialisedAndSophisticated: boolean;
  /** 专精特新"小巨人": the national tier of the same programme; always also specialisedAndSophisticated. */
  littleGiant: boolean;
};

export type DemoRole = 'TTO_MANAGER' | 'SME_MEMBER' | 'FINANCE' | 'ADMIN';

export type DemoUser = {
  email: string;
  password: string;
  displayName: string;
  /** An institution key, an SME key, or 'platform'. */
  organizationKey: string;
  roles: DemoRole[];
};

export type DemoPatent = {
  /** Stable and unique: 'p-000123'. */
  key: string;
  institutionKey: string;
  titleEn: string;
  titleZh: string | null;
  abstractEn: string;
  abstractZh: string | null;
  claimsSummary: string;
  applicationNumber: string;
  publicationNumber: string | null;
  grantNumber: string | null;
  jurisdiction: 'CN' | 'US' | 'EP';
  legalStatus: 'FILED' | 'GRANTED' | 'EXPIRED' | 'LAPSED';
  priorityDate: string | null;
  filingDate: string;
  grantDate: string | null;
  expiryDate: string | null;
  ipcClasses: string[];
  inventors: string[];
  /** Technology readiness level, 1..9. */
  trl: number;
  technicalFields: TechnicalField[];
  keywords: string[];
  advantages: string[];
  applications: string[];
  documentLinks: { label: string; url: string }[];
};

export const DEMO_PASSWORD = 'UseFirst-demo-2026';
export const DEFAULT_DEMO_SEED = 20261128;
export const DEMO_PATENT_COUNT = 300;
/** "Today" for the demo: legal statuses and expiry dates are consistent as of this day. */
export const DEMO_REFERENCE_DATE = '2026-11-28';
/** Patent numbers are unique per run only up to this many patents (the smallest number space is 10^5). */
export const MAX_DEMO_PATENTS = 1_000_000;

const PATENT_VIEWER = 'https://patents.example.org';
const PATENT_REGISTER = 'https://register.example.org';
const DEMO_DOMAIN = 'demo.usefirst.test';

// ---------------------------------------------------------------------------------------------------------------
// Institutions

type InstitutionProfile = DemoInstitution & {
  financeName: string;
  /** Relative share of the catalogue. */
  weight: number;
  strengths: readonly TechnicalField[];
};

function institutionProfiles(): InstitutionProfile[] {
  const contact = (key: string, name: string, phone: string, office: string) => ({
    name,
    email: `tto@${key}.${DEMO_DOMAIN}`,
    phone,
    office,
  });
  return [
    {
      key: 'nwpu',
      kind: 'UNIVERSITY',
      name: 'Northwest Polytechnic University',
      nameZh: '西北工业技术大学',
      region: 'Shaanxi',
      country: 'CN',
      website: `https://nwpu.${DEMO_DOMAIN}`,
      ttoContact: contact(
        'nwpu',
        'Li Wenjing',
        '+86 29 8843 1027',
        "Technology Transfer Centre, Innovation Building, Xi'an",
      ),
      financeName: 'Zhao Min',
      weight: 1.3,
      strengths: ['NEW_MATERIALS', 'ADVANCED_MANUFACTURING', 'SEMICONDUCTORS', 'ARTIFICIAL_INTELLIGENCE'],
    },
    {
      key: 'ydut',
      kind: 'UNIVERSITY',
      name: 'Yangtze Delta University of Technology',
      nameZh: '长三角理工大学',
      region: 'Jiangsu',
      country: 'CN',
      website: `https://ydut.${DEMO_DOMAIN}`,
      ttoContact: contact(
        'ydut',
        'Zhou Haiyan',
        '+86 512 6588 2140',
        'Office of Technology Licensing, Suzhou',
      ),
      financeName: 'Sun Lei',
      weight: 1.2,
      strengths: ['SEMICONDUCTORS', 'TELECOMMUNICATIONS', 'ARTIFICIAL_INTELLIGENCE', 'MEDICAL_DEVICES'],
    },
    {
      key: 'qtu',
      kind: 'UNIVERSITY',
      name: 'Qiantang University',
      nameZh: '钱塘大学',
      region: 'Zhejiang',
      country: 'CN',
      website: `https://qtu.${DEMO_DOMAIN}`,
      ttoContact: contact('qtu', 'Chen Yuxin', '+86 571 8827 6315', 'Technology Transfer Office, Hangzhou'),
      financeName: 'Wu Tingting',
      weight: 1.0,
      strengths: ['BIOTECHNOLOGY', 'PHARMACEUTICALS', 'AGRICULTURE', 'ENVIRONMENTAL_PROTECTION'],
    },
    {
      key: 'prpu',
      kind: 'UNIVERSITY',
      name: 'Pearl River Polytechnic University',
      nameZh: '珠江理工大学',
      region: 'Guangdong',
      country: 'CN',
      website: `https://prpu.${DEMO_DOMAIN}`,
      ttoContact: contact('prpu', 'Huang Zhiqiang', '+86 20 8711 4590', 'Industry Liaison Office, Guangzhou'),
      financeName: 'Liang Jiaxin',
      weight: 1.0,
      strengths: ['ENERGY_STORAGE', 'AUTOMOTIVE', 'TELECOMMUNICATIONS', 'ADVANCED_MANUFACTURING'],
    },
    {
      key: 'hiem',
      kind: 'RESEARCH_INSTITUTE',
      name: 'Hefei Institute of Energy and Materials, Academy of Applied Sciences',
      nameZh: '应用科学院合肥能源与材料研究所',
      region: 'Anhui',
      country: 'CN',
      website: `https://hiem.${DEMO_DOMAIN}`,
      ttoContact: contact(
        'hiem',
        'Xu Guoping',
        '+86 551 6559 1208',
        'Office of Achievement Transformation, Hefei',
      ),
      financeName: 'Jiang Hui',
      weight: 1.0,
      strengths: [
        'ENERGY_STORAGE',
        'RENEWABLE_ENERGY',
        'NEW_MATERIALS',
        'CHEMICAL_ENGINEERING',
        'ENVIRONMENTAL_PROTECTION',
      ],
    },
    {
      key: 'gltu',
      kind: 'UNIVERSITY',
      name: 'Great Lakes Technological University',
      nameZh: '五大湖理工大学',
      region: 'Michigan',
      country: 'US',
      website: `https://gltu.${DEMO_DOMAIN}`,
      // 555-01xx numbers are reserved for fiction in North America.
      ttoContact: contact(
        'gltu',
        'Rebecca Hollis',
        '+1 734 555 0142',
        'Office of Technology Commercialization',
      ),
      financeName: 'Marcus Bell',
      weight: 0.9,
      strengths: [
        'ARTIFICIAL_INTELLIGENCE',
        'MEDICAL_DEVICES',
        'BIOTECHNOLOGY',
        'SEMICONDUCTORS',
        'AUTOMOTIVE',
      ],
    },
    {
      key: 'pennine',
      kind: 'UNIVERSITY',
      name: 'Pennine University',
      nameZh: '奔宁大学',
      region: 'Yorkshire and the Humber',
      country: 'GB',
      website: `https://pennine.${DEMO_DOMAIN}`,
      // 0113 496 0xxx is Ofcom's drama range for Leeds.
      ttoContact: contact('pennine', 'Fiona Marsh', '+44 113 496 0731', 'Research and Innovation Services'),
      financeName: 'Gareth Lloyd',
      weight: 0.8,
      strengths: [
        'PHARMACEUTICALS',
        'BIOTECHNOLOGY',
        'AGRICULTURE',
        'RENEWABLE_ENERGY',
        'ENVIRONMENTAL_PROTECTION',
      ],
    },
    {
      key: 'rmiar',
      kind: 'RESEARCH_INSTITUTE',
      name: 'Rhine-Main Institute for Applied Research',
      nameZh: '莱茵-美因应用研究所',
      region: 'Hesse',
      country: 'DE',
      website: `https://rmiar.${DEMO_DOMAIN}`,
      ttoContact: contact(
        'rmiar',
        'Katrin Vogel',
        '+49 69 5550 3021',
        'Licensing and Spin-off Office, Darmstadt',
      ),
      financeName: 'Jan Hoffmann',
      weight: 0.6,
      strengths: [
        'ADVANCED_MANUFACTURING',
        'AUTOMOTIVE',
        'RENEWABLE_ENERGY',
        'CHEMICAL_ENGINEERING',
        'NEW_MATERIALS',
      ],
    },
  ];
}

export function demoInstitutions(): DemoInstitution[] {
  return institutionProfiles().map(
    ({ key, kind, name, nameZh, region, country, website, ttoContact }): DemoInstitution => ({
      key,
      kind,
      name,
      nameZh,
      region,
      country,
      website,
      ttoContact,
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// SMEs
//
// Size classes follow each country's own rule, checked in the spec: China's 2011 industrial thresholds (micro under
// 20 staff or under CNY 3m revenue; medium from 300 staff and CNY 20m; all under 1,000 staff and CNY 400m), the UK
// Companies Act thresholds from April 2025 (micro up to 10 staff and £1m turnover, small 50 and £15m, medium 250 and
// £54m), and for the US, which has no statutory "micro", headcount bands of under 10, 100 and 500.

type SmeProfile = DemoSme & { memberName: string; financeName: string };

function smeProfiles(): SmeProfile[] {
  const cny = (yuan: number) => yuan * 100;
  const uscc = unifiedSocialCreditCode;
  return [
    {
      key: 'qinling-storage',
      name: "Xi'an Qinling Energy Storage Technology Co., Ltd.",
      nameZh: '西安秦岭储能科技有限公司',
      sizeClass: 'SMALL',
      headcount: 86,
      annualRevenueMinor: cny(46_500_000),
      revenueCurrency: 'CNY',
      foundedOn: '2016-04-12',
      registrationNumber: uscc('610131', 'MA6TX3K8'),
      region: 'Shaanxi',
      industry: 'Battery thermal management systems',
      specialisedAndSophisticated: true,
      littleGiant: false,
      memberName: 'Ma Jianjun',
      financeName: 'Du Xiaoli',
    },
    {
      key: 'weiyang-materials',
      name: "Xi'an Weiyang Advanced Materials Co., Ltd.",
      nameZh: '西安未央新材料有限公司',
      sizeClass: 'MEDIUM',
      headcount: 420,
      annualRevenueMinor: cny(268_000_000),
      revenueCurrency: 'CNY',
      foundedOn: '2009-09-03',
      registrationNumber: uscc('610112', '69381572'),
      region: 'Shaanxi',
      industry: 'Titanium alloys and additive manufacturing powders',
      specialisedAndSophisticated: true,
      littleGiant: true,
      memberName: 'Yang Zhiqiang',
      financeName: 'Wang Fang',
    },
    {
      key: 'huatai-precision',
      name: 'Baoji Huatai Precision Machinery Co., Ltd.',
      nameZh: '宝鸡华钛精密机械有限公司',
      sizeClass: 'SMALL',
      headcount: 145,
      annualRevenueMinor: cny(38_200_000),
      revenueCurrency: 'CNY',
      foundedOn: '2012-05-20',
      registrationNumber: uscc('610301', '59634718'),
      region: 'Shaanxi',
      industry: 'Precision machining of titanium parts',
      specialisedAndSophisticated: true,
      littleGiant: false,
      memberName: 'Zhang Hailong',
      financeName: 'Li Juan',
    },
    {
      key: 'changan-vision',
      name: "Xi'an Chang'an Vision Technology Co., Ltd.",
      nameZh: '西安长安智视科技有限公司',
      sizeClass: 'MICRO',
      headcount: 14,
      annualRevenueMinor: cny(2_600_000),
      revenueCurrency: 'CNY',
      foundedOn: '2022-03-15',
      registrationNumber: uscc('610116', 'MAB2QK7N'),
      region: 'Shaanxi',
      industry: 'Machine-vision inspection software',
      specialisedAndSophisticated: false,
      littleGiant: false,
      memberName: 'Gao Yuxuan',
      financeName: 'Gao Yuxuan',
    },
    {
      key: 'pengcheng-power',
      name: 'Shenzhen Pengcheng Power Semiconductor Co., Ltd.',
      nameZh: '深圳鹏城芯动力科技有限公司',
      sizeClass: 'MEDIUM',
      headcount: 380,
      annualRevenueMinor: cny(312_000_000),
      revenueCurrency: 'CNY',
      foundedOn: '2014-11-06',
      registrationNumber: uscc('440300', '31992845'),
      region: 'Guangdong',
      industry: 'Silicon carbide power modules',
      specialisedAndSophisticated: true,
      littleGiant: true,
      memberName: 'Lin Haitao',
      financeName: 'Chen Jing',
    },
    {
      key: 'nanshan-sense',
      name: 'Shenzhen Nanshan SmartSense Co., Ltd.',
      nameZh: '深圳南山智感科技有限公司',
      sizeClass: 'SMALL',
      headcount: 62,
      annualRevenueMinor: cny(18_400_000),
      revenueCurrency: 'CNY',
      foundedOn: '2018-07-19',
      registrationNumber: uscc('440305', 'MA5F8LW2'),
      region: 'Guangdong',
      industry: 'MEMS gas sensors',
      specialisedAndSophisticated: true,
      littleGiant: false,
      memberName: 'Xie Wenbo',
      financeName: 'Pan Ying',
    },
    {
      key: 'songhu-robotics',
      name: 'Dongguan Songhu Robotics Co., Ltd.',
      nameZh: '东莞松湖机器人有限公司',
      sizeClass: 'SMALL',
      headcount: 210,
      annualRevenueMinor: cny(74_000_000),
      revenueCurrency: 'CNY',
      foundedOn: '2015-02-28',
      registrationNumber: uscc('441900', '33465092'),
      region: 'Guangdong',
      industry: 'Robotic grinding and polishing cells',
      specialisedAndSophisticated: true,
      littleGiant: false,
      memberName: 'He Junjie',
      financeName: 'Luo Xia',
    },
    {
      key: 'lingnan-agribio',
      name: 'Guangzhou Lingnan Agri-Bio Technology Co., Ltd.',
      nameZh: '广州岭南农科生物科技有限公司',
      sizeClass: 'MICRO',
      headcount: 9,
      annualRevenueMinor: cny(1_800_000),
      revenueCurrency: 'CNY',
      foundedOn: '2023-06-01',
      registrationNumber: uscc('440106', 'MACK4D9T'),
      region: 'Guangdong',
      industry: 'Microbial biocontrol products',
      specialisedAndSophisticated: false,
      littleGiant: false,
      memberName: 'Liang Siyu',
      financeName: 'Liang Siyu',
    },
    {
      key: 'taihu-synbio',
      name: 'Suzhou Taihu Synthetic Biology Co., Ltd.',
      nameZh: '苏州太湖合成生物有限公司',
      sizeClass: 'SMALL',
      headcount: 95,
      annualRevenueMinor: cny(27_000_000),
      revenueCurrency: 'CNY',
      foundedOn: '2017-08-08',
      registrationNumber: uscc('320505', 'MA1P2N6C'),
      region: 'Jiangsu',
      industry: 'Fermentation-derived nutritional ingredients',
      specialisedAndSophisticated: true,
      littleGiant: false,
      memberName: 'Shen Jiahui',
      financeName: 'Ye Qiang',
    },
    {
      key: 'jinling-medtech',
      name: 'Nanjing Jinling Medical Devices Co., Ltd.',
      nameZh: '南京金陵医疗器械有限公司',
      sizeClass: 'MEDIUM',
      headcount: 560,
      annualRevenueMinor: cny(385_000_000),
      revenueCurrency: 'CNY',
      foundedOn: '2006-12-18',
      registrationNumber: uscc('320115', '79710234'),
      region: 'Jiangsu',
      industry: 'Interventional cardiology devices',
      specialisedAndSophisticated: true,
      littleGiant: true,
      memberName: 'Tang Lihua',
      financeName: 'Cao Min',
    },
    {
      key: 'xishan-photonics',
      name: 'Wuxi Xishan Photonics Co., Ltd.',
      nameZh: '无锡锡山光电科技有限公司',
      sizeClass: 'MICRO',
      headcount: 17,
      annualRevenueMinor: cny(4_200_000),
      revenueCurrency: 'CNY',
      foundedOn: '2021-10-11',
      registrationNumber: uscc('320205', 'MA27H5XJ'),
      region: 'Jiangsu',
      industry: 'Silicon photonic chip testing',
      specialisedAndSophisticated: false,
      littleGiant: false,
      memberName: 'Qian Bo',
      financeName: 'Qian Bo',
    },
    {
      key: 'qiantang-pharma',
      name: 'Hangzhou Qiantang Pharmaceutical Technology Co., Ltd.',
      nameZh: '杭州钱塘医药科技有限公司',
      sizeClass: 'SMALL',
      headcount: 130,
      annualRevenueMinor: cny(52_000_000),
      revenueCurrency: 'CNY',
      foundedOn: '2013-03-27',
      registrationNumber: uscc('330114', '06451738'),
      region: 'Zhejiang',
      industry: 'Contract formulation development',
      specialisedAndSophisticated: true,
      littleGiant: false,
      memberName: 'Fang Yiran',
      financeName: 'Zhu Hong',
    },
    {
      key: 'haitong-chem',
      name: 'Ningbo Haitong Chemical Engineering Co., Ltd.',
      nameZh: '宁波海通化工有限公司',
      sizeClass: 'MEDIUM',
      headcount: 690,
      annualRevenueMinor: cny(356_000_000),
      revenueCurrency: 'CNY',
      foundedOn: '2004-05-10',
      registrationNumber: uscc('330206', '75627381'),
      region: 'Zhejiang',
      industry: 'Specialty chemicals and catalysts',
      specialisedAndSophisticated: true,
      littleGiant: false,
      memberName: 'Xu Dongsheng',
      financeName: 'Hu Yan',
    },
    {
      key: 'yuhang-agritech',
      name: 'Hangzhou Yuhang Smart Agriculture Co., Ltd.',
      nameZh: '杭州余杭智慧农业有限公司',
      sizeClass: 'MICRO',
      headcount: 12,
      annualRevenueMinor: cny(2_400_000),
      revenueCurrency: 'CNY',
      foundedOn: '2020-04-22',
      registrationNumber: uscc('330110', 'MA2HC8R1'),
      region: 'Zhejiang',
      industry: 'Drone crop-protection services',
      specialisedAndSophisticated: false,
      littleGiant: false,
      memberName: 'Shao Kai',
      financeName: 'Shao Kai',
    },
    {
      key: 'chaohu-hydrogen',
      name: 'Hefei Chaohu Hydrogen Technology Co., Ltd.',
      nameZh: '合肥巢湖氢能科技有限公司',
      sizeClass: 'SMALL',
      headcount: 58,
      annualRevenueMinor: cny(12_600_000),
      revenueCurrency: 'CNY',
      foundedOn: '2019-12-02',
      registrationNumber: uscc('340100', 'MA2UG7B4'),
      region: 'Anhui',
      industry: 'Water electrolysis electrodes',
      specialisedAndSophisticated: true,
      littleGiant: false,
      memberName: 'Wei Chao',
      financeName: 'Dai Jing',
    },
    {
      key: 'tianfu-edrive',
      name: 'Chengdu Tianfu E-Drive Technology Co., Ltd.',
      nameZh: '成都天府电驱科技有限公司',
      sizeClass: 'MEDIUM',
      headcount: 340,
      annualRevenueMinor: cny(198_000_000),
      revenueCurrency: 'CNY',
      foundedOn: '2011-07-07',
      registrationNumber: uscc('510100', '57463201'),
      region: 'Sichuan',
      industry: 'Electric drive systems for commercial vehicles',
      specialisedAndSophisticated: true,
      littleGiant: true,
      memberName: 'Deng Feng',
      financeName: 'Peng Lin',
    },
    {
      key: 'cascade-grid',
      name: 'Cascade Grid Analytics Inc.',
      sizeClass: 'MICRO',
      headcount: 7,
      annualRevenueMinor: 850_000 * 100,
      revenueCurrency: 'USD',
      foundedOn: '2021-02-16',
      registrationNumber: '87-2345671',
      region: 'Washington',
      industry: 'Battery and grid analytics software',
      specialisedAndSophisticated: false,
      littleGiant: false,
      memberName: 'Megan Ortiz',
      financeName: 'Megan Ortiz',
    },
    {
      key: 'prairie-bioworks',
      name: 'Prairie BioWorks LLC',
      sizeClass: 'SMALL',
      headcount: 48,
      annualRevenueMinor: 9_600_000 * 100,
      revenueCurrency: 'USD',
      foundedOn: '2014-09-30',
      registrationNumber: '47-1938264',
      region: 'Illinois',
      industry: 'Agricultural biologicals',
      specialisedAndSophisticated: false,
      littleGiant: false,
      memberName: 'Daniel Novak',
      financeName: 'Priya Raman',
    },
    {
      key: 'tyneside-coatings',
      name: 'Tyneside Advanced Coatings Ltd',
      sizeClass: 'SMALL',
      headcount: 34,
      annualRevenueMinor: 6_800_000 * 100,
      revenueCurrency: 'GBP',
      foundedOn: '2010-06-14',
      registrationNumber: '07283914',
      region: 'North East England',
      industry: 'Thermal spray and ceramic coatings',
      specialisedAndSophisticated: false,
      littleGiant: false,
      memberName: 'Callum Reid',
      financeName: 'Sian Morgan',
    },
    {
      key: 'fenland-agrisensing',
      name: 'Fenland Agri-Sensing Ltd',
      sizeClass: 'MICRO',
      headcount: 6,
      annualRevenueMinor: 640_000 * 100,
      revenueCurrency: 'GBP',
      foundedOn: '2022-01-19',
      registrationNumber: '13876540',
      region: 'East of England',
      industry: 'Soil and crop sensing',
      specialisedAndSophisticated: false,
      littleGiant: false,
      memberName: 'Eleanor Hart',
      financeName: 'Eleanor Hart',
    },
  ];
}

export function demoSmes(): DemoSme[] {
  return smeProfiles().map((sme): DemoSme => ({
    key: sme.key,
    name: sme.name,
    ...(sme.nameZh === undefined ? {} : { nameZh: sme.nameZh }),
    sizeClass: sme.sizeClass,
    headcount: sme.headcount,
    annualRevenueMinor: sme.annualRevenueMinor,
    revenueCurrency: sme.revenueCurrency,
    foundedOn: sme.foundedOn,
    registrationNumber: sme.registrationNumber,
    region: sme.region,
    industry: sme.industry,
    specialisedAndSophisticated: sme.specialisedAndSophisticated,
    littleGiant: sme.littleGiant,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Users

/**
 * Per institution a TTO manager (also the organisation's admin) and a finance user; per SME a member (also admin)
 * and a finance user; and one platform admin. Everyone shares DEMO_PASSWORD.
 */
export function demoUsers(): DemoUser[] {
  const user = (
    email: string,
    displayName: string,
    organizationKey: string,
    roles: DemoRole[],
  ): DemoUser => ({
    email,
    password: DEMO_PASSWORD,
    displayName,
    organizationKey,
    roles,
  });
  const users: DemoUser[] = [user(`admin@${DEMO_DOMAIN}`, 'UseFirst Operations', 'platform', ['ADMIN'])];
  for (const institution of institutionProfiles()) {
    const domain = `${institution.key}.${DEMO_DOMAIN}`;
    users.push(
      user(`tto@${domain}`, institution.ttoContact.name, institution.key, ['TTO_MANAGER', 'ADMIN']),
      user(`finance@${domain}`, institution.financeName, institution.key, ['FINANCE']),
    );
  }
  for (const sme of smeProfiles()) {
    const domain = `${sme.key}.${DEMO_DOMAIN}`;
    users.push(
      user(`member@${domain}`, sme.memberName, sme.key, ['SME_MEMBER', 'ADMIN']),
      user(`finance@${domain}`, sme.financeName, sme.key, ['FINANCE']),
    );
  }
  return users;
}

// ---------------------------------------------------------------------------------------------------------------
// Patents

type Jurisdiction = DemoPatent['jurisdiction'];
type LegalStatus = DemoPatent['legalStatus'];
type Country = DemoInstitution['country'];

const REFERENCE_DAY = dayNumber(2026, 11, 28);

/** Where each kind of institution files: Chinese universities at home first, UK and German ones at the EPO. */
const JURISDICTION_MIX: Readonly<Record<Country, WeightedTable<Jurisdiction>>> = {
  CN: weightedTable([
    ['CN', 0.82],
    ['US', 0.1],
    ['EP', 0.08],
  ]),
  US: weightedTable([
    ['US', 0.8],
    ['EP', 0.12],
    ['CN', 0.08],
  ]),
  GB: weightedTable([
    ['EP', 0.6],
    ['US', 0.3],
    ['CN', 0.1],
  ]),
  DE: weightedTable([
    ['EP', 0.75],
    ['US', 0.15],
    ['CN', 0.1],
  ]),
};

const LEGAL_STATUS_MIX = weightedTable<LegalStatus>([
  ['GRANTED', 0.52],
  ['FILED', 0.26],
  ['LAPSED', 0.13],
  ['EXPIRED', 0.09],
]);

const TRL_MIX = weightedTable([
  [1, 3],
  [2, 7],
  [3, 14],
  [4, 19],
  [5, 19],
  [6, 15],
  [7, 11],
  [8, 8],
  [9, 4],
]);

/** Abstracts run to two, three or four sentences. */
const SENTENCE_COUNT_MIX = weightedTable([
  [2, 0.2],
  [3, 0.45],
  [4, 0.35],
]);

/** Inventor name origins for institutions outside China (Chinese institutions name Chinese inventors). */
const INVENTOR_ORIGIN_MIX: Readonly<Record<'DE' | 'OTHER', WeightedTable<'CN' | 'EN' | 'DE'>>> = {
  DE: weightedTable([
    ['DE', 0.75],
    ['EN', 0.15],
    ['CN', 0.1],
  ]),
  OTHER: weightedTable([
    ['EN', 0.78],
    ['CN', 0.22],
  ]),
};

/**
 * Filing windows by status, in days. Expired patents were filed over 20 years before the reference day; granted and
 * lapsed ones late enough that their 20-year term has not run out; pending ones recently.
 */
const FILING_WINDOW: Readonly<Record<LegalStatus, readonly [number, number]>> = {
  EXPIRED: [dayNumber(1996, 6, 1), addYears(REFERENCE_DAY, -20) - 1],
  GRANTED: [dayNumber(2007, 1, 1), dayNumber(2023, 12, 31)],
  LAPSED: [dayNumber(2007, 1, 1), dayNumber(2021, 12, 31)],
  FILED: [dayNumber(2021, 6, 1), dayNumber(2026, 10, 31)],
};

/** Applications are published 18 months from the earliest (priority) date. */
const PUBLICATION_DELAY_DAYS = 548;
const HAN = /[\u4e00-\u9fff]/;
/** The Paris Convention priority year. */
const MAX_PRIORITY_DAYS = 365;

type TopicChoice = { field: TechnicalField; topic: Topic };

/**
 * Yields `count` patents without holding them all (the benchmark loads 100,000). Patent i is the same for a seed
 * whatever the count, so the first 300 of a 100,000 run are the demo catalogue. The seed is read as a 32-bit
 * unsigned integer. Throws at once, not on the first `next()`, when the count is out of range.
 */
export function iterateDemoPatents(count: number, seed: number = DEFAULT_DEMO_SEED): Generator<DemoPatent> {
  if (!Number.isSafeInteger(count) || count < 0 || count > MAX_DEMO_PATENTS) {
    throw new RangeError(`count must be an integer between 0 and ${MAX_DEMO_PATENTS}, got ${count}`);
  }
  return patentStream(count, seed >>> 0);
}

function* patentStream(count: number, seed: number): Generator<DemoPatent> {
  const institutions = institutionProfiles();
  const institutionMix = weightedTable(
    institutions.map((institution) => [institution, institution.weight] as const),
  );
  const topicMixes = new Map(institutions.map((institution) => [institution, topicMixFor(institution)]));
  // Numbers come from per-office counters shared by the whole run, which is why a run always starts at patent 0.
  const allocator = createSerialAllocator(seed);
  const rng = createRng(seed);
  for (let index = 0; index < count; index++) {
    rng.reseed(deriveSeed(seed, index));
    const institution = rng.pickFrom(institutionMix);
    const topicMix = topicMixes.get(institution);
    if (!topicMix) throw new Error(`No topics for ${institution.key}`);
    yield buildPatent(rng, allocator, index, institution, rng.pickFrom(topicMix));
  }
}

/** The whole list in memory: right for the 300-patent demo; use iterateDemoPatents for large counts. */
export function generateDemoPatents(
  count: number = DEMO_PATENT_COUNT,
  seed: number = DEFAULT_DEMO_SEED,
): DemoPatent[] {
  return Array.from(iterateDemoPatents(count, seed));
}

function topicMixFor(institution: InstitutionProfile): WeightedTable<TopicChoice> {
  const mix: (readonly [TopicChoice, number])[] = [];
  for (const field of Object.keys(FIELD_VOCABULARY) as TechnicalField[]) {
    const topics = FIELD_VOCABULARY[field].topics;
    // An institution files mostly, not only, in its strong fields; each field's weight is shared by its topics.
    const fieldWeight = institution.strengths.includes(field) ? 6 : 1;
    for (const topic of topics) mix.push([{ field, topic }, fieldWeight / topics.length]);
  }
  return weightedTable(mix);
}

type Words = { qualifier: Term | null; object: Term; context: Term; technique: Term; feature: Term };

/** The words as spliced into titles: `q` / `zq` is the qualifier with its trailing space, or nothing. */
type TitleWords = {
  thing: string;
  zq: string;
  zo: string;
  c: string;
  zc: string;
  t: string;
  zt: string;
  f: string;
  zf: string;
};

/**
 * A title in both languages, the English as a phrase for running text, and what the abstract goes on to describe:
 * the parts of the claimed thing, the steps of the method, or the modules of a software system.
 */
type TitleForm = {
  en: string;
  zh: string;
  phrase: string;
  describes: 'PARTS' | 'STEPS' | 'MODULES';
  methodNoun: Term;
};

const METHOD: Term = ['method', '方法'];
const PREPARATION: Term = ['preparation method', '制备方法'];
const MANUFACTURE: Term = ['manufacturing method', '制造方法'];

function titleWords(w: Words): TitleWords {
  return {
    thing: w.qualifier ? `${w.qualifier[0]} ${w.object[0]}` : w.object[0],
    zq: w.qualifier ? w.qualifier[1] : '',
    zo: w.object[1],
    c: w.context[0],
    zc: w.context[1],
    t: w.technique[0],
    zt: w.technique[1],
    f: w.feature[0],
    zf: w.feature[1],
  };
}

function form(
  en: string,
  zh: string,
  describes: TitleForm['describes'],
  methodNoun: Term = METHOD,
): TitleForm {
  return { en, zh, phrase: withArticle(en), describes, methodNoun };
}

/**
 * The title patterns of Chinese filings and their usual English renderings: "一种…的制备方法" (method for preparing
 * …), "…及其在…中的应用" (… and use thereof in …), "…方法、装置、设备及存储介质" for software.
 */
const TITLE_FORMS: Readonly<Record<SubjectKind, readonly ((w: TitleWords) => TitleForm)[]>> = {
  MATERIAL: [
    (w) => form(`${w.thing} with ${w.f} for ${w.c}`, `一种具有${w.zf}的${w.zc}用${w.zq}${w.zo}`, 'PARTS'),
    (w) =>
      form(
        `method for preparing ${w.thing} for ${w.c}`,
        `一种${w.zc}用${w.zq}${w.zo}的制备方法`,
        'STEPS',
        PREPARATION,
      ),
    (w) =>
      form(
        `${w.thing} for ${w.c} prepared by ${w.t}`,
        `一种采用${w.zt}制备的${w.zc}用${w.zq}${w.zo}`,
        'PARTS',
      ),
    (w) =>
      form(
        `${w.thing}, preparation method therefor and use thereof in ${w.c}`,
        `一种${w.zq}${w.zo}及其制备方法和在${w.zc}中的应用`,
        'STEPS',
        PREPARATION,
      ),
  ],
  DEVICE: [
    (w) => form(`${w.thing} with ${w.f} for ${w.c}`, `一种具有${w.zf}的${w.zc}用${w.zq}${w.zo}`, 'PARTS'),
    (w) =>
      form(
        `${w.thing} for ${w.c} and manufacturing method thereof`,
        `一种${w.zc}用${w.zq}${w.zo}及其制造方法`,
        'PARTS',
      ),
    (w) => form(`${w.thing} for ${w.c} using ${w.t}`, `一种采用${w.zt}的${w.zc}用${w.zq}${w.zo}`, 'PARTS'),
    (w) =>
      form(
        `method for manufacturing ${w.thing} for ${w.c}`,
        `一种${w.zc}用${w.zq}${w.zo}的制造方法`,
        'STEPS',
        MANUFACTURE,
      ),
  ],
  SOFTWARE: [
    (w) =>
      form(
        `${w.thing} method for ${w.c} based on ${w.t}`,
        `一种基于${w.zt}的${w.zc}${w.zq}${w.zo}方法`,
        'STEPS',
      ),
    (w) =>
      form(
        `${w.thing} method, device, equipment and storage medium for ${w.c}`,
        `一种${w.zc}${w.zq}${w.zo}方法、装置、设备及存储介质`,
        'STEPS',
      ),
    (w) =>
      form(
        `${w.thing} system for ${w.c} and method therefor`,
        `一种${w.zc}${w.zq}${w.zo}系统及方法`,
        'MODULES',
      ),
    (w) =>
      form(
        `${w.thing} method for ${w.c} using ${w.f}`,
        `一种利用${w.zf}的${w.zc}${w.zq}${w.zo}方法`,
        'STEPS',
      ),
  ],
  BIOLOGICAL: [
    (w) =>
      form(
        `${w.thing} with ${w.f} and use thereof in ${w.c}`,
        `一种含${w.zf}的${w.zq}${w.zo}及其在${w.zc}中的应用`,
        'PARTS',
      ),
    (w) =>
      form(
        `method for preparing ${w.thing} and use thereof in ${w.c}`,
        `一种${w.zq}${w.zo}的制备方法及其在${w.zc}中的应用`,
        'STEPS',
        PREPARATION,
      ),
    (w) => form(`use of ${w.thing} in ${w.c}`, `${w.zq}${w.zo}在${w.zc}中的应用`, 'PARTS'),
    (w) =>
      form(
        `${w.thing} obtained by ${w.t} for ${w.c}`,
        `一种通过${w.zt}获得的用于${w.zc}的${w.zq}${w.zo}`,
        'PARTS',
      ),
  ],
};

const OPENINGS: readonly Term[] = [
  ['The invention discloses {p}.', '本发明公开了{p}。'],
  ['The present invention provides {p}.', '本发明提供了{p}。'],
  ['Disclosed is {p}.', '本发明公开了{p}。'],
  [
    'The invention relates to the field of {field} and discloses {p}.',
    '本发明涉及{field}技术领域，公开了{p}。',
  ],
];

const RESULT_LEADS: readonly Term[] = [
  ['Compared with the prior art, ', '与现有技术相比，'],
  ['In tests, ', '经测试，'],
  ['Experiments show that ', '实验表明，'],
];

function dependentClaimTopics(kind: SubjectKind, technique: string): string[] {
  const common = [`the use of ${technique}`];
  switch (kind) {
    case 'MATERIAL':
      return [
        ...common,
        'the composition ranges',
        'the particle size and morphology',
        'the process temperatures and times',
      ];
    case 'DEVICE':
      return [...common, 'the dimensions and materials', 'the control parameters', 'the assembly sequence'];
    case 'SOFTWARE':
      return [
        ...common,
        'the model architecture',
        'the training procedure',
        'the deployment on edge hardware',
      ];
    case 'BIOLOGICAL':
      return [
        ...common,
        'specific embodiments and variants',
        'the formulation and dosage',
        'the preparation conditions',
      ];
  }
}

function buildPatent(
  rng: Rng,
  allocator: SerialAllocator,
  index: number,
  institution: InstitutionProfile,
  { field, topic }: TopicChoice,
): DemoPatent {
  const key = `p-${`${index + 1}`.padStart(6, '0')}`;
  const jurisdiction = rng.pickFrom(JURISDICTION_MIX[institution.country]);
  const legalStatus = rng.pickFrom(LEGAL_STATUS_MIX);
  const dates = patentDates(rng, jurisdiction, legalStatus, institution.country);
  const numbers = assignPatentNumbers(allocator, {
    office: jurisdiction,
    filingDay: dates.filingDay,
    publicationDay: dates.publicationDay,
    grantDay: dates.grantDay,
  });

  const words: Words = {
    qualifier: rng.chance(0.75) ? rng.pick(topic.qualifiers) : null,
    object: rng.pick(topic.objects),
    context: rng.pick(topic.contexts),
    technique: rng.pick(topic.techniques),
    feature: rng.pick(topic.parts),
  };
  const title = rng.pick(TITLE_FORMS[topic.kind])(titleWords(words));
  const parts = [words.feature, ...rng.sample(without(topic.parts, words.feature), rng.int(1, 2))];
  const steps = inOrder(topic.steps, rng.sample(topic.steps, rng.int(2, 3)));
  const metrics = rng.sample(topic.metrics, rng.chance(0.35) ? 2 : 1).map((metric) => measure(rng, metric));
  const otherContext = rng.pick(without(topic.contexts, words.context));
  const sentenceCount = rng.pickFrom(SENTENCE_COUNT_MIX);

  // A CN filing is always in Chinese; abroad, family members of Chinese filings often keep the Chinese text.
  const hasChineseTitle =
    jurisdiction === 'CN' || (institution.country === 'CN' ? rng.chance(0.7) : rng.chance(0.08));
  const hasChineseAbstract = jurisdiction === 'CN' || (hasChineseTitle && rng.chance(0.6));
  const abstract = writeAbstract(rng, field, title, words, {
    parts,
    steps,
    metrics,
    otherContext,
    sentenceCount,
    withChinese: hasChineseAbstract,
  });
  const chineseKeywordShare = jurisdiction === 'CN' ? 0.55 : hasChineseTitle ? 0.2 : 0;

  const techniqueKeyword: Term = [stripArticle(words.technique[0]), words.technique[1]];
  const keywordPool = topic.keywords.some(([en]) => en === techniqueKeyword[0])
    ? topic.keywords
    : [...topic.keywords, techniqueKeyword];
  const keywordTerms = rng.sample(keywordPool, rng.int(3, 6));
  const bilingual = chineseKeywordShare > 0.5;
  if (bilingual) {
    // CN patents always show both languages: the first keyword in Chinese (some terms, like "MIMO", have no
    // Chinese form, so bring one that has to the front), the second in English.
    const chineseAt = keywordTerms.findIndex(([, zh]) => HAN.test(zh));
    const chinese = chineseAt >= 0 ? keywordTerms[chineseAt] : keywordPool.find(([, zh]) => HAN.test(zh));
    if (chinese) {
      if (chineseAt >= 0) keywordTerms.splice(chineseAt, 1);
      else keywordTerms.pop();
      keywordTerms.unshift(chinese);
    }
  }
  const keywords = uniqueStrings(
    keywordTerms.map((term, i) => {
      if (bilingual && i < 2) return i === 0 ? term[1] : term[0];
      return rng.chance(chineseKeywordShare) ? term[1] : term[0];
    }),
  );

  const advantages = rng.sample(topic.advantages, rng.int(2, 3));
  if (rng.chance(0.5)) advantages[advantages.length - 1] = capitalise(metrics[0].en);

  const technicalFields: TechnicalField[] = [field];
  if (topic.alsoIn && rng.chance(0.35)) technicalFields.push(rng.pick(topic.alsoIn));

  return {
    key,
    institutionKey: institution.key,
    titleEn: capitalise(title.en),
    titleZh: hasChineseTitle ? title.zh : null,
    abstractEn: abstract.en,
    abstractZh: abstract.zh,
    claimsSummary: writeClaimsSummary(rng, topic.kind, words, parts, steps, otherContext),
    applicationNumber: numbers.applicationNumber,
    publicationNumber: numbers.publicationNumber,
    grantNumber: numbers.grantNumber,
    jurisdiction,
    legalStatus,
    priorityDate: dates.priorityDay === null ? null : formatDay(dates.priorityDay),
    filingDate: formatDay(dates.filingDay),
    grantDate: dates.grantDay === null ? null : formatDay(dates.grantDay),
    expiryDate: dates.expiryDay === null ? null : formatDay(dates.expiryDay),
    ipcClasses: rng.sample(topic.ipc, rng.int(1, 3)),
    inventors: inventorNames(rng, institution.country, jurisdiction),
    trl: rng.pickFrom(TRL_MIX),
    technicalFields,
    keywords,
    advantages,
    applications: rng.sample(topic.applications, rng.int(2, 3)),
    documentLinks: documentLinks(rng, key, institution, jurisdiction, numbers),
  };
}

type PatentDays = {
  priorityDay: number | null;
  filingDay: number;
  publicationDay: number | null;
  grantDay: number | null;
  expiryDay: number | null;
};

function patentDates(
  rng: Rng,
  jurisdiction: Jurisdiction,
  status: LegalStatus,
  country: Country,
): PatentDays {
  const [from, to] = FILING_WINDOW[status];
  const filingDay = rng.int(from, to);

  const homeOffice: Jurisdiction = country === 'CN' ? 'CN' : country === 'US' ? 'US' : 'EP';
  // Filings abroad nearly always claim the home filing; home filings sometimes claim a provisional or earlier one.
  const claimsPriority = rng.chance(
    jurisdiction === homeOffice ? (jurisdiction === 'CN' ? 0.15 : 0.55) : 0.95,
  );
  const priorityDay = claimsPriority ? filingDay - rng.int(60, MAX_PRIORITY_DAYS) : null;

  let grantDay: number | null = null;
  if (status !== 'FILED') {
    // Keep every grant at least two weeks before the reference day.
    const latest = Math.min(1900, REFERENCE_DAY - 14 - filingDay);
    grantDay = filingDay + rng.int(Math.min(540, latest), latest);
  }

  let publicationDay: number | null = (priorityDay ?? filingDay) + PUBLICATION_DELAY_DAYS + rng.int(0, 45);
  // Early publication on request (CN, EP) or with the grant: never after the grant.
  if (grantDay !== null && publicationDay >= grantDay) publicationDay = grantDay - rng.int(20, 120);
  if (grantDay === null && publicationDay > REFERENCE_DAY) publicationDay = null;
  // A US applicant may ask not to be published before grant; the grant is then the first publication.
  if (jurisdiction === 'US' && rng.chance(0.08)) publicationDay = null;

  return {
    priorityDay,
    filingDay,
    publicationDay,
    grantDay,
    // The 20-year term runs from filing; a pending application has no expiry yet, a lapsed one keeps its nominal term.
    expiryDay: grantDay === null ? null : addYears(filingDay, 20),
  };
}

type AbstractContent = {
  parts: readonly Term[];
  steps: readonly Term[];
  metrics: readonly { en: string; zh: string }[];
  otherContext: Term;
  sentenceCount: number;
  /** The Chinese text is only written when it is kept (most US and EP records have none). */
  withChinese: boolean;
};

/** Opening, then structure (parts or steps), then measured results, then fields of use: two to four sentences. */
function writeAbstract(
  rng: Rng,
  field: TechnicalField,
  title: TitleForm,
  words: Words,
  content: AbstractContent,
): { en: string; zh: string | null } {
  const { parts, steps, metrics, otherContext, sentenceCount, withChinese } = content;
  const [opening, openingZh] = rng.pick(OPENINGS);
  const [lead, leadZh] = rng.pick(RESULT_LEADS);
  const [fieldEn, fieldZh] = FIELD_VOCABULARY[field].label;
  const structureFirst = sentenceCount > 2 || rng.chance(0.5);
  const subject = subjectNoun(title, words);

  // Sentences are joined once at the end: a flat string takes less memory than one grown with +=, which shows
  // when a caller keeps 100,000 abstracts in an array.
  const en = [opening.replace('{p}', title.phrase).replace('{field}', fieldEn)];
  if (structureFirst) {
    en.push(
      title.describes === 'STEPS'
        ? `The ${title.methodNoun[0]} comprises ${joinSteps(steps.map((step) => step[0]))}.`
        : `The ${subject[0]} comprises ${joinList(
            parts.map((part) => part[0]),
            'and',
          )}.`,
    );
  }
  if (!structureFirst || sentenceCount >= 3) {
    en.push(
      `${lead}${joinList(
        metrics.map((metric) => metric.en),
        'and',
      )}.`,
    );
  }
  if (sentenceCount >= 4)
    en.push(`The invention can be applied to ${words.context[0]} and ${otherContext[0]}.`);
  if (!withChinese) return { en: en.join(' '), zh: null };

  const zh = [openingZh.replace('{p}', title.zh).replace('{field}', fieldZh)];
  if (structureFirst) {
    zh.push(
      title.describes === 'STEPS'
        ? `所述${title.methodNoun[1]}包括以下步骤：${steps.map((step) => step[1]).join('；')}。`
        : `所述${subject[1]}包括${joinList(
            parts.map((part) => part[1]),
            '和',
            '、',
          )}。`,
    );
  }
  if (!structureFirst || sentenceCount >= 3)
    zh.push(`${leadZh}${metrics.map((metric) => metric.zh).join('，')}。`);
  if (sentenceCount >= 4) zh.push(`本发明可应用于${words.context[1]}、${otherContext[1]}等领域。`);
  return { en: en.join(' '), zh: zh.join('') };
}

/** What "The … comprises" refers to when the abstract lists parts or modules. */
function subjectNoun(title: TitleForm, words: Words): Term {
  if (title.describes === 'MODULES') return ['system', '系统'];
  const qualifier = words.qualifier;
  return qualifier
    ? [`${qualifier[0]} ${words.object[0]}`, `${qualifier[1]}${words.object[1]}`]
    : words.object;
}

function writeClaimsSummary(
  rng: Rng,
  kind: SubjectKind,
  words: Words,
  parts: readonly Term[],
  steps: readonly Term[],
  otherContext: Term,
): string {
  const total = rng.int(6, 20);
  const independent = kind === 'SOFTWARE' ? 3 : rng.int(2, 3);
  const second = Math.max(2, Math.round(total * rng.decimal(0.45, 0.75, 2)));
  const third = Math.min(total, second + rng.int(1, 3));
  const thing = `${words.qualifier ? `${words.qualifier[0]} ` : ''}${words.object[0]}`;
  const partList = joinList(
    parts.map((p) => p[0]),
    'and',
  );
  const stepList = joinSteps(steps.map((s) => s[0]));
  const sentences = [`${total} claims, ${independent} independent.`];
  if (kind === 'SOFTWARE') {
    sentences.push(
      `Claim 1: ${withArticle(`${thing} method for ${words.context[0]}`)}, comprising ${stepList}.`,
      `Claim ${second}: a device comprising ${partList}.`,
      `Claim ${third}: a computer-readable storage medium storing a program that carries out the method.`,
    );
  } else {
    const making = kind === 'DEVICE' ? 'manufacturing' : 'preparing';
    sentences.push(
      `Claim 1: ${withArticle(`${thing} for ${words.context[0]}`)}, comprising ${partList}.`,
      `Claim ${second}: a method of ${making} it, comprising ${stepList}.`,
    );
    if (independent === 3) sentences.push(`Claim ${third}: its use in ${otherContext[0]}.`);
  }
  const narrowed = rng.sample(dependentClaimTopics(kind, stripArticle(words.technique[0])), 2);
  sentences.push(`The dependent claims narrow ${narrowed[0]} and ${narrowed[1]}.`);
  return sentences.join(' ');
}

function measure(rng: Rng, [en, zh, min, max, decimals]: Metric): { en: string; zh: string } {
  let value = rng.decimal(min, max, decimals);
  // Large counts are reported rounded, as people do ("12,350 cycles", not "12,347").
  if (decimals === 0 && Math.abs(value) >= 1000) value = Math.round(value / 50) * 50;
  const plain = value.toFixed(decimals);
  const grouped =
    decimals === 0 && Math.abs(value) >= 10_000 ? plain.replace(/\B(?=(\d{3})+$)/g, ',') : plain;
  return { en: en.replace('{v}', grouped), zh: zh.replace('{v}', plain) };
}

function inventorNames(rng: Rng, country: Country, jurisdiction: Jurisdiction): string[] {
  const count = rng.int(2, 5);
  const names: string[] = [];
  for (let attempt = 0; names.length < count && attempt < 50; attempt++) {
    const name = inventorName(rng, country, jurisdiction);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

function inventorName(rng: Rng, country: Country, jurisdiction: Jurisdiction): string {
  const origin =
    country === 'CN' ? 'CN' : rng.pickFrom(INVENTOR_ORIGIN_MIX[country === 'DE' ? 'DE' : 'OTHER']);
  if (origin === 'DE') return `${rng.pick(GERMAN_GIVEN_NAMES)} ${rng.pick(GERMAN_FAMILY_NAMES)}`;
  if (origin === 'EN') return `${rng.pick(ENGLISH_GIVEN_NAMES)} ${rng.pick(ENGLISH_FAMILY_NAMES)}`;

  const [surname, surnamePinyin] = rng.pick(CHINESE_SURNAMES);
  const [second, secondPinyin] = rng.pick(CHINESE_GIVEN_SECOND);
  const [first, firstPinyin] = rng.chance(0.7) ? rng.pick(CHINESE_GIVEN_FIRST) : ['', ''];
  // A CNIPA record names Chinese inventors in characters; a US or EP record in pinyin, given name first.
  if (jurisdiction === 'CN' && country === 'CN') return `${surname}${first}${second}`;
  return `${capitalise(`${firstPinyin}${secondPinyin}`.toLowerCase())} ${surnamePinyin}`;
}

function documentLinks(
  rng: Rng,
  key: string,
  institution: DemoInstitution,
  jurisdiction: Jurisdiction,
  numbers: { applicationNumber: string; publicationNumber: string | null; grantNumber: string | null },
): { label: string; url: string }[] {
  const links: { label: string; url: string }[] = [];
  if (numbers.publicationNumber) {
    links.push({ label: 'Publication', url: `${PATENT_VIEWER}/${numbers.publicationNumber}` });
  }
  if (numbers.grantNumber && numbers.grantNumber !== numbers.publicationNumber) {
    links.push({ label: 'Granted patent', url: `${PATENT_VIEWER}/${numbers.grantNumber}` });
  }
  links.push({
    label: 'Register entry',
    url: `${PATENT_REGISTER}/${jurisdiction.toLowerCase()}/${encodeURIComponent(numbers.applicationNumber)}`,
  });
  if (rng.chance(0.5))
    links.push({ label: 'Technology brief (PDF)', url: `${institution.website}/tech-briefs/${key}.pdf` });
  return links;
}

// ---------------------------------------------------------------------------------------------------------------
// Text helpers

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withArticle(phrase: string): string {
  if (phrase.startsWith('use of ')) return `the ${phrase}`;
  const first = phrase.charAt(0).toLowerCase();
  // "an engineered", "an ultrasound"; but "a one-pot", "a unidirectional", "a user".
  const vowelSound = 'aeiou'.includes(first) && !/^(uni|use|usa|eu|one)/i.test(phrase);
  return `${vowelSound ? 'an' : 'a'} ${phrase}`;
}

function stripArticle(phrase: string): string {
  return phrase.replace(/^(a|an|the) /, '');
}

/** "a, b and c" (English) or "a、b和c" (Chinese). */
function joinList(items: readonly string[], conjunction: string, separator = ', '): string {
  if (items.length <= 1) return items.join('');
  const spaced = separator === ', ' ? ` ${conjunction} ` : conjunction;
  return `${items.slice(0, -1).join(separator)}${spaced}${items[items.length - 1]}`;
}

/** Claim-style step list: "a; b; and c". */
function joinSteps(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('; ')}; and ${items[items.length - 1]}`;
}

function without<T>(items: readonly T[], item: T): T[] {
  const rest = items.filter((candidate) => candidate !== item);
  return rest.length > 0 ? rest : items.slice();
}

/** The chosen items in the order they appear in `all` (method steps must stay in sequence). */
function inOrder<T>(all: readonly T[], chosen: readonly T[]): T[] {
  return all.filter((item) => chosen.includes(item));
}

function uniqueStrings(items: readonly string[]): string[] {
  const unique: string[] = [];
  const folded: string[] = [];
  for (const item of items) {
    const lower = item.toLowerCase();
    if (!folded.includes(lower)) {
      folded.push(lower);
      unique.push(item);
    }
  }
  return unique;
}
