import { Types } from 'mongoose';
import { fixedClock } from '../../server/src/common/clock';
import { LicenseOfferModel } from '../../server/src/modules/offers/offer.model';
import { NotificationModel } from '../../server/src/modules/notifications/notification.model';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  batteryPatent,
  founder,
  platformAdmin,
  smeInput,
  universityInput,
  type Actor,
} from './fixtures/actors';
import { expressLicenceOn, signedLicence } from './fixtures/offers';

/**
 * Text the API stores and shows later (notifications, the policy findings on an offer) is stored as a message id with
 * its values, and read in the language of the request that reads it; text stored before that stays English, and says
 * so in `messageLanguage`.
 */

let server: TestServer;
let admin: Actor;
let sme: Actor;
let tto: Actor;
let contractId: string;

const CHINESE = { 'accept-language': 'zh-CN' };

type Said = { kind: string; message: string; messageLanguage: string; onDate: string };

beforeAll(async () => {
  server = await startTestServer({
    clock: fixedClock('2026-12-01T09:00:00Z'),
    env: { OPEN_LICENCE_POLICY: 'WARN' },
  });
  const anonymous = server.client();
  tto = await founder(anonymous, 'lang-tto', universityInput('Language University'));
  sme = await founder(anonymous, 'lang-sme', smeInput('Language SME'));
  admin = await platformAdmin(anonymous);
  // Three free months, then ¥1,000.00 due on 2027-03-01.
  ({ contractId } = await signedLicence(tto, sme, {
    freePeriod: { months: 3, endsOnFirstRevenue: false },
    upfrontFee: { amountMinor: 100_000, due: 'END_OF_FREE_PERIOD' },
    royalty: null,
  }));
});

afterAll(async () => {
  await server.stop();
});

async function notificationsOf(actor: Actor, headers: Record<string, string> = {}): Promise<Said[]> {
  const { notifications } = await actor.client
    .withHeaders(headers)
    .data<{ notifications: { edges: { node: Said }[] } }>('Notifications', {
      organizationId: actor.organizationId,
      first: 100,
    });
  return notifications.edges
    .map(({ node }) => ({
      kind: node.kind,
      onDate: node.onDate,
      message: node.message,
      messageLanguage: node.messageLanguage,
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind));
}

describe('notifications', () => {
  it('reads the same notifications in English without Accept-Language and in Chinese with zh-CN', async () => {
    // A fortnight ahead of the fee, the licensee is reminded; the day after, the fee is overdue. The report for
    // December (the licence runs no royalty, but reports are still expected) was due by 2027-01-30.
    await admin.client.data('AdvanceContractEngine', { asOf: '2027-02-20' });
    await admin.client.data('AdvanceContractEngine', { asOf: '2027-03-02' });

    const said = (kind: string, onDate: string, message: string, messageLanguage: string) => ({
      kind,
      onDate,
      message,
      messageLanguage,
    });
    expect(await notificationsOf(sme)).toEqual([
      said('PAYMENT_DUE', '2027-03-01', 'CNY 1000.00 for the upfront fee is due today, 2027-03-01.', 'en'),
      said('PAYMENT_DUE_SOON', '2027-03-01', 'CNY 1000.00 for the upfront fee is due on 2027-03-01.', 'en'),
      said(
        'PAYMENT_OVERDUE',
        '2027-03-01',
        'CNY 1000.00 for the upfront fee was due on 2027-03-01 and is overdue.',
        'en',
      ),
      said(
        'REPORT_DUE',
        '2027-01-30',
        'The sales report for 2026-12-01 to 2026-12-31 is due by 2027-01-30.',
        'en',
      ),
      said(
        'REPORT_OVERDUE',
        '2027-01-30',
        'The sales report for 2026-12-01 to 2026-12-31 was due by 2027-01-30 and has not come in.',
        'en',
      ),
    ]);
    expect(await notificationsOf(sme, CHINESE)).toEqual([
      said('PAYMENT_DUE', '2027-03-01', '入门费（CNY 1000.00）今天（2027-03-01）到期。', 'zh-CN'),
      said('PAYMENT_DUE_SOON', '2027-03-01', '入门费（CNY 1000.00）将于 2027-03-01 到期。', 'zh-CN'),
      said('PAYMENT_OVERDUE', '2027-03-01', '入门费（CNY 1000.00）应于 2027-03-01 支付，现已逾期。', 'zh-CN'),
      said(
        'REPORT_DUE',
        '2027-01-30',
        '2026-12-01 至 2026-12-31 的销售报告须于 2027-01-30 前提交。',
        'zh-CN',
      ),
      said(
        'REPORT_OVERDUE',
        '2027-01-30',
        '2026-12-01 至 2026-12-31 的销售报告应于 2027-01-30 前提交，至今尚未提交。',
        'zh-CN',
      ),
    ]);
  });

  it('tells the licensor in its reader’s language too, with the values in their place', async () => {
    expect(await notificationsOf(tto, CHINESE)).toEqual([
      {
        kind: 'PAYMENT_OVERDUE',
        onDate: '2027-03-01',
        message: '入门费（CNY 1000.00）应于 2027-03-01 支付，现已逾期。',
        messageLanguage: 'zh-CN',
      },
      {
        kind: 'REPORT_OVERDUE',
        onDate: '2027-01-30',
        message: '2026-12-01 至 2026-12-31 的销售报告应于 2027-01-30 前提交，至今尚未提交。',
        messageLanguage: 'zh-CN',
      },
    ]);
  });

  it('keeps the English text of a notification stored before notifications were translated, and says it is English', async () => {
    const legacy = {
      _id: new Types.ObjectId(),
      notificationKey: `legacy:${contractId}`,
      organizationId: new Types.ObjectId(sme.organizationId!),
      kind: 'PAYMENT_DUE',
      message: 'CNY 1000.00 (UPFRONT) is due today, 2027-03-01.',
      contractId: new Types.ObjectId(contractId),
      onDate: '2027-02-28',
      createdAt: new Date('2027-02-28T00:00:00Z'),
      readAt: null,
    };
    await NotificationModel.collection.insertOne(legacy);

    const english = await notificationsOf(sme);
    const chinese = await notificationsOf(sme, CHINESE);
    const old = { kind: 'PAYMENT_DUE', onDate: '2027-02-28', message: legacy.message, messageLanguage: 'en' };
    expect(english).toContainEqual(old);
    expect(chinese).toContainEqual(old);
    expect(chinese).toHaveLength(english.length);
  });
});

describe('policy findings on an offer', () => {
  type Finding = { code: string; message: string; messageLanguage: string };
  let offerId: string;

  const findingsOf = async (headers: Record<string, string> = {}) =>
    (
      await tto.client
        .withHeaders(headers)
        .data<{ licenseOffer: { policyFindings: Finding[] } }>('LicenseOffer', { id: offerId })
    ).licenseOffer.policyFindings.map(({ code, message, messageLanguage }) => ({
      code,
      message,
      messageLanguage,
    }));

  beforeAll(async () => {
    const { createPatent } = await tto.client.data<{ createPatent: { id: string } }>('CreatePatent', {
      institutionId: tto.organizationId,
      input: batteryPatent,
    });
    const input = expressLicenceOn(createPatent.id);
    ({
      createLicenseOffer: { id: offerId },
    } = await tto.client.data<{ createLicenseOffer: { id: string } }>('CreateLicenseOffer', {
      institutionId: tto.organizationId,
      input: {
        ...input,
        paymentPlan: {
          ...input.paymentPlan,
          royalty: { tierBasis: 'CUMULATIVE', tiers: [{ fromMinor: 0, toMinor: null, rateBps: 2500 }] },
        },
      },
    }));
  });

  it('reads the same finding in English without Accept-Language and in Chinese with zh-CN', async () => {
    expect(await findingsOf()).toEqual([
      {
        code: 'ROYALTY_ABOVE_OPEN_LICENCE_CAP',
        message:
          "China's open-licence guidance caps royalties at 20% of net sales; this plan charges up to 25%.",
        messageLanguage: 'en',
      },
    ]);
    expect(await findingsOf(CHINESE)).toEqual([
      {
        code: 'ROYALTY_ABOVE_OPEN_LICENCE_CAP',
        message: '中国专利开放许可指引规定提成费率不超过净销售额的 20%；本付款方案的最高费率为 25%。',
        messageLanguage: 'zh-CN',
      },
    ]);
  });

  it('keeps the English text of a finding stored before findings were translated, and says it is English', async () => {
    const text =
      "China's open-licence guidance caps royalties at 20% of net sales; this plan charges up to 25%.";
    await LicenseOfferModel.collection.updateOne(
      { _id: new Types.ObjectId(offerId) },
      {
        $set: {
          policyFindings: [
            {
              code: 'ROYALTY_ABOVE_OPEN_LICENCE_CAP',
              severity: 'WARN',
              fields: ['royalty.tiers[0].rateBps'],
              message: text,
            },
          ],
        },
      },
    );
    expect(await findingsOf(CHINESE)).toEqual([
      { code: 'ROYALTY_ABOVE_OPEN_LICENCE_CAP', message: text, messageLanguage: 'en' },
    ]);
  });
});
