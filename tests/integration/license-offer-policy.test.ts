import { startTestServer, type TestServer } from '../support/test-server';
import { batteryPatent, founder, universityInput } from './fixtures/actors';
import { expressLicenceOn } from './fixtures/offers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { OPEN_LICENCE_POLICY: 'WARN' } });
});

afterAll(async () => {
  await server.stop();
});

it('only warns about the open-licence policy when configured to, and keeps the warning on the offer', async () => {
  const owner = await founder(server.client(), 'warn-tto', universityInput('Warn University'));
  const { createPatent } = await owner.client.data<{ createPatent: { id: string } }>('CreatePatent', {
    institutionId: owner.organizationId,
    input: batteryPatent,
  });
  const input = expressLicenceOn(createPatent.id);
  const { createLicenseOffer } = await owner.client.data<{
    createLicenseOffer: { policyFindings: { code: string; severity: string; fields: string[] }[] };
  }>('CreateLicenseOffer', {
    institutionId: owner.organizationId,
    input: {
      ...input,
      paymentPlan: {
        ...input.paymentPlan,
        royalty: { tierBasis: 'CUMULATIVE', tiers: [{ fromMinor: 0, toMinor: null, rateBps: 2500 }] },
      },
    },
  });
  expect(createLicenseOffer.policyFindings).toEqual([
    {
      code: 'ROYALTY_ABOVE_OPEN_LICENCE_CAP',
      severity: 'WARN',
      fields: ['royalty.tiers[0].rateBps'],
      message:
        "China's open-licence guidance caps royalties at 20% of net sales; this plan charges up to 25%.",
      messageLanguage: 'en',
    },
  ]);
});
