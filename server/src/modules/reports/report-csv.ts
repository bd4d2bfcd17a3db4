import { stringify } from 'csv-stringify/sync';
import { isCurrencyCode, minorToMajor } from '../../common/money';

/**
 * CSV for finance staff, opened in Excel or a bank's tools. Quoting and escaping are csv-stringify's; what is ours:
 * - a UTF-8 byte order mark, without which Excel reads UTF-8 as the local code page and garbles Chinese names;
 * - CRLF line ends (RFC 4180);
 * - every amount twice: a decimal in major units with the currency's own exponent (`12.34` CNY, `1234` JPY,
 *   `1.234` KWD) and the exact integer of minor units;
 * - formula injection: a text cell (a name, title, memo or id: anything a person could have typed) that starts with
 *   `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so that a spreadsheet shows it as text instead
 *   of running it. Amounts, counts and dates are written by us and left as they are, so a negative amount stays a
 *   number a spreadsheet can add (csv-stringify's own `escape_formulas` would quote `-12.34` too).
 */
export type CsvCell =
  | { text: string | null }
  | { integer: number }
  | { date: string | null }
  /** Expands into two columns: `<name>` in major units and `<name>_minor`. */
  | { amountMinor: number; currency: string };

export type CsvColumn<R> = { header: string; cell: (row: R) => CsvCell; amount?: boolean };

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe against formula injection. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function amountColumn<R>(header: string, cell: (row: R) => { amountMinor: number; currency: string }) {
  return { header, cell, amount: true } satisfies CsvColumn<R>;
}

export function toCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  const header = columns.flatMap((c) => (c.amount ? [c.header, `${c.header}_minor`] : [c.header]));
  const records = rows.map((row) => columns.flatMap((c) => cellValues(c.cell(row))));
  return stringify([header, ...records], { bom: true, record_delimiter: 'windows' });
}

function cellValues(cell: CsvCell): string[] {
  if ('amountMinor' in cell) {
    const major = isCurrencyCode(cell.currency) ? minorToMajor(cell.amountMinor, cell.currency) : '';
    return [major, String(cell.amountMinor)];
  }
  if ('integer' in cell) return [String(cell.integer)];
  if ('date' in cell) return [cell.date ?? ''];
  return [cell.text === null ? '' : guardFormula(cell.text)];
}
