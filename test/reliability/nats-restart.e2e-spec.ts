import { join } from 'node:path';
import { AtlasHarness, connectExport, eventually, readLog, startAtlas, waitForJob } from '../support/atlas-harness';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(180_000);

describe('NATS restarting in the middle of a job', () => {
  let atlas: AtlasHarness;

  beforeAll(async () => {
    atlas = await startAtlas();
    // Two channels with the same messages: one syncs undisturbed, the other through the restart.
    writeSlackExport(join(atlas.importDir, 'acme'), [
      { ...generatedChannel('C0CALM', 'calm', 6000) },
      { ...generatedChannel('C0STORM', 'storm', 6000) },
    ]);
    await connectExport(atlas.api, 'acme');
  });

  afterAll(() => atlas.close());

  const factsOf = async (channelId: string) =>
    (await atlas.service.runtime.store.find<any>('facts', { where: { channel_id: channelId } }))
      .map((f) => `${f.message_id}|${f.index}|${f.type}|${f.text}`)
      .sort();

  it('loses nothing and duplicates nothing', async () => {
    const calm = await atlas.api.post('/api/sync', { channel_id: 'C0CALM' });
    await waitForJob(atlas.api, 'C0CALM', calm.body.job_id, ['completed'], 120_000);

    const storm = await atlas.api.post('/api/sync', { channel_id: 'C0STORM' });
    const jobId = storm.body.job_id;
    await eventually(async () => {
      const job = await atlas.service.runtime.store.get<any>('jobs', jobId);
      return job?.counters.batches_extracted >= 2 ? true : undefined;
    });
    await atlas.nats.restart(1_500);

    const done = await waitForJob(atlas.api, 'C0STORM', jobId, ['completed', 'failed'], 150_000);
    expect(done.status).toBe('completed');
    expect(done.progress.total_messages).toBe(6000 + 0);

    const log = await readLog(atlas.service.runtime.events);
    const ofJob = log.filter((e) => (e.event.data as any).job_id === jobId);
    const perKey = new Map<string, number>();
    for (const { event } of ofJob) {
      const key = `${event.type}#${(event.data as any).batch ?? (event.data as any).page?.slug ?? ''}`;
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
    }
    expect([...perKey.entries()].filter(([, n]) => n > 1)).toEqual([]);
    const fetched = ofJob.find((e) => e.event.type === 'FetchCompleted')!.event.data as any;
    expect(perKey.get(`MessagesFetched#${fetched.batches}`)).toBe(1);
    expect(perKey.get(`GraphUpdated#${fetched.batches}`)).toBe(1);

    const [calmFacts, stormFacts] = [await factsOf('C0CALM'), await factsOf('C0STORM')];
    expect(stormFacts.length).toBeGreaterThan(5000);
    expect(stormFacts).toEqual(calmFacts);
    expect(await atlas.service.runtime.store.count('messages', { channel_id: 'C0STORM' })).toBe(6000);
  });
});
