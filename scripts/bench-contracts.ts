import 'reflect-metadata';
import { Types } from 'mongoose';
import mongoose from 'mongoose';
import { addDays, parseCalendarDate, type CalendarDate } from '../server/src/common/calendar-date';
import { systemClock } from '../server/src/common/clock';
import { systemContext } from '../server/src/common/request-context';
import { ConfigError, loadConfig } from '../server/src/config/config';
import {
  reportingPeriods,
  scheduleFixedObligations,
} from '../server/src/modules/contracts/engine/obligation-schedule';
import type { PaymentPlan } from '../server/src/modules/contracts/engine/payment-plan';
import { startBackingServices } from '../server/src/server';

/*
 * `npm run bench` (second part): the contract engine's figures. Prints, asserts nothing.
 * - schedules generated per second for 10,000 contracts (pure: fixed obligations and reporting windows);
 * - advancing 100,000 contracts by one day when none of their obligations fall due, and when 1 % do.
 */
const CONTRACTS = 100_000;
const DUE_SHARE = 0.01;
const DAY = parseCalendarDate('2030-06-15');

function planFor(i: number): PaymentPlan {
  return {
    currency: i % 3 === 0 ? 'USD' : 'CNY',
    termMonths: 60 + (i % 61),
    freePeriod: { months: 12, endsOnFirstRevenue: true },
    upfrontFee: { amountMinor: 1_000_000 + i, due: 'END_OF_FREE_PERIOD' },
    installments: {
      totalMinor: 5_000_001 + i,
      count: 4 + (i % 17),
      frequency: i % 2 ? 'QUARTERLY' : 'MONTHLY',
      firstDue: 'END_OF_FREE_PERIOD',
      remainder: 'LAST',
    },
    royalty: { tiers: [{ fromMinor: 0, toMinor: null, rateBps: 300 + (i % 200) }], tierBasis: 'CUMULATIVE' },
    lateInterestBps: 1200,
    reportingPeriod: 'QUARTERLY',
    reportDueDays: 30,
    graceDays: 10,
  };
}

function benchSchedules(): { contracts: number; seconds: number; perSecond: number; obligations: number } {
  const effective = parseCalendarDate('2027-01-31');
  let obligations = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < 10_000; i++) {
    const plan = planFor(i);
    obligations +=
      scheduleFixedObligations(plan, effective).length + reportingPeriods(plan, effective).length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { contracts: 10_000, seconds, perSecond: Math.round(10_000 / seconds), obligations };
}

async function loadContracts(db: NonNullable<typeof mongoose.connection.db>): Promise<void> {
  const contracts = db.collection('contracts');
  if ((await contracts.countDocuments({ requestKey: { $regex: '^bench:' } })) >= CONTRACTS) return;
  await Promise.all(['contracts', 'obligations'].map((c) => db.collection(c).deleteMany({})));
  const now = new Date();
  const licensor = new Types.ObjectId();
  process.stdout.write(`  loading ${CONTRACTS} contracts with one obligation each…`);
  for (let start = 0; start < CONTRACTS; start += 5_000) {
    const batch = Array.from({ length: 5_000 }, (_, k) => start + k);
    const ids = batch.map(() => new Types.ObjectId());
    await contracts.insertMany(
      batch.map((i, k) => ({
        _id: ids[k],
        number: `BENCH-${i}`,
        requestKey: `bench:${i}`,
        offerId: licensor,
        licensorId: licensor,
        licenseeId: new Types.ObjectId(),
        terms: { title: 'Bench', paymentPlan: planFor(i) },
        effectiveDate: '2027-01-01',
        freePeriodEndsOn: '2028-01-01',
        freePeriodEndsMonth: '2028-01',
        completesOn: '2032-01-01',
        completesMonth: '2032-01',
        state: 'ACTIVE',
        stateHistory: [],
        createdAt: now,
        updatedAt: now,
      })),
    );
    // 1 % fall due on DAY; the others from a month after it on, beyond the month the engine reads for DAY.
    await db.collection('obligations').insertMany(
      batch.map((i, k) => {
        const dueDate =
          i % Math.round(1 / DUE_SHARE) === 0 ? DAY : addDays(parseCalendarDate('2030-07-15'), i % 365);
        return {
          obligationKey: `${ids[k].toHexString()}:INSTALLMENT:1`,
          contractId: ids[k],
          licensorId: licensor,
          licenseeId: licensor,
          key: 'INSTALLMENT:1',
          kind: 'INSTALLMENT',
          amountMinor: 100_000,
          currency: 'CNY',
          dueDate,
          status: 'SCHEDULED',
          dueMonth: dueDate.slice(0, 7),
          remindOn: addDays(dueDate, -14),
          remindMonth: addDays(dueDate, -14).slice(0, 7),
          overdueOn: addDays(dueDate, 1),
          overdueMonth: addDays(dueDate, 1).slice(0, 7),
          defaultsOn: addDays(dueDate, 11),
          defaultsMonth: addDays(dueDate, 11).slice(0, 7),
          lateInterestBps: 1200,
          interestOn: null,
          accruedTo: null,
          createdAt: now,
          updatedAt: now,
        };
      }),
    );
    process.stdout.write('.');
  }
  process.stdout.write(' done\n');
}

async function main(): Promise<void> {
  const schedules = benchSchedules();
  console.log(
    `\nContract engine\n  schedules: ${schedules.contracts} contracts in ${schedules.seconds.toFixed(3)} s = ${schedules.perSecond} per second (${schedules.obligations} obligations and report windows)`,
  );

  const config = loadConfig({ ...process.env, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
  const backing = await startBackingServices(config, { dbName: 'usefirst_bench_contracts' });
  try {
    const db = mongoose.connection.db;
    if (!db) throw new Error('not connected');
    await loadContracts(db);
    // Replay from the day before yesterday: the due obligations back to SCHEDULED, no notifications.
    await db.collection('obligations').updateMany({ dueDate: DAY }, { $set: { status: 'SCHEDULED' } });
    await db.collection('notifications').deleteMany({});
    await db
      .collection('engine_state')
      .updateOne(
        { _id: 'contract-engine' as never },
        { $set: { advancedTo: addDays(DAY, -2) } },
        { upsert: true },
      );
    const engine = backing.services.contractEngine;
    const ctx = systemContext(systemClock, 'bench');
    const time = async (asOf: CalendarDate) => {
      const started = process.hrtime.bigint();
      const run = await engine.advanceTo(ctx, asOf);
      return { asOf, ms: Number(process.hrtime.bigint() - started) / 1e6, due: run.obligationsDue };
    };
    const none = await time(addDays(DAY, -1));
    const some = await time(DAY);
    console.log(
      `  advance ${CONTRACTS} contracts by one day, none due:   ${none.ms.toFixed(0)} ms (${none.due} obligations fell due)`,
    );
    console.log(
      `  advance ${CONTRACTS} contracts by one day, 1 % due:    ${some.ms.toFixed(0)} ms (${some.due} obligations fell due, each notified)`,
    );
    console.log(
      JSON.stringify({
        bench: 'contract-engine',
        schedules,
        advance: { contracts: CONTRACTS, none, onePercent: some },
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
