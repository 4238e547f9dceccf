import { join } from 'node:path';
import { SERVICE_PLANS } from '@atlas/bootstrap';
import { ExtractorModule } from '@atlas/stages';
import { AppProcess } from '../support/app-process';
import { AtlasHarness, connectExport, eventually, readLog, startAtlas, waitForJob } from '../support/atlas-harness';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(180_000);

const CHANNEL = generatedChannel('C0KILL', 'kill', 12_000);

/** What the knowledge of a channel is, independent of how the job ran. */
async function knowledgeOf(atlas: AtlasHarness) {
  const store = atlas.service.runtime.store;
  const facts = await store.find<any>('facts', { where: { channel_id: 'C0KILL' }, orderBy: [['id', 'asc']] });
  const entities = await store.find<any>('entities', { orderBy: [['id', 'asc']] });
  const relations = await store.find<any>('relations', { orderBy: [['id', 'asc']] });
  return {
    facts: facts.map((f) => [f.id, f.message_id, f.index, f.type, f.text, f.entity_ids]),
    entities: entities.map((e) => [e.id, e.key, e.name, e.type, e.aliases]),
    relations: relations.map((r) => [r.id, r.type, r.source_id, r.target_id, r.fact_ids]),
  };
}

async function syncToCompletion(atlas: AtlasHarness) {
  writeSlackExport(join(atlas.importDir, 'acme'), [CHANNEL]);
  await connectExport(atlas.api, 'acme');
  const { body } = await atlas.api.post('/api/sync', { channel_id: 'C0KILL' });
  return body.job_id as string;
}

describe('a stage worker killed in the middle of a job', () => {
  let reference: Awaited<ReturnType<typeof knowledgeOf>>;

  beforeAll(async () => {
    const uninterrupted = await startAtlas();
    try {
      const jobId = await syncToCompletion(uninterrupted);
      await waitForJob(uninterrupted.api, 'C0KILL', jobId, ['completed'], 120_000);
      reference = await knowledgeOf(uninterrupted);
    } finally {
      await uninterrupted.close();
    }
  });

  it('restarts, resumes where the log says it was, and the job ends with the same facts and entities', async () => {
    // Everything in this process except the extractor, which runs as its own process, like in docker-compose.
    const plan = {
      ...SERVICE_PLANS.atlas,
      modules: SERVICE_PLANS.atlas.modules.filter((m) => m !== ExtractorModule),
      workers: SERVICE_PLANS.atlas.workers.filter((w) => w !== 'extractor'),
    };
    const atlas = await startAtlas({ plan });
    let extractor = AppProcess.start('extractor', atlas.env);
    try {
      const jobId = await syncToCompletion(atlas);
      const extracted = () =>
        atlas.service.runtime.store.get<any>('jobs', jobId).then((job) => job?.counters.batches_extracted ?? 0);
      await eventually(
        async () => ((await extracted()) >= 3 ? true : undefined),
        60_000,
        'the extractor to publish a few batches',
      );

      await extractor.kill('SIGKILL');
      const atKill = await atlas.service.runtime.store.get<any>('jobs', jobId);
      expect(atKill.counters.extraction_completed).toBe(false);
      expect(atKill.status).toBe('running');

      extractor = AppProcess.start('extractor', atlas.env);
      await waitForJob(atlas.api, 'C0KILL', jobId, ['completed'], 120_000);

      const log = await readLog(atlas.service.runtime.events);
      const batches = log
        .filter((e) => e.event.type === 'FactsExtracted' && e.event.data.job_id === jobId)
        .map((e) => (e.event.data as any).batch);
      const fetched = log.find((e) => e.event.type === 'FetchCompleted' && e.event.data.job_id === jobId)!.event
        .data as any;
      // Every batch extracted exactly once: none lost to the kill, none published twice after it.
      expect([...batches].sort((a, b) => a - b)).toEqual(Array.from({ length: fetched.batches }, (_, i) => i + 1));
      expect(await knowledgeOf(atlas)).toEqual(reference);
    } finally {
      await extractor.kill('SIGTERM');
      await atlas.close();
    }
  });
});
