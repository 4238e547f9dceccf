import type { Browser, Page } from 'playwright-core';
import { AtlasHarness, startAtlas, TEST_API_KEY, waitForJob } from '../support/atlas-harness';
import { launchChromium, seriousAccessibilityViolations, step } from './browser';

jest.setTimeout(300_000);

/** #general of the demo export the all-in-one registers (demo/slack-export). */
const GENERAL = 'C04K7Q1GN2A';

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
    [atlas, browser] = await Promise.all([startAtlas({ env: { ATLAS_DEMO: 'true' } }), launchChromium()]);
    const { status, body } = await atlas.api.post('/api/sync', { channel_id: GENERAL });
    expect(status).toBe(202);
    await waitForJob(atlas.api, GENERAL, body.job_id, ['completed'], 180_000);
    const context = await browser.newContext({ baseURL: atlas.service.url!, viewport: { width: 1280, height: 900 } });
    await context.addInitScript((key) => sessionStorage.setItem('atlas.apiKey', key), TEST_API_KEY);
    page = await context.newPage();
    page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) pageProblems.push(`CSP: ${message.text()}`);
    });
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
