import { addUsers, USERS } from '../platforms/slack-fixtures';
import type { ApiClient } from './api-client';
import { factText } from './chat-sentences';
import { EMULATOR_TOKEN, SlackEmulator, SlackWorkspace } from './slack-emulator';

/** A started Slack emulator with the fixture users; the caller stops it. */
export async function startSlackWorkspace(): Promise<SlackEmulator> {
  const emulator = await new SlackEmulator().start();
  addUsers(emulator.workspace);
  return emulator;
}

export interface SeededChannel {
  channelId: string;
  /** Top-level messages (not counting broadcast replies), oldest first. */
  topLevel: string[];
  /** Reply ts by parent ts, oldest first; broadcast replies included. */
  replies: Map<string, string[]>;
  /** Every message the channel holds: top-level messages plus replies, each once. */
  total: number;
}

/**
 * Seeds a channel with `topLevel` fact-bearing messages; `threads` maps a top-level index to its
 * number of replies, and `broadcast` names threads whose first reply is also sent to the channel.
 */
export function seedChannel(
  workspace: SlackWorkspace,
  channelId: string,
  options: { topLevel: number; threads?: Record<number, number>; broadcast?: number[]; name?: string },
): SeededChannel {
  if (!workspace.channel(channelId))
    workspace.addChannel({ id: channelId, name: options.name ?? channelId.toLowerCase() });
  const authors = [USERS.ana.id, USERS.ben.id];
  const seeded: SeededChannel = { channelId, topLevel: [], replies: new Map(), total: 0 };
  for (let index = 0; index < options.topLevel; index += 1) {
    const ts = workspace.post(channelId, { user: authors[index % 2], text: factText(index, `message ${index}`) });
    seeded.topLevel.push(ts);
    const count = options.threads?.[index] ?? 0;
    const replies: string[] = [];
    for (let reply = 0; reply < count; reply += 1) {
      replies.push(
        workspace.reply(channelId, ts, {
          user: authors[(index + reply + 1) % 2],
          text: factText(index + reply + 3, `reply ${reply} to ${index}`),
          broadcast: reply === 0 && (options.broadcast ?? []).includes(index),
        }),
      );
    }
    if (replies.length > 0) seeded.replies.set(ts, replies);
  }
  seeded.total = seeded.topLevel.length + [...seeded.replies.values()].reduce((sum, r) => sum + r.length, 0);
  return seeded;
}

/** Creates a slack connection to the emulator and returns the 201 answer; throws on any other. */
export async function connectSlack(
  api: ApiClient,
  emulator: SlackEmulator,
  options: { name?: string; token?: string } = {},
) {
  const response = await api.post('/api/connections', {
    name: options.name ?? 'Emulated Slack',
    platform: 'slack',
    config: { base_url: emulator.url },
    credentials: { token: options.token ?? EMULATOR_TOKEN },
  });
  if (response.status !== 201) {
    throw new Error(`creating the slack connection failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}
