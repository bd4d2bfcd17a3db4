import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose, { Types } from 'mongoose';
import { systemClock } from '../server/src/common/clock';
import { logger } from '../server/src/common/logger';
import { systemContext } from '../server/src/common/request-context';
import { ConfigError, loadConfig } from '../server/src/config/config';
import { createStripeClient } from '../server/src/integrations/stripe/stripe-client';
import { CollectionService } from '../server/src/modules/billing/collection.service';
import { ledgerPortOf } from '../server/src/modules/billing/ledger-port';
import { prepareEntry } from '../server/src/modules/ledger/journal-entry';
import { JournalEntryModel } from '../server/src/modules/ledger/journal-entry.model';
import { ReconciliationService } from '../server/src/modules/reconciliation/reconciliation.service';
import { startBackingServices } from '../server/src/server';

/*
 * `npm run bench` (third part): settlement figures. Prints, asserts nothing.
 * - the billing run over 10,000 due obligations against stripe-mock, as a ratio of the same number of bare
 *   stripe-node `paymentIntents.create` calls at the same concurrency (the run's own work: claims, attempts, outcomes);
 * - the request rate the billing run achieves against a configured limit of 25 per second;
 * - reconciling 100,000 balance transactions: stripe-mock lists only fixtures, so a small list server stands in for
 *   Stripe's paginated API here, and the ledger holds one matching entry per transaction.
 */
const OBLIGATIONS = Number(process.env.BENCH_OBLIGATIONS ?? 10_000);
const RATE_SAMPLE = 250;
const BALANCE_TRANSACTIONS = Number(process.env.BENCH_BALANCE_TRANSACTIONS ?? 100_000);
const CONCURRENCY = 8;
const DUE = '2031-03-15';

async function loadDueObligations(count: number, prefix: string): Promise<void> {
  const db = mongoose.connection.db!;
  const licensorId = new Types.ObjectId();
  const now = new Date();
  const accounts = [];
  const obligations = [];
  for (let i = 0; i < count; i++) {
    const licenseeId = new Types.ObjectId();
    accounts.push({
      _id: licenseeId.toHexString(),
      organizationId: licenseeId,
      stripeCustomerId: `cus_bench${i}`,
      defaultPaymentMethodId: 'pm_card_visa',
      paymentMethodLabel: 'visa',
      paymentMethodProblem: null,
      stripeAccountId: null,
      detailsSubmitted: false,
      chargesEnabled: false,
      payoutsEnabled: false,
      createdAt: now,
      updatedAt: now,
    });
    const contractId = new Types.ObjectId();
    obligations.push({
      obligationKey: `${prefix}:${contractId.toHexString()}:UPFRONT`,
      contractId,
      licensorId,
      licenseeId,
      key: 'UPFRONT',
      kind: 'UPFRONT',
      amountMinor: 100_000 + i,
      currency: 'CNY',
      dueDate: DUE,
      status: 'DUE',
      dueMonth: DUE.slice(0, 7),
      remindOn: DUE,
      remindMonth: DUE.slice(0, 7),
      overdueOn: '2031-03-16',
      overdueMonth: '2031-03',
      defaultsOn: '2031-04-15',
      defaultsMonth: '2031-04',
      lateInterestBps: 0,
      interestOn: null,
      accruedTo: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  accounts.push({
    ...accounts[0],
    _id: licensorId.toHexString(),
    organizationId: licensorId,
    stripeCustomerId: null,
    defaultPaymentMethodId: null,
    stripeAccountId: 'acct_bench',
    detailsSubmitted: true,
    chargesEnabled: true,
    payoutsEnabled: true,
  });
  for (let i = 0; i < accounts.length; i += 1_000) {
    await db.collection('billing_accounts').insertMany(accounts.slice(i, i + 1_000) as never[]);
    const chunk = obligations.slice(i, i + 1_000);
    if (chunk.length > 0) await db.collection('obligations').insertMany(chunk);
  }
}

/** Stripe's list API for balance transactions, over generated ones, newest first. */
function balanceTransactionServer(count: number): Promise<{ server: Server; port: number }> {
  const created = 1_900_000_000;
  const all = Array.from({ length: count }, (_, i) => {
    const charge = i % 2 === 0;
    const amount = charge ? 100_000 + i : -(95_000 + i);
    const fee = charge ? 2_930 : 0;
    return {
      id: `txn_bench${i}`,
      object: 'balance_transaction',
      amount,
      fee,
      net: amount - fee,
      currency: 'cny',
      created: created + Math.floor(i / 10),
      type: charge ? 'charge' : 'transfer',
      source: charge ? `ch_bench${i}` : `tr_bench${i}`,
      status: 'available',
    };
  }).reverse();
  const position = new Map(all.map((t, i) => [t.id, i]));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    const list = (data: unknown[], hasMore: boolean) =>
      res.end(JSON.stringify({ object: 'list', data, has_more: hasMore, url: url.pathname }));
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/v1/payouts' || url.searchParams.has('payout')) return list([], false);
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const after = url.searchParams.get('starting_after');
    const start = after ? (position.get(after) ?? all.length) + 1 : 0;
    const page = all.slice(start, start + limit);
    return list(page, start + limit < all.length);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })),
  );
}

async function loadLedgerFor(count: number): Promise<void> {
  const contractId = new Types.ObjectId().toHexString();
  const organizationId = new Types.ObjectId().toHexString();
  const postedAt = new Date('2030-01-01T00:00:00Z');
  let batch = [];
  for (let i = 0; i < count; i++) {
    const charge = i % 2 === 0;
    const net = charge ? 100_000 + i - 2_930 : -(95_000 + i);
    const lines = charge
      ? [
          { account: 'CASH_IN_TRANSIT' as const, debitMinor: net, creditMinor: 0 },
          { account: 'RECEIVABLE' as const, contractId, organizationId, debitMinor: 0, creditMinor: net },
        ]
      : [
          {
            account: 'LICENSOR_PAYABLE' as const,
            contractId,
            organizationId,
            debitMinor: -net,
            creditMinor: 0,
          },
          { account: 'CASH_IN_TRANSIT' as const, debitMinor: 0, creditMinor: -net },
        ];
    batch.push({
      ...prepareEntry({
        idempotencyKey: `bench:txn_bench${i}`,
        effectiveDate: '2030-01-01',
        cause: { kind: charge ? 'PAYMENT' : 'TRANSFER', id: `bench${i}` },
        memo: 'bench',
        currency: 'CNY',
        lines,
        stripeIds: [`txn_bench${i}`],
      }),
      postedAt,
    });
    if (batch.length === 1_000) {
      await JournalEntryModel.insertMany(batch);
      batch = [];
    }
  }
  if (batch.length) await JournalEntryModel.insertMany(batch);
}

async function main(): Promise<void> {
  logger.level = 'warn';
  const stamp = Date.now().toString(36);
  const config = loadConfig({
    ...process.env,
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    STRIPE_REQUESTS_PER_SECOND: '1000',
    BILLING_CONCURRENCY: String(CONCURRENCY),
  });
  const backing = await startBackingServices(config, {
    dbName: `usefirst_bench_billing_${stamp}`,
    bareStripeMock: true,
  });
  const { services } = backing;
  try {
    const ctx = systemContext(systemClock, 'bench');
    // Bare stripe-node: the floor the billing run is measured against.
    let next = 0;
    const bareStarted = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < OBLIGATIONS) {
          const i = next++;
          await services.stripe.paymentIntents.create(
            {
              amount: 100_000 + i,
              currency: 'cny',
              customer: `cus_bench${i}`,
              payment_method: 'pm_card_visa',
              confirm: true,
              off_session: true,
              automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
              transfer_data: { destination: 'acct_bench' },
              application_fee_amount: 2_500,
              metadata: { obligationId: String(i) },
            },
            { idempotencyKey: `bench-bare-${stamp}-${i}` },
          );
        }
      }),
    );
    const bareSeconds = Number(process.hrtime.bigint() - bareStarted) / 1e9;

    await loadDueObligations(OBLIGATIONS, 'bench');
    process.stdout.write(`  billing ${OBLIGATIONS} due obligations…\n`);
    const run = await services.collection.runBilling(ctx, DUE);
    const billingSeconds = run.durationMs / 1000;
    const throughput = {
      obligations: OBLIGATIONS,
      bareCreatesPerSecond: Math.round(OBLIGATIONS / bareSeconds),
      billingRunObligationsPerSecond: Math.round(run.attempted / billingSeconds),
      ratio: Number((run.attempted / billingSeconds / (OBLIGATIONS / bareSeconds)).toFixed(2)),
      requestsSent: run.requestsSent,
    };

    // The configured limit: a run at Stripe's default of 25 requests per second over a smaller sample.
    await mongoose.connection.db!.collection('obligations').deleteMany({});
    await mongoose.connection.db!.collection('payment_attempts').deleteMany({});
    await loadDueObligations(RATE_SAMPLE, 'rate');
    const slow = new CollectionService(
      { ...config, billing: { ...config.billing, stripeRequestsPerSecond: 25 } },
      services.stripe,
      services.stripeAccounts,
      ledgerPortOf(services.ledger),
    );
    const rateRun = await slow.runBilling(ctx, DUE);
    const rate = {
      limitPerSecond: 25,
      requests: rateRun.requestsSent,
      seconds: rateRun.durationMs / 1000,
      achievedPerSecond: Number((rateRun.requestsSent / (rateRun.durationMs / 1000)).toFixed(1)),
    };

    process.stdout.write(`  reconciling ${BALANCE_TRANSACTIONS} balance transactions…\n`);
    await loadLedgerFor(BALANCE_TRANSACTIONS);
    const lister = await balanceTransactionServer(BALANCE_TRANSACTIONS);
    const reconciliation = new ReconciliationService(
      createStripeClient('sk_test_benchlister', { host: '127.0.0.1', port: lister.port }),
    );
    const recStarted = process.hrtime.bigint();
    const rec = await reconciliation.reconcile(ctx, {
      onProgress: (n) => {
        if (n % 10_000 === 0) process.stdout.write(`    ${n} imported\n`);
      },
    });
    const recSeconds = Number(process.hrtime.bigint() - recStarted) / 1e9;
    lister.server.close();
    const reconcile = {
      balanceTransactions: BALANCE_TRANSACTIONS,
      seconds: Number(recSeconds.toFixed(1)),
      matched: rec.matched,
      matchedPerSecond: Math.round(rec.matched / recSeconds),
      exceptionsOpened: rec.exceptionsOpened,
    };

    console.log(
      `\nSettlement\n  billing run: ${throughput.billingRunObligationsPerSecond} obligations/s vs ${throughput.bareCreatesPerSecond} bare creates/s = ratio ${throughput.ratio} (${OBLIGATIONS} obligations, ${CONCURRENCY} at a time, stripe-mock)` +
        `\n  rate limit 25/s: ${rate.requests} requests in ${rate.seconds.toFixed(1)} s = ${rate.achievedPerSecond}/s` +
        `\n  reconciliation: ${reconcile.balanceTransactions} balance transactions in ${reconcile.seconds} s, ${reconcile.matched} matched (${reconcile.matchedPerSecond}/s), ${reconcile.exceptionsOpened} exceptions`,
    );
    console.log(JSON.stringify({ bench: 'settlement', throughput, rate, reconcile }));
  } finally {
    await backing.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
