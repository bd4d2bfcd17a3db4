import { fixedClock } from '../../server/src/common/clock';
import { ObligationModel } from '../../server/src/modules/contracts/contract.model';
import { errorCode } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { founder, smeInput, universityInput, type Actor } from './fixtures/actors';
import { signedLicence } from './fixtures/offers';

let server: TestServer;
let tto: Actor;
let sme: Actor;
let contractId: string;
// Signed on 2027-01-10; the milestones are declared on 2027-03-01.
const clock = fixedClock('2027-01-10T09:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ clock });
  const anonymous = server.client();
  tto = await founder(anonymous, 'milestone-tto', universityInput('Milestone University'));
  sme = await founder(anonymous, 'milestone-sme', smeInput('Milestone SME'));
  ({ contractId } = await signedLicence(tto, sme, {
    milestones: [
      {
        key: 'nmpa',
        name: 'NMPA approval',
        amountMinor: 5_000_000,
        trigger: 'REGULATORY_APPROVAL',
        dueDaysAfterEvent: 60,
      },
      {
        key: 'first-sale',
        name: 'First commercial sale',
        amountMinor: 1_000_000,
        trigger: 'FIRST_COMMERCIAL_SALE',
        dueDaysAfterEvent: 30,
      },
    ],
  }));
  clock.set('2027-03-01T09:00:00Z');
  // Seven weeks later the access tokens have long expired: sign in again, as people would.
  const signIn = async (actor: Actor) => {
    const { signIn } = await anonymous.data<{ signIn: { accessToken: string } }>('SignIn', {
      input: { email: actor.email, password: 'correct-horse-battery' },
    });
    return { ...actor, token: signIn.accessToken, client: anonymous.withToken(signIn.accessToken) };
  };
  tto = await signIn(tto);
  sme = await signIn(sme);
});

afterAll(async () => {
  await server.stop();
});

const milestoneObligations = async () =>
  (await ObligationModel.find({ contractId, kind: 'MILESTONE' }).lean()).map((o) => [
    o.key,
    o.amountMinor,
    o.dueDate,
  ]);

it('owes nothing on an SME’s declaration until the TTO confirms it, and then once', async () => {
  expect(
    errorCode(
      await sme.client.run('DeclareMilestone', {
        contractId,
        milestoneKey: 'nmpa',
        eventDate: '2027-03-02',
        evidence: 'NMPA approval 2027-0012',
      }),
    ),
  ).toBe('BAD_USER_INPUT');
  const declared = await sme.client.data<{ declareMilestone: { state: string } }>('DeclareMilestone', {
    contractId,
    milestoneKey: 'nmpa',
    eventDate: '2027-02-20',
    evidence: 'NMPA approval 2027-0012',
  });
  expect(declared.declareMilestone.state).toBe('DECLARED');
  expect(await milestoneObligations()).toEqual([]);
  expect(errorCode(await sme.client.run('ConfirmMilestone', { contractId, milestoneKey: 'nmpa' }))).toBe(
    'FORBIDDEN',
  );

  await tto.client.data('ConfirmMilestone', { contractId, milestoneKey: 'nmpa' });
  // Approved 2027-02-20, due 60 days later: 2027-04-21.
  expect(await milestoneObligations()).toEqual([['MILESTONE:nmpa', 5_000_000, '2027-04-21']]);
  expect(errorCode(await tto.client.run('ConfirmMilestone', { contractId, milestoneKey: 'nmpa' }))).toBe(
    'INVALID_STATE_TRANSITION',
  );
  expect(
    errorCode(
      await sme.client.run('DeclareMilestone', {
        contractId,
        milestoneKey: 'nmpa',
        eventDate: '2027-02-21',
        evidence: 'again',
      }),
    ),
  ).toBe('CONFLICT');
  expect(await milestoneObligations()).toHaveLength(1);
});

it('confirms at once what the TTO records itself', async () => {
  const recorded = await tto.client.data<{ declareMilestone: { state: string } }>('DeclareMilestone', {
    contractId,
    milestoneKey: 'first-sale',
    eventDate: '2027-02-01',
    evidence: 'Invoice 0001',
  });
  expect(recorded.declareMilestone.state).toBe('CONFIRMED');
  expect(await milestoneObligations()).toEqual([
    ['MILESTONE:nmpa', 5_000_000, '2027-04-21'],
    ['MILESTONE:first-sale', 1_000_000, '2027-03-03'],
  ]);
});
