import { fixedClock } from '../../server/src/common/clock';
import { ObligationModel } from '../../server/src/modules/contracts/contract.model';
import { startTestServer, type TestServer } from '../support/test-server';
import { founder, platformAdmin, smeInput, universityInput, type Actor } from './fixtures/actors';
import { signedLicence } from './fixtures/offers';

/**
 * An obligation written after the contract engine has passed its date (a report filed late) must still fall due:
 * the engine reads only the months after the day it last advanced to.
 */
const clock = fixedClock('2026-12-01T09:00:00Z');
let server: TestServer;
let admin: Actor;
let sme: Actor;
let contractId: string;

beforeAll(async () => {
  server = await startTestServer({ clock });
  const anonymous = server.client();
  const tto = await founder(anonymous, 'late-tto', universityInput('Late University'));
  sme = await founder(anonymous, 'late-sme', smeInput('Late SME'));
  admin = await platformAdmin(anonymous);
  ({ contractId } = await signedLicence(tto, sme, { freePeriod: null, upfrontFee: null }));
});

afterAll(async () => {
  await server.stop();
});

it('makes a late report’s royalty due and overdue on the next advance', async () => {
  // The engine runs past the first report's due date (2027-01-30) and into March before the SME reports.
  await admin.client.data('AdvanceContractEngine', { asOf: '2027-03-02' });
  await sme.client.data('SubmitRoyaltyReport', {
    contractId,
    periodStart: '2026-12-01',
    lines: [
      {
        product: 'Cell pack A',
        territory: 'CN',
        grossSalesMinor: 1_000_000,
        deductionsMinor: 0,
        netSalesMinor: 1_000_000,
      },
    ],
  });
  const before = await ObligationModel.findOne({ contractId, key: 'ROYALTY:2026-12-01' }).lean();
  expect(before).toMatchObject({ dueDate: '2027-01-30', status: 'SCHEDULED', dueMonth: '2027-03' });
  await admin.client.data('AdvanceContractEngine', { asOf: '2027-03-03' });
  const after = await ObligationModel.findOne({ contractId, key: 'ROYALTY:2026-12-01' }).lean();
  // Due on its own date, so overdue by now: ¥10,000.00 × 5 % = 50,000 fen.
  expect(after).toMatchObject({ dueDate: '2027-01-30', status: 'OVERDUE', amountMinor: 50_000 });
});
