import type { SlackMessageJson, SlackWorkspace, UserFixture } from './slack-workspace';

/** What a method answers: Slack sends `ok:false` errors with HTTP 200. */
export type MethodResult = Record<string, unknown> & { ok: boolean };
export type Params = Record<string, string>;
type Method = (workspace: SlackWorkspace, params: Params) => MethodResult;

export const SLACK_METHODS: Record<string, Method> = {
  'auth.test': (workspace) => ({
    ok: true,
    url: `https://${workspace.domain}/`,
    team: 'Atlas Emulated',
    user: 'atlas-bot',
    team_id: workspace.teamId,
    user_id: 'U0ATLASBOT',
    bot_id: 'B0ATLASBOT',
  }),

  'conversations.list': (workspace, params) => {
    const types = (params.types || 'public_channel').split(',');
    const channels = workspace
      .allChannels()
      .filter((channel) => types.includes(channel.isPrivate ? 'private_channel' : 'public_channel'))
      .filter((channel) => !(isTrue(params.exclude_archived) && channel.isArchived));
    return offsetPage(channels, params, 1000, 'channels', (channel) => ({
      id: channel.id,
      name: channel.name,
      is_channel: true,
      is_group: false,
      is_im: false,
      is_private: channel.isPrivate === true,
      is_archived: channel.isArchived === true,
      is_member: true,
      topic: { value: channel.topic ?? '', creator: '', last_set: 0 },
      purpose: { value: channel.purpose ?? '', creator: '', last_set: 0 },
    }));
  },

  'conversations.info': (workspace, params) => {
    const channel = workspace.channel(params.channel ?? '');
    if (!channel) return { ok: false, error: 'channel_not_found' };
    return {
      ok: true,
      channel: { id: channel.id, name: channel.name, created: channel.created, is_private: channel.isPrivate === true },
    };
  },

  'conversations.history': (workspace, params) => {
    if (!workspace.channel(params.channel ?? '')) return { ok: false, error: 'channel_not_found' };
    const rangeError = invalidRange(params);
    if (rangeError) return rangeError;
    const inRange = workspace.history(params.channel).filter((message) => withinRange(message.ts, params));
    const newestFirst = inRange.reverse();
    return tsPage(
      newestFirst,
      params,
      workspace.maxMessagesPerPage.history,
      (message, boundary) => compareTs(message.ts, boundary) <= 0,
    );
  },

  'conversations.replies': (workspace, params) => {
    if (!workspace.channel(params.channel ?? '')) return { ok: false, error: 'channel_not_found' };
    const thread = params.ts ? workspace.thread(params.channel, params.ts) : undefined;
    if (!thread) return { ok: false, error: 'thread_not_found' };
    const rangeError = invalidRange(params);
    if (rangeError) return rangeError;
    const replies = thread.replies.filter((reply) => withinRange(reply.ts, params));
    const page = tsPage(
      replies,
      params,
      workspace.maxMessagesPerPage.replies,
      (reply, boundary) => compareTs(reply.ts, boundary) >= 0,
    );
    if (!page.ok || params.cursor) return page;
    return { ...page, messages: [thread.parent, ...(page.messages as SlackMessageJson[])] };
  },

  'users.list': (workspace, params) => {
    const listed = [...workspace.users.values()].filter((user) => user.listed !== false);
    return offsetPage(listed, params, 1000, 'members', (user) => userJson(workspace, user));
  },

  'users.info': (workspace, params) => {
    const user = workspace.users.get(params.user ?? '');
    return user ? { ok: true, user: userJson(workspace, user) } : { ok: false, error: 'user_not_found' };
  },
};

function userJson(workspace: SlackWorkspace, user: UserFixture): Record<string, unknown> {
  return {
    id: user.id,
    team_id: workspace.teamId,
    name: user.name,
    deleted: false,
    real_name: user.realName ?? user.name,
    is_bot: user.isBot === true,
    profile: { display_name: user.displayName ?? '', real_name: user.realName ?? user.name },
  };
}

/** Slack's `limit`: absent or zero means the default, anything else is clamped to the method's maximum. */
function clampLimit(params: Params, max: number): number {
  const requested = Number.parseInt(params.limit ?? '', 10);
  if (!Number.isFinite(requested) || requested <= 0) return 100;
  return Math.min(requested, max);
}

function encodeCursor(value: string): string {
  return Buffer.from(value).toString('base64');
}

function decodeCursor(cursor: string, prefix: string): string | undefined {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  return decoded.startsWith(prefix) ? decoded.slice(prefix.length) : undefined;
}

/** Lists paged by position, like conversations.list and users.list. */
function offsetPage<T>(
  items: T[],
  params: Params,
  max: number,
  key: string,
  toJson: (item: T) => Record<string, unknown>,
): MethodResult {
  const offset = params.cursor ? Number(decodeCursor(params.cursor, 'offset:')) : 0;
  if (!Number.isInteger(offset) || offset < 0) return { ok: false, error: 'invalid_cursor' };
  const end = offset + clampLimit(params, max);
  return {
    ok: true,
    [key]: items.slice(offset, end).map(toJson),
    response_metadata: { next_cursor: end < items.length ? encodeCursor(`offset:${end}`) : '' },
  };
}

/**
 * Messages paged as Slack does it: the cursor names the first message of the next page, so it stays
 * valid when messages are posted in between.
 */
function tsPage(
  messages: SlackMessageJson[],
  params: Params,
  max: number,
  isAtOrAfterBoundary: (message: SlackMessageJson, boundary: string) => boolean,
): MethodResult {
  let remaining = messages;
  if (params.cursor) {
    const boundary = decodeCursor(params.cursor, 'next_ts:');
    if (!boundary || !TS.test(boundary)) return { ok: false, error: 'invalid_cursor' };
    remaining = messages.filter((message) => isAtOrAfterBoundary(message, boundary));
  }
  const limit = clampLimit(params, max);
  const page = remaining.slice(0, limit);
  const next = remaining[limit];
  return {
    ok: true,
    messages: page,
    has_more: next !== undefined,
    response_metadata: { next_cursor: next ? encodeCursor(`next_ts:${next.ts}`) : '' },
  };
}

function invalidRange(params: Params): MethodResult | undefined {
  if (params.oldest && !TS.test(params.oldest)) return { ok: false, error: 'invalid_ts_oldest' };
  if (params.latest && !TS.test(params.latest)) return { ok: false, error: 'invalid_ts_latest' };
  return undefined;
}

function withinRange(ts: string, params: Params): boolean {
  const inclusive = isTrue(params.inclusive);
  if (params.oldest) {
    const order = compareTs(ts, params.oldest);
    if (order < 0 || (order === 0 && !inclusive)) return false;
  }
  if (params.latest) {
    const order = compareTs(ts, params.latest);
    if (order > 0 || (order === 0 && !inclusive)) return false;
  }
  return true;
}

function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}

const TS = /^\d+(\.\d+)?$/;

/** The emulator's own ts comparison, independent of the connector's under test. */
function compareTs(a: string, b: string): number {
  const [aSeconds, aFraction = ''] = a.split('.');
  const [bSeconds, bFraction = ''] = b.split('.');
  const bySeconds = BigInt(aSeconds) - BigInt(bSeconds);
  if (bySeconds !== 0n) return bySeconds < 0n ? -1 : 1;
  const width = Math.max(aFraction.length, bFraction.length);
  return aFraction.padEnd(width, '0').localeCompare(bFraction.padEnd(width, '0'));
}
