import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { factText } from './chat-sentences';

export interface ExportMessage {
  ts: string;
  user?: string;
  text: string;
  thread_ts?: string;
  reply_count?: number;
  subtype?: string;
}

export interface ExportChannel {
  id: string;
  name: string;
  topic?: string;
  messages: ExportMessage[];
}

export interface ExportUser {
  id: string;
  name: string;
  real_name: string;
}

export const FIXTURE_USERS: ExportUser[] = [
  { id: 'U100ANA', name: 'ana', real_name: 'Ana Lima' },
  { id: 'U200BEN', name: 'ben', real_name: 'Ben Okafor' },
  { id: 'U300CHO', name: 'cho', real_name: 'Cho Park' },
];

/** Writes a Slack workspace export as an unpacked folder: channels.json, users.json, one folder of day files per channel. */
export function writeSlackExport(dir: string, channels: ExportChannel[], users: ExportUser[] = FIXTURE_USERS): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'users.json'),
    JSON.stringify(
      users.map((u) => ({
        id: u.id,
        name: u.name,
        real_name: u.real_name,
        profile: { display_name: u.real_name, real_name: u.real_name },
      })),
    ),
  );
  writeFileSync(
    join(dir, 'channels.json'),
    JSON.stringify(
      channels.map((c) => ({ id: c.id, name: c.name, topic: { value: c.topic ?? '' }, purpose: { value: '' } })),
    ),
  );
  for (const channel of channels) writeChannelDays(dir, channel);
  return dir;
}

/** (Re)writes a channel's day files: used to add messages to an export between syncs. */
export function writeChannelDays(dir: string, channel: ExportChannel): void {
  const folder = join(dir, channel.name);
  mkdirSync(folder, { recursive: true });
  const byDay = new Map<string, ExportMessage[]>();
  for (const message of channel.messages) {
    const day = new Date(Number(message.ts.split('.')[0]) * 1000).toISOString().slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), { type: 'message', ...message } as ExportMessage]);
  }
  for (const [day, messages] of byDay) writeFileSync(join(folder, `${day}.json`), JSON.stringify(messages, null, 1));
}

/**
 * A channel of `count` messages of varied, fact-bearing text, one per 10 minutes from a fixed start, with
 * a thread every 25 messages. Deterministic: the same arguments always give the same export.
 */
export function generatedChannel(id: string, name: string, count: number, startSeconds = 1_767_225_600): ExportChannel {
  const messages: ExportMessage[] = [];
  for (let i = 0; i < count; i++) {
    const ts = `${startSeconds + i * 600}.${String(100000 + i).slice(-6)}`;
    const user = FIXTURE_USERS[i % FIXTURE_USERS.length].id;
    const mention = i % 7 === 0 ? ` <@${FIXTURE_USERS[(i + 1) % FIXTURE_USERS.length].id}>` : '';
    messages.push({ ts, user, text: `${factText(i, `item ${i}`)}${mention}` });
  }
  for (let i = 0; i + 3 < count; i += 25) {
    messages[i].reply_count = 2;
    messages[i + 1].thread_ts = messages[i].ts;
    messages[i + 2].thread_ts = messages[i].ts;
  }
  return { id, name, topic: `Generated channel ${name}`, messages };
}
