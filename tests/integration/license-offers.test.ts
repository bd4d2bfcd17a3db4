import { LicenseOfferModel } from '../../server/src/modules/offers/offer.model';
import { errorCode, type GraphQLTestClient } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { batteryPatent, founder, universityInput, type Actor } from './fixtures/actors';
import { expressLicenceOn } from './fixtures/offers';

type Offer = {
  id: string;
  state: string;
  policyFindings: { code: string }[];
  paymentPlan: { upfrontFee: { due: string } | null };
};

let server: TestServer;
let anonymous: GraphQLTestClient;
let tto: Actor;
let otherTto: Actor;
let patentId: string;

const expressLicence = () => expressLicenceOn(patentId);

beforeAll(async () => {
  server = await startTestServer();
  anonymous = server.client();
  tto = await founder(anonymous, 'offer-tto', universityInput('Offer University'));
  otherTto = await founder(anonymous, 'offer-other', universityInput('Other Offer University'));
  const { createPatent } = await tto.client.data<{ createPatent: { id: string } }>('CreatePatent', {
    institutionId: tto.organizationId,
    input: batteryPatent,
  });
  patentId = createPatent.id;
});

afterAll(async () => {
  await server.stop();
});

describe('licence offers', () => {
  it('refuses terms that make no sense with a message per field, and saves nothing', async () => {
    const input = expressLicence();
    const result = await tto.client.run('CreateLicenseOffer', {
      institutionId: tto.organizationId,
      input: {
        ...input,
        title: 'x',
        paymentPlan: {
          ...input.paymentPlan,
          installments: {
            totalMinor: 1000,
            count: 0,
            frequency: 'MONTHLY',
            firstDue: 'AFTER_EFFECTIVE_DATE',
            remainder: 'LAST',
          },
          royalty: {
            tierBasis: 'CUMULATIVE',
            tiers: [
              { fromMinor: 0, toMinor: 2000, rateBps: 500 },
              { fromMinor: 1000, toMinor: null, rateBps: 300 },
            ],
          },
          milestones: [
            {
              key: 'm1',
              name: 'Approval',
              amountMinor: 100,
              trigger: 'CUMULATIVE_NET_SALES',
              dueDaysAfterEvent: 30,
            },
          ],
        },
      },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    const fields = result.errors?.[0].extensions?.fieldErrors?.map((e) => e.field) ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        'title',
        'paymentPlan.installments.count',
        'paymentPlan.royalty.tiers[1].fromMinor',
        'paymentPlan.milestones[0].thresholdMinor',
      ]),
    );
    expect(await LicenseOfferModel.countDocuments()).toBe(0);
  });

  it("refuses a standard offer above China's open-licence royalty cap, naming the rule", async () => {
    const input = expressLicence();
    const result = await tto.client.run('CreateLicenseOffer', {
      institutionId: tto.organizationId,
      input: {
        ...input,
        paymentPlan: {
          ...input.paymentPlan,
          royalty: { tierBasis: 'CUMULATIVE', tiers: [{ fromMinor: 0, toMinor: null, rateBps: 2500 }] },
        },
      },
    });
    expect(errorCode(result)).toBe('OFFER_EXCEEDS_POLICY_CAP');
    expect(result.errors?.[0].message).toMatch(/20/);
    expect(result.errors?.[0].extensions?.fieldErrors?.[0].field).toBe(
      'paymentPlan.royalty.tiers[0].rateBps',
    );
    expect(await LicenseOfferModel.countDocuments()).toBe(0);
  });

  it('publishes an express licence once its patent is public, and anyone sees and simulates it', async () => {
    const { createLicenseOffer } = await tto.client.data<{ createLicenseOffer: Offer }>(
      'CreateLicenseOffer',
      { institutionId: tto.organizationId, input: expressLicence() },
    );
    expect(createLicenseOffer.state).toBe('DRAFT');
    expect(createLicenseOffer.paymentPlan.upfrontFee?.due).toBe('END_OF_FREE_PERIOD');

    const early = await tto.client.run('PublishLicenseOffer', { id: createLicenseOffer.id });
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0].extensions?.field).toBe('patentIds[0]');

    expect(errorCode(await otherTto.client.run('PublishLicenseOffer', { id: createLicenseOffer.id }))).toBe(
      'NOT_FOUND',
    );
    expect(
      (await anonymous.data<{ licenseOffer: Offer | null }>('LicenseOffer', { id: createLicenseOffer.id }))
        .licenseOffer,
    ).toBeNull();

    await tto.client.data('PublishPatent', { id: patentId });
    const { publishLicenseOffer } = await tto.client.data<{ publishLicenseOffer: Offer }>(
      'PublishLicenseOffer',
      { id: createLicenseOffer.id },
    );
    expect(publishLicenseOffer.state).toBe('PUBLISHED');

    const onPatent = await anonymous.data<{ patent: { offers: Offer[] } }>('PatentOffers', { id: patentId });
    expect(onPatent.patent.offers.map((o) => o.id)).toEqual([createLicenseOffer.id]);

    // Six months without sales, then ¥10,000.00 a month: the ¥100,000 fee at first revenue, then 5 % a quarter.
    const simulation = await anonymous.data<{
      simulateLicenseCost: {
        totalMinor: number;
        freePeriodEndsOn: string;
        months: { month: number; totalMinor: number }[];
      };
    }>('SimulateLicenseCost', {
      offerId: createLicenseOffer.id,
      monthlyNetSalesMinor: [0, 0, 0, 0, 0, 0, ...Array(18).fill(1_000_000)],
      effectiveDate: '2027-01-01',
    });
    expect(simulation.simulateLicenseCost.freePeriodEndsOn).toBe('2027-07-01');
    // Without a start date the simulation starts today, as the schema says (the web client leaves it out).
    const fromToday = await anonymous.run('SimulateLicenseCost', {
      offerId: createLicenseOffer.id,
      monthlyNetSalesMinor: [1_000_000],
    });
    expect(fromToday.errors).toBeUndefined();
    expect(
      simulation.simulateLicenseCost.months
        .filter((m) => m.totalMinor > 0)
        .map((m) => [m.month, m.totalMinor]),
    ).toEqual([
      [7, 10_000_000],
      [10, 150_000],
      [13, 150_000],
      [16, 150_000],
      [19, 150_000],
      [22, 150_000],
      [25, 150_000],
    ]);
    expect(simulation.simulateLicenseCost.totalMinor).toBe(10_900_000);

    const negative = await anonymous.run('SimulateLicenseCost', {
      offerId: createLicenseOffer.id,
      monthlyNetSalesMinor: [100, -5],
    });
    expect(errorCode(negative)).toBe('BAD_USER_INPUT');
    expect(negative.errors?.[0].extensions?.field).toBe('monthlyNetSalesMinor[1]');

    const { withdrawLicenseOffer } = await tto.client.data<{ withdrawLicenseOffer: Offer }>(
      'WithdrawLicenseOffer',
      { id: createLicenseOffer.id, reason: 'Replaced' },
    );
    expect(withdrawLicenseOffer.state).toBe('WITHDRAWN');
    expect(
      (await anonymous.data<{ patent: { offers: Offer[] } }>('PatentOffers', { id: patentId })).patent.offers,
    ).toEqual([]);
    expect(errorCode(await tto.client.run('PublishLicenseOffer', { id: createLicenseOffer.id }))).toBe(
      'INVALID_STATE_TRANSITION',
    );
  });
});
