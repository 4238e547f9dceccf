import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AtlasHarness, connectExport, startAtlas, TEST_API_KEY, waitForJob } from '../support/atlas-harness';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';
import { WebhookReceiver } from '../support/webhook-receiver';
import { DESKTOP, launchChromium, recordPageProblems, seriousAccessibilityViolations, step } from './browser';

jest.setTimeout(90_000);

const SECRET = 'whsec-browser-0123456789';

/**
 * The Webhooks page in Chromium against the running product: a refused URL marked on its field, a webhook
 * added with its events and secret, its delivery log showing a retried then delivered completion, and delete.
 */
describe('the web app: webhooks', () => {
  let atlas: AtlasHarness;
  let browser: Browser;
  let page: Page;
  const receiver = new WebhookReceiver(SECRET);
  const pageProblems: string[] = [];

  beforeAll(async () => {
    await receiver.start();
    [atlas, browser] = await Promise.all([
      startAtlas({
        env: {
          ATLAS_ALLOW_PRIVATE_PLATFORM_URLS: 'false',
          ATLAS_ALLOWED_PLATFORM_HOSTS: '127.0.0.1',
          ATLAS_WEBHOOK_RETRY_BASE_MS: '300',
        },
      }),
      launchChromium(),
    ]);
    writeSlackExport(join(atlas.importDir, 'acme'), [generatedChannel('C0WEBHOOK', 'hooks', 10)]);
    await connectExport(atlas.api, 'acme');
    page = recordPageProblems(await browser.newPage({ viewport: DESKTOP }), pageProblems);
  });

  afterAll(async () => {
    await browser?.close();
    await atlas?.close();
    await receiver.stop();
  });

  it('opens the Webhooks page from the navigation', async () => {
    await step(page, 'webhooks-open', async () => {
      await page.goto(`${atlas.service.url}/connections`);
      await page.getByLabel('API key').fill(TEST_API_KEY);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Webhooks' }).click();
      await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
      await page.getByText('No webhooks yet').waitFor();
      expect(new URL(page.url()).pathname).toBe('/webhooks');
    });
  });

  it('marks a private address on the URL field and registers nothing', async () => {
    await step(page, 'webhooks-refused', async () => {
      await page.getByLabel(/^URL/).fill('http://10.0.0.5/hook');
      await page.getByRole('button', { name: 'Add webhook' }).click();
      await page.locator('input[name="url"][aria-invalid="true"]').waitFor();
      await page.getByText(/private-network/).waitFor();
      expect((await atlas.api.get('/api/webhooks')).body.webhooks).toEqual([]);
    });
  });

  it('adds a webhook with its events and secret, and shows it signs without showing the secret', async () => {
    await step(page, 'webhooks-add', async () => {
      await page.getByLabel(/^URL/).fill(`${receiver.url}/browser`);
      await page.getByRole('checkbox', { name: /SyncStarted/ }).check();
      await page.getByRole('checkbox', { name: /SyncCancelled/ }).uncheck();
      await page.getByLabel(/^Signing secret/).fill(SECRET);
      await page.getByRole('button', { name: 'Add webhook' }).click();
      const card = page.locator('article[data-webhook]');
      await card.waitFor();
      await card.getByText('yes (secret set)').waitFor();
      expect(await card.getByRole('heading').textContent()).toBe(`${receiver.url}/browser`);
      expect(await card.textContent()).toContain('SyncStarted, SyncCompleted, SyncFailed');
      expect(await page.content()).not.toContain(SECRET);
      expect(await page.getByLabel(/^URL/).inputValue()).toBe('');
    });
  });

  it("shows the webhook's delivery log: the completion retried after a 500, then delivered", async () => {
    const { body: sync } = await atlas.api.post('/api/sync', { channel_id: 'C0WEBHOOK' });
    await waitForJob(atlas.api, 'C0WEBHOOK', sync.job_id, ['completed']);
    await step(page, 'webhooks-log', async () => {
      await page.getByRole('button', { name: 'Show deliveries' }).click();
      const completed = page.locator('tr', { hasText: 'SyncCompleted' });
      // The log is read when asked: refresh until the retry has been made.
      for (let i = 0; i < 100; i++) {
        if ((await completed.count()) > 0 && /delivered/.test((await completed.textContent()) ?? '')) break;
        await page.waitForTimeout(200);
        await page.getByRole('button', { name: 'Refresh' }).click();
      }
      const row = await completed.textContent();
      expect(row).toContain('delivered');
      expect(row).toContain('HTTP 200');
      expect(await completed.locator('td[data-label="Attempts"]').textContent()).toBe('2');
      await completed.getByRole('link', { name: sync.job_id }).waitFor();
      expect(await page.locator('tr', { hasText: 'SyncStarted' }).count()).toBe(1);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    });
  });

  it('deletes the webhook after asking', async () => {
    await step(page, 'webhooks-delete', async () => {
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('button', { name: 'Delete this webhook' }).click();
      await page.getByText('No webhooks yet').waitFor();
      expect((await atlas.api.get('/api/webhooks')).body.webhooks).toEqual([]);
      expect(pageProblems).toEqual([]);
    });
  });
});
