import { readdirSync, readFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { AppProcess } from '../support/app-process';
import { connectExport, eventually, TEST_API_KEY } from '../support/atlas-harness';
import { freePort } from '../support/free-port';
import { NatsServerFixture } from '../support/nats-server';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';
import { tempDir } from '../support/temp-dir';

jest.setTimeout(60_000);

/** A test-only preload that crashes the process once a stage of a job runs (see the file). */
const CRASH_TRIGGER = join(__dirname, '..', 'support', 'crash-triggers', 'crash-when-stage-runs.js');
const CHANNEL = 'C0DEATH';

interface LogLine {
  level: string;
  message: string;
  context?: string;
  pid: number;
  [field: string]: any;
}

/** The all-in-one (or its supervisor) as its own process, with its own nats-server, data dir and port. */
class Atlas {
  private constructor(
    readonly process: AppProcess,
    readonly api: ApiClient,
    readonly dataDir: string,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async start(options: { entry?: 'main' | 'supervised'; env?: NodeJS.ProcessEnv } = {}): Promise<Atlas> {
    const nats = await NatsServerFixture.start();
    const data = tempDir('death');
    writeSlackExport(join(data.path, 'imports', 'acme'), [generatedChannel(CHANNEL, 'death', 3000)]);
    const port = await freePort();
    const process = AppProcess.start(
      'atlas',
      {
        PORT: String(port),
        NATS_URL: nats.url,
        ATLAS_DATA_DIR: data.path,
        ATLAS_API_KEYS: TEST_API_KEY,
        ATLAS_DEMO: 'false',
        ATLAS_ACK_WAIT_SECONDS: '3',
        ...options.env,
      },
      options.entry ?? 'main',
    );
    const api = new ApiClient(`http://127.0.0.1:${port}`, TEST_API_KEY);
    const atlas = new Atlas(process, api, data.path, async () => {
      // SIGTERM first: the supervisor then stops its child, which runs in a process group of its own.
      await Promise.race([process.kill('SIGTERM'), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
      await process.kill('SIGKILL');
      await nats.stop();
      data.remove();
    });
    return atlas;
  }

  async up(): Promise<void> {
    await eventually(
      () =>
        this.api
          .get('/health')
          .then((r) => (r.status === 200 ? true : undefined))
          .catch(() => undefined),
      20_000,
      `the all-in-one to answer:\n${this.process.log.slice(-4000)}`,
    );
  }

  /** Connects the test export and starts a sync of its channel; answers the job id. */
  async startSync(): Promise<string> {
    await connectExport(this.api, 'acme');
    const { status, body } = await this.api.post('/api/sync', { channel_id: CHANNEL });
    expect(status).toBe(202);
    return body.job_id;
  }

  /** The structured (JSON) lines logged so far. */
  get lines(): LogLine[] {
    return this.process.log
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
  }

  async waitForLine(match: (line: LogLine) => boolean, what: string): Promise<LogLine> {
    return eventually(async () => this.lines.find(match), 30_000, `${what} in:\n${this.process.log.slice(-4000)}`);
  }

  stop(): Promise<void> {
    return this.cleanup();
  }
}

const jobEntry = (jobId: string, stage: string) =>
  expect.objectContaining({ job_id: jobId, channel_id: CHANNEL, stage, since: expect.any(String) });

describe('the all-in-one never dies without a line that says why', () => {
  let atlas: Atlas | undefined;
  afterEach(async () => {
    await atlas?.stop();
    atlas = undefined;
  });

  /** Starts the all-in-one with a crash trigger and a sync; answers the job and the one line on why the process ended. */
  async function crashDuringSync(env: NodeJS.ProcessEnv): Promise<{ jobId: string; said: LogLine[] }> {
    atlas = await Atlas.start({ env });
    await atlas.up();
    const jobId = await atlas.startSync();
    expect(await atlas.process.exited()).toBe(70);
    const said = atlas.lines.filter((line) => line.context === 'Process');
    expect(said).toHaveLength(1);
    return { jobId, said };
  }

  it.each([
    ['uncaught_exception', 'test trigger: thrown from a timer'],
    ['unhandled_rejection', 'test trigger: a promise nobody awaits'],
  ])('an %s during a sync logs one fatal line with the error and the job, then exits 70', async (kind, message) => {
    const { jobId, said } = await crashDuringSync({
      NODE_OPTIONS: `--require ${CRASH_TRIGGER}`,
      ATLAS_TEST_CRASH: kind,
    });
    expect(said[0]).toMatchObject({
      level: 'fatal',
      reason: kind,
      exit_code: 70,
      error: { name: 'Error', message },
      jobs_in_progress: expect.arrayContaining([jobEntry(jobId, 'extracting_facts')]),
    });
    expect(said[0].error.stack).toContain('crash-when-stage-runs.js');
    expect(said[0].message).toContain(message);
    // Nothing but that line explains the end: no unstructured stack on stderr either.
    expect(atlas!.process.log).not.toMatch(/^\s+at /m);
  });

  it('logs why it stops on SIGTERM, with the jobs it hands back, and exits 0', async () => {
    atlas = await Atlas.start();
    await atlas.up();
    const jobId = await atlas.startSync();
    await eventually(async () => {
      const { body } = await atlas!.api.get(`/api/sync/status?channel_id=${CHANNEL}&job_id=${jobId}`);
      return body.progress?.processed_messages > 0 ? true : undefined;
    });

    await atlas.process.kill('SIGTERM');
    expect(await atlas.process.exited()).toBe(0);
    const said = atlas.lines.filter((line) => line.context === 'Process');
    expect(said).toEqual([
      expect.objectContaining({
        level: 'info',
        reason: 'stop',
        stopped_by: 'SIGTERM',
        jobs_in_progress: expect.arrayContaining([jobEntry(jobId, 'generating_wiki')]),
      }),
      expect.objectContaining({
        level: 'info',
        reason: 'exit',
        exit_code: 0,
        message: expect.stringContaining('SIGTERM'),
      }),
    ]);
  });

  it('warns near the heap limit with the job, and a V8 heap death leaves a report the supervisor names', async () => {
    atlas = await Atlas.start({
      entry: 'supervised',
      env: {
        NODE_OPTIONS: `--max-old-space-size=160 --require ${CRASH_TRIGGER}`,
        ATLAS_TEST_CRASH: 'heap_out_of_memory',
      },
    });
    await atlas.up();
    const jobId = await atlas.startSync();

    const warning = await atlas.waitForLine((line) => line.reason === 'heap_near_limit', 'the heap warning');
    expect(warning).toMatchObject({
      level: 'warn',
      heap_limit_bytes: expect.any(Number),
      jobs_in_progress: expect.arrayContaining([jobEntry(jobId, 'extracting_facts')]),
    });
    expect(warning.heap_used_bytes / warning.heap_limit_bytes).toBeGreaterThanOrEqual(0.85);

    const death = await atlas.waitForLine((line) => line.context === 'atlas-supervisor', "the supervisor's line");
    expect(death).toMatchObject({
      level: 'error',
      reason: 'heap_out_of_memory',
      signal: 'SIGABRT',
      child_pid: expect.any(Number),
      // The heap grows slowly near its limit, as a leak does: by the time V8 gives up the job may have
      // reached a later stage. What matters is that the line names it.
      jobs_in_progress: expect.arrayContaining([expect.objectContaining({ job_id: jobId, channel_id: CHANNEL })]),
      restart_in_ms: 1000,
    });
    expect(death.message).toMatch(/^atlas exited: V8 fatal error .*heap out of memory.*; restarting it in 1000 ms$/);
    const reportPath = / report (\S+\.json);/.exec(death.message)![1];
    expect(readdirSync(join(atlas.dataDir, 'reports')).map((name) => join(atlas!.dataDir, 'reports', name))).toContain(
      reportPath,
    );
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    expect(report.header.event).toMatch(/heap out of memory/);
    // The report must not carry the API keys and the secret key of the environment.
    expect(report.environmentVariables).toBeUndefined();
    expect(readFileSync(reportPath, 'utf8')).not.toContain(TEST_API_KEY);
  });

  it('a pipeline thread out of heap ends the process with one fatal line that names the thread and the job', async () => {
    const { jobId, said } = await crashDuringSync({
      NODE_OPTIONS: `--max-old-space-size=160 --require ${CRASH_TRIGGER}`,
      ATLAS_TEST_CRASH: 'thread_heap_out_of_memory',
    });
    expect(said[0]).toMatchObject({
      level: 'fatal',
      exit_code: 70,
      jobs_in_progress: expect.arrayContaining([expect.objectContaining({ job_id: jobId, channel_id: CHANNEL })]),
    });
    expect(said[0].message).toMatch(/the pipeline thread failed: .*JS heap out of memory/);
  });

  it('the supervisor logs a SIGKILL with the job, restarts the all-in-one, and the sync completes', async () => {
    atlas = await Atlas.start({ entry: 'supervised' });
    await atlas.up();
    const jobId = await atlas.startSync();
    await eventually(async () => {
      const { body } = await atlas!.api.get(`/api/sync/status?channel_id=${CHANNEL}&job_id=${jobId}`);
      return body.progress?.processed_messages > 0 ? true : undefined;
    });
    const child = atlas.lines.find((line) => line.context !== 'atlas-supervisor')!.pid;
    process.kill(child, 'SIGKILL');

    const death = await atlas.waitForLine((line) => line.context === 'atlas-supervisor', "the supervisor's line");
    expect(death).toMatchObject({
      level: 'error',
      reason: 'killed',
      signal: 'SIGKILL',
      child_pid: child,
      jobs_in_progress: expect.arrayContaining([jobEntry(jobId, 'generating_wiki')]),
      restart_in_ms: 1000,
    });
    expect(death.message).toMatch(/^atlas exited: signal SIGKILL: the kernel OOM killer .* or a kill -9/);

    // The API is down until the supervisor restarted the all-in-one: a refused request is retried.
    const done = await eventually(
      () =>
        atlas!.api
          .get(`/api/sync/status?channel_id=${CHANNEL}&job_id=${jobId}`)
          .then(({ body }) => (['completed', 'failed'].includes(body.status) ? body : undefined))
          .catch(() => undefined),
      40_000,
      'the job to end after the restart',
    );
    expect(done).toMatchObject({ status: 'completed', progress: { total_messages: 3000, processed_messages: 3000 } });
    expect(atlas.lines.some((line) => line.pid !== child && line.context !== 'atlas-supervisor')).toBe(true);

    await atlas.process.kill('SIGTERM');
    expect(await atlas.process.exited()).toBe(0);
    expect(atlas.lines.filter((line) => line.context === 'atlas-supervisor').at(-1)).toMatchObject({
      reason: 'stopped',
      stop_signal: 'SIGTERM',
      exit_code: 0,
    });
  });

  it('the supervisor does not restart an all-in-one that cannot start, and exits with its code', async () => {
    const taken = createServer();
    const port = await new Promise<number>((resolve) =>
      taken.listen(0, '127.0.0.1', () => resolve((taken.address() as AddressInfo).port)),
    );
    try {
      atlas = await Atlas.start({ entry: 'supervised', env: { PORT: String(port) } });
      expect(await atlas.process.exited()).toBe(1);
    } finally {
      taken.close();
    }
    expect(atlas.process.log).toContain('EADDRINUSE');
    const said = atlas.lines.filter((line) => line.context === 'atlas-supervisor');
    expect(said).toEqual([
      expect.objectContaining({ level: 'error', reason: 'start_failed', exit_code: 1, jobs_in_progress: [] }),
    ]);
    expect(said[0].message).toMatch(/^atlas exited before it was up: .*; not restarting it$/);
  });
});
