import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { freePort } from './free-port';
import { tempDir } from './temp-dir';

/** The FerretDB line scripts/build-ferretdb.sh builds: the last with an embedded SQLite backend. */
const FERRETDB_VERSION = 'v1.24.2';

/**
 * The FerretDB binary the MongoDB suites run: $FERRETDB_BIN, else the one scripts/build-ferretdb.sh cached,
 * else `ferretdb` on PATH. Null when there is none, with the reason for the skip message.
 */
export function ferretDbBinary(): { path: string } | { path: null; reason: string } {
  if (process.env.FERRETDB_BIN) return { path: process.env.FERRETDB_BIN };
  const toolsDir =
    process.env.ATLAS_TOOLS_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'atlas-sync');
  const cached = join(toolsDir, `ferretdb-${FERRETDB_VERSION}`, 'ferretdb');
  if (existsSync(cached)) return { path: cached };
  if (spawnSync('ferretdb', ['--version']).status === 0) return { path: 'ferretdb' };
  return {
    path: null,
    reason: `no FerretDB binary (not at ${cached}, not on PATH, FERRETDB_BIN unset): run scripts/build-ferretdb.sh (needs Go)`,
  };
}

/**
 * Where the MongoDB suites find a server: MONGODB_URI when set (a real MongoDB), else a FerretDB the suite starts.
 * Null with the reason when neither is possible.
 */
export function mongoTarget(): { uri: string } | { binary: string } | { reason: string } {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI };
  const binary = ferretDbBinary();
  return binary.path === null ? { reason: binary.reason } : { binary: binary.path };
}

/**
 * A FerretDB of the suite's own: a MongoDB-wire server on a free port, its SQLite backend in a temporary folder,
 * the way NatsServerFixture runs nats-server. A standalone server: no multi-document transactions.
 */
export class FerretDbFixture {
  private process?: ChildProcess;
  private readonly data = tempDir('ferretdb');
  private log = '';

  private constructor(
    private readonly binary: string,
    readonly port: number,
  ) {}

  static async start(binary: string): Promise<FerretDbFixture> {
    const fixture = new FerretDbFixture(binary, await freePort());
    await fixture.startProcess();
    return fixture;
  }

  /** A URI naming `database` on this server. */
  uri(database = 'atlas'): string {
    return `mongodb://127.0.0.1:${this.port}/${database}`;
  }

  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (child && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    this.data.remove();
  }

  private async startProcess(): Promise<void> {
    const child = spawn(
      this.binary,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${this.data.path}/`,
        `--state-dir=${this.data.path}`,
        `--listen-addr=127.0.0.1:${this.port}`,
        // FERRETDB_DEBUG_ADDR (host:port) serves its pprof and metrics, to see what a stuck server is doing.
        `--debug-addr=${process.env.FERRETDB_DEBUG_ADDR ?? '-'}`,
        '--telemetry=disable',
        '--log-level=WARN',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk) => (this.log += chunk));
    child.stderr?.on('data', (chunk) => (this.log += chunk));
    this.process = child;
    // A server that dies under a suite shows up as closed connections; its own last words say why.
    child.once('exit', (code, signal) => {
      if (this.process === child) {
        process.stderr.write(`ferretdb on ${this.port} exited (${code ?? signal}):\n${this.log.slice(-4000)}\n`);
      }
    });
    const deadline = Date.now() + 30_000;
    while (!(await this.answersPing())) {
      if (child.exitCode !== null) throw new Error(`ferretdb exited (${child.exitCode}):\n${this.log}`);
      if (Date.now() > deadline) throw new Error(`ferretdb did not answer on ${this.port}:\n${this.log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async answersPing(): Promise<boolean> {
    const client = new MongoClient(this.uri(), { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return true;
    } catch {
      return false;
    } finally {
      await client.close().catch(() => undefined);
    }
  }
}
