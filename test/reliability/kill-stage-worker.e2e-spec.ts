import { join } from 'node:path';
import { onOneThread, SERVICE_PLANS, ServicePlan } from '@atlas/bootstrap';
import type { EventType } from '@atlas/events';
import { EventStore } from '@atlas/messaging';
import { ProjectorModule } from '@atlas/projector';
import type { WorkerName } from '@atlas/runtime';
import { ExtractorModule, FetcherModule, GraphBuilderModule, WikiGeneratorModule } from '@atlas/stages';
import { ApiClient } from '../support/api-client';
import { AppProcess } from '../support/app-process';
import {
  AtlasHarness,
  connectExport,
  eventually,
  readLog,
  startAtlas,
  TEST_API_KEY,
  waitForJob,
} from '../support/atlas-harness';
import { ChannelKnowledge, channelKnowledge, knowledgeDifferences } from '../support/channel-knowledge';
import { jobEvents, killWhen, whenPulling } from '../support/kill-at';
import { writeSlackExport } from '../support/slack-export-fixture';
import { NEWCOMERS, TEAM_USERS, teamChannel } from '../support/team-channel-fixture';

jest.setTimeout(240_000);

const CHANNEL_ID = 'C0KILL';
/**
 * About a dozen batches: people greet in the first one and are named from the second to the last. A longer
 * soak, not part of npm test: KILL_TEST_MESSAGES=20000 KILL_TEST_AFTER_OUTPUTS=9 npx jest <this file>.
 */
const CHANNEL = teamChannel(CHANNEL_ID, 'kill', Number(process.env.KILL_TEST_MESSAGES ?? 1_600));
/** The kill lands once the killed stage published this many outputs of the job (and not its completion). */
const KILL_AFTER_OUTPUTS = Number(process.env.KILL_TEST_AFTER_OUTPUTS ?? 3);

async function startSync(api: ApiClient, importDir: string): Promise<string> {
  writeSlackExport(join(importDir, 'acme'), [CHANNEL], TEAM_USERS);
  await connectExport(api, 'acme');
  const { status, body } = await api.post('/api/sync', { channel_id: CHANNEL_ID });
  expect(status).toBe(202);
  return body.job_id as string;
}

async function syncedToCompletion(api: ApiClient, jobId: string): Promise<void> {
  const done = await waitForJob(api, CHANNEL_ID, jobId, ['completed', 'failed', 'cancelled'], 180_000);
  expect({ status: done.status, error: done.error }).toEqual({ status: 'completed', error: null });
}

/**
 * Kills `app` once it published KILL_AFTER_OUTPUTS events of type `output` for the job, before `completed`,
 * letting it run `sliceMs` at a time (short for a stage that publishes fast).
 */
function killAfterOutputs(
  app: AppProcess,
  events: EventStore,
  jobId: string,
  { output, completed, sliceMs }: { output: EventType; completed: EventType; sliceMs: number },
) {
  return killWhen(
    app,
    async () => {
      const published = await jobEvents(events, CHANNEL_ID, jobId);
      if (published.some((entry) => entry.type === completed)) throw new Error(`${completed} came before the kill`);
      return published.filter((entry) => entry.type === output).length >= KILL_AFTER_OUTPUTS;
    },
    { sliceMs },
  );
}

/** Each batch (or wiki page) of a stage's output is in the log once: none lost to the kill, none published twice. */
async function outputsOf(events: EventStore, jobId: string, type: EventType): Promise<string[]> {
  const log = await readLog(events);
  return log
    .filter((entry) => entry.event.type === type && (entry.event.data as { job_id: string }).job_id === jobId)
    .map((entry) => {
      const data = entry.event.data as { batch?: number; page?: { slug: string } };
      return String(data.batch ?? data.page?.slug);
    });
}

/** The pages the job's WikiGenerated lists, with whether the job changed each. */
async function wikiSummaryOf(events: EventStore, jobId: string) {
  const log = await readLog(events);
  const generated = log.find((e) => e.event.type === 'WikiGenerated' && e.event.data.job_id === jobId);
  return (generated?.event.data as { pages: unknown[] } | undefined)?.pages;
}

const STAGES: Array<{ app: WorkerName; module: unknown; output: EventType; completed: EventType; sliceMs: number }> = [
  { app: 'fetcher', module: FetcherModule, output: 'MessagesFetched', completed: 'FetchCompleted', sliceMs: 2 },
  {
    app: 'extractor',
    module: ExtractorModule,
    output: 'FactsExtracted',
    completed: 'ExtractionCompleted',
    sliceMs: 10,
  },
  { app: 'graph-builder', module: GraphBuilderModule, output: 'GraphUpdated', completed: 'GraphCompleted', sliceMs: 5 },
  {
    app: 'wiki-generator',
    module: WikiGeneratorModule,
    output: 'WikiPageGenerated',
    completed: 'WikiGenerated',
    sliceMs: 5,
  },
];

/** The all-in-one on one thread, so a test can take a stage out of it into a process of its own. */
const ALL_IN_ONE_THREAD = onOneThread(SERVICE_PLANS.atlas);

/** Runs nothing: gives a test the NATS server, data dir and store that an all-in-one child process uses. */
const OBSERVER: ServicePlan = {
  name: 'observer',
  modules: [],
  workers: [],
  http: false,
  secrets: { generateMissing: false, needApiKeys: false, needSecretKey: false },
  demo: false,
};

describe('a worker killed in the middle of a job', () => {
  let reference: ChannelKnowledge;
  let referenceWiki: unknown[] | undefined;

  beforeAll(async () => {
    const uninterrupted = await startAtlas();
    try {
      const jobId = await startSync(uninterrupted.api, uninterrupted.importDir);
      await syncedToCompletion(uninterrupted.api, jobId);
      reference = await channelKnowledge(uninterrupted.service.runtime.store, CHANNEL_ID);
      referenceWiki = await wikiSummaryOf(uninterrupted.service.runtime.events, jobId);
    } finally {
      await uninterrupted.close();
    }
  });

  it('is compared on a channel whose later facts name people met only in its first batch', () => {
    const people = new Set(reference.entities.filter((e) => e.type === 'person').map((e) => e.key));
    expect(NEWCOMERS.filter((user) => !people.has(`person:${user.id}`))).toEqual([]);
    const namingNewcomers = reference.facts.filter((fact) =>
      fact.entities.some(([key]: string[]) => NEWCOMERS.some((user) => key === `person:${user.id}`)),
    );
    expect(namingNewcomers.length).toBeGreaterThan(500);
    expect(reference.relations.length).toBeGreaterThan(50);
    expect(reference.wiki.length).toBeGreaterThan(5);
    expect(referenceWiki).toHaveLength(reference.wiki.length);
  });

  it.each(STAGES)(
    `the $app process, killed after ${KILL_AFTER_OUTPUTS} of its outputs and restarted: the same facts, graph and wiki`,
    async (stage) => {
      // Everything in this process but the stage, which runs as its own process, like in docker-compose.
      const plan: ServicePlan = {
        ...ALL_IN_ONE_THREAD,
        modules: ALL_IN_ONE_THREAD.modules.filter((m) => m !== stage.module),
        workers: ALL_IN_ONE_THREAD.workers.filter((w) => w !== stage.app),
      };
      const atlas: AtlasHarness = await startAtlas({ plan });
      let worker = AppProcess.start(stage.app, atlas.env);
      try {
        const { events, jsm, store } = atlas.service.runtime;
        await whenPulling(jsm, stage.app);
        worker.signal('SIGSTOP');
        const jobId = await startSync(atlas.api, atlas.importDir);
        await killAfterOutputs(worker, events, jobId, stage);

        worker = AppProcess.start(stage.app, atlas.env);
        await syncedToCompletion(atlas.api, jobId);
        const outputs = await outputsOf(events, jobId, stage.output);
        expect(outputs.length).toBeGreaterThan(KILL_AFTER_OUTPUTS);
        expect(new Set(outputs).size).toBe(outputs.length);
        expect(knowledgeDifferences(reference, await channelKnowledge(store, CHANNEL_ID))).toEqual([]);
        expect(await wikiSummaryOf(events, jobId)).toEqual(referenceWiki);
      } finally {
        await worker.kill('SIGTERM');
        await atlas.close();
      }
    },
  );

  it('the graph-builder process, restarted while the projector lags behind the job: the same facts, graph and wiki', async () => {
    // The projector runs as its own process too, paused from the job's start until the restarted builder
    // published again: the live graph then holds nothing of the batches the builder published before dying.
    const apart = (m: unknown) => m !== GraphBuilderModule && m !== ProjectorModule;
    const plan: ServicePlan = {
      ...ALL_IN_ONE_THREAD,
      modules: ALL_IN_ONE_THREAD.modules.filter(apart),
      workers: ALL_IN_ONE_THREAD.workers.filter((w) => w !== 'graph-builder' && w !== 'projector'),
    };
    const atlas = await startAtlas({ plan });
    const projector = AppProcess.start('projector', atlas.env);
    let builder = AppProcess.start('graph-builder', atlas.env);
    try {
      const { events, jsm, store } = atlas.service.runtime;
      await whenPulling(jsm, 'projector');
      await whenPulling(jsm, 'graph-builder');
      builder.signal('SIGSTOP');
      const jobId = await startSync(atlas.api, atlas.importDir);
      await eventually(
        async () => ((await store.get<any>('jobs', jobId))?.status === 'running' ? true : undefined),
        30_000,
        'the projector to apply the job start',
      );
      projector.signal('SIGSTOP');
      await killAfterOutputs(builder, events, jobId, STAGES[2]);
      const published = () =>
        jobEvents(events, CHANNEL_ID, jobId).then((e) => e.filter((x) => x.type === 'GraphUpdated'));
      const beforeRestart = (await published()).length;

      builder = AppProcess.start('graph-builder', atlas.env);
      await eventually(
        async () => ((await published()).length > beforeRestart ? true : undefined),
        60_000,
        'the restarted graph builder to publish',
      );
      projector.signal('SIGCONT');
      await syncedToCompletion(atlas.api, jobId);
      const outputs = await outputsOf(events, jobId, 'GraphUpdated');
      expect(new Set(outputs).size).toBe(outputs.length);
      expect(knowledgeDifferences(reference, await channelKnowledge(store, CHANNEL_ID))).toEqual([]);
      expect(await wikiSummaryOf(events, jobId)).toEqual(referenceWiki);
    } finally {
      await builder.kill('SIGTERM');
      await projector.kill('SIGTERM');
      await atlas.close();
    }
  });

  it(`the all-in-one process, killed after ${KILL_AFTER_OUTPUTS} batches of facts and restarted: the same knowledge`, async () => {
    const atlas = await startAtlas({ plan: OBSERVER });
    const api = new ApiClient(`http://127.0.0.1:${atlas.env.PORT}`, TEST_API_KEY);
    const up = () =>
      eventually(
        () =>
          api
            .get('/health')
            .then((r) => (r.status === 200 ? true : undefined))
            .catch(() => undefined),
        60_000,
        'the all-in-one process to answer',
      );
    let app = AppProcess.start('atlas', atlas.env);
    try {
      const { events, store } = atlas.service.runtime;
      await up();
      const jobId = await startSync(api, atlas.importDir);
      await killAfterOutputs(app, events, jobId, {
        output: 'FactsExtracted',
        completed: 'ExtractionCompleted',
        sliceMs: 10,
      });

      app = AppProcess.start('atlas', atlas.env);
      await up();
      await syncedToCompletion(api, jobId);
      const batches = await outputsOf(events, jobId, 'FactsExtracted');
      expect(new Set(batches).size).toBe(batches.length);
      expect(knowledgeDifferences(reference, await channelKnowledge(store, CHANNEL_ID))).toEqual([]);
      expect(await wikiSummaryOf(events, jobId)).toEqual(referenceWiki);
    } finally {
      await app.kill('SIGTERM');
      await atlas.close();
    }
  });
});
