import type { LedgerEntriesQuery } from '../graphql/generated/graphql';
import {
  activeLedgerFilters,
  appendLedgerPage,
  EMPTY_LEDGER_VIEW,
  ledgerBalancesVariables,
  ledgerEntriesVariables,
  ledgerViewParams,
  parseLedgerView,
} from './ledger-filters';
import { isCalendarDate } from './report-dates';
import { parseStripeEventStatus } from './stripe-event-status';

const CONTRACT = '65f1c0ffee0000000000000a';
const ORGANIZATION = '65f1c0ffee0000000000000b';

describe('the ledger view in the address', () => {
  it('reads every filter the ledgerEntries query takes, and the balances day', () => {
    // Given a bookmarked address with every filter
    const view = parseLedgerView(
      new URLSearchParams(
        `contract=${CONTRACT}&organization=${ORGANIZATION}&account=LICENSOR_PAYABLE&from=2026-01-01&to=2026-03-31&asOf=2026-02-28`,
      ),
    );
    // Then each is read as given
    expect(view).toEqual({
      contractId: CONTRACT,
      organizationId: ORGANIZATION,
      account: 'LICENSOR_PAYABLE',
      from: '2026-01-01',
      to: '2026-03-31',
      asOf: '2026-02-28',
    });
    expect(activeLedgerFilters(view)).toBe(5);
  });

  it('drops what the server would refuse: an unknown account, days that are not days, blank ids', () => {
    const view = parseLedgerView(
      new URLSearchParams('contract=%20%20&account=CASH&from=2026-02-30&to=31%2F03%2F2026&asOf=yesterday'),
    );
    expect(view).toEqual(EMPTY_LEDGER_VIEW);
    expect(activeLedgerFilters(view)).toBe(0);
  });

  it('turns a range given backwards round, and trims ids pasted with spaces', () => {
    const view = parseLedgerView(
      new URLSearchParams(`from=2026-03-31&to=2026-01-01&contract=%20${CONTRACT}%20`),
    );
    expect([view.from, view.to, view.contractId]).toEqual(['2026-01-01', '2026-03-31', CONTRACT]);
  });

  it('writes the view back in a fixed order without empty parts, so that it reads back the same', () => {
    const view = {
      ...EMPTY_LEDGER_VIEW,
      to: '2026-03-31',
      account: 'RECEIVABLE' as const,
      contractId: CONTRACT,
    };
    const params = ledgerViewParams(view);
    expect(params.toString()).toBe(`contract=${CONTRACT}&account=RECEIVABLE&to=2026-03-31`);
    expect(parseLedgerView(params)).toEqual(view);
    expect(ledgerViewParams(EMPTY_LEDGER_VIEW).toString()).toBe('');
  });
});

describe('the ledger queries', () => {
  it('asks for the entries newest first, a page at a time, with only the filters given', () => {
    expect(ledgerEntriesVariables(EMPTY_LEDGER_VIEW)).toEqual({ first: 25, order: 'NEWEST_FIRST' });
    expect(
      ledgerEntriesVariables({ ...EMPTY_LEDGER_VIEW, organizationId: ORGANIZATION, from: '2026-01-01' }),
    ).toEqual({
      filter: { organizationId: ORGANIZATION, from: '2026-01-01' },
      first: 25,
      order: 'NEWEST_FIRST',
    });
  });

  it('reads the balances of the same contract and organisation, today unless a day is chosen', () => {
    expect(ledgerBalancesVariables(EMPTY_LEDGER_VIEW, '2026-04-15')).toEqual({ asOf: '2026-04-15' });
    expect(
      ledgerBalancesVariables(
        { ...EMPTY_LEDGER_VIEW, contractId: CONTRACT, account: 'BANK', asOf: '2026-03-31' },
        '2026-04-15',
      ),
    ).toEqual({ asOf: '2026-03-31', contractId: CONTRACT });
  });

  it('appends the next page after the entries shown, once each, with the newest page info', () => {
    const page = (ids: string[], hasNextPage: boolean, endCursor: string | null): LedgerEntriesQuery => ({
      ledgerEntries: {
        totalCount: 3,
        edges: ids.map((id) => ({ cursor: `c-${id}`, node: entry(id) })),
        pageInfo: { hasNextPage, endCursor },
      },
    });
    const merged = appendLedgerPage(page(['e3', 'e2'], true, 'c-e2'), page(['e2', 'e1'], false, 'c-e1'));
    expect(merged.ledgerEntries.edges.map((edge) => edge.node.id)).toEqual(['e3', 'e2', 'e1']);
    expect(merged.ledgerEntries.pageInfo).toEqual({ hasNextPage: false, endCursor: 'c-e1' });
    expect(merged.ledgerEntries.totalCount).toBe(3);
  });
});

describe('dates and statuses typed or linked', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(['2026-02-28', '2024-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-1-5', '', '2026-02-28T00:00'].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('knows the four statuses of a stored Stripe event and nothing else', () => {
    expect(['FAILED', 'RECEIVED', 'APPLIED', 'IGNORED'].map(parseStripeEventStatus)).toEqual([
      'FAILED',
      'RECEIVED',
      'APPLIED',
      'IGNORED',
    ]);
    expect([null, '', 'failed', 'PENDING'].map(parseStripeEventStatus)).toEqual([null, null, null, null]);
  });
});

function entry(id: string): LedgerEntriesQuery['ledgerEntries']['edges'][number]['node'] {
  return {
    id,
    idempotencyKey: `key-${id}`,
    effectiveDate: '2026-03-01',
    postedAt: '2026-03-01T08:00:00.000Z',
    cause: { kind: 'PAYMENT', id: `pi_${id}` },
    memo: '',
    currency: 'CNY',
    lines: [],
    complete: true,
    reverses: null,
    stripeIds: [],
  };
}
