import type { Browser, Page } from 'playwright-core';
import type { AtlasHarness } from '../support/atlas-harness';
import {
  DEMO_GENERAL,
  seriousAccessibilityViolations,
  signedInPage,
  startDemoWithGeneralSynced,
  step,
} from './browser';

jest.setTimeout(300_000);

const GENERAL = DEMO_GENERAL;

/**
 * The search box of the top bar in Chromium against the real product: the demo channel synced, a word of one of its
 * facts typed into the box, the results page showing hits with the word marked, and a hit's link opening its page.
 */
describe('search in a browser', () => {
  let atlas: AtlasHarness;
  let browser: Browser;
  let page: Page;
  const pageProblems: string[] = [];

  beforeAll(async () => {
    ({ atlas, browser } = await startDemoWithGeneralSynced());
    page = await signedInPage(browser, atlas, pageProblems);
  });

  afterAll(async () => {
    await browser?.close();
    await atlas?.close();
  });

  it('finds a synced fact from the search box of any page and opens it', async () => {
    const { body: facts } = await atlas.api.get(`/api/channels/${GENERAL}/facts?limit=20`);
    const word = facts.facts
      .flatMap((fact: { text: string }) => fact.text.match(/\p{L}{7,}/gu) ?? [])
      .find((candidate: string) => candidate.length >= 7);
    expect(word).toBeDefined();

    await step(page, 'search-box', async () => {
      await page.goto('/channels');
      await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill(word);
      await page.getByRole('searchbox', { name: 'Search the knowledge base' }).press('Enter');
      await page.waitForURL(/\/search\?q=/);
      await page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first().waitFor();
    });
    const marks = await page.locator('.search-hits mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.some((mark) => mark.toLowerCase().startsWith(word.toLowerCase()))).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await step(page, 'search-kind-filter', async () => {
      await page.getByLabel('Kind').selectOption('fact');
      await page.waitForURL(/kind=fact/);
      await page.locator('.search-kind-fact').first().waitFor();
    });
    expect(await page.locator('.search-kind-message, .search-kind-wiki_section').count()).toBe(0);

    await step(page, 'search-open-hit', async () => {
      await page.locator('.search-hit-title a').first().click();
      await page.waitForURL(/\/knowledge\/C04K7Q1GN2A\/facts\//);
    });
    expect(pageProblems).toEqual([]);
  });
});
