import { ContractModel } from '../../server/src/modules/contracts/contract.model';
import { LicenseRequestModel } from '../../server/src/modules/license-requests/license-request.model';
import { errorCode, type GraphQLTestClient } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { batteryPatent, founder, signUp, smeInput, universityInput, type Actor } from './fixtures/actors';
import { expressLicenceOn } from './fixtures/offers';

type Request = {
  id: string;
  state: string;
  contractId: string | null;
  proposal: { royalty: { tiers: { rateBps: number }[] } };
  thread: { side: string; action: string; message: string | null; byUserId: string }[];
};

let server: TestServer;
let anonymous: GraphQLTestClient;
let tto: Actor;
let secondManager: Actor;
let sme: Actor;
let offerId: string;
let standardOfferId: string;

const planAt = (rateBps: number) => ({
  ...expressLicenceOn('').paymentPlan,
  royalty: { tierBasis: 'CUMULATIVE', tiers: [{ fromMinor: 0, toMinor: null, rateBps }] },
});

beforeAll(async () => {
  server = await startTestServer();
  anonymous = server.client();
  tto = await founder(anonymous, 'nego-tto', universityInput('Negotiating University'));
  sme = await founder(anonymous, 'nego-sme', smeInput('Negotiating SME'));
  secondManager = await signUp(anonymous, 'second-manager');
  const { inviteMember } = await tto.client.data<{ inviteMember: { token: string } }>('InviteMember', {
    input: { organizationId: tto.organizationId, email: secondManager.email, roles: ['TTO_MANAGER'] },
  });
  await secondManager.client.data('AcceptInvitation', { token: inviteMember.token });

  const { createPatent } = await tto.client.data<{ createPatent: { id: string } }>('CreatePatent', {
    institutionId: tto.organizationId,
    input: batteryPatent,
  });
  await tto.client.data('PublishPatent', { id: createPatent.id });
  const publish = async (standard: boolean) => {
    const input = {
      ...expressLicenceOn(createPatent.id),
      standard,
      title: standard ? 'Express licence' : 'Negotiable licence',
      paymentPlan: planAt(800),
    };
    const { createLicenseOffer } = await tto.client.data<{ createLicenseOffer: { id: string } }>(
      'CreateLicenseOffer',
      { institutionId: tto.organizationId, input },
    );
    await tto.client.data('PublishLicenseOffer', { id: createLicenseOffer.id });
    return createLicenseOffer.id;
  };
  offerId = await publish(false);
  standardOfferId = await publish(true);
});

afterAll(async () => {
  await server.stop();
});

describe('a negotiated licence', () => {
  it('goes back and forth, keeps every step, and signs once when two managers approve at the same moment', async () => {
    const { requestLicense } = await sme.client.data<{ requestLicense: Request }>('RequestLicense', {
      offerId,
      licenseeId: sme.organizationId,
      message: 'We are a small cell maker; could the royalty be 5 %?',
      paymentPlan: planAt(500),
    });
    expect(requestLicense.state).toBe('AWAITING_LICENSOR');
    const id = requestLicense.id;

    expect(errorCode(await sme.client.run('AgreeLicenseRequest', { id }))).toBe('INVALID_STATE_TRANSITION');

    const counter = await tto.client.data<{ counterLicenseRequest: Request }>('CounterLicenseRequest', {
      id,
      paymentPlan: planAt(600),
      message: '6 % is our floor.',
    });
    expect(counter.counterLicenseRequest.state).toBe('AWAITING_LICENSEE');
    const back = await sme.client.data<{ counterLicenseRequest: Request }>('CounterLicenseRequest', {
      id,
      paymentPlan: planAt(550),
      message: 'Meet at 5.5 %?',
    });
    expect(back.counterLicenseRequest.state).toBe('AWAITING_LICENSOR');

    const approvals = await Promise.all([
      tto.client.run('AgreeLicenseRequest', { id, message: 'Agreed.' }),
      secondManager.client.run('AgreeLicenseRequest', { id, message: 'Agreed too.' }),
    ]);
    const codes = approvals.map((r) => errorCode(r) ?? 'AGREED');
    expect(codes.filter((c) => c === 'AGREED')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'AGREED')).toEqual([
      expect.stringMatching(/^(CONFLICT|INVALID_STATE_TRANSITION)$/),
    ]);

    const { licenseRequest } = await sme.client.data<{ licenseRequest: Request }>('LicenseRequest', { id });
    expect(licenseRequest.state).toBe('AGREED');
    expect(licenseRequest.thread.map((s) => [s.side, s.action])).toEqual([
      ['LICENSEE', 'REQUESTED'],
      ['LICENSOR', 'COUNTERED'],
      ['LICENSEE', 'COUNTERED'],
      ['LICENSOR', 'APPROVED'],
    ]);
    expect(await ContractModel.countDocuments({ offerId })).toBe(1);
    const contract = await ContractModel.findOne({ offerId }).lean();
    expect(contract?._id.toHexString()).toBe(licenseRequest.contractId);
    expect(contract?.terms.paymentPlan.royalty?.tiers[0].rateBps).toBe(550);
    expect(contract?.confirmation.byUserId).toBe(sme.userId);
  });

  it('lets the TTO reject with a reason, and either side withdraw while it is open', async () => {
    const first = await sme.client.data<{ requestLicense: Request }>('RequestLicense', {
      offerId,
      licenseeId: sme.organizationId,
    });
    expect(
      errorCode(await tto.client.run('RejectLicenseRequest', { id: first.requestLicense.id, reason: ' ' })),
    ).toBe('BAD_USER_INPUT');
    const rejected = await tto.client.data<{ rejectLicenseRequest: Request }>('RejectLicenseRequest', {
      id: first.requestLicense.id,
      reason: 'Field of use already licensed.',
    });
    expect(rejected.rejectLicenseRequest.state).toBe('REJECTED');
    expect(errorCode(await sme.client.run('WithdrawLicenseRequest', { id: first.requestLicense.id }))).toBe(
      'INVALID_STATE_TRANSITION',
    );

    const second = await sme.client.data<{ requestLicense: Request }>('RequestLicense', {
      offerId,
      licenseeId: sme.organizationId,
    });
    const withdrawn = await sme.client.data<{ withdrawLicenseRequest: Request }>('WithdrawLicenseRequest', {
      id: second.requestLicense.id,
      reason: 'Found another way.',
    });
    expect(withdrawn.withdrawLicenseRequest.state).toBe('WITHDRAWN');
  });

  it('refuses bad proposals, standard offers and outsiders, and changes nothing', async () => {
    const before = await LicenseRequestModel.countDocuments();
    const bad = await sme.client.run('RequestLicense', {
      offerId,
      licenseeId: sme.organizationId,
      paymentPlan: { ...planAt(500), termMonths: 0 },
    });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.field).toBe('paymentPlan.termMonths');
    expect(
      errorCode(
        await sme.client.run('RequestLicense', { offerId: standardOfferId, licenseeId: sme.organizationId }),
      ),
    ).toBe('OFFER_NOT_AVAILABLE');
    const outsider = await founder(anonymous, 'nego-outsider', universityInput('Outsider University'));
    const open = await sme.client.data<{ requestLicense: Request }>('RequestLicense', {
      offerId,
      licenseeId: sme.organizationId,
    });
    expect(errorCode(await outsider.client.run('AgreeLicenseRequest', { id: open.requestLicense.id }))).toBe(
      'NOT_FOUND',
    );
    expect(
      (
        await outsider.client.data<{ licenseRequest: Request | null }>('LicenseRequest', {
          id: open.requestLicense.id,
        })
      ).licenseRequest,
    ).toBeNull();
    expect(await LicenseRequestModel.countDocuments()).toBe(before + 1);
    const inbox = await tto.client.data<{ organizationLicenseRequests: { totalCount: number } }>(
      'OrganizationLicenseRequests',
      { organizationId: tto.organizationId, state: 'AWAITING_LICENSOR' },
    );
    expect(inbox.organizationLicenseRequests.totalCount).toBe(1);
  });
});
