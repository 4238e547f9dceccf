import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { RunningService, ServicePlan, startService } from '@atlas/bootstrap';
import { waitUntil } from '@atlas/common';
import { AtlasEvent } from '@atlas/events';
import { EventStore } from '@atlas/messaging';
import type { LogDestination } from '@atlas/runtime';
import { ApiClient } from './api-client';
import { freePort } from './free-port';
import { NatsServerFixture } from './nats-server';
import { EMULATOR_OUTBOUND_ENV } from './outbound-allowances';
import { tempDir } from './temp-dir';

export const TEST_API_KEY = 'test-key-0123456789abcdef';

export interface AtlasHarness {
  nats: NatsServerFixture;
  dataDir: string;
  importDir: string;
  env: NodeJS.ProcessEnv;
  service: RunningService;
  api: ApiClient;
  /** Stops the service (not NATS), so a test can start another one on the same log and store. */
  stopService(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts Atlas Sync in this process (the all-in-one plan unless told otherwise) on a nats-server of its
 * own, with a temporary data dir (SQLite store, import folder) and a known API key.
 */
export async function startAtlas(
  options: {
    plan?: ServicePlan;
    env?: Record<string, string>;
    nats?: NatsServerFixture;
    /** Where the service's log lines go instead of stdout (a CapturedLog, to read them). */
    logDestination?: LogDestination;
  } = {},
): Promise<AtlasHarness> {
  const nats = options.nats ?? (await NatsServerFixture.start());
  const data = tempDir('data');
  const env: NodeJS.ProcessEnv = {
    PORT: String(await freePort()),
    NATS_URL: nats.url,
    ATLAS_DATA_DIR: data.path,
    ATLAS_API_KEYS: TEST_API_KEY,
    ATLAS_SECRET_KEY: randomBytes(32).toString('hex'),
    ATLAS_DEMO: 'false',
    ATLAS_ACK_WAIT_SECONDS: '3',
    ATLAS_LOG_LEVEL: process.env.ATLAS_TEST_LOG_LEVEL ?? 'error',
    ATLAS_LOG_FORMAT: 'text',
    // Tests poll every 50 ms and upload in bursts: the per-key rate limits are off unless a test sets them.
    ATLAS_RATE_LIMIT_PER_MINUTE: '0',
    ATLAS_UPLOAD_RATE_LIMIT_PER_MINUTE: '0',
    ...EMULATOR_OUTBOUND_ENV,
    ...options.env,
  };
  let service: RunningService | null = await startService(options.plan ?? 'atlas', {
    env,
    logDestination: options.logDestination,
  });
  const harness: AtlasHarness = {
    nats,
    dataDir: data.path,
    importDir: join(data.path, 'imports'),
    env,
    service,
    api: new ApiClient(service.url ?? '', TEST_API_KEY),
    async stopService() {
      await service?.close();
      service = null;
    },
    async close() {
      await service?.close();
      service = null;
      if (!options.nats) await nats.stop();
      data.remove();
    },
  };
  return harness;
}

/**
 * Starts another service in this process on the same NATS, data dir and store (a second scheduler, a
 * set of stage workers...). It shares the harness's store: see createRuntime.
 */
export async function startSibling(
  atlas: AtlasHarness,
  plan: ServicePlan | Parameters<typeof startService>[0],
): Promise<RunningService> {
  return startService(plan, {
    env: { ...atlas.env, PORT: String(await freePort()) },
    store: atlas.service.runtime.store,
  });
}

/** Every event of the log, in order. */
export async function readLog(events: EventStore): Promise<Array<{ seq: number; event: AtlasEvent }>> {
  const all: Array<{ seq: number; event: AtlasEvent }> = [];
  for await (const message of events.read('atlas.>', { fromSeq: 1 }))
    all.push({ seq: message.seq, event: message.decode() });
  return all;
}

/** Polls until `probe` returns a value (not undefined) or fails the test after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const value = await waitUntil(probe, { timeoutMs, intervalMs: 50 });
  if (value === undefined) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
  return value;
}

/** Waits for a job to reach one of the given statuses and returns its status answer. */
export async function waitForJob(
  api: ApiClient,
  channelId: string,
  jobId: string,
  statuses: string[],
  timeoutMs = 60_000,
) {
  return eventually(
    async () => {
      const { body } = await api.get(`/api/sync/status?channel_id=${encodeURIComponent(channelId)}&job_id=${jobId}`);
      return statuses.includes(body?.status) ? body : undefined;
    },
    timeoutMs,
    `job ${jobId} to become ${statuses.join(' or ')}`,
  );
}

/** Creates a slack_export connection over an export folder inside the import dir. */
export async function connectExport(api: ApiClient, folderInImports: string, name = 'Test export') {
  const response = await api.post('/api/connections', {
    name,
    platform: 'slack_export',
    config: { path: folderInImports },
  });
  if (response.status !== 201)
    throw new Error(`creating the export connection failed: ${JSON.stringify(response.body)}`);
  return response.body;
}
