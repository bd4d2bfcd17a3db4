// Finance staff at the books, in the web client: the platform's at the ledger (filtered, bookmarked, an entry opened
// to its lines, balances on a day) and the Stripe event log (filtered by status, a failed event applied again); a
// licensor's at a contract's statement and at what is unpaid per contract and per patent and earned per patent. In
// English and in
// Chinese, with axe and screenshots, at a desktop width and at 360 px. The data is real: licences are signed, the
// billing run charges one through the Stripe simulator, and Stripe's webhooks come back to the server.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatIsoDate, formatMoney } from '../../client/src/i18n/format';
import { en } from '../../client/src/i18n/locales/en';
import { zhCN } from '../../client/src/i18n/locales/zh-CN';
import { systemClock } from '../../server/src/common/clock';
import type { StripeSimulator } from '../../server/src/integrations/stripe-simulator';
import { StripeEventModel } from '../../server/src/modules/billing/stripe-event.model';
import { UserModel } from '../../server/src/modules/identity/user.model';
import {
  batteryPatent,
  founder,
  platformAdmin,
  signUp,
  smeInput,
  universityInput,
  type Actor,
} from '../integration/fixtures/actors';
import { signedLicence } from '../integration/fixtures/offers';
import { onboardLicensor, savePaymentMethod, startSettlementStack } from '../integration/fixtures/settlement';
import type { TestServer } from '../support/test-server';
import { checkAccessibility, launchChromium, screenshot } from '../support/browser';

const PASSWORD = 'correct-horse-battery';

type Language = { code: 'en' | 'zh'; browserLocale: string; locale: 'en' | 'zh-CN'; text: typeof en };
const LANGUAGES: Language[] = [
  { code: 'en', browserLocale: 'en-US', locale: 'en', text: en },
  { code: 'zh', browserLocale: 'zh-CN', locale: 'zh-CN', text: zhCN },
];

type Entry = {
  id: string;
  effectiveDate: string;
  cause: { kind: keyof typeof en.finance.ledger.causes };
  stripeIds: string[];
  lines: {
    account: keyof typeof en.finance.ledger.accounts;
    contractId: string | null;
    organizationId: string | null;
    debitMinor: number;
    creditMinor: number;
  }[];
};
type Entries = { ledgerEntries: { totalCount: number; edges: { node: Entry }[] } };
type Balance = {
  account: keyof typeof en.finance.ledger.accounts;
  currency: string;
  normalBalanceMinor: number;
};

/** The interface's own string with its {{placeholders}} filled, as the page shows it. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

let browser: Browser;
let server: TestServer;
let stripe: StripeSimulator;
let finance: Actor;
let contractId: string;
let unpaidContractId: string;
let ttoFinance: Actor;
const names = new Map<string, string>();
let pageErrors: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // The real clock: the tokens the browser signs in with stay valid, and "today" is the day the licence is signed.
  ({ server, stripe } = await startSettlementStack(systemClock));
  const anonymous = server.client();
  const admin = await platformAdmin(anonymous);
  finance = await platformAdmin(anonymous, 'platform-finance');
  await UserModel.updateOne({ _id: finance.userId }, { $set: { 'memberships.0.roles': ['FINANCE'] } });
  const tto = await founder(anonymous, 'ledger-tto', universityInput('Ledger University'));
  const sme = await founder(anonymous, 'ledger-sme', smeInput('Ledger Cells Ltd'));
  const late = await founder(anonymous, 'ledger-late', smeInput('Late Cells Ltd'));
  names.set(tto.organizationId!, 'Ledger University').set(sme.organizationId!, 'Ledger Cells Ltd');
  const invitee = await signUp(anonymous, 'ledger-tto-finance');
  const { inviteMember } = await tto.client.data<{ inviteMember: { token: string } }>('InviteMember', {
    input: { organizationId: tto.organizationId, email: invitee.email, roles: ['FINANCE'] },
  });
  await invitee.client.data('AcceptInvitation', { token: inviteMember.token });
  ttoFinance = { ...invitee, organizationId: tto.organizationId };

  // Given a licence whose ¥1,000.00 falls due at signing, charged by the billing run and reported back by Stripe,
  // and another whose licensee has no payment method yet, so that it stays unpaid
  const dueAtSigning = {
    freePeriod: null,
    upfrontFee: { amountMinor: 100_000, due: 'AT_SIGNING' },
    royalty: null,
    lateInterestBps: 0,
    graceDays: 30,
  };
  await onboardLicensor(tto, stripe);
  ({ contractId } = await signedLicence(tto, sme, dueAtSigning));
  ({ contractId: unpaidContractId } = await signedLicence(tto, late, dueAtSigning));
  await savePaymentMethod(sme, 'pm_card_visa');
  const today = new Date().toISOString().slice(0, 10);
  await admin.client.data('AdvanceContractEngine', { asOf: today });
  const run = await admin.client.data<{ runBilling: { succeeded: number } }>('RunBilling', { asOf: today });
  expect(run.runBilling.succeeded).toBe(1);
  const deliveries = await stripe.deliverPendingEvents();
  expect(deliveries.filter((delivery) => delivery.status !== 200)).toEqual([]);
}, 120_000);

afterEach(() => {
  const errors = pageErrors;
  pageErrors = [];
  expect(errors).toEqual([]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  await stripe?.stop();
});

/** Every page gets an axe check and a screenshot, named like the other browser tests'. */
async function mainPage(page: Page, name: string, language: Language): Promise<void> {
  await page.waitForLoadState('networkidle');
  await checkAccessibility(page, `${name}, ${language.code}`);
  await screenshot(page, `${name}-${language.code}`);
}

/** Whether the page is wider than the window. Read through `settled`: the chart takes its width a moment later. */
async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** What `read` gives once it gives `expected`, or the last it gave after ten seconds: for what React renders next. */
async function settled<T>(read: () => Promise<T>, expected: T): Promise<T> {
  let value = await read();
  for (let waited = 0; value !== expected && waited < 10_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(LANGUAGES)('the ledger and the Stripe events in the browser ($code)', (language) => {
  const L = language.text;
  const F = L.finance;
  const money = (minor: number) => formatMoney(minor, 'CNY', language.locale);

  async function signedInFinance(): Promise<Page> {
    const context = await browser.newContext({
      locale: language.browserLocale,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('textbox', { name: L.session.email }).fill(finance.email);
    await page.getByRole('textbox', { name: L.session.password, exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: L.session.signIn }).click();
    await page.getByRole('link', { name: L.nav.finance }).waitFor();
    return page;
  }

  /** The count line above the entries, as the page writes it for `total` entries of which `shown` are listed. */
  const countLine = (total: number, shown: number) =>
    fill(total === 1 ? F.ledger.entryCount_one : F.ledger.entryCount_other, { total, shown });

  test('browses the journal newest first, opens an entry to its lines, filters by account and contract, reads balances', async () => {
    const all = await finance.client.data<Entries>('LedgerEntries', { order: 'NEWEST_FIRST', first: 100 });
    const newest = all.ledgerEntries.edges.map((edge) => edge.node);
    const payment = newest.find((entry) => entry.cause.kind === 'PAYMENT')!;
    expect(payment).toBeDefined();

    // When finance opens the ledger from the finance area's links
    const page = await signedInFinance();
    await page.getByRole('link', { name: L.nav.finance }).click();
    const financeNav = page.getByRole('navigation', { name: F.nav.label });
    await financeNav.getByRole('link', { name: F.nav.ledger }).click();
    await page.waitForURL(/\/finance\/ledger$/);
    await page.getByRole('heading', { level: 1, name: F.ledger.title }).waitFor();

    // Then every entry the billing run and Stripe's webhooks posted is there, newest first
    const count = page
      .getByRole('status')
      .filter({ hasText: countLine(all.ledgerEntries.totalCount, newest.length) });
    await count.waitFor();
    const entries = page.getByRole('list', { name: F.ledger.entries }).getByRole('listitem');
    expect(await entries.count()).toBe(newest.length);
    const headings = await entries.evaluateAll((items) =>
      items.map((item) => item.querySelector('p')?.textContent),
    );
    expect(headings).toEqual(
      newest.map(
        (entry) =>
          `${formatIsoDate(entry.effectiveDate, language.locale)} · ${F.ledger.causes[entry.cause.kind]}`,
      ),
    );
    await mainPage(page, 'finance-ledger', language);

    // When they open the payment with the keyboard
    const paymentItem = entries.nth(newest.indexOf(payment));
    const toggle = paymentItem.getByRole('button');
    await toggle.focus();
    await page.keyboard.press('Enter');

    // Then its lines show (the receivable credited, cash at Stripe debited, ¥1,000.00 each) and its Stripe ids
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(payment.lines.map((line) => [line.account, line.debitMinor, line.creditMinor]).sort()).toEqual([
      ['CASH_IN_TRANSIT', 100_000, 0],
      ['RECEIVABLE', 0, 100_000],
    ]);
    const lines = paymentItem.getByRole('region', {
      name: fill(F.ledger.linesOf, {
        cause: F.ledger.causes.PAYMENT,
        date: formatIsoDate(payment.effectiveDate, language.locale),
      }),
    });
    await lines.getByText('Ledger Cells Ltd').waitFor();
    const rows = await lines.getByRole('row').allTextContents();
    expect(rows.slice(1).sort()).toEqual(
      payment.lines
        .map(
          (line) =>
            F.ledger.accounts[line.account] +
            (line.debitMinor ? money(line.debitMinor) : '') +
            (line.creditMinor ? money(line.creditMinor) : '') +
            (line.contractId ?? '') +
            (line.organizationId ? names.get(line.organizationId) : ''),
        )
        .sort(),
    );
    for (const stripeId of payment.stripeIds)
      await paymentItem.getByText(stripeId, { exact: true }).first().waitFor();
    await mainPage(page, 'finance-ledger-entry', language);

    // When they filter on what is payable to licensors, from the form, with Enter
    await page.getByLabel(F.ledger.account).selectOption('LICENSOR_PAYABLE');
    await page.getByRole('textbox', { name: F.ledger.contractId }).press('Enter');

    // Then the address carries the filter, and only the entries touching that account are listed
    await page.waitForURL(/\/finance\/ledger\?account=LICENSOR_PAYABLE$/);
    const payable = await finance.client.data<Entries>('LedgerEntries', {
      filter: { account: 'LICENSOR_PAYABLE' },
      first: 100,
    });
    const payableCount = payable.ledgerEntries.totalCount;
    expect(payableCount).toBeGreaterThan(0);
    expect(payableCount).toBeLessThan(all.ledgerEntries.totalCount);
    await page
      .getByRole('status')
      .filter({ hasText: countLine(payableCount, payableCount) })
      .waitFor();
    expect(await entries.count()).toBe(payableCount);

    // And the address alone brings the same view back (a bookmark)
    await page.reload();
    await page
      .getByRole('status')
      .filter({ hasText: countLine(payableCount, payableCount) })
      .waitFor();
    const accountField = page.getByLabel(F.ledger.account);
    expect(await settled(() => accountField.inputValue(), 'LICENSOR_PAYABLE')).toBe('LICENSOR_PAYABLE');

    // When they follow the contract on a line, the view narrows to that contract as well
    await entries.first().getByRole('button').click();
    await entries.first().getByRole('link', { name: contractId }).first().click();
    await page.waitForURL(new RegExp(`\\?contract=${contractId}&account=LICENSOR_PAYABLE$`));
    const contractField = page.getByRole('textbox', { name: F.ledger.contractId });
    expect(await settled(() => contractField.inputValue(), contractId)).toBe(contractId);
    const payableOfContract = await finance.client.data<Entries>('LedgerEntries', {
      filter: { account: 'LICENSOR_PAYABLE', contractId },
      first: 100,
    });
    const ofContract = payableOfContract.ledgerEntries.totalCount;
    // Due, fee and transfer; the unpaid licence's due entry is left out now
    expect(ofContract).toBe(3);
    await page
      .getByRole('status')
      .filter({ hasText: countLine(ofContract, ofContract) })
      .waitFor();

    // And the balances of that contract today show the platform's fee earned on it
    const { ledgerBalances } = await finance.client.data<{ ledgerBalances: Balance[] }>('LedgerBalances', {
      contractId,
      asOf: new Date().toISOString().slice(0, 10),
    });
    const fee = ledgerBalances.find((balance) => balance.account === 'PLATFORM_FEE_REVENUE')!;
    expect(fee.normalBalanceMinor).toBe(5_000);
    // The table's own region (its section is named by the same heading).
    const balances = page
      .getByRole('region', { name: new RegExp(`^${escape(F.ledger.balancesAsOf.split('{{')[0])}`) })
      .last();
    await balances
      .getByRole('row')
      .filter({ hasText: F.ledger.accounts.PLATFORM_FEE_REVENUE })
      .filter({ hasText: money(5_000) })
      .waitFor();
    expect(await balances.getByRole('row').count()).toBe(ledgerBalances.length + 1);

    // When they read the balances on a day before anything was posted
    await page.getByLabel(F.asOf).fill('2020-01-01');
    await page.waitForURL(/asOf=2020-01-01/);
    await page.getByText(F.ledger.noBalances).waitFor();

    // When they clear the filters, every entry is back
    await page.getByRole('button', { name: F.ledger.clear }).click();
    await page.waitForURL(/\/finance\/ledger\?asOf=2020-01-01$/);
    await page
      .getByRole('status')
      .filter({ hasText: countLine(all.ledgerEntries.totalCount, newest.length) })
      .waitFor();

    // And the page works on a 360 px phone: nothing wider than the screen but the tables, which scroll in place
    await page.setViewportSize({ width: 360, height: 800 });
    await entries.first().getByRole('button').click();
    expect(await settled(() => hasHorizontalScroll(page), false)).toBe(false);
    await mainPage(page, 'finance-ledger-360', language);
  }, 120_000);

  test('lists the Stripe events, filters the failed one and applies it again', async () => {
    // Given an event whose handling failed (an outage between storing and applying it, stood in for here)
    const [failed] = await StripeEventModel.find({ type: 'account.updated' })
      .sort({ receivedAt: -1 })
      .limit(1)
      .lean();
    expect(failed).toBeDefined();
    await StripeEventModel.updateOne(
      { _id: failed!._id },
      { $set: { status: 'FAILED', lastError: 'connect ETIMEDOUT 10.0.0.1:443', appliedAt: null } },
    );
    const stored = await StripeEventModel.countDocuments();

    // When finance opens the Stripe events from the finance area
    const page = await signedInFinance();
    await page.goto(`${server.url}/finance/reconciliation`);
    await page
      .getByRole('navigation', { name: F.nav.label })
      .getByRole('link', { name: F.nav.stripeEvents })
      .click();
    await page.getByRole('heading', { level: 1, name: F.stripeEvents.title }).waitFor();

    // Then every event received is listed, the payment's among them
    const events = page.getByRole('list', { name: F.stripeEvents.title }).getByRole('listitem');
    await events.first().waitFor();
    expect(await events.count()).toBe(stored);
    await events
      .filter({ hasText: 'payment_intent.succeeded' })
      .first()
      .getByText(F.stripeEvents.status.APPLIED)
      .waitFor();
    await mainPage(page, 'finance-stripe-events', language);

    // When they show only the failed ones
    await page.getByLabel(F.show).selectOption('FAILED');
    await page.waitForURL(/\/finance\/stripe-events\?status=FAILED$/);

    // Then the one event is there, with its error (once the others have left the list)
    await events.nth(1).waitFor({ state: 'detached' });
    await events.filter({ hasText: failed!._id }).waitFor();
    expect(await events.count()).toBe(1);
    await events.first().getByText('connect ETIMEDOUT 10.0.0.1:443').waitFor();
    await mainPage(page, 'finance-stripe-events-failed', language);

    // When they apply it again
    await events
      .first()
      .getByRole('button', { name: fill(F.stripeEvents.reapply, { type: 'account.updated' }) })
      .click();

    // Then the page says it was applied, and it leaves the failed list
    await page
      .getByRole('status')
      .filter({
        hasText: fill(F.stripeEvents.reapplied, {
          type: 'account.updated',
          id: failed!._id,
          status: F.stripeEvents.status.APPLIED,
        }),
      })
      .waitFor();
    await page.getByText(F.stripeEvents.noneWithStatus).waitFor();
    expect((await StripeEventModel.findById(failed!._id).lean())?.status).toBe('APPLIED');

    // And the page works on a 360 px phone
    await page.getByLabel(F.show).selectOption('');
    await events.first().waitFor();
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await settled(() => hasHorizontalScroll(page), false)).toBe(false);
    await mainPage(page, 'finance-stripe-events-360', language);
  }, 120_000);

  test("shows a licensor's finance staff a contract's statement, what is unpaid per contract and per patent, and what each patent earned", async () => {
    const numberOf = async (id: string) =>
      (await ttoFinance.client.data<{ contract: { number: string } }>('ContractDetail', { id })).contract
        .number;
    const paidNumber = await numberOf(contractId);
    const unpaidNumber = await numberOf(unpaidContractId);

    // When the licensor's finance staff open their finance reports from the navigation
    const context = await browser.newContext({
      locale: language.browserLocale,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('textbox', { name: L.session.email }).fill(ttoFinance.email);
    await page.getByRole('textbox', { name: L.session.password, exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: L.session.signIn }).click();
    await page.getByRole('link', { name: L.nav.financeReports }).click();
    await page.getByRole('heading', { level: 1, name: F.organizationReportsTitle }).waitFor();

    // Then the unpaid licence is listed per contract, with its licensee and its ¥1,000.00 not yet late
    const byContract = page
      .getByRole('region', { name: fill(F.receivablesByContract, { currency: 'CNY' }) })
      .last();
    const unpaidRow = byContract.getByRole('row').filter({ hasText: unpaidNumber });
    await unpaidRow.waitFor();
    expect(await unpaidRow.textContent()).toBe(
      `${unpaidNumber}Late Cells Ltd1${money(100_000)}${money(0).repeat(4)}${money(100_000)}`,
    );
    expect(await byContract.getByRole('row').filter({ hasText: paidNumber }).count()).toBe(0);

    // And per patent: the unpaid licence's one patent is owed the whole ¥1,000.00, the paid one's nothing
    const owedByPatent = page
      .getByRole('region', { name: fill(F.receivablesByPatent, { currency: 'CNY' }) })
      .last();
    const owedRow = owedByPatent.getByRole('row').filter({ hasText: batteryPatent.applicationNumber });
    await owedRow.waitFor();
    expect(await owedByPatent.getByRole('row').count()).toBe(2);
    expect(await owedRow.textContent()).toBe(
      `${batteryPatent.titleEn}${batteryPatent.applicationNumber}1${money(100_000)}${money(0).repeat(4)}${money(100_000)}`,
    );
    // And it downloads as CSV, one row per patent
    const [perPatentCsv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: F.csv.ageingByPatent }).click(),
    ]);
    expect(perPatentCsv.suggestedFilename()).toMatch(/^receivables-ageing-\d{4}-\d{2}-\d{2}-by-patent\.csv$/);

    // And what the paid licence's patent earned: ¥950.00 received, the ¥50.00 fee withheld, out of ¥1,000.00
    const byPatent = page.getByRole('region', { name: F.distributionByPatent }).last();
    const patentRow = byPatent.getByRole('row').filter({ hasText: batteryPatent.titleEn });
    await patentRow.waitFor();
    expect(await patentRow.textContent()).toBe(
      `${batteryPatent.titleEn}${batteryPatent.applicationNumber}${money(95_000)}${money(5_000)}${money(100_000)}`,
    );
    await mainPage(page, 'organization-finance-reports', language);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await settled(() => hasHorizontalScroll(page), false)).toBe(false);
    await mainPage(page, 'organization-finance-reports-360', language);
    await page.setViewportSize({ width: 1280, height: 900 });

    // When they open the unpaid contract from its row, its statement says what the licensee owes
    await unpaidRow.getByRole('link', { name: unpaidNumber }).click();
    await page.waitForURL(new RegExp(`/contracts/${unpaidContractId}$`));
    const statement = page.getByRole('region', { name: F.statement.title, exact: true });
    await statement.getByText(`${F.statement.receivable}: ${money(100_000)}`).waitFor();

    // And the paid contract's statement owes nothing, and downloads as CSV under the server's file name
    await page.goto(`${server.url}/contracts/${contractId}`);
    await statement.getByText(F.statement.nothingOwed).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      statement.getByRole('button', { name: F.csv.statement }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`statement-${paidNumber}-entries.csv`);
    await statement
      .getByRole('status')
      .filter({ hasText: `statement-${paidNumber}-entries.csv` })
      .waitFor();
    await mainPage(page, 'contract-statement', language);
  }, 120_000);
});
