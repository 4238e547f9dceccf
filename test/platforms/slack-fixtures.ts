import type { NormalizedMessage } from '@atlas/events';
import { ConnectorOptions, FetchedPage, FetchRequest, PlatformConnector, SlackConnector } from '@atlas/platforms';
import { EMULATOR_TOKEN, SlackEmulator, SlackWorkspace } from '../support/slack-emulator';
import { EMULATOR_OUTBOUND_POLICY } from '../support/outbound-allowances';

export const USERS = {
  ana: { id: 'U01ANA', name: 'ana.souza', realName: 'Ana Souza', displayName: 'Ana' },
  ben: { id: 'U02BEN', name: 'ben.okafor', realName: 'Ben Okafor' },
  deploybot: { id: 'U03BOT', name: 'deploybot', realName: 'Deploybot', isBot: true },
  partner: {
    id: 'W04EXT',
    name: 'pat.partner',
    realName: 'Pat Partner',
    displayName: 'Pat (Partner Co)',
    listed: false,
  },
};

/** Top-level messages whose index is one of these start a thread; the second one is long. */
export const THREAD_INDEXES = [5, 105, 205, 305, 405];
const LONG_THREAD_INDEX = 405;

export function addUsers(workspace: SlackWorkspace): void {
  for (const user of Object.values(USERS)) workspace.addUser(user);
}

/**
 * 450 top-level messages (three history pages of 200), with five threads: four of 3 replies and one
 * of 250 (two reply pages). Returns the top-level ts, oldest first.
 */
export function seedLongChannel(workspace: SlackWorkspace, channelId: string): string[] {
  workspace.addChannel({ id: channelId, name: channelId.toLowerCase() });
  const authors = [USERS.ana.id, USERS.ben.id];
  const topLevel: string[] = [];
  for (let index = 0; index < 450; index += 1) {
    const ts = workspace.post(channelId, { user: authors[index % 2], text: `message ${index}` });
    topLevel.push(ts);
    if (!THREAD_INDEXES.includes(index)) continue;
    const replies = index === LONG_THREAD_INDEX ? 250 : 3;
    for (let reply = 0; reply < replies; reply += 1) {
      workspace.reply(channelId, ts, { user: authors[(reply + 1) % 2], text: `reply ${reply} to ${index}` });
    }
  }
  return topLevel;
}

export function slackConnector(
  emulator: SlackEmulator,
  options: Partial<ConnectorOptions> = {},
  token = EMULATOR_TOKEN,
) {
  return new SlackConnector(
    {
      connection_id: 'conn_test',
      platform: 'slack',
      config: { base_url: emulator.url },
      credentials: token === '' ? null : { token },
    },
    { maxRetryAfterSeconds: 5, importDir: '/nonexistent', outboundPolicy: EMULATOR_OUTBOUND_POLICY, ...options },
  );
}

export function request(channelId: string, overrides: Partial<FetchRequest> = {}): FetchRequest {
  return { channelId, since: null, resume: null, signal: new AbortController().signal, ...overrides };
}

export async function collectPages(connector: PlatformConnector, fetch: FetchRequest): Promise<FetchedPage[]> {
  const pages: FetchedPage[] = [];
  for await (const page of connector.fetchMessages(fetch)) pages.push(page);
  return pages;
}

export function messagesOf(pages: FetchedPage[]): NormalizedMessage[] {
  return pages.flatMap((page) => page.messages);
}

export function idsOf(messages: NormalizedMessage[]): string[] {
  return messages.map((message) => message.id);
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject');
}
