import { addYears, dayNumber, formatDay, parseDayOrThrow } from './calendar';
import {
  DEFAULT_DEMO_SEED,
  DEMO_PASSWORD,
  DEMO_REFERENCE_DATE,
  MAX_DEMO_PATENTS,
  demoInstitutions,
  demoSmes,
  demoUsers,
  generateDemoPatents,
  iterateDemoPatents,
  type DemoPatent,
  type DemoSme,
  type TechnicalField,
} from './demo-catalogue';
import { cnCheckDigit, epCheckDigit } from './patent-numbers';
import { isValidUnifiedSocialCreditCode } from './registration-numbers';
import { FIELD_VOCABULARY } from './vocabulary';

const IPC_CLASS = /^[A-H]\d{2}[A-Z] \d{1,4}\/\d{2,6}$/;
const REFERENCE_DAY = parseDayOrThrow(DEMO_REFERENCE_DATE);
const ALL_FIELDS = Object.keys(FIELD_VOCABULARY) as TechnicalField[];
const HAN = /[\u4e00-\u9fff]/;

/** Every rule a generated patent must keep, as readable messages; an empty list means the patent is sound. */
function problemsWith(p: DemoPatent, index: number, institutionKeys: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => {
    if (!ok) problems.push(`${p.key}: ${message}`);
  };
  expect(p.key === `p-${String(index + 1).padStart(6, '0')}`, `key should follow the index ${index}`);
  expect(institutionKeys.has(p.institutionKey), `unknown institution ${p.institutionKey}`);

  expect(p.ipcClasses.length >= 1 && p.ipcClasses.length <= 3, 'needs 1 to 3 IPC classes');
  for (const ipc of p.ipcClasses) expect(IPC_CLASS.test(ipc), `bad IPC class "${ipc}"`);

  const day = (text: string | null, name: string): number | null => {
    if (text === null) return null;
    try {
      return parseDayOrThrow(text);
    } catch {
      problems.push(`${p.key}: ${name} "${text}" is not a calendar day`);
      return null;
    }
  };
  const priority = day(p.priorityDate, 'priorityDate');
  const filing = day(p.filingDate, 'filingDate');
  const grant = day(p.grantDate, 'grantDate');
  const expiry = day(p.expiryDate, 'expiryDate');
  if (filing !== null) {
    expect(filing <= REFERENCE_DAY, 'filed after the reference day');
    if (priority !== null) {
      expect(priority < filing, 'priority must come before filing');
      expect(filing - priority <= 365, 'priority more than a year before filing');
    }
    if (grant !== null) {
      expect(grant > filing, 'grant must come after filing');
      expect(grant <= REFERENCE_DAY, 'granted after the reference day');
    }
    if (expiry !== null) expect(expiry === addYears(filing, 20), 'expiry must be filing + 20 years');
  }

  const everGranted = p.legalStatus !== 'FILED';
  expect(everGranted === (p.grantDate !== null), `${p.legalStatus} and grantDate disagree`);
  expect(everGranted === (p.grantNumber !== null), `${p.legalStatus} and grantNumber disagree`);
  expect(everGranted === (p.expiryDate !== null), `${p.legalStatus} and expiryDate disagree`);
  if (everGranted) expect(p.publicationNumber !== null, 'a granted patent has been published');
  if (expiry !== null && p.legalStatus === 'EXPIRED')
    expect(expiry < REFERENCE_DAY, 'expired but term not over');
  if (expiry !== null && p.legalStatus === 'GRANTED')
    expect(expiry > REFERENCE_DAY, 'in force but term over');

  switch (p.jurisdiction) {
    case 'CN': {
      const match = /^CN(\d{12}|\d{8})\.([\dX])$/.exec(p.applicationNumber);
      expect(
        match !== null && cnCheckDigit(match[1]) === match[2],
        `bad CN application ${p.applicationNumber}`,
      );
      expect(
        p.publicationNumber === null || /^CN\d{7}(\d{2})?A$/.test(p.publicationNumber),
        'bad CN publication',
      );
      expect(
        p.grantNumber === null ||
          (/^CN\d+[BC]$/.test(p.grantNumber) &&
            p.grantNumber.slice(0, -1) === p.publicationNumber?.slice(0, -1)),
        'a CN grant keeps the publication number',
      );
      expect(p.titleZh !== null && p.abstractZh !== null, 'a CN filing is in Chinese');
      break;
    }
    case 'US':
      expect(/^US\d{2}\/\d{3},\d{3}$/.test(p.applicationNumber), `bad US application ${p.applicationNumber}`);
      expect(
        p.publicationNumber === null || /^US(\d{11}A1|\d{7,8}(A|B1|B2))$/.test(p.publicationNumber),
        `bad US publication ${p.publicationNumber}`,
      );
      expect(
        p.grantNumber === null || /^US\d{7,8}(A|B1|B2)$/.test(p.grantNumber),
        `bad US grant ${p.grantNumber}`,
      );
      break;
    case 'EP': {
      const match = /^EP(\d{8})\.(\d)$/.exec(p.applicationNumber);
      expect(
        match !== null && epCheckDigit(match[1]) === match[2],
        `bad EP application ${p.applicationNumber}`,
      );
      expect(p.publicationNumber === null || /^EP\d{7}A1$/.test(p.publicationNumber), 'bad EP publication');
      expect(
        p.grantNumber === null || p.grantNumber === p.publicationNumber?.replace(/A1$/, 'B1'),
        'bad EP grant',
      );
      break;
    }
  }

  expect(p.titleEn.length > 0 && p.abstractEn.length > 0, 'English title and abstract are required');
  expect(p.abstractZh === null || p.titleZh !== null, 'a Chinese abstract comes with a Chinese title');
  const englishSentences = p.abstractEn.split(/(?<=\.) (?=[A-Z0-9{])/).length;
  expect(
    englishSentences >= 2 && englishSentences <= 4,
    `English abstract has ${englishSentences} sentences`,
  );
  if (p.abstractZh !== null) {
    const chineseSentences = p.abstractZh.split('。').length - 1;
    expect(chineseSentences === englishSentences, 'Chinese and English abstracts differ in length');
  }

  expect(p.inventors.length >= 2 && p.inventors.length <= 5, 'needs 2 to 5 inventors');
  expect(new Set(p.inventors).size === p.inventors.length, 'inventors repeat');
  expect(Number.isInteger(p.trl) && p.trl >= 1 && p.trl <= 9, `TRL ${p.trl}`);
  expect(p.technicalFields.length >= 1 && p.technicalFields.every((f) => ALL_FIELDS.includes(f)), 'fields');
  expect(new Set(p.technicalFields).size === p.technicalFields.length, 'fields repeat');
  expect(p.keywords.length >= 3 && p.keywords.length <= 6, `${p.keywords.length} keywords`);
  expect(new Set(p.keywords).size === p.keywords.length, 'keywords repeat');
  if (p.jurisdiction === 'CN') {
    expect(
      p.keywords.some((k) => HAN.test(k)) && p.keywords.some((k) => !HAN.test(k)),
      'CN keywords mix languages',
    );
  }
  expect(p.advantages.length >= 2 && p.advantages.length <= 3, 'needs 2 to 3 advantages');
  expect(p.applications.length >= 2 && p.applications.length <= 3, 'needs 2 to 3 applications');
  expect(p.documentLinks.length >= 1, 'needs a document link');
  for (const link of p.documentLinks) expect(/^https:\/\/\S+$/.test(link.url), `bad link ${link.url}`);
  return problems;
}

describe('demo patents', () => {
  const institutionKeys = new Set(demoInstitutions().map((i) => i.key));
  const demo = generateDemoPatents(300);

  it('are the same for the same seed and differ for another seed', () => {
    expect(generateDemoPatents(300)).toEqual(demo);
    expect(generateDemoPatents(300, DEFAULT_DEMO_SEED)).toEqual(demo);
    const other = generateDemoPatents(300, 7);
    expect(other).toEqual(generateDemoPatents(300, 7));
    expect(other.filter((p, i) => p.titleEn === demo[i].titleEn).length).toBeLessThan(30);
  });

  it('give patent i the same content whatever the count', () => {
    expect(generateDemoPatents(40)).toEqual(demo.slice(0, 40));
    expect(Array.from(iterateDemoPatents(300))).toEqual(demo);
  });

  it('keep every rule in the 300-patent demo', () => {
    expect(demo.flatMap((p, i) => problemsWith(p, i, institutionKeys))).toEqual([]);
  });

  it('cover every technical field, jurisdiction, legal status and TRL, and at least five institutions', () => {
    expect(new Set(demo.map((p) => p.technicalFields[0]))).toEqual(new Set(ALL_FIELDS));
    expect(new Set(demo.map((p) => p.jurisdiction))).toEqual(new Set(['CN', 'US', 'EP']));
    expect(new Set(demo.map((p) => p.legalStatus))).toEqual(
      new Set(['FILED', 'GRANTED', 'EXPIRED', 'LAPSED']),
    );
    expect(new Set(demo.map((p) => p.trl))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(new Set(demo.map((p) => p.institutionKey)).size).toBeGreaterThanOrEqual(5);
  });

  it('do not read like copies of each other', () => {
    expect(new Set(demo.map((p) => p.titleEn)).size).toBeGreaterThanOrEqual(290);
    expect(new Set(demo.map((p) => p.titleZh).filter((t) => t !== null)).size).toBeGreaterThanOrEqual(200);
    expect(new Set(demo.map((p) => p.abstractEn)).size).toBe(300);
    expect(new Set(demo.map((p) => p.claimsSummary)).size).toBe(300);
  });

  it('are mostly English-only outside China', () => {
    const abroad = demo.filter((p) => p.jurisdiction !== 'CN');
    const englishOnly = abroad.filter((p) => p.titleZh === null);
    expect(englishOnly.length / abroad.length).toBeGreaterThan(0.5);
    expect(englishOnly.length).toBeLessThan(abroad.length);
  });

  it('let a Chinese search for 电池 find every Chinese energy-storage abstract', () => {
    const storage = demo.filter((p) => p.technicalFields[0] === 'ENERGY_STORAGE' && p.abstractZh !== null);
    expect(storage.length).toBeGreaterThan(5);
    expect(storage.filter((p) => !p.abstractZh?.includes('电池'))).toEqual([]);
  });

  it('name Chinese inventors in characters on CN filings of Chinese institutions', () => {
    const chinese = new Set(
      demoInstitutions()
        .filter((i) => i.country === 'CN')
        .map((i) => i.key),
    );
    const cn = demo.filter((p) => p.jurisdiction === 'CN' && chinese.has(p.institutionKey));
    expect(cn.flatMap((p) => p.inventors).filter((name) => !/^[\u4e00-\u9fff]{2,3}$/.test(name))).toEqual([]);
    const abroad = demo.filter((p) => p.jurisdiction !== 'CN');
    expect(abroad.flatMap((p) => p.inventors).filter((name) => HAN.test(name))).toEqual([]);
  });

  it('streams 100,000 without holding them (how fast is for `npm run bench`, not for a test)', () => {
    let count = 0;
    for (const patent of iterateDemoPatents(100_000)) if (patent.key) count++;
    expect(count).toBe(100_000);
  });

  it('keep every rule, and unique keys and numbers, across 100,000 patents', () => {
    const problems: string[] = [];
    const keys = new Set<string>();
    const applications = new Set<string>();
    const publications = new Set<string>();
    const grants = new Set<string>();
    const fields = new Set<TechnicalField>();
    let index = 0;
    for (const p of iterateDemoPatents(100_000)) {
      if (problems.length < 20) problems.push(...problemsWith(p, index, institutionKeys));
      keys.add(p.key);
      applications.add(p.applicationNumber);
      if (p.publicationNumber) publications.add(p.publicationNumber);
      // A US grant without a pre-grant publication is its own publication; count each document once.
      if (p.grantNumber && p.grantNumber !== p.publicationNumber) grants.add(p.grantNumber);
      for (const f of p.technicalFields) fields.add(f);
      index++;
    }
    expect(problems).toEqual([]);
    expect(keys.size).toBe(100_000);
    expect(applications.size).toBe(100_000);
    expect(fields.size).toBeGreaterThanOrEqual(10);
    expect(publications.size + grants.size).toBeGreaterThan(70_000);
  });

  it('refuse counts they cannot number uniquely, at the call rather than on first use', () => {
    expect(() => iterateDemoPatents(MAX_DEMO_PATENTS + 1)).toThrow(RangeError);
    expect(() => iterateDemoPatents(-1)).toThrow(RangeError);
    expect(() => iterateDemoPatents(1.5)).toThrow(RangeError);
    expect(generateDemoPatents(0)).toEqual([]);
  });
});

describe('calendar days', () => {
  it('add 20 years to a leap day, falling back to 28 February only in common years', () => {
    expect(formatDay(addYears(dayNumber(2004, 2, 29), 20))).toBe('2024-02-29');
    expect(formatDay(addYears(dayNumber(2080, 2, 29), 20))).toBe('2100-02-28');
    expect(formatDay(addYears(dayNumber(2023, 11, 28), 20))).toBe('2043-11-28');
  });

  it('round-trip through YYYY-MM-DD and reject days that do not exist', () => {
    expect(formatDay(parseDayOrThrow('1996-06-01'))).toBe('1996-06-01');
    expect(parseDayOrThrow('1970-01-01')).toBe(0);
    expect(() => parseDayOrThrow('2023-02-29')).toThrow(RangeError);
    expect(() => parseDayOrThrow('2026-13-01')).toThrow(RangeError);
  });
});

describe('patent number check digits', () => {
  it('match the offices’ published examples', () => {
    // CNIPA's worked example 201710601862.3 and the EPO's 99403122.7.
    expect(cnCheckDigit('201710601862')).toBe('3');
    expect(epCheckDigit('99403122')).toBe('7');
  });
});

describe('demo institutions', () => {
  const institutions = demoInstitutions();

  it('include Chinese universities, a Chinese research institute and US and UK universities', () => {
    expect(institutions.length).toBeGreaterThanOrEqual(6);
    const cnUniversities = institutions.filter((i) => i.country === 'CN' && i.kind === 'UNIVERSITY');
    expect(cnUniversities.length).toBeGreaterThanOrEqual(3);
    expect(institutions.some((i) => i.country === 'CN' && i.kind === 'RESEARCH_INSTITUTE')).toBe(true);
    expect(institutions.some((i) => i.country === 'US' && i.kind === 'UNIVERSITY')).toBe(true);
    expect(institutions.some((i) => i.country === 'GB' && i.kind === 'UNIVERSITY')).toBe(true);
  });

  it('have unique keys, Chinese names and a reachable TTO contact', () => {
    expect(new Set(institutions.map((i) => i.key)).size).toBe(institutions.length);
    for (const i of institutions) {
      expect(i.nameZh).toMatch(HAN);
      expect(i.website).toMatch(/^https:\/\/\S+$/);
      expect(i.ttoContact.email).toBe(`tto@${i.key}.demo.usefirst.test`);
      expect(i.ttoContact.phone).toMatch(/^\+\d[\d ]+$/);
    }
  });
});

/**
 * Each country's own size rule: China's 2011 industrial thresholds (工信部联企业〔2011〕300号), the UK Companies Act
 * thresholds from April 2025, and headcount bands for the US, which has no statutory micro class.
 */
function sizeClassByRule(sme: DemoSme): DemoSme['sizeClass'] | 'NOT_AN_SME' {
  const revenue = sme.annualRevenueMinor / 100;
  const staff = sme.headcount;
  switch (sme.revenueCurrency) {
    case 'CNY':
      if (staff >= 1000 && revenue >= 400_000_000) return 'NOT_AN_SME';
      if (staff >= 300 && revenue >= 20_000_000) return 'MEDIUM';
      if (staff >= 20 && revenue >= 3_000_000) return 'SMALL';
      return 'MICRO';
    case 'GBP':
      if (staff <= 10 && revenue <= 1_000_000) return 'MICRO';
      if (staff <= 50 && revenue <= 15_000_000) return 'SMALL';
      if (staff <= 250 && revenue <= 54_000_000) return 'MEDIUM';
      return 'NOT_AN_SME';
    case 'USD':
      if (staff < 10) return 'MICRO';
      if (staff < 100) return 'SMALL';
      if (staff < 500) return 'MEDIUM';
      return 'NOT_AN_SME';
  }
}

describe('demo SMEs', () => {
  const smes = demoSmes();

  it('are exactly 20 across all three size classes, mostly Chinese', () => {
    expect(smes).toHaveLength(20);
    expect(new Set(smes.map((s) => s.sizeClass))).toEqual(new Set(['MICRO', 'SMALL', 'MEDIUM']));
    expect(smes.filter((s) => s.revenueCurrency === 'CNY').length).toBeGreaterThanOrEqual(14);
    expect(new Set(smes.map((s) => s.revenueCurrency))).toEqual(new Set(['CNY', 'USD', 'GBP']));
    expect(new Set(smes.map((s) => s.key)).size).toBe(20);
  });

  it('are sized by their country’s rule', () => {
    expect(smes.filter((s) => sizeClassByRule(s) !== s.sizeClass).map((s) => s.key)).toEqual([]);
  });

  it('carry valid registration details', () => {
    for (const s of smes) {
      expect(Number.isSafeInteger(s.annualRevenueMinor) && s.annualRevenueMinor > 0).toBe(true);
      expect(parseDayOrThrow(s.foundedOn)).toBeLessThan(REFERENCE_DAY);
      if (s.littleGiant) expect(s.specialisedAndSophisticated).toBe(true);
      if (s.revenueCurrency === 'CNY') {
        expect(isValidUnifiedSocialCreditCode(s.registrationNumber)).toBe(true);
        expect(s.nameZh).toMatch(HAN);
      }
    }
  });

  it('validate a published real unified social credit code the same way', () => {
    expect(isValidUnifiedSocialCreditCode('914403001922038216')).toBe(true);
    expect(isValidUnifiedSocialCreditCode('914403001922038217')).toBe(false);
  });
});

describe('demo users', () => {
  const users = demoUsers();
  const organizations = [
    ...demoInstitutions().map((i) => i.key),
    ...demoSmes().map((s) => s.key),
    'platform',
  ];

  it('cover every role and belong to a known organisation', () => {
    expect(new Set(users.flatMap((u) => u.roles))).toEqual(
      new Set(['TTO_MANAGER', 'SME_MEMBER', 'FINANCE', 'ADMIN']),
    );
    expect(users.filter((u) => !organizations.includes(u.organizationKey))).toEqual([]);
  });

  it('give each institution a TTO manager and a finance user, and each SME a member and a finance user', () => {
    const rolesOf = (email: string) => users.find((u) => u.email === email)?.roles;
    for (const i of demoInstitutions()) {
      expect(rolesOf(`tto@${i.key}.demo.usefirst.test`)).toEqual(['TTO_MANAGER', 'ADMIN']);
      expect(rolesOf(`finance@${i.key}.demo.usefirst.test`)).toEqual(['FINANCE']);
    }
    for (const s of demoSmes()) {
      expect(rolesOf(`member@${s.key}.demo.usefirst.test`)).toEqual(['SME_MEMBER', 'ADMIN']);
      expect(rolesOf(`finance@${s.key}.demo.usefirst.test`)).toEqual(['FINANCE']);
    }
    expect(users.filter((u) => u.organizationKey === 'platform')).toEqual([
      {
        email: 'admin@demo.usefirst.test',
        password: 'UseFirst-demo-2026',
        displayName: 'UseFirst Operations',
        organizationKey: 'platform',
        roles: ['ADMIN'],
      },
    ]);
  });

  it('have unique lower-case emails and the shared demo password', () => {
    expect(users).toHaveLength(1 + 2 * demoInstitutions().length + 2 * 20);
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    expect(
      users.filter((u) => u.email !== u.email.toLowerCase() || !/^[^@\s]+@[^@\s]+$/.test(u.email)),
    ).toEqual([]);
    expect(new Set(users.map((u) => u.password))).toEqual(new Set([DEMO_PASSWORD]));
    expect(DEMO_PASSWORD).toBe('UseFirst-demo-2026');
  });
});
