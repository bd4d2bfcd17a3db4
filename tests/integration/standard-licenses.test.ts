import { fixedClock } from '../../server/src/common/clock';
import { ContractModel, ObligationModel } from '../../server/src/modules/contracts/contract.model';
import { errorCode } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { batteryPatent, founder, smeInput, universityInput, type Actor } from './fixtures/actors';
import { expressLicenceOn } from './fixtures/offers';

type ContractData = {
  id: string;
  number: string;
  state: string;
  effectiveDate: string;
  licenseeId: string;
  confirmation: { byUserId: string; ipAddress: string };
};
type Obligations = {
  contract: {
    obligations: {
      totalCount: number;
      edges: { node: { key: string; kind: string; amountMinor: number; dueDate: string; status: string } }[];
    };
  };
};

let server: TestServer;
let tto: Actor;
let sme: Actor;
let patentId: string;

async function publishedOffer(
  changes: Record<string, unknown> = {},
  planChanges: Record<string, unknown> = {},
): Promise<string> {
  const base = expressLicenceOn(patentId);
  const input = { ...base, ...changes, paymentPlan: { ...base.paymentPlan, ...planChanges } };
  const { createLicenseOffer } = await tto.client.data<{ createLicenseOffer: { id: string } }>(
    'CreateLicenseOffer',
    { institutionId: tto.organizationId, input },
  );
  await tto.client.data('PublishLicenseOffer', { id: createLicenseOffer.id });
  return createLicenseOffer.id;
}

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-12-01T09:00:00Z') });
  const anonymous = server.client();
  tto = await founder(anonymous, 'licensor', universityInput('Licensor University'));
  sme = await founder(anonymous, 'licensee', smeInput('Licensee Cells'));
  const { createPatent } = await tto.client.data<{ createPatent: { id: string } }>('CreatePatent', {
    institutionId: tto.organizationId,
    input: batteryPatent,
  });
  patentId = createPatent.id;
  await tto.client.data('PublishPatent', { id: patentId });
});

afterAll(async () => {
  await server.stop();
});

describe('an SME takes a standard licence', () => {
  it('signs at once: a numbered contract in its free period, the consent recorded, the obligations scheduled', async () => {
    // ¥1,000.01 in four quarterly installments from one quarter after signing; the odd fen goes on the last.
    const offerId = await publishedOffer(
      {},
      {
        installments: {
          totalMinor: 100_001,
          count: 4,
          frequency: 'QUARTERLY',
          firstDue: 'AFTER_EFFECTIVE_DATE',
          remainder: 'LAST',
        },
      },
    );
    const { signStandardLicense } = await sme.client.data<{ signStandardLicense: ContractData }>(
      'SignStandardLicense',
      { offerId, licenseeId: sme.organizationId },
    );
    expect(signStandardLicense).toMatchObject({
      number: 'UF-2026-000001',
      state: 'FREE_PERIOD',
      effectiveDate: '2026-12-01',
      licenseeId: sme.organizationId,
    });
    expect(signStandardLicense.confirmation).toMatchObject({
      byUserId: sme.userId,
      ipAddress: expect.stringMatching(/127\.0\.0\.1/),
    });

    const { contract } = await sme.client.data<Obligations>('Contract', { id: signStandardLicense.id });
    expect(
      contract.obligations.edges.map(({ node }) => [node.key, node.amountMinor, node.dueDate, node.status]),
    ).toEqual([
      ['INSTALLMENT:1', 25_000, '2027-03-01', 'SCHEDULED'],
      ['INSTALLMENT:2', 25_000, '2027-06-01', 'SCHEDULED'],
      ['INSTALLMENT:3', 25_000, '2027-09-01', 'SCHEDULED'],
      ['INSTALLMENT:4', 25_001, '2027-12-01', 'SCHEDULED'],
      // The ¥100,000 fee falls due when the twelve free months end (earlier if revenue comes first).
      ['UPFRONT', 10_000_000, '2027-12-01', 'SCHEDULED'],
    ]);

    // Signing again (a double click) returns the same contract and adds nothing.
    const again = await sme.client.data<{ signStandardLicense: ContractData }>('SignStandardLicense', {
      offerId,
      licenseeId: sme.organizationId,
    });
    expect(again.signStandardLicense.id).toBe(signStandardLicense.id);
    expect(await ObligationModel.countDocuments({ contractId: signStandardLicense.id })).toBe(5);

    // Both parties see it; nobody else does.
    const licensorView = await tto.client.data<{ contract: ContractData | null }>('Contract', {
      id: signStandardLicense.id,
    });
    expect(licensorView.contract?.number).toBe('UF-2026-000001');
    const outsider = await founder(server.client(), 'outsider', smeInput('Outsider Ltd'));
    expect(
      (
        await outsider.client.data<{ contract: ContractData | null }>('Contract', {
          id: signStandardLicense.id,
        })
      ).contract,
    ).toBeNull();
    expect(
      errorCode(await outsider.client.run('OrganizationContracts', { organizationId: sme.organizationId })),
    ).toBe('FORBIDDEN');
  });

  it('refuses an SME that is not eligible, naming the rule, and signs nothing', async () => {
    const offerId = await publishedOffer({
      eligibility: {
        ...expressLicenceOn(patentId).eligibility,
        sizeClasses: ['MICRO'],
        requiresLittleGiant: true,
      },
    });
    const before = await ContractModel.countDocuments();
    const refused = await sme.client.run('SignStandardLicense', { offerId, licenseeId: sme.organizationId });
    expect(errorCode(refused)).toBe('NOT_ELIGIBLE');
    expect(refused.errors?.[0].extensions?.fieldErrors?.map((e) => e.field)).toEqual([
      'eligibility.sizeClasses',
      'eligibility.requiresLittleGiant',
    ]);
    expect(await ContractModel.countDocuments()).toBe(before);
  });

  it('gives an exclusive licence to exactly one of two SMEs signing at the same moment', async () => {
    // Raced five times: a conditional update alone lets both through now and then on FerretDB (it reads, then
    // writes); the claim under a unique key must never.
    const rival = await founder(server.client(), 'rival', smeInput('Rival Cells'));
    for (let round = 0; round < 5; round++) {
      const offerId = await publishedOffer({ licenseKind: 'EXCLUSIVE', title: `Exclusive licence ${round}` });
      const results = await Promise.all([
        sme.client.run('SignStandardLicense', { offerId, licenseeId: sme.organizationId }),
        rival.client.run('SignStandardLicense', { offerId, licenseeId: rival.organizationId }),
      ]);
      expect(results.map((r) => errorCode(r) ?? 'SIGNED').sort()).toEqual(['OFFER_NOT_AVAILABLE', 'SIGNED']);
      expect(await ContractModel.countDocuments({ offerId })).toBe(1);
    }
  });

  it('lets the SME walk away in the free period owing nothing, and offers an exclusive licence again', async () => {
    const offerId = await publishedOffer({
      licenseKind: 'EXCLUSIVE',
      title: 'Exclusive licence to hand back',
    });
    const { signStandardLicense } = await sme.client.data<{ signStandardLicense: ContractData }>(
      'SignStandardLicense',
      { offerId, licenseeId: sme.organizationId },
    );
    const rival = await founder(server.client(), 'later-rival', smeInput('Later Rival'));
    expect(
      errorCode(await rival.client.run('SignStandardLicense', { offerId, licenseeId: rival.organizationId })),
    ).toBe('OFFER_NOT_AVAILABLE');
    expect(errorCode(await tto.client.run('ExitContract', { id: signStandardLicense.id }))).toBe('FORBIDDEN');

    const { exitContract } = await sme.client.data<{ exitContract: ContractData }>('ExitContract', {
      id: signStandardLicense.id,
      reason: 'Market test failed.',
    });
    expect(exitContract.state).toBe('EXITED');
    expect(
      (await ObligationModel.find({ contractId: signStandardLicense.id }).lean()).map((o) => o.status),
    ).toEqual(['CANCELLED']);
    const taken = await rival.client.data<{ signStandardLicense: ContractData }>('SignStandardLicense', {
      offerId,
      licenseeId: rival.organizationId,
    });
    expect(taken.signStandardLicense.licenseeId).toBe(rival.organizationId);
    expect(errorCode(await sme.client.run('ExitContract', { id: signStandardLicense.id }))).toBe(
      'INVALID_STATE_TRANSITION',
    );
  });

  it('ends a contract by notice, with a reason, cancelling what was still to come', async () => {
    const offerId = await publishedOffer({ title: 'Licence to terminate' });
    const { signStandardLicense } = await sme.client.data<{ signStandardLicense: ContractData }>(
      'SignStandardLicense',
      { offerId, licenseeId: sme.organizationId },
    );
    expect(
      errorCode(await tto.client.run('TerminateContract', { id: signStandardLicense.id, reason: ' ' })),
    ).toBe('BAD_USER_INPUT');
    const { terminateContract } = await tto.client.data<{ terminateContract: ContractData }>(
      'TerminateContract',
      { id: signStandardLicense.id, reason: 'Breach of the field of use.' },
    );
    expect(terminateContract.state).toBe('TERMINATED');
    expect(
      (await ObligationModel.find({ contractId: signStandardLicense.id }).lean()).every(
        (o) => o.status === 'CANCELLED',
      ),
    ).toBe(true);
  });

  it('refuses a TTO signing for an SME, and an SME signing for another SME', async () => {
    const offerId = await publishedOffer({ title: 'Another express licence' });
    expect(
      errorCode(await tto.client.run('SignStandardLicense', { offerId, licenseeId: sme.organizationId })),
    ).toBe('FORBIDDEN');
    const other = await founder(server.client(), 'other-sme', smeInput('Other SME'));
    expect(
      errorCode(await other.client.run('SignStandardLicense', { offerId, licenseeId: sme.organizationId })),
    ).toBe('FORBIDDEN');
  });
});
