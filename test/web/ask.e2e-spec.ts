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
 * The Ask page in Chromium against the real product: the demo's #general synced, a question asked from the nav
 * link with the channel picked, the cited answer read and a citation followed to its message; a question nothing
 * answers says so; axe-core on the page.
 */
describe('the Ask page in a browser', () => {
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

  it('asks a question and follows a citation of the answer to its message', async () => {
    const question = 'How do I submit expenses?';
    const { body: expected } = await atlas.api.post('/api/ask', { question, channel_ids: [GENERAL] });
    expect(expected.answered).toBe(true);
    const best = expected.groups.flatMap((group: any) => group.facts).find((fact: any) => fact.n === 1);

    await step(page, 'ask-answer', async () => {
      await page.goto('/connections');
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Ask' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ask' }).waitFor();
      await page.getByLabel('Question', { exact: true }).fill(question);
      await page.getByRole('checkbox', { name: '#general' }).check();
      await page.getByRole('button', { name: 'Ask' }).click();
      await page.getByRole('heading', { level: 2, name: 'Answer' }).waitFor();
    });
    expect(new URL(page.url()).searchParams.getAll('channel')).toEqual([GENERAL]);
    const fact = page.locator('#answer-fact-1');
    expect(await fact.textContent()).toContain(best.text);
    expect({ violations: await seriousAccessibilityViolations(page) }).toEqual({ violations: [] });

    await step(page, 'ask-citation', async () => {
      await fact.getByRole('link', { name: new RegExp(best.citation.author_name) }).click();
      await page.getByRole('heading', { level: 1, name: 'Message in #general' }).waitFor();
    });
    expect(new URL(page.url()).pathname).toBe(`/channels/${GENERAL}/messages/${best.citation.message_id}`);
  });

  it('says so when nothing answers the question', async () => {
    await step(page, 'ask-no-answer', async () => {
      await page.goto(`/ask?q=${encodeURIComponent('Who won the football game yesterday?')}`);
      await page.getByRole('heading', { level: 2, name: 'No answer found' }).waitFor();
    });
    expect(await page.getByLabel('Question', { exact: true }).inputValue()).toBe(
      'Who won the football game yesterday?',
    );
    expect(pageProblems).toEqual([]);
  });
});
