// The catalogue as a visitor uses it: built client, real server, demo data, headless Chromium.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startTestServer } from '../support/test-server';
import { checkAccessibility, launchChromium, screenshot } from '../support/browser';

const CJK = /[\u3400-\u9fff]/;

let server: { url: string; stop(): Promise<void> };
let browser: Browser;
let context: BrowserContext | undefined;
let pageErrors: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ seedDemo: true });
  browser = await launchChromium();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  // An exception thrown in the page fails the test even when what the test looked at was right.
  const errors = pageErrors;
  pageErrors = [];
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh visitor: no stored language, the given browser language and window width. */
async function openPage(options: { locale?: string; width?: number } = {}): Promise<Page> {
  context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

function resultItems(page: Page, resultsHeading: string): Locator {
  return page.getByRole('region', { name: resultsHeading }).getByRole('listitem');
}

/** Waits for the live status to settle on a count, and returns the count. */
async function waitForResultCount(page: Page, pattern: RegExp): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: pattern });
  await status.waitFor();
  const match = pattern.exec((await status.textContent()) ?? '');
  return Number(match?.[1]);
}

async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

async function htmlLang(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('lang'));
}

describe('catalogue in the browser', () => {
  test('finds patents in English, narrows them with a facet, keeps the search in the address, opens one', async () => {
    // Given a visitor whose browser speaks English
    const page = await openPage({ locale: 'en-US' });
    await page.goto(`${server.url}/`);
    expect(await htmlLang(page)).toBe('en');

    // When they search for "battery"
    await page.getByRole('searchbox', { name: 'Search patents' }).fill('battery');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/\?q=battery$/);

    // Then the first page of patents is listed, each with its facts
    const total = await waitForResultCount(page, /^(\d+) patents? found$/);
    const results = resultItems(page, 'Results');
    expect(total).toBeGreaterThan(0);
    expect(await results.count()).toBe(Math.min(total, 20));
    for (const text of await results.allTextContents()) {
      for (const label of ['Institution', 'Jurisdiction', 'Legal status', 'TRL'])
        expect(text).toContain(label);
    }
    await checkAccessibility(page, 'search, English');
    await screenshot(page, 'catalogue-search-en');

    // When they tick the "Energy storage" technical field, whose count says how many will remain
    const energyStorage = page
      .getByRole('group', { name: 'Technical field' })
      .getByRole('checkbox', { name: /^Energy storage \(\d+\)$/ });
    const facetLabel = await energyStorage.evaluate(
      (input) => (input as HTMLInputElement).labels?.[0]?.textContent,
    );
    const facetCount = Number(/\((\d+)\)$/.exec(facetLabel ?? '')?.[1]);
    expect(facetCount).toBeGreaterThan(0);
    await energyStorage.check();

    // Then the address carries the filter and exactly that many patents are found, all in energy storage
    await page.waitForURL(/\/\?q=battery&field=ENERGY_STORAGE$/);
    expect(await waitForResultCount(page, /^(\d+) patents? found$/)).toBe(facetCount);
    for (const text of await resultItems(page, 'Results').allTextContents())
      expect(text).toContain('Energy storage');

    // And the address alone brings the same search back (a bookmark, a shared link)
    await page.reload();
    expect(await waitForResultCount(page, /^(\d+) patents? found$/)).toBe(facetCount);
    expect(await page.getByRole('searchbox', { name: 'Search patents' }).inputValue()).toBe('battery');
    expect(await energyStorage.isChecked()).toBe(true);

    // When there is more than one page, "load more" appends the next one and moves the focus to its first patent
    const loadMore = page.getByRole('button', { name: 'Load more patents' });
    if (facetCount > 20) {
      await loadMore.click();
      const firstOfNextPage = resultItems(page, 'Results').nth(20).getByRole('link');
      await firstOfNextPage.waitFor();
      expect(await resultItems(page, 'Results').count()).toBe(Math.min(facetCount, 40));
      expect(await firstOfNextPage.evaluate((link) => link === document.activeElement)).toBe(true);
    } else {
      expect(await loadMore.count()).toBe(0);
    }

    // When they open the first patent
    const firstLink = resultItems(page, 'Results').first().getByRole('link');
    const title = (await firstLink.textContent()) ?? '';
    await firstLink.click();

    // Then its page shows it in full, dates written the English way
    await page.waitForURL(/\/patents\/[^/?#]+$/);
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    for (const section of ['Abstract', 'Key facts', 'Institution', 'Documents']) {
      await page.getByRole('region', { name: section }).waitFor();
    }
    expect(await page.title()).toBe(`${title} · UseFirst`);
    for (const date of await page.locator('time').allTextContents())
      expect(date).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    await checkAccessibility(page, 'detail, English');
    await screenshot(page, 'patent-detail-en');

    // And "back" returns to the same search
    await page.getByRole('link', { name: 'Back to search results' }).click();
    await page.waitForURL(/\/\?q=battery&field=ENERGY_STORAGE$/);
    expect(await waitForResultCount(page, /^(\d+) patents? found$/)).toBe(facetCount);
  });

  test('switches to Chinese, finds Chinese titles for 电池, and remembers the choice', async () => {
    // Given a visitor whose browser speaks English
    const page = await openPage({ locale: 'en-US' });
    await page.goto(`${server.url}/`);

    // When they choose 简体中文 in the header
    await page.getByRole('banner').getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');

    // Then the page is in Chinese, and says so
    await page.getByRole('heading', { level: 1, name: '查找可先行使用的专利' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');

    // When they search for 电池
    await page.getByRole('searchbox', { name: '搜索专利' }).fill('电池');
    await page.getByRole('searchbox', { name: '搜索专利' }).press('Enter');
    await page.waitForURL(/\/\?q=%E7%94%B5%E6%B1%A0$/);

    // Then patents are found and their titles are shown in Chinese, English only where no Chinese title exists
    const total = await waitForResultCount(page, /^共找到 (\d+) 件专利$/);
    expect(total).toBeGreaterThan(0);
    const titleLinks = resultItems(page, '检索结果').getByRole('heading', { level: 3 }).getByRole('link');
    const titles = await titleLinks.evaluateAll((links) =>
      links.map((link) => ({ text: link.textContent ?? '', lang: link.getAttribute('lang') })),
    );
    expect(titles.some((title) => title.lang === null && CJK.test(title.text))).toBe(true);
    for (const title of titles) {
      if (title.lang === null) expect(title.text).toMatch(CJK);
      else expect(title.lang).toBe('en');
    }
    // And the facets name their values in Chinese
    await page
      .getByRole('group', { name: '技术领域' })
      .getByRole('checkbox', { name: /^储能（\d+）$/ })
      .waitFor();
    await checkAccessibility(page, 'search, Chinese');
    await screenshot(page, 'catalogue-search-zh');

    // When they open a patent, its dates are written the Chinese way
    await titleLinks.first().click();
    await page.getByRole('region', { name: '基本信息' }).waitFor();
    for (const date of await page.locator('time').allTextContents())
      expect(date).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    await checkAccessibility(page, 'detail, Chinese');
    await screenshot(page, 'patent-detail-zh');

    // And the choice outlives a reload
    await page.reload();
    await page.getByRole('region', { name: '基本信息' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');
  });

  test('a first visit follows the browser language', async () => {
    const page = await openPage({ locale: 'zh-CN' });
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: '查找可先行使用的专利' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');
  });

  test('fits a 360 px wide screen without horizontal scrolling', async () => {
    const page = await openPage({ locale: 'en-US', width: 360 });
    await page.goto(`${server.url}/?q=battery`);
    await waitForResultCount(page, /^(\d+) patents? found$/);
    expect(await hasHorizontalScroll(page)).toBe(false);

    // The filters fold away on a narrow screen, behind a button that says whether they are shown
    const toggle = page.getByRole('button', { name: 'Show filters' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await page.getByRole('group', { name: 'Technical field' }).waitFor();
    expect(await page.getByRole('button', { name: 'Hide filters' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    expect(await hasHorizontalScroll(page)).toBe(false);
    await checkAccessibility(page, 'search, 360 px');
    await screenshot(page, 'catalogue-search-360');

    await resultItems(page, 'Results').first().getByRole('link').click();
    await page.getByRole('region', { name: 'Key facts' }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'patent-detail-360');
  });

  test.each([
    { locale: 'en-US', fieldError: 'Use at least 10 characters for the password.', summary: /not right/ },
    { locale: 'zh-CN', fieldError: /^[^a-z]*10[^a-z]*$/, summary: /邮箱或密码不正确/ },
  ])('shows the API’s refusals in the visitor’s language ($locale), next to the field', async (c) => {
    const page = await openPage({ locale: c.locale });
    await page.goto(`${server.url}/sign-up`);
    await page.locator('input[type="email"]').fill('short-password@example.com');
    await page.locator('input[autocomplete="name"]').fill('Short Password');
    await page.locator('input[type="password"]').fill('short');
    await page.locator('form button[type="submit"]').click();
    // The server's message for the password field, in that field's error slot below it.
    const fieldError = page.locator('.mantine-PasswordInput-root[data-error] .mantine-PasswordInput-error');
    await fieldError.waitFor();
    const text = (await fieldError.textContent()) ?? '';
    if (typeof c.fieldError === 'string') expect(text).toBe(c.fieldError);
    else {
      expect(text).toMatch(CJK);
      expect(text).toMatch(c.fieldError);
    }

    await page.goto(`${server.url}/sign-in`);
    await page.locator('input[type="email"]').fill('nobody@example.com');
    await page.locator('input[type="password"]').fill('not the password at all');
    await page.locator('form button[type="submit"]').click();
    await page.getByText(c.summary).waitFor();
  });

  test('the skip link takes a keyboard user straight to the main content', async () => {
    const page = await openPage({ locale: 'en-US' });
    await page.goto(`${server.url}/?q=battery`);
    await waitForResultCount(page, /^(\d+) patents? found$/);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
  });
});
