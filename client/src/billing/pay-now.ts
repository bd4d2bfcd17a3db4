/** What "Pay now" needs to know of an obligation (the contract page's payments query has these fields). */
export type PayableObligation = { key: string; kind: string; status: string };

const LATE_INTEREST_PREFIX = 'LATE_INTEREST:';

function isOpen(status: string): boolean {
  return status === 'DUE' || status === 'OVERDUE';
}

/**
 * Whether "Pay now" applies: the API collects only what is due or late, and late interest only once the amount it
 * accrues on is paid (it refuses otherwise: "Late interest is paid once the amount it accrues on is paid").
 * A late-interest obligation's key is `LATE_INTEREST:` followed by its parent's key; when the parent is not among
 * `contractObligations` (a later page), no other open obligation of the contract may be waiting to be paid.
 */
export function canPayNow(obligation: PayableObligation, contractObligations: PayableObligation[]): boolean {
  if (!isOpen(obligation.status)) return false;
  if (obligation.kind !== 'LATE_INTEREST') return true;
  const parentKey = obligation.key.startsWith(LATE_INTEREST_PREFIX)
    ? obligation.key.slice(LATE_INTEREST_PREFIX.length)
    : null;
  const parent = contractObligations.find((other) => other.key === parentKey);
  if (parent) return parent.status === 'PAID';
  return !contractObligations.some((other) => other.kind !== 'LATE_INTEREST' && isOpen(other.status));
}
