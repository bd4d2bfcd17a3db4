import { civilDate, dayNumber } from './calendar';
import { hashString } from './prng';

/**
 * Application, publication and grant numbers in each office's real shape, with the real check digits, so that the
 * demo catalogue survives a glance from a patent attorney. Numbers are unique within a run: each office's number
 * space (a year, a US series code, a publication prefix) hands out serials from its own counter.
 */
export type PatentOffice = 'CN' | 'US' | 'EP';

export type PatentNumbers = {
  applicationNumber: string;
  publicationNumber: string | null;
  grantNumber: string | null;
};

/** Days since 1970-01-01 (see calendar.ts); `publicationDay` must not be after `grantDay`. */
export type PatentNumberingInput = {
  office: PatentOffice;
  filingDay: number;
  publicationDay: number | null;
  grantDay: number | null;
};

export type SerialAllocator = {
  /** The next unused serial in [0, size) of the named space; throws once the space is used up. */
  next(space: string, size: number): number;
};

/**
 * Serials are the counter times a large prime, offset per space and seed: never repeated within a space (the
 * stride is coprime with the size), yet not 000001, 000002, … which would look fake.
 */
export function createSerialAllocator(seed: number): SerialAllocator {
  const used = new Map<string, number>();
  return {
    next(space, size) {
      const count = used.get(space) ?? 0;
      if (count >= size) throw new RangeError(`Patent number space ${space} is used up (${size} numbers)`);
      used.set(space, count + 1);
      const stride = size % 1_299_709 === 0 ? 104_729 : 1_299_709;
      const offset = (hashString(space) ^ seed) >>> 0;
      return (count * stride + offset) % size;
    },
  };
}

/** CNIPA: weights 2..9, 2..5 over the digits left to right, sum mod 11, 10 written as X. */
export function cnCheckDigit(digits: string): string {
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i];
  const check = sum % 11;
  return check === 10 ? 'X' : `${check}`;
}

/** EPO (applications from 2002): digits times 1, 2, 1, 2…, the digits of the products summed, ten's complement. */
export function epCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = (digits.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 2);
    sum += product > 9 ? product - 9 : product;
  }
  return `${(10 - (sum % 10)) % 10}`;
}

/** USPTO series codes by filing year; a series spans two or three years of utility filings. */
export function usSeriesCode(filingYear: number): string {
  const firstYears: readonly (readonly [number, string])[] = [
    [2025, '19'],
    [2022, '18'],
    [2020, '17'],
    [2018, '16'],
    [2016, '15'],
    [2014, '14'],
    [2011, '13'],
    [2008, '12'],
    [2005, '11'],
    [2002, '10'],
    [1998, '09'],
  ];
  for (const [firstYear, code] of firstYears) if (filingYear >= firstYear) return code;
  return '08';
}

/** Roughly the first US patent number issued in each January. */
const US_FIRST_GRANT_OF_YEAR: Readonly<Record<number, number>> = {
  1996: 5_479_658,
  1997: 5_590_420,
  1998: 5_704_101,
  1999: 5_855_021,
  2000: 6_009_555,
  2001: 6_167_569,
  2002: 6_334_889,
  2003: 6_502_244,
  2004: 6_671_884,
  2005: 6_836_899,
  2006: 6_981_283,
  2007: 7_155_746,
  2008: 7_313_829,
  2009: 7_472_428,
  2010: 7_640_598,
  2011: 7_861_317,
  2012: 8_087_094,
  2013: 8_341_762,
  2014: 8_621_662,
  2015: 8_925_111,
  2016: 9_226_437,
  2017: 9_532_086,
  2018: 9_854_838,
  2019: 10_165_721,
  2020: 10_524_972,
  2021: 10_881_042,
  2022: 11_212_916,
  2023: 11_540_828,
  2024: 11_856_253,
  2025: 12_185_000,
  2026: 12_520_000,
  2027: 12_850_000,
};

/** Roughly the first EP publication number of each year (EP1000000 appeared in 2000, EP4000000 in 2022). */
const EP_FIRST_PUBLICATION_OF_YEAR: Readonly<Record<number, number>> = {
  1996: 690_000,
  1997: 760_000,
  1998: 840_000,
  1999: 920_000,
  2000: 1_000_000,
  2001: 1_110_000,
  2002: 1_220_000,
  2003: 1_320_000,
  2004: 1_420_000,
  2005: 1_520_000,
  2006: 1_630_000,
  2007: 1_750_000,
  2008: 1_870_000,
  2009: 2_000_000,
  2010: 2_140_000,
  2011: 2_270_000,
  2012: 2_400_000,
  2013: 2_540_000,
  2014: 2_690_000,
  2015: 2_840_000,
  2016: 3_000_000,
  2017: 3_160_000,
  2018: 3_320_000,
  2019: 3_490_000,
  2020: 3_650_000,
  2021: 3_810_000,
  2022: 3_980_000,
  2023: 4_150_000,
  2024: 4_330_000,
  2025: 4_510_000,
  2026: 4_690_000,
  2027: 4_870_000,
};

/** The first three digits of nine-digit CN publication numbers by year (CN101… from 2007, CN121… in 2026). */
const CN_PUBLICATION_PREFIX_OF_YEAR: Readonly<Record<number, number>> = {
  2007: 101,
  2008: 101,
  2009: 101,
  2010: 101,
  2011: 102,
  2012: 102,
  2013: 103,
  2014: 104,
  2015: 104,
  2016: 105,
  2017: 106,
  2018: 108,
  2019: 110,
  2020: 111,
  2021: 113,
  2022: 114,
  2023: 116,
  2024: 118,
  2025: 119,
  2026: 121,
};

/** CNIPA switched from 8-digit to 12-digit application numbers on 1 October 2003. */
const CN_TWELVE_DIGIT_NUMBERS_FROM = dayNumber(2003, 10, 1);
/** US applications filed from 29 November 2000 are published at 18 months (American Inventors Protection Act). */
const US_PRE_GRANT_PUBLICATION_FROM = dayNumber(2000, 11, 29);

export function assignPatentNumbers(allocator: SerialAllocator, input: PatentNumberingInput): PatentNumbers {
  switch (input.office) {
    case 'CN':
      return chineseNumbers(allocator, input);
    case 'US':
      return usNumbers(allocator, input);
    case 'EP':
      return europeanNumbers(allocator, input);
  }
}

function chineseNumbers(allocator: SerialAllocator, input: PatentNumberingInput): PatentNumbers {
  const filingYear = civilDate(input.filingDay).year;
  // The digit after the year is the application type: 1 is an invention (2 utility model, 3 design).
  const body =
    input.filingDay >= CN_TWELVE_DIGIT_NUMBERS_FROM
      ? `${filingYear}1${pad(allocator.next(`CN-app-${filingYear}`, 10_000_000), 7)}`
      : `${pad(filingYear % 100, 2)}1${pad(allocator.next(`CN-app-${filingYear}`, 100_000), 5)}`;
  const applicationNumber = `CN${body}.${cnCheckDigit(body)}`;
  if (input.publicationDay === null) return { applicationNumber, publicationNumber: null, grantNumber: null };

  const publicationYear = civilDate(input.publicationDay).year;
  const prefix = CN_PUBLICATION_PREFIX_OF_YEAR[publicationYear];
  const digits =
    prefix === undefined
      ? `1${pad(allocator.next('CN-pub-1', 1_000_000), 6)}`
      : `${prefix}${pad(allocator.next(`CN-pub-${prefix}`, 1_000_000), 6)}`;
  // A CN grant keeps the number of the published application with kind B (C before 2010).
  const grantNumber =
    input.grantDay === null ? null : `CN${digits}${civilDate(input.grantDay).year >= 2010 ? 'B' : 'C'}`;
  return { applicationNumber, publicationNumber: `CN${digits}A`, grantNumber };
}

function usNumbers(allocator: SerialAllocator, input: PatentNumberingInput): PatentNumbers {
  const series = usSeriesCode(civilDate(input.filingDay).year);
  const serial = pad(allocator.next(`US-app-${series}`, 1_000_000), 6);
  const applicationNumber = `US${series}/${serial.slice(0, 3)},${serial.slice(3)}`;

  const preGrantPublished =
    input.filingDay >= US_PRE_GRANT_PUBLICATION_FROM &&
    input.publicationDay !== null &&
    (input.grantDay === null || input.publicationDay < input.grantDay);
  let publicationNumber: string | null = null;
  if (preGrantPublished && input.publicationDay !== null) {
    const year = civilDate(input.publicationDay).year;
    publicationNumber = `US${year}0${pad(allocator.next(`US-pub-${year}`, 1_000_000), 6)}A1`;
  }
  if (input.grantDay === null) return { applicationNumber, publicationNumber, grantNumber: null };

  const grantYear = civilDate(input.grantDay).year;
  const first = rangeStartOrThrow(US_FIRST_GRANT_OF_YEAR, grantYear);
  const span = rangeStartOrThrow(US_FIRST_GRANT_OF_YEAR, grantYear + 1) - first;
  const kind = grantYear < 2001 ? 'A' : preGrantPublished ? 'B2' : 'B1';
  const grantNumber = `US${first + allocator.next(`US-grant-${grantYear}`, span)}${kind}`;
  // Without a pre-grant publication the granted patent is the first publication.
  return { applicationNumber, publicationNumber: publicationNumber ?? grantNumber, grantNumber };
}

function europeanNumbers(allocator: SerialAllocator, input: PatentNumberingInput): PatentNumbers {
  const filingYear = civilDate(input.filingDay).year;
  const body = `${pad(filingYear % 100, 2)}${pad(allocator.next(`EP-app-${filingYear}`, 1_000_000), 6)}`;
  const applicationNumber = `EP${body}.${epCheckDigit(body)}`;
  if (input.publicationDay === null) return { applicationNumber, publicationNumber: null, grantNumber: null };

  const year = civilDate(input.publicationDay).year;
  const first = rangeStartOrThrow(EP_FIRST_PUBLICATION_OF_YEAR, year);
  const span = rangeStartOrThrow(EP_FIRST_PUBLICATION_OF_YEAR, year + 1) - first;
  const digits = pad(first + allocator.next(`EP-pub-${year}`, span), 7);
  // The EP B1 specification keeps the A1 publication's number.
  return {
    applicationNumber,
    publicationNumber: `EP${digits}A1`,
    grantNumber: input.grantDay === null ? null : `EP${digits}B1`,
  };
}

function rangeStartOrThrow(table: Readonly<Record<number, number>>, year: number): number {
  const start = table[year];
  if (start === undefined) throw new RangeError(`No number range for ${year}`);
  return start;
}

function pad(value: number, width: number): string {
  return `${value}`.padStart(width, '0');
}
