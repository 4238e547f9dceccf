import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { AtlasHarness, connectExport, startAtlas, TEST_API_KEY, waitForJob } from '../support/atlas-harness';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';
import { EMULATOR_TOKEN, SlackEmulator } from '../support/slack-emulator';
import { seedChannel, startSlackWorkspace } from '../support/slack-workspace-fixture';
import { tempDir } from '../support/temp-dir';
import { buildZip, folderEntries } from '../support/zip-writer';
import { DESKTOP, launchChromium, recordPageProblems, seriousAccessibilityViolations, step } from './browser';

jest.setTimeout(60_000);

const GENERAL = 'C04K7Q1GN2A';

/**
 * The web app in Chromium against the real product (all-in-one, in this process): what a new user does
 * without curl, from signing in to watching a sync, and the accessibility of the main pages.
 */
describe('the web app', () => {
  let atlas: AtlasHarness;
  let slack: SlackEmulator;
  let browser: Browser;
  let page: Page;
  let base: string;
  const files = tempDir('web-e2e');
  const streams: string[] = [];
  /** Uncaught errors of the app and refusals of the Content Security Policy, over the whole suite. */
  const pageProblems: string[] = [];

  beforeAll(async () => {
    // Slack may ask for up to 30 s: a 10 s wait is waited out (and shown), a 120 s one fails the job.
    [atlas, slack, browser] = await Promise.all([
      startAtlas({ env: { ATLAS_MAX_RETRY_AFTER_SECONDS: '30' } }),
      startSlackWorkspace(),
      launchChromium(),
    ]);
    seedChannel(slack.workspace, 'C7SLOW', { topLevel: 10, name: 'slow' });
    base = atlas.service.url!;
    page = recordPageProblems(await browser.newPage({ viewport: DESKTOP }), pageProblems);
    page.on('request', (request: Request) => {
      if (request.url().includes('/api/sync/events?')) streams.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await slack?.stop();
    await atlas?.close();
    files.remove();
  });

  it('signs in with the API key, keeps it out of the URL, and refuses a wrong one', async () => {
    await step(page, 'sign-in', async () => {
      await page.goto(`${base}/channels`);
      await page.getByLabel('API key').fill('not-the-key-0123456789');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'not accepted' }).waitFor();

      await page.getByLabel('API key').fill(TEST_API_KEY);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/channels');
      expect(page.url()).not.toContain(TEST_API_KEY);
      expect(await page.evaluate(() => sessionStorage.getItem('atlas.apiKey'))).toBe(TEST_API_KEY);
    });
  });

  it('uploads the demo export with a progress bar and lists its channels', async () => {
    await step(page, 'upload', async () => {
      const zip = join(files.path, 'demo-slack-export.zip');
      writeFileSync(zip, buildZip(folderEntries(join(process.cwd(), 'demo', 'slack-export'))));
      await page.getByRole('link', { name: 'Connections' }).click();
      // Upload slowly enough (24 KiB/s) for the progress bar to be seen.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: 24 * 1024,
      });
      await page.getByLabel(/Export file/).setInputFiles(zip);
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      const bar = page.locator('progress[id$="-progress"]');
      await bar.waitFor();
      expect(Number(await bar.getAttribute('value'))).toBeLessThan(100);
      await page.getByText(/^Imported: demo-slack-export\.zip, 3 channels/).waitFor({ timeout: 30_000 });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await page.getByRole('heading', { name: 'demo-slack-export.zip' }).waitFor();
    });
  });

  it('syncs a channel and follows it live over server-sent events to 100%', async () => {
    await step(page, 'sync', async () => {
      await page.getByRole('link', { name: 'Channels' }).click();
      await page.getByRole('button', { name: 'Sync now general' }).click();
      await page.waitForURL(new RegExp(`/jobs/${GENERAL}/sync_`));
      const jobId = page.url().split('/').at(-1)!;
      await page.getByText('Progress: 100%').waitFor({ timeout: 45_000 });
      expect(await page.locator('#job-progress').getAttribute('value')).toBe('100');
      await page.getByText('completed').first().waitFor();
      expect(streams.some((url) => url.includes(`job_id=${jobId}`))).toBe(true);
      // Every stage is done and shows how long it took.
      for (const stage of ['fetching_messages', 'extracting_facts', 'building_graph', 'generating_wiki']) {
        const row = page.locator(`li[data-stage="${stage}"]`);
        await expect(row.locator('progress').getAttribute('value')).resolves.toBe('100');
        await expect(row.textContent()).resolves.toMatch(/\(done\).*\d+ s/);
      }
      await page.locator(`tr[data-job="${jobId}"]`).getByText('completed').waitFor();
    });
  });

  it('sets a schedule: its meaning and next five runs in the chosen time zone, then the next sync', async () => {
    await step(page, 'schedule', async () => {
      await page.getByRole('link', { name: 'Channels' }).click();
      await page.getByRole('button', { name: 'Schedule general' }).click();
      const editor = page.getByRole('form', { name: `Schedule of ${GENERAL}` });
      await editor.getByLabel(/^Schedule/).fill('30 6 * * 1-5');
      await editor.getByLabel('Time zone').selectOption('Europe/Paris');
      await editor.getByText('At 06:30, Monday through Friday').waitFor();
      const runs = editor.getByRole('list', { name: /Next runs/ }).getByRole('listitem');
      await runs.nth(4).waitFor();
      await expect(runs.count()).resolves.toBe(5);
      const times = await runs
        .locator('time')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')!));
      for (const time of times) {
        const parts = new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/Paris',
          hour: '2-digit',
          minute: '2-digit',
          weekday: 'short',
        }).format(new Date(time));
        expect(parts).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 06:30$/);
      }
      await editor.getByRole('button', { name: 'Save schedule' }).click();
      await editor.waitFor({ state: 'detached' });

      const { body } = await atlas.api.get(`/api/sync/schedules?channel_id=${GENERAL}`);
      expect(body.schedules[0]).toMatchObject({ schedule: '30 6 * * 1-5', timezone: 'Europe/Paris', enabled: true });
      expect(times).toContain(body.schedules[0].next_sync.replace('Z', '.000Z'));
      const row = page.locator(`tr[data-channel="${GENERAL}"]`);
      // The list refreshes after the save: wait for the cell to show the schedule.
      await row.locator('td[data-label="Next scheduled sync"]', { hasNotText: /no schedule|—/ }).waitFor();
    });
  });

  it('adds a Slack connection from the generated form, showing the fields the API refuses', async () => {
    await step(page, 'add-connection', async () => {
      await page.getByRole('link', { name: 'Connections' }).click();
      const form = page.getByRole('form', { name: 'Add a connection' });
      await form.getByLabel('Platform').selectOption('slack');
      await form.getByLabel(/^name/).fill('Emulated Slack');
      await form.getByLabel(/^base_url/).fill('not a url');
      await form.getByRole('button', { name: 'Add connection' }).click();
      const baseUrl = form.getByLabel(/^base_url/);
      // The refusal arrives asynchronously: wait for it before reading what it marked.
      await form.getByText('config.base_url must be an http(s) URL').waitFor();
      await form.getByText(/need credentials: token/).waitFor();
      await expect(baseUrl.getAttribute('aria-invalid')).resolves.toBe('true');

      await baseUrl.fill(slack.url);
      await form.getByLabel(/^token/).fill(EMULATOR_TOKEN);
      await form.getByRole('button', { name: 'Add connection' }).click();
      await page.getByRole('heading', { name: 'Emulated Slack' }).waitFor({ timeout: 20_000 });
      const card = page.locator('article', { has: page.getByRole('heading', { name: 'Emulated Slack' }) });
      // Before any sync and any test, the list says so without asking the platform.
      await card.getByText('never synced').waitFor();
      await card.getByRole('button', { name: 'Test' }).click();
      await card.getByText(/^ok · \d+ ms · 1 visible/).waitFor();
    });
  });

  it('shows a rate-limit wait live and cancels the job', async () => {
    await step(page, 'cancel', async () => {
      slack.limitRate('conversations.history', { requests: 0, windowSeconds: 600, retryAfterSeconds: 10 });
      await page.getByRole('link', { name: 'Channels' }).click();
      await page.getByRole('button', { name: 'Sync now slow' }).click();
      await page.waitForURL(/\/jobs\/C7SLOW\/sync_/);
      const jobId = page.url().split('/').at(-1)!;
      await page.getByText(/Waiting \d+ s for Slack \(rate limit\)/).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Cancel job' }).click();
      await page.locator('#job-title').getByText('cancelled').waitFor();
      await expect(page.getByRole('button', { name: 'Cancel job' }).count()).resolves.toBe(0);
      expect((await waitForJob(atlas.api, 'C7SLOW', jobId, ['cancelled'], 5_000)).status).toBe('cancelled');
    });
  });

  it("shows a failed job's error: code, message, retry_after", async () => {
    await step(page, 'failed-job', async () => {
      slack.limitRate('conversations.history', { requests: 0, windowSeconds: 600, retryAfterSeconds: 120 });
      await page.getByRole('link', { name: 'Channels' }).click();
      await page.getByRole('button', { name: 'Sync now slow' }).click();
      await page.waitForURL(/\/jobs\/C7SLOW\/sync_/);
      const jobId = page.url().split('/').at(-1)!;
      await page.locator('#job-title').getByText('failed').waitFor({ timeout: 30_000 });
      const live = page.locator('section.card', { has: page.locator('#job-title') });
      await live.getByText('RATE_LIMIT').waitFor();
      await live.getByText('Retry after 2 min 0 s').waitFor();
      const entry = page.locator(`tr[data-job="${jobId}"]`);
      await entry.getByText('RATE_LIMIT').waitFor();
      await page.getByRole('link', { name: 'Jobs', exact: true }).click();
      await page
        .locator('tr', { hasText: 'slow' })
        .getByText(/RATE_LIMIT/)
        .waitFor();
    });
  });

  it('rotates credentials (refusing ones the platform rejects), then deletes the connection after saying what goes', async () => {
    await step(page, 'rotate-delete', async () => {
      slack.validTokens.add('xoxb-rotated-0123456789');
      await page.getByRole('link', { name: 'Connections' }).click();
      const card = page.locator('article', { has: page.getByRole('heading', { name: 'Emulated Slack' }) });
      // Its health comes from its syncs: the last one failed on Slack's rate limit (the step before).
      await card.getByText(/^failing: RATE_LIMIT/).waitFor();
      await card.getByRole('button', { name: 'Rotate credentials' }).click();
      const rotate = card.getByRole('form', { name: 'New credentials for Emulated Slack' });
      await rotate.getByLabel(/^token/).fill('xoxb-not-accepted');
      await rotate.getByRole('button', { name: 'Save new credentials' }).click();
      await rotate.getByRole('alert').filter({ hasText: 'AUTH_ERROR' }).waitFor();
      await rotate.getByLabel(/^token/).fill('xoxb-rotated-0123456789');
      await rotate.getByRole('button', { name: 'Save new credentials' }).click();
      await rotate.waitFor({ state: 'detached' });
      const connections = (await atlas.api.get('/api/connections')).body.connections;
      const emulated = connections.find((connection: { name: string }) => connection.name === 'Emulated Slack');
      expect(emulated.updated_at).not.toBeNull();

      await card.getByRole('button', { name: 'Delete' }).click();
      const confirm = card.getByRole('alertdialog', { name: 'Delete Emulated Slack?' });
      await confirm.getByText(/cancels its queued and running syncs and removes its 1 channel \(slow\)/).waitFor();
      await confirm.getByRole('button', { name: 'Delete Emulated Slack' }).click();
      await card.waitFor({ state: 'detached' });
      const channels = (await atlas.api.get('/api/channels')).body.channels;
      expect(channels.map((channel: { name: string }) => channel.name).sort()).toEqual([
        'engineering',
        'general',
        'product',
      ]);
    });
  });

  it("links a partly failed job's failing message to a page of that message", async () => {
    await step(page, 'failing-message', async () => {
      const channel = generatedChannel('C0MIXED', 'mixed', 12);
      // The extractor refuses text with a NUL character: that message fails, the others do not.
      channel.messages[5].text = 'We decided to rotate the keys\u0000 tonight.';
      writeSlackExport(join(atlas.importDir, 'mixed'), [channel]);
      await connectExport(atlas.api, 'mixed', 'Mixed export');
      const { body } = await atlas.api.post('/api/sync', { channel_id: 'C0MIXED' });
      await waitForJob(atlas.api, 'C0MIXED', body.job_id, ['completed']);

      await page.goto(`${base}/jobs/C0MIXED/${body.job_id}`);
      const failing = channel.messages[5].ts;
      await page
        .locator(`tr[data-job="${body.job_id}"]`)
        .getByRole('link', { name: `Failing message ${failing}` })
        .click();
      await page.waitForURL(`${base}/channels/C0MIXED/messages/${failing}`);
      const message = page.getByRole('article', { name: `Message ${failing}` });
      await message.getByText(/We decided to rotate the keys/).waitFor();
      await message.getByText('Cho Park').waitFor();
      await message.getByText('This message has no link to its platform (an export keeps none).').waitFor();
    });
  });

  it('has no serious or critical accessibility violation on the main pages, light and dark', async () => {
    await step(page, 'accessibility', async () => {
      const found: Record<string, unknown> = {};
      const job = (await atlas.api.get(`/api/sync/status?channel_id=${GENERAL}`)).body.job_id;
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const [path, ready] of [
          ['/connections', 'Upload an export'],
          ['/channels', 'Sync now general'],
          ['/jobs', 'Refresh'],
          [`/jobs/${GENERAL}/${job}`, 'History'],
        ]) {
          await page.goto(`${base}${path}`);
          await page.getByText(ready).first().waitFor();
          // Dark changes only colours: its pass checks contrast alone.
          const violations = await seriousAccessibilityViolations(
            page,
            scheme === 'dark' ? ['color-contrast'] : undefined,
          );
          if (violations.length > 0) found[`${scheme} ${path}`] = violations;
        }
      }
      await page.evaluate(() => sessionStorage.clear());
      await page.goto(`${base}/connections`);
      await page.getByLabel('API key').waitFor();
      const signIn = await seriousAccessibilityViolations(page);
      if (signIn.length > 0) found['sign-in'] = signIn;
      expect(found).toEqual({});
    });
  });

  it('fits a phone screen: no sideways scrolling, every section reachable', async () => {
    await step(page, 'phone', async () => {
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      try {
        await phone.goto(`${base}/sign-in`);
        await phone.getByLabel('API key').fill(TEST_API_KEY);
        await phone.getByRole('button', { name: 'Sign in' }).click();
        for (const section of ['Channels', 'Jobs', 'Connections']) {
          await phone.getByRole('link', { name: section, exact: true }).click();
          await phone.getByRole('heading', { name: section, level: 1 }).waitFor();
          await phone.waitForLoadState('networkidle');
          const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect({ section, overflow }).toEqual({ section, overflow: 0 });
        }
      } finally {
        await phone.close();
      }
    });
  });

  it('threw no uncaught error and broke no rule of the Content Security Policy along the way', () => {
    expect(pageProblems).toEqual([]);
  });
});
