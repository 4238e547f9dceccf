import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The real chat the benchmark scales from: shared/datasets/ubuntu-irc (CC BY 4.0, see its README). */
export const IRC_EXPORT = resolve(
  process.env.ATLAS_BENCH_DATASET ?? join(__dirname, '../../../../shared/datasets/ubuntu-irc'),
);
const CHANNEL_FOLDER = 'ubuntu-0';
const DAY_SECONDS = 86_400;

interface ExportMessage {
  ts: string;
  thread_ts?: string;
  replies?: Array<{ user: string; ts: string }>;
  [field: string]: unknown;
}

export interface ScaledExport {
  channelId: string;
  messages: number;
  /** The export's last timestamp: a message written after it is new to an incremental sync. */
  lastTs: string;
}

/**
 * Writes a Slack export folder of `count` real messages: the IRC export's days in order, then again with
 * every timestamp moved past the last day (copy k is k spans later), until `count` messages are written.
 * Threads are kept whole within a copy; ids stay unique because timestamps do.
 */
export function writeScaledIrcExport(target: string, count: number): ScaledExport {
  if (!existsSync(IRC_EXPORT)) throw new Error(`no real chat at ${IRC_EXPORT} (set ATLAS_BENCH_DATASET)`);
  const days = readdirSync(join(IRC_EXPORT, CHANNEL_FOLDER))
    .filter((file) => file.endsWith('.json'))
    .sort();
  const source: ExportMessage[] = days.flatMap((day) =>
    JSON.parse(readFileSync(join(IRC_EXPORT, CHANNEL_FOLDER, day), 'utf8')),
  );
  const first = seconds(source[0].ts);
  const span = Math.ceil((seconds(source.at(-1)!.ts) - first) / DAY_SECONDS + 1) * DAY_SECONDS;
  const byDay = new Map<string, ExportMessage[]>();
  let written = 0;
  let lastTs = source[0].ts;
  for (let copy = 0; written < count; copy++) {
    for (const message of source) {
      if (written >= count) break;
      const moved = shifted(message, copy * span);
      const day = new Date(seconds(moved.ts) * 1000).toISOString().slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), moved]);
      lastTs = moved.ts;
      written++;
    }
  }
  const folder = join(target, CHANNEL_FOLDER);
  mkdirSync(folder, { recursive: true });
  for (const file of ['channels.json', 'users.json'])
    writeFileSync(join(target, file), readFileSync(join(IRC_EXPORT, file)));
  for (const [day, messages] of byDay) writeFileSync(join(folder, `${day}.json`), JSON.stringify(messages));
  const [channel] = JSON.parse(readFileSync(join(IRC_EXPORT, 'channels.json'), 'utf8')) as Array<{ id: string }>;
  return { channelId: channel.id, messages: written, lastTs };
}

/** Adds one message after the export's last one, as a channel that got one new line since the last sync. */
export function appendMessage(target: string, after: string, text: string): void {
  const ts = `${seconds(after) + 60}.000001`;
  const day = new Date(seconds(ts) * 1000).toISOString().slice(0, 10);
  const file = join(target, CHANNEL_FOLDER, `${day}.json`);
  const messages: ExportMessage[] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  messages.push({ type: 'message', user: 'U32E4DC9BC', text, ts });
  writeFileSync(file, JSON.stringify(messages));
}

function shifted(message: ExportMessage, by: number): ExportMessage {
  if (by === 0) return message;
  return {
    ...message,
    ts: moveTs(message.ts, by),
    ...(message.thread_ts ? { thread_ts: moveTs(message.thread_ts, by) } : {}),
    ...(message.replies ? { replies: message.replies.map((reply) => ({ ...reply, ts: moveTs(reply.ts, by) })) } : {}),
  };
}

function moveTs(ts: string, by: number): string {
  const [whole, fraction] = ts.split('.');
  return `${Number(whole) + by}.${fraction}`;
}

function seconds(ts: string): number {
  return Number(ts.split('.')[0]);
}
