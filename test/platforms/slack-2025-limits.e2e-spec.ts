import { SERVICE_PLANS } from '@atlas/bootstrap';
import { FetcherModule } from '@atlas/stages';
import { AppProcess } from '../support/app-process';
import { eventually, readLog, startAtlas, waitForJob } from '../support/atlas-harness';
import { connectSlack, seedChannel, startSlackWorkspace } from '../support/slack-workspace-fixture';

jest.setTimeout(180_000);

/** Slack's 2025 limits scaled in time: one message call per 400 ms instead of per minute, pages of 15. */
const INTERVAL_SECONDS = 0.4;
/**
 * The connection declares a slightly slower rate than the limit, as one would in production: how late
 * a paced call reaches the server varies with load, and a call that arrives late must not make the next
 * one look early.
 */
const REQUESTS_PER_MINUTE = String(60 / (INTERVAL_SECONDS * 1.5));

/** A history call or a replies call, named by what it asks for: the same page asked twice has the same key. */
function pageKey(call: { method: string; params: Record<string, string> }): string {
  const { channel, ts, cursor, latest, oldest } = call.params;
  return JSON.stringify([call.method, channel, ts ?? null, cursor ?? null, latest ?? null, oldest ?? null]);
}

describe('a Slack sync under the 2025 limits for apps outside the Marketplace', () => {
  it('paces itself, survives a fetcher restart without fetching a page twice, and estimates honestly', async () => {
    const slack = await startSlackWorkspace();
    slack.workspace.maxMessagesPerPage = { history: 15, replies: 15 };
    for (const method of ['conversations.history', 'conversations.replies']) {
      slack.limitRate(method, { requests: 1, windowSeconds: INTERVAL_SECONDS });
    }
    const seeded = seedChannel(slack.workspace, 'C02025', { topLevel: 150, threads: { 20: 20, 100: 31 } });

    // The fetcher runs as its own process, so it can be killed like a container.
    const plan = {
      ...SERVICE_PLANS.atlas,
      modules: SERVICE_PLANS.atlas.modules.filter((m) => m !== FetcherModule),
      workers: SERVICE_PLANS.atlas.workers.filter((w) => w !== 'fetcher'),
    };
    const atlas = await startAtlas({ plan });
    let fetcher = AppProcess.start('fetcher', atlas.env);
    try {
      const connection = await atlas.api.post('/api/connections', {
        name: 'Slack outside the Marketplace',
        platform: 'slack',
        config: { base_url: slack.url, rate_profile: 'non_marketplace_2025', requests_per_minute: REQUESTS_PER_MINUTE },
        credentials: { token: 'xoxb-emulated-token' },
      });
      expect(connection.status).toBe(201);
      const { body } = await atlas.api.post('/api/sync', { channel_id: 'C02025' });
      const jobId = body.job_id as string;

      const status = () => atlas.api.get(`/api/sync/status?channel_id=C02025&job_id=${jobId}`).then((r) => r.body);
      const midway = await eventually(
        async () => {
          const current = await status();
          return current.progress.processed_messages >= 60 ? current : undefined;
        },
        60_000,
        'the fetch to get a few pages in',
      );
      // The channel's size is unknown to Slack's API: the estimate comes from the share of its time span walked.
      expect(midway.status).toBe('running');
      expect(midway.current_stage).toBe('fetching_messages');
      expect(midway.progress.total_messages).toBeGreaterThan(seeded.total * 0.6);
      expect(midway.progress.total_messages).toBeLessThan(seeded.total * 1.5);
      expect(Date.parse(midway.estimated_completion)).toBeGreaterThan(Date.now());

      await fetcher.kill('SIGKILL');
      const callsAtKill = slack.calls.length;
      fetcher = AppProcess.start('fetcher', atlas.env);
      await waitForJob(atlas.api, 'C02025', jobId, ['completed'], 120_000);
      expect(slack.calls.length).toBeGreaterThan(callsAtKill);

      // Every message once, none lost to the kill.
      const log = await readLog(atlas.service.runtime.events);
      const fetched = log
        .filter((entry) => entry.event.type === 'MessagesFetched' && entry.event.data.job_id === jobId)
        .flatMap((entry) => (entry.event.data as any).messages.map((message: { id: string }) => message.id));
      expect(fetched).toHaveLength(seeded.total);
      expect(new Set(fetched).size).toBe(seeded.total);

      // Pages of 15, and no page fetched twice: a restart costs at most the page that was in flight.
      const messageCalls = slack.calls.filter(
        (call) => call.method === 'conversations.history' || call.method === 'conversations.replies',
      );
      const answered = messageCalls.filter((call) => call.status === 200);
      expect(answered.every((call) => call.params.limit === '15')).toBe(true);
      const keys = answered.map(pageKey);
      const repeated = keys.length - new Set(keys).size;
      expect(repeated).toBeLessThanOrEqual(1);
      // Paced, not bounced: Slack answered 429 to hardly any call (one right after the restart at most).
      expect(messageCalls.filter((call) => call.status === 429).length).toBeLessThanOrEqual(2);
    } finally {
      await fetcher.kill('SIGTERM');
      await atlas.close();
      await slack.stop();
    }
  });
});
