import { headers } from '@nats-io/transport-node';
import { channelSubject, HEADER } from '@atlas/events';
import { AtlasHarness, eventually, startAtlas, waitForJob } from '../support/atlas-harness';
import { EMULATOR_TOKEN, SlackEmulator } from '../support/slack-emulator';

jest.setTimeout(90_000);

describe('poison input', () => {
  let atlas: AtlasHarness;
  let slack: SlackEmulator;

  beforeAll(async () => {
    slack = await new SlackEmulator().start();
    slack.workspace.addUser({ id: 'U01ANA', name: 'ana', realName: 'Ana Souza' });
    slack.workspace.addChannel({ id: 'C0SLOW', name: 'slow' });
    slack.workspace.postMany('C0SLOW', 900, (i) => ({
      user: 'U01ANA',
      text: `We decided to ship release ${i} on Friday.`,
    }));
    atlas = await startAtlas();
    const created = await atlas.api.post('/api/connections', {
      name: 'Slack',
      platform: 'slack',
      config: { base_url: slack.url },
      credentials: { token: EMULATOR_TOKEN },
    });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await atlas.close();
    await slack.stop();
  });

  it('terminates an event no stage can read, records it on its job, and frees the channel', async () => {
    // One history page per second keeps the job open while the poison goes in.
    slack.limitRate('conversations.history', { requests: 1, windowSeconds: 1, retryAfterSeconds: 1 });
    const { body } = await atlas.api.post('/api/sync', { channel_id: 'C0SLOW' });
    const jobId = body.job_id;
    await eventually(async () => {
      const job = await atlas.service.runtime.store.get<any>('jobs', jobId);
      return job?.counters.batches_fetched >= 1 ? true : undefined;
    });

    // A FactsExtracted of this job that breaks its own contract (batch is not a number, facts are missing).
    const poison = headers();
    poison.set(HEADER.type, 'FactsExtracted');
    poison.set(HEADER.jobId, jobId);
    poison.set(HEADER.channelId, 'C0SLOW');
    poison.set(HEADER.batch, '99');
    const payload = JSON.stringify({
      type: 'FactsExtracted',
      data: { job_id: jobId, channel_id: 'C0SLOW', batch: 'ninety-nine' },
      metadata: { event_id: 'poison', schema_version: 1, occurred_at: new Date().toISOString(), producer: 'intruder' },
    });
    const ack = await atlas.service.runtime.js.publish(channelSubject('C0SLOW'), payload, { headers: poison });

    const failed = await waitForJob(atlas.api, 'C0SLOW', jobId, ['failed']);
    expect(failed.error.code).toBe('INTERNAL_ERROR');
    expect(failed.error.message).toMatch(/FactsExtracted is invalid/);
    expect(failed.current_stage).toBe('building_graph');
    const history = await atlas.api.get('/api/sync/history?channel_id=C0SLOW&limit=1');
    expect(history.body.history[0].error.code).toBe('INTERNAL_ERROR');

    // The projector could not read it either: it moved past it and noted it on the job.
    const job = await eventually(async () => {
      const doc = await atlas.service.runtime.store.get<any>('jobs', jobId);
      return doc?.rejected_events.length ? doc : undefined;
    });
    expect(job.rejected_events).toEqual([
      { seq: ack.seq, type: 'FactsExtracted', reason: expect.stringMatching(/batch/) },
    ]);

    slack.limitRate('conversations.history', { requests: 1000, windowSeconds: 1 });
    const again = await atlas.api.post('/api/sync', { channel_id: 'C0SLOW' });
    expect(again.status).toBe(202);
    await waitForJob(atlas.api, 'C0SLOW', again.body.job_id, ['completed']);
  });
});
