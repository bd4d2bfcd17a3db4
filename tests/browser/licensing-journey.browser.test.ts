// The licensing journey through the web client, across three roles: a TTO publishes a patent and a negotiable offer
// and sets up its payouts with Stripe; an SME finds the patent, requests it with other terms; the TTO counters; the
// SME accepts, sees its contract, reports sales and saves a card; time passes, obligations fall due, the billing run
// charges the card and the SME pays the late interest; Stripe pays out; finance reconciles and sees the payout
// reconciled. Once in English and once in Chinese, each on its own server, whose Stripe is the stateful simulator
// (in front of stripe-mock): the money really moves there, and its webhooks come back to the server.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { en } from '../../client/src/i18n/locales/en';
import { zhCN } from '../../client/src/i18n/locales/zh-CN';
import { systemClock } from '../../server/src/common/clock';
import type { StripeSimulator } from '../../server/src/integrations/stripe-simulator';
import { platformAdmin } from '../integration/fixtures/actors';
import { startSettlementStack } from '../integration/fixtures/settlement';
import type { TestServer } from '../support/test-server';
import { checkAccessibility, launchChromium, screenshot } from '../support/browser';

const PASSWORD = 'correct-horse-battery';

type Language = { code: 'en' | 'zh'; browserLocale: string; text: typeof en };
const LANGUAGES: Language[] = [
  { code: 'en', browserLocale: 'en-US', text: en },
  { code: 'zh', browserLocale: 'zh-CN', text: zhCN },
];

/** The interface's own string with its {{placeholders}} filled, as the page shows it. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

let browser: Browser;
let pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Every main page gets a screenshot and an axe check, named like the catalogue test's. */
async function mainPage(page: Page, name: string, language: Language): Promise<void> {
  await page.waitForLoadState('networkidle');
  await checkAccessibility(page, `${name}, ${language.code}`);
  await screenshot(page, `${name}-${language.code}`);
}

describe.each(LANGUAGES)('the licensing journey in the browser ($code)', (language) => {
  const L = language.text;
  let server: TestServer;
  let stripe: StripeSimulator;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // The real clock: tokens stay valid, and the contract engine and the billing run are told the later date.
    // One obligation at a time, in the run's order (by due date, then key), so that the late interest is looked at
    // before the royalty it accrues on is paid, and waits for it.
    ({ server, stripe } = await startSettlementStack(systemClock, { env: { BILLING_CONCURRENCY: '1' } }));
  });

  /** Stripe sends what happened to the server's webhook, which takes every event. */
  async function deliverWebhooks(): Promise<void> {
    const deliveries = await stripe.deliverPendingEvents();
    expect(deliveries.filter((delivery) => delivery.status !== 200)).toEqual([]);
  }

  afterEach(() => {
    const errors = pageErrors;
    pageErrors = [];
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.stop();
    await stripe?.stop();
  });

  async function openPage(): Promise<Page> {
    const context = await browser.newContext({
      locale: language.browserLocale,
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function signUp(page: Page, name: string): Promise<void> {
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel(L.session.displayName).fill(name);
    await page.getByLabel(L.session.email).fill(`${name.toLowerCase()}-${Date.now()}@example.org`);
    // Mantine's label reads "Password *" and its visibility toggle is labelled too: the textbox by its name.
    await page.getByRole('textbox', { name: L.session.password, exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: L.session.signUp }).click();
    await page.waitForURL(/\/organization\/new/);
  }

  test('a TTO publishes, an SME requests, they agree, the SME reports, obligations fall due, are charged and reconciled', async () => {
    const stamp = Date.now().toString(36);
    const patentTitle = `Sodium-ion anode ${stamp}`;
    const offerTitle = `Negotiable anode licence ${stamp}`;

    // Given a TTO manager who signs up and founds a university
    const tto = await openPage();
    await signUp(tto, 'Tto');
    await tto.getByLabel(L.organization.kind).selectOption('UNIVERSITY');
    await tto
      .getByRole('textbox', { name: L.organization.name, exact: true })
      .fill('Xi’an Institute of Batteries');
    await tto.getByLabel(L.organization.contactName).fill('Li Wei');
    await tto.getByLabel(L.organization.contactEmail).fill('tto@example.edu.cn');
    await tto.getByRole('button', { name: L.organization.create, exact: true }).click();
    await tto.waitForURL(/\/tto\/patents$/);
    await tto.getByRole('heading', { level: 1, name: L.ttoPatents.title }).waitFor();

    // When they create a patent and publish it
    await tto.getByRole('link', { name: L.ttoPatents.new }).click();
    await tto.getByLabel(L.ttoPatents.titleEn).fill(patentTitle);
    await tto.getByLabel(L.ttoPatents.abstractEn).fill('A hard-carbon anode for sodium-ion cells.');
    await tto.getByLabel(L.patent.applicationNumber).fill(`CN2024${stamp}.1`);
    await tto.getByLabel(L.patent.filingDate).fill('2024-03-01');
    await tto.getByLabel(L.enums.technicalField.ENERGY_STORAGE).check();
    await mainPage(tto, 'tto-patent-form', language);
    await tto.getByRole('button', { name: L.ttoPatents.create }).click();
    await tto.waitForURL(/\/tto\/patents\/[0-9a-f]{24}$/);
    await tto.getByRole('button', { name: L.ttoPatents.publish }).click();
    await tto.getByText(L.enums.patentState.PUBLISHED, { exact: true }).waitFor();

    // And a negotiable offer for it: a year free or until first revenue, then a 5 % royalty
    await tto.getByRole('link', { name: L.ttoOffers.newForPatent }).click();
    await tto.waitForURL(/\/tto\/offers\/new\?patent=/);
    // The route is lazy: the patent's page stays on screen until the offer form has loaded.
    await tto.getByRole('heading', { level: 1, name: L.ttoOffers.newTitle }).waitFor();
    await tto.getByLabel(L.ttoOffers.offerTitle).fill(offerTitle);
    await tto.getByLabel(L.ttoOffers.fieldOfUse).fill('Stationary storage');
    await tto.getByLabel(L.ttoOffers.territory).fill('China');
    await tto.getByRole('checkbox', { name: L.ttoOffers.standard, exact: true }).uncheck();
    await mainPage(tto, 'tto-offer-form', language);
    await tto.getByRole('button', { name: L.ttoOffers.create }).click();
    await tto.waitForURL(/\/tto\/offers\/[0-9a-f]{24}$/);
    await tto.getByRole('button', { name: L.ttoOffers.publish }).click();
    await tto.getByText(L.enums.offerState.PUBLISHED, { exact: true }).waitFor();
    await mainPage(tto, 'tto-offer', language);

    // And they set up payouts from their organisation page: Stripe's onboarding (the simulator's link completes it
    // at once) sends them back, and Stripe's account.updated tells the server
    await tto.goto(`${server.url}/organization`);
    const payoutCard = tto.getByRole('region', { name: L.billing.payouts });
    await payoutCard.getByRole('listitem').filter({ hasText: L.billing.payoutsEnabled.no }).waitFor();
    const onboarding = tto.waitForRequest((request) =>
      request.url().startsWith(`${stripe.url}/__simulator/connect/onboarding/`),
    );
    // The page is back on /organization before and after: the new document's load says it has returned.
    const returned = tto.waitForEvent('load');
    await payoutCard.getByRole('button', { name: L.billing.startOnboarding }).click();
    await onboarding;
    await returned;
    expect(tto.url()).toBe(`${server.url}/organization`);
    await deliverWebhooks();
    await tto.reload();
    for (const flag of ['detailsSubmitted', 'chargesEnabled', 'payoutsEnabled'] as const)
      await payoutCard.getByRole('listitem').filter({ hasText: L.billing[flag].yes }).waitFor();
    await payoutCard.getByRole('button', { name: L.billing.continueOnboarding }).waitFor();
    await mainPage(tto, 'organization-payouts', language);

    // Given an SME founder who signs up with the company's profile
    const sme = await openPage();
    await signUp(sme, 'Sme');
    await sme.getByLabel(L.organization.kind).selectOption('SME');
    await sme.getByRole('textbox', { name: L.organization.name, exact: true }).fill('Shenzhen Cells Ltd');
    await sme.getByLabel(L.organization.headcount).fill('85');
    await sme.getByLabel(fill(L.organization.annualRevenue, { currency: 'CNY' })).fill('45000000');
    await sme.getByLabel(L.organization.foundedOn).fill('2019-04-12');
    await sme.getByLabel(L.organization.registrationNumber).fill('91440300MA5FXXXX1K');
    await sme.getByLabel(L.organization.industry).fill('Battery manufacturing');
    await mainPage(sme, 'organization-form', language);
    await sme.getByRole('button', { name: L.organization.create, exact: true }).click();
    await sme.waitForURL(`${server.url}/`);

    // When they find the patent in the catalogue and open it
    await sme.getByRole('searchbox', { name: L.catalogue.searchLabel }).fill(stamp);
    await sme.getByRole('searchbox', { name: L.catalogue.searchLabel }).press('Enter');
    await sme.getByRole('link', { name: patentTitle }).click();

    // Then the offer shows with its simulated cost for the SME's projection
    const offerCard = sme.getByRole('article', { name: offerTitle });
    // The chart is named for its offer (Recharts' own svg inside it is an unnamed img too).
    await offerCard.getByRole('img', { name: new RegExp(offerTitle) }).waitFor();
    await mainPage(sme, 'patent-offers', language);

    // When they request it, proposing a 3 % royalty
    await offerCard.getByRole('link', { name: L.offers.request }).click();
    await sme.waitForURL(/\/offers\/[0-9a-f]{24}\/request$/);
    await sme.getByLabel(L.requests.proposeChanges).check();
    await sme.getByLabel(fill(L.plan.tierRate, { n: 1 })).fill('3');
    await sme.getByLabel(L.requests.message).fill('We can start at 3 % while we scale.');
    await mainPage(sme, 'license-request-form', language);
    await sme.getByRole('button', { name: L.requests.send }).click();
    await sme.waitForURL(/\/requests\/[0-9a-f]{24}$/);
    const requestUrl = sme.url();
    await sme.getByText(L.enums.requestState.AWAITING_LICENSOR).waitFor();

    // When the TTO opens its inbox and counters with 4 %
    await tto.goto(`${server.url}/requests`);
    await tto.getByRole('link', { name: offerTitle }).click();
    await tto.getByRole('button', { name: L.requests.counter }).click();
    await tto.getByLabel(fill(L.plan.tierRate, { n: 1 })).fill('4');
    await tto.getByLabel(L.requests.message).fill('4 % and we have a deal.');
    await mainPage(tto, 'license-request-tto', language);
    await tto.getByRole('button', { name: L.requests.confirm.counter }).click();
    await tto.getByText(L.enums.requestState.AWAITING_LICENSEE).waitFor();

    // Then the SME sees the counter-offer and accepts it
    await sme.goto(requestUrl);
    await sme.getByText(L.enums.requestState.AWAITING_LICENSEE).waitFor();
    await mainPage(sme, 'license-request-sme', language);
    await sme.getByRole('button', { name: L.requests.accept }).click();
    await sme.getByText(L.enums.requestState.AGREED, { exact: true }).waitFor();

    // And finds the contract, in its free period, with its obligation calendar
    await sme.getByRole('link', { name: L.requests.openContract }).click();
    await sme.waitForURL(/\/contracts\/[0-9a-f]{24}$/);
    const contractUrl = sme.url();
    await sme.getByRole('region', { name: L.contracts.obligations }).waitFor();
    await sme.getByText(L.enums.contractState.FREE_PERIOD, { exact: true }).first().waitFor();

    // When they report the first period's sales: ¥100,000 less ¥10,000 of deductions
    await sme.getByLabel(fill(L.reports.product, { n: 1 })).fill('Anode A');
    await sme.getByLabel(fill(L.reports.territory, { n: 1 })).fill('CN');
    await sme.getByLabel(fill(L.reports.gross, { n: 1 })).fill('100000');
    await sme.getByLabel(fill(L.reports.deductions, { n: 1 })).fill('10000');
    await sme.getByRole('button', { name: L.reports.submit }).click();

    // Then the royalty is 4 % of ¥90,000 and the first revenue ends the free period
    await sme
      .getByRole('status')
      .filter({ hasText: fill(L.reports.submitted, { revision: 1, royalty: '¥3,600.00' }) })
      .waitFor();
    await sme.getByText(L.enums.contractState.ACTIVE, { exact: true }).first().waitFor();
    await mainPage(sme, 'contract', language);

    // When the SME saves Stripe's test Visa on its organisation page (no publishable key on the embedded default)
    await sme.goto(`${server.url}/organization`);
    const paymentCard = sme.getByRole('region', { name: L.billing.paymentMethod });
    await paymentCard.getByRole('status').filter({ hasText: L.billing.noMethod }).waitFor();
    await paymentCard.getByText(L.billing.testModeNote).waitFor();
    await paymentCard.getByLabel(L.billing.testMethod).selectOption('pm_card_visa');
    await mainPage(sme, 'organization-payment-method', language);
    await paymentCard.getByRole('button', { name: L.billing.saveMethod }).click();

    // Then the card says what due payments are charged to
    const saved = paymentCard.getByRole('status').filter({ hasText: /4242/ });
    await saved.waitFor();
    expect(await saved.textContent()).toMatch(
      new RegExp(`^${fill(L.billing.savedMethod, { label: '.*4242' })}$`),
    );
    await paymentCard.getByRole('button', { name: L.billing.replaceMethod }).waitFor();

    // And the page works on a 360 px phone too
    await sme.setViewportSize({ width: 360, height: 800 });
    await mainPage(sme, 'organization-payment-method-360', language);
    await sme.setViewportSize({ width: 1280, height: 900 });

    // When time passes by 200 days without payment (a platform admin advances the contract engine)
    const admin = await platformAdmin(server.client());
    const asOf = isoDay(new Date(Date.now() + 200 * 86_400_000));
    const run = await admin.client.data<{
      advanceContractEngine: { advanced: boolean; obligationsOverdue: number };
    }>('AdvanceContractEngine', { asOf });
    expect(run.advanceContractEngine.advanced).toBe(true);
    expect(run.advanceContractEngine.obligationsOverdue).toBeGreaterThan(0);

    // Then the SME's calendar puts the royalty first, overdue
    await sme.goto(contractUrl);
    const overdue = sme.getByRole('region', {
      name: new RegExp(`^${fill(L.contracts.overdue, { total: '' })}`),
    });
    await overdue.waitFor();
    expect(
      await overdue.getByText(L.enums.obligationStatus.OVERDUE, { exact: true }).count(),
    ).toBeGreaterThan(0);
    expect(await overdue.textContent()).toContain('¥3,600.00');
    await mainPage(sme, 'contract-overdue', language);

    // And the royalty can be paid now, but its late interest only once the royalty is paid
    const payments = sme.getByRole('region', { name: L.payments.title, exact: true });
    const royaltyAttempts = fill(L.payments.attemptsOf, { obligation: L.enums.obligationKind.ROYALTY });
    const interestAttempts = fill(L.payments.attemptsOf, {
      obligation: L.enums.obligationKind.LATE_INTEREST,
    });
    const royaltyPayment = payments
      .getByRole('listitem')
      .filter({ hasText: '¥3,600.00' })
      .filter({ hasText: L.enums.obligationKind.ROYALTY })
      .first();
    const interestPayment = payments
      .getByRole('listitem')
      .filter({ hasText: L.enums.obligationKind.LATE_INTEREST })
      .first();
    await royaltyPayment.getByRole('button', { name: L.payments.payNow }).waitFor();
    await interestPayment.getByText(L.payments.interestWaits).waitFor();
    expect(await interestPayment.getByRole('button', { name: L.payments.payNow }).count()).toBe(0);

    // When the platform's billing run collects what is due by then, and Stripe's webhooks reach the server
    const billing = await admin.client.data<{
      runBilling: { attempted: number; succeeded: number; waiting: { reason: string; count: number }[] };
    }>('RunBilling', { asOf });
    expect(billing.runBilling).toMatchObject({ attempted: 1, succeeded: 1 });
    expect(billing.runBilling.waiting).toEqual([{ reason: 'INTEREST_STILL_ACCRUING', count: 1 }]);
    expect(stripe.succeededCharges().map((charge) => [charge.amount, charge.currency])).toEqual([
      [360_000, 'cny'],
    ]);
    await deliverWebhooks();

    // Then the SME sees the royalty paid, by a successful attempt
    await sme.reload();
    await royaltyPayment.getByText(L.enums.obligationStatus.PAID, { exact: true }).first().waitFor();
    await royaltyPayment
      .getByRole('list', { name: royaltyAttempts })
      .getByText(L.enums.paymentAttemptStatus.SUCCEEDED, { exact: true })
      .waitFor();
    expect(await royaltyPayment.getByRole('button', { name: L.payments.payNow }).count()).toBe(0);

    // When they pay the late interest now, which the royalty's payment has freed
    await interestPayment.getByRole('button', { name: L.payments.payNow }).click();

    // Then Stripe charges it: its attempt shows beside it
    await interestPayment
      .getByRole('list', { name: interestAttempts })
      .getByText(L.enums.paymentAttemptStatus.SUCCEEDED, { exact: true })
      .waitFor();
    await sme.waitForLoadState('networkidle');
    await mainPage(sme, 'contract-payments', language);
    expect(stripe.succeededCharges()).toHaveLength(2);

    // And Stripe pays the platform's balance out to its bank
    await deliverWebhooks();
    const [payout] = stripe.createPayouts({ currency: 'cny' });
    expect(payout).toBeDefined();
    stripe.settlePayout(payout!.id, 'paid');
    await deliverWebhooks();

    // And the TTO sees the contract in its list and the reports that are now late
    await tto.goto(`${server.url}/contracts`);
    await tto
      .getByRole('link', { name: /^UF-|^[A-Z]/ })
      .first()
      .waitFor();
    await mainPage(tto, 'contracts', language);
    await tto.goto(`${server.url}/tto/report-deadlines`);
    // In the table: the status filter above it has a "late" option too.
    await tto.getByRole('cell', { name: L.enums.deadlineStatus.OVERDUE, exact: true }).first().waitFor();
    await mainPage(tto, 'report-deadlines', language);

    // Given one of the platform's finance staff (the platform's admin)
    const officer = await platformAdmin(server.client(), 'finance');
    const finance = await openPage();
    await finance.goto(`${server.url}/sign-in`);
    await finance.getByRole('textbox', { name: L.session.email }).fill(officer.email);
    await finance.getByRole('textbox', { name: L.session.password, exact: true }).fill(PASSWORD);
    await finance.getByRole('button', { name: L.session.signIn }).click();

    // When they open the finance area from the navigation
    await finance.getByRole('link', { name: L.nav.finance }).click();
    await finance.waitForURL(/\/finance\/reconciliation$/);
    await finance.getByRole('heading', { level: 1, name: L.finance.reconciliationTitle }).waitFor();

    // Then before any reconciliation the queue is empty
    await finance.getByText(L.finance.noExceptions).waitFor();

    // When they reconcile with Stripe
    await finance.getByRole('button', { name: L.finance.reconcileNow }).click();
    await finance
      .getByRole('status')
      .filter({ hasText: /Stripe/ })
      .waitFor();
    await finance.waitForLoadState('networkidle');

    // Then every charge, fee, transfer and the payout match the ledger: no exception is open
    await finance.getByText(L.finance.noExceptions).waitFor();
    expect(await finance.getByRole('list', { name: L.finance.reconciliationTitle }).count()).toBe(0);
    await mainPage(finance, 'finance-reconciliation', language);

    // And the payout shows reconciled
    const financeNav = finance.getByRole('navigation', { name: L.finance.nav.label });
    await financeNav.getByRole('link', { name: L.finance.nav.payouts }).click();
    await finance.getByRole('heading', { level: 1, name: L.finance.payoutsTitle }).waitFor();
    await finance
      .getByRole('row')
      .filter({ hasText: payout!.id })
      .getByText(L.finance.payoutState.RECONCILED, { exact: true })
      .waitFor();
    await mainPage(finance, 'finance-payouts', language);

    // And the other finance pages open from the area's own links, and pass axe
    // And the other finance pages open from the area's own links, and pass axe
    await financeNav.getByRole('link', { name: L.finance.nav.ageing }).click();
    await finance.getByRole('heading', { level: 1, name: L.finance.ageingTitle }).waitFor();
    await mainPage(finance, 'finance-ageing', language);

    // And the ageing downloads as CSV under the server's file name
    const [download] = await Promise.all([
      finance.waitForEvent('download'),
      finance.getByRole('button', { name: L.finance.csv.ageing }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^receivables-ageing-\d{4}-\d{2}-\d{2}-by-obligation\.csv$/);
    await finance.setViewportSize({ width: 360, height: 800 });
    await mainPage(finance, 'finance-ageing-360', language);
    await finance.setViewportSize({ width: 1280, height: 900 });
    await financeNav.getByRole('link', { name: L.finance.nav.reports }).click();
    await finance.getByRole('heading', { level: 1, name: L.finance.reportsTitle }).waitFor();
    await mainPage(finance, 'finance-reports', language);

    // And both were notified
    await sme.goto(`${server.url}/notifications`);
    await sme.getByText(L.enums.notificationKind.PAYMENT_OVERDUE, { exact: true }).first().waitFor();
    await sme.getByText(L.enums.notificationKind.PAYMENT_SUCCEEDED, { exact: true }).first().waitFor();
    await mainPage(sme, 'notifications', language);
  }, 300_000);
});
