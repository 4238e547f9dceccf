import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiClient } from '../test/support/api-client';
import { freePort } from '../test/support/free-port';
import { NatsServerFixture } from '../test/support/nats-server';
import { tempDir } from '../test/support/temp-dir';
import { buildZip, emptyEntries, ZipEntryInput } from '../test/support/zip-writer';

/**
 * `npm run bench:uploads`: starts the all-in-one process (dist/apps/atlas, its own nats-server and
 * data dir), sends it uploads built to exhaust it and a legitimate one, and prints for each the answer,
 * the time it took and how much the process's resident memory grew at its peak (VmHWM after
 * resetting it through /proc/<pid>/clear_refs; Linux only). UPLOAD_BENCH_MAIN runs another build
 * (e.g. one of an older commit) to compare.
 */
const ROOT = resolve(__dirname, '..', '..', '..');
const MIB = 1024 * 1024;
const KEY = 'bench-key-0123456789abcdef';
const MAPPING = '{"text":"body","timestamp":"sent_at","author":"user"}';
const EXPORT_ENTRIES: ZipEntryInput[] = [
  { name: 'channels.json', data: '[{"id":"C0BENCH","name":"general"}]', deflate: true },
  { name: 'users.json', data: '[]' },
  { name: 'general/2026-01-05.json', data: '[{"type":"message","ts":"1767603600.000100","text":"hi"}]' },
];

interface Upload {
  label: string;
  name: string;
  content: () => Buffer;
  fields?: Record<string, string>;
}

/** A CSV file of a header and one line of about 50 MB of `filler`. */
function singleLineCsv(filler: string): Buffer {
  const content = Buffer.alloc(50 * 1000 * 1000, filler);
  Buffer.from('sent_at,user,body\n').copy(content);
  return content;
}

const UPLOADS: Upload[] = [
  // What the upload itself costs: refused on its first bytes.
  { label: '50 MB of random bytes (baseline)', name: 'noise', content: () => randomBytes(50 * 1000 * 1000) },
  {
    label: '50 MB single-line CSV (letters)',
    name: 'line.csv',
    content: () => singleLineCsv('x'),
    fields: { mapping: MAPPING },
  },
  {
    label: '50 MB single-line CSV (commas)',
    name: 'commas.csv',
    content: () => singleLineCsv(','),
    fields: { mapping: MAPPING },
  },
  {
    label: '50 MB single JSON line',
    name: 'line.jsonl',
    content: () => Buffer.from(JSON.stringify({ sent_at: 'x', user: 'y', body: 'z'.repeat(50 * 1000 * 1000) })),
    fields: { mapping: MAPPING },
  },
  {
    label: 'ZIP: 1,000 entries of 1 MiB - 1 of zeros',
    name: 'bomb.zip',
    content: () => {
      const zeros = Buffer.alloc(MIB - 1);
      const padding = Array.from({ length: 1000 }, (_, i) => ({
        name: `general/pad-${i}.bin`,
        data: zeros,
        deflate: true,
      }));
      return buildZip([...EXPORT_ENTRIES, ...padding]);
    },
  },
  {
    label: 'ZIP: 100,003 empty entries',
    name: 'crowded.zip',
    content: () => buildZip([...EXPORT_ENTRIES, ...emptyEntries(100_000)]),
  },
  {
    // Passes every ZIP check (stored, ratio 1): the connector parses the day file at discovery.
    label: 'ZIP: a stored 60 MB day file of {},',
    name: 'objects.zip',
    content: () => {
      const day = Buffer.concat([Buffer.from('['), Buffer.alloc(60 * 1000 * 999, '{},'), Buffer.from('{}]')]);
      return buildZip([...EXPORT_ENTRIES, { name: 'general/2026-01-06.json', data: day }]);
    },
  },
  {
    label: 'legitimate CSV, 200,000 rows',
    name: 'tickets.csv',
    content: () => {
      const start = Date.parse('2026-01-05T09:00:00Z');
      const rows = Array.from(
        { length: 200_000 },
        (_, i) => `${new Date(start + i * 1000).toISOString()},user${i % 40},"Ticket ${i} closed, customer informed."`,
      );
      return Buffer.from(['sent_at,user,body', ...rows].join('\n') + '\n');
    },
    fields: { mapping: MAPPING },
  },
];

async function main(): Promise<void> {
  const main = process.env.UPLOAD_BENCH_MAIN ?? join(ROOT, 'dist', 'apps', 'atlas', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npx nest build atlas\` first`);
  const nats = await NatsServerFixture.start();
  const data = tempDir('upload-bench');
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: String(port),
      NATS_URL: nats.url,
      ATLAS_DATA_DIR: data.path,
      ATLAS_API_KEYS: KEY,
      ATLAS_SECRET_KEY: randomBytes(32).toString('hex'),
      ATLAS_DEMO: 'false',
      ATLAS_LOG_LEVEL: 'warn',
      ATLAS_LOG_FORMAT: 'text',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const api = new ApiClient(`http://127.0.0.1:${port}`, KEY);
  try {
    await waitForHealth(api, child);
    const rows = [];
    for (const upload of UPLOADS) rows.push(await measure(api, child.pid!, upload));
    console.log(`\n${main}`);
    console.table(rows);
  } finally {
    child.kill('SIGTERM');
    await nats.stop();
    data.remove();
  }
}

async function measure(api: ApiClient, pid: number, upload: Upload) {
  const content = upload.content();
  const baseline = rssMb(pid, 'VmRSS');
  resetPeak(pid);
  // Polling as well: the peak reset needs a kernel that allows it.
  let polledPeak = baseline;
  const poll = setInterval(() => (polledPeak = Math.max(polledPeak, rssMb(pid, 'VmRSS'))), 5);
  const started = Date.now();
  const { status, body } = await postOnce(api, upload, content).finally(() => clearInterval(poll));
  const ms = Date.now() - started;
  const peak = Math.max(polledPeak, rssMb(pid, 'VmHWM'));
  return {
    upload: upload.label,
    'size MB': +(content.length / 1e6).toFixed(2),
    status,
    code: body?.error?.code ?? (body?.connection_id ? 'created' : '?'),
    ms,
    'RSS before MB': baseline,
    'peak RSS MB': peak,
    'growth MB': peak - baseline,
  };
}

/**
 * Building the next file can take as long as the server keeps an idle connection: fetch then writes on
 * a socket the server is closing (EPIPE, ECONNRESET) before anything reached it, so it is sent again.
 */
async function postOnce(api: ApiClient, upload: Upload, content: Buffer) {
  const send = () => api.postForm('/api/imports', [{ name: upload.name, content }], upload.fields);
  try {
    return await send();
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== 'EPIPE' && code !== 'ECONNRESET') throw error;
    return send();
  }
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not allowed here: the polled figure stands alone.
  }
}

async function waitForHealth(api: ApiClient, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the process exited with ${child.exitCode}`);
    const answer = await api.get('/health').catch(() => null);
    if (answer?.status === 200) return;
    if (Date.now() > deadline) throw new Error('the process did not answer /health within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
