import { splitEvenly } from '../../common/money';

/** One patent's piece of an amount; `patentId` is null for a contract that lists no patent. */
export type PatentShare = { patentId: string | null; amountMinor: number };

/**
 * How the reports attribute a contract's money to its patents, for the TTO to pay each patent's inventors from: the
 * amount is split evenly over the patents in the order the contract lists them, with `splitEvenly(…, 'FIRST')`, so
 * the minor units that do not divide go one each to the first patents, and the pieces always add up to the amount
 * (1,000 fen over three patents: 334 + 333 + 333). A contract with no patent keeps the whole amount under none.
 *
 * Both the distribution (what each patent earned) and the receivables ageing (what is owed per patent) split with
 * this one rule, each amount on its own (a journal entry, an obligation), so that a patent's piece of an amount
 * never depends on what else is in the report.
 */
export function splitOverPatents(amountMinor: number, patentIds: readonly string[]): PatentShare[] {
  if (patentIds.length === 0) return [{ patentId: null, amountMinor }];
  const shares = splitEvenly(amountMinor, patentIds.length, 'FIRST');
  return patentIds.map((patentId, i) => ({ patentId, amountMinor: shares[i] }));
}
