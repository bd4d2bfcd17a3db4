import 'reflect-metadata';
import mongoose from 'mongoose';
import { addDays, addMonths, endOfMonth, parseCalendarDate } from '../server/src/common/calendar-date';
import { systemClock } from '../server/src/common/clock';
import { systemContext } from '../server/src/common/request-context';
import { ConfigError, loadConfig } from '../server/src/config/config';
import { prepareEntry, type JournalEntryInput } from '../server/src/modules/ledger/journal-entry';
import { JournalEntryModel } from '../server/src/modules/ledger/journal-entry.model';
import type { LedgerService } from '../server/src/modules/ledger/ledger.service';
import { startBackingServices } from '../server/src/server';

/*
 * `npm run bench` (third part): a ledger balance query for one contract with ten years of history. Prints, asserts
 * nothing.
 * - 10,000 other contracts with a month of entries each (5 entries: due, payment, platform fee, Stripe's fee,
 *   transfer), written in bulk; then the contract measured: ten years of the same five entries a month, posted one
 *   by one through LedgerService.post (600 entries);
 * - its RECEIVABLE balance as of the last day (an equality query on `contractIds`, summed in the service), all its
 *   balances by account, and its statement; for comparison, the same entries found through the dotted path
 *   `lines.contractId`, which FerretDB does not hand to PostgreSQL.
 */
const OTHER_CONTRACTS = 10_000;
const YEARS = 10;
const RUNS = 20;
const CONTRACT = '65b0000000000000000000aa';
const LICENSEE = '65b0000000000000000000bb';
const LICENSOR = '65b0000000000000000000cc';
const START = parseCalendarDate('2026-01-31');
const AMOUNT = 100_000;
const FEE = 10_000;
const STRIPE_FEE = 2_930;

/** One month of a contract: the five entries billing posts for one paid installment. */
function month(
  contractId: string,
  licenseeId: string,
  licensorId: string,
  index: number,
): JournalEntryInput[] {
  const due = endOfMonth(addMonths(START, index));
  // Paid on the 3rd of the next month: between the due date and then, the month's installment is receivable.
  const paid = addDays(due, 3);
  const key = `bench:${contractId}:${due.slice(0, 7)}`;
  const pi = `pi_${contractId}_${index}`;
  const entry = (
    suffix: string,
    kind: JournalEntryInput['cause']['kind'],
    date: string,
    lines: JournalEntryInput['lines'],
  ) => ({
    idempotencyKey: `${key}:${suffix}`,
    effectiveDate: date,
    cause: { kind, id: suffix === 'due' ? key : pi },
    memo: `bench ${suffix}`,
    currency: 'CNY',
    lines,
    stripeIds: suffix === 'due' ? [] : [pi],
  });
  return [
    entry('due', 'OBLIGATION_DUE', due, [
      { account: 'RECEIVABLE', contractId, organizationId: licenseeId, debitMinor: AMOUNT, creditMinor: 0 },
      {
        account: 'LICENSOR_PAYABLE',
        contractId,
        organizationId: licensorId,
        debitMinor: 0,
        creditMinor: AMOUNT,
      },
    ]),
    entry('payment', 'PAYMENT', paid, [
      { account: 'CASH_IN_TRANSIT', contractId, debitMinor: AMOUNT, creditMinor: 0 },
      { account: 'RECEIVABLE', contractId, organizationId: licenseeId, debitMinor: 0, creditMinor: AMOUNT },
    ]),
    entry('fee', 'PLATFORM_FEE', paid, [
      {
        account: 'LICENSOR_PAYABLE',
        contractId,
        organizationId: licensorId,
        debitMinor: FEE,
        creditMinor: 0,
      },
      { account: 'PLATFORM_FEE_REVENUE', contractId, debitMinor: 0, creditMinor: FEE },
    ]),
    entry('stripe-fee', 'STRIPE_FEE', paid, [
      { account: 'STRIPE_FEES', contractId, debitMinor: STRIPE_FEE, creditMinor: 0 },
      { account: 'CASH_IN_TRANSIT', contractId, debitMinor: 0, creditMinor: STRIPE_FEE },
    ]),
    entry('transfer', 'TRANSFER', paid, [
      {
        account: 'LICENSOR_PAYABLE',
        contractId,
        organizationId: licensorId,
        debitMinor: AMOUNT - FEE,
        creditMinor: 0,
      },
      { account: 'CASH_IN_TRANSIT', contractId, debitMinor: 0, creditMinor: AMOUNT - FEE },
    ]),
  ];
}

const hex = (n: number, prefix: string) => prefix + n.toString(16).padStart(24 - prefix.length, '0');

async function loadOthers(): Promise<void> {
  const marker = await JournalEntryModel.findOne({
    idempotencyKey: `bench:${hex(OTHER_CONTRACTS - 1, '65a')}:2026-01:transfer`,
  });
  if (marker) return;
  process.stdout.write(`  writing ${OTHER_CONTRACTS} other contracts' entries (5 each)…`);
  const postedAt = new Date();
  for (let start = 0; start < OTHER_CONTRACTS; start += 1_000) {
    const documents = [];
    for (let i = start; i < start + 1_000; i++) {
      for (const input of month(hex(i, '65a'), hex(i, '65d'), LICENSOR, 0))
        documents.push({ ...prepareEntry(input), postedAt });
    }
    await JournalEntryModel.insertMany(documents, { ordered: false });
    process.stdout.write('.');
  }
  process.stdout.write(' done\n');
}

async function postContract(service: LedgerService): Promise<{ entries: number; seconds: number } | null> {
  if ((await JournalEntryModel.countDocuments({ contractIds: CONTRACT })) >= YEARS * 12 * 5) return null;
  const ctx = systemContext(systemClock, 'bench-ledger');
  const started = process.hrtime.bigint();
  let entries = 0;
  for (let index = 0; index < YEARS * 12; index++) {
    for (const input of month(CONTRACT, LICENSEE, LICENSOR, index)) {
      await service.post(ctx, input);
      entries++;
    }
  }
  return { entries, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function timed<T>(
  runs: number,
  run: () => Promise<T>,
): Promise<{ result: T; p50: number; p95: number; max: number }> {
  let result = await run(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    result = await run();
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
  return { result, p50: at(0.5), p95: at(0.95), max: ms[ms.length - 1] };
}

async function pushdown(filter: Record<string, unknown>): Promise<unknown> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const explained = await db.command({ explain: { find: 'journal_entries', filter } });
  return explained.filterPushdown ?? 'not reported (not FerretDB)';
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
  const backing = await startBackingServices(config, { dbName: 'usefirst_bench_ledger' });
  try {
    console.log('\nLedger');
    await loadOthers();
    const posting = await postContract(backing.services.ledger);
    if (posting)
      console.log(
        `  posted ${posting.entries} entries for one contract through LedgerService.post in ${posting.seconds.toFixed(1)} s (${Math.round(posting.entries / posting.seconds)} per second)`,
      );
    const ledger = backing.services.ledger;
    // The day the last installment is paid: everything owed is paid.
    const asOf = addDays(endOfMonth(addMonths(START, YEARS * 12 - 1)), 3);
    const total = await JournalEntryModel.estimatedDocumentCount();
    const receivable = await timed(RUNS, () =>
      ledger.balance({ contractId: CONTRACT, account: 'RECEIVABLE', currency: 'CNY', asOf }),
    );
    const midway = await ledger.balance({
      contractId: CONTRACT,
      account: 'RECEIVABLE',
      currency: 'CNY',
      asOf: endOfMonth(addMonths(START, 60)),
    });
    const byAccount = await timed(RUNS, () => ledger.balancesByAccount({ contractId: CONTRACT, asOf }));
    const statement = await timed(5, () => ledger.statement(CONTRACT));
    const db = mongoose.connection.db;
    if (!db) throw new Error('not connected');
    const bareDriver = await timed(RUNS, () =>
      db
        .collection('journal_entries')
        .find({ contractIds: CONTRACT, accounts: 'RECEIVABLE', currency: 'CNY' })
        .toArray(),
    );
    const dotted = await timed(3, () => JournalEntryModel.find({ 'lines.contractId': CONTRACT }).lean());
    const payable = byAccount.result.find((b) => b.account === 'LICENSOR_PAYABLE')?.balanceMinor;
    console.log(
      `  journal: ${total} entries; the contract: ${statement.result.length} entries over ${YEARS} years`,
    );
    console.log(
      `  RECEIVABLE balance of the contract (equality on contractIds):  p50 ${receivable.p50.toFixed(1)} ms, p95 ${receivable.p95.toFixed(1)} ms, max ${receivable.max.toFixed(1)} ms (balance ${receivable.result}, expected 0; mid-term ${midway}, expected ${AMOUNT})`,
    );
    console.log(
      `  balances by account of the contract:                          p50 ${byAccount.p50.toFixed(1)} ms, p95 ${byAccount.p95.toFixed(1)} ms (${byAccount.result.length} accounts; payable ${payable}, expected 0)`,
    );
    console.log(
      `  statement of the contract:                                    p50 ${statement.p50.toFixed(1)} ms`,
    );
    console.log(
      `  the same entries by the dotted path lines.contractId:         p50 ${dotted.p50.toFixed(1)} ms (${dotted.result.length} entries)`,
    );
    const pushdowns = {
      contractIds: await pushdown({ contractIds: CONTRACT }),
      'lines.contractId': await pushdown({ 'lines.contractId': CONTRACT }),
    };
    console.log(`  FerretDB filter pushdown: ${JSON.stringify(pushdowns)}`);
    console.log(
      JSON.stringify({
        bench: 'ledger',
        entries: total,
        contractEntries: statement.result.length,
        posting,
        balanceMs: { p50: receivable.p50, p95: receivable.p95, max: receivable.max },
        balancesByAccountMs: { p50: byAccount.p50, p95: byAccount.p95 },
        bareDriverMs: bareDriver.p50,
        statementMs: statement.p50,
        dottedPathMs: dotted.p50,
        pushdowns,
      }),
    );
  } finally {
    await backing.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
