import type { DiscordGuild, StoredChannel } from './discord-guild';
import { DiscordJson } from './discord-json';
import { compareIds } from './snowflakes';

export interface Answer {
  status: number;
  body: unknown;
}

export interface RouteRequest {
  guild: DiscordGuild;
  params: Record<string, string>;
  query: URLSearchParams;
  now: number;
}

export interface Route {
  method: 'GET';
  /** `/channels/{channel.id}/messages`: also the rate-limit bucket's route. */
  template: string;
  /** The major parameter, which splits the route's bucket (a channel's or a guild's id). */
  major: string;
  handle(request: RouteRequest): Answer;
}

export const errorAnswer = (status: number, code: number, message: string, errors?: unknown): Answer => ({
  status,
  body: errors === undefined ? { message, code } : { message, code, errors },
});

const UNKNOWN_CHANNEL = errorAnswer(404, 10003, 'Unknown Channel');
const UNKNOWN_GUILD = errorAnswer(404, 10004, 'Unknown Guild');
const UNKNOWN_MESSAGE = errorAnswer(404, 10008, 'Unknown Message');
const MISSING_ACCESS = errorAnswer(403, 50001, 'Missing Access');
export const NOT_FOUND = errorAnswer(404, 0, '404: Not Found');

/** Discord's answer to a malformed query parameter: 400 Invalid Form Body naming the field. */
function invalidField(field: string, code: string, message: string): Answer {
  return errorAnswer(400, 50035, 'Invalid Form Body', { [field]: { _errors: [{ code, message }] } });
}

const isSnowflake = (value: string) => /^\d{1,20}$/.test(value);

/** The channel a request names, or the answer Discord gives when the bot cannot read it. */
function readable(request: RouteRequest): StoredChannel | Answer {
  const channel = request.guild.channels.get(request.params.channel);
  if (!channel) return UNKNOWN_CHANNEL;
  const parent = channel.parentId ? request.guild.channels.get(channel.parentId) : undefined;
  if (channel.hiddenFromBot || parent?.hiddenFromBot) return MISSING_ACCESS;
  return channel;
}

const isAnswer = (value: StoredChannel | Answer): value is Answer => 'status' in value;

function knownGuild(request: RouteRequest): Answer | null {
  return request.params.guild === request.guild.id ? null : UNKNOWN_GUILD;
}

/** `limit`, 1 to `max`, as Discord validates it. */
function readLimit(query: URLSearchParams, fallback: number, max: number): number | Answer {
  const raw = query.get('limit');
  if (raw === null) return fallback;
  if (!/^-?\d+$/.test(raw)) return invalidField('limit', 'NUMBER_TYPE_COERCE', `Value "${raw}" is not int.`);
  const limit = Number(raw);
  if (limit < 1) return invalidField('limit', 'NUMBER_TYPE_MIN', 'int value should be greater than or equal to 1.');
  if (limit > max) return invalidField('limit', 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${max}.`);
  return limit;
}

/**
 * GET /channels/{id}/messages: newest first, always. `before` gives the newest `limit` older than it,
 * `after` the OLDEST `limit` newer than it (still sorted newest first), `around` those on both sides;
 * only one of them at a time.
 */
function listMessages(request: RouteRequest): Answer {
  const channel = readable(request);
  if (isAnswer(channel)) return channel;
  const limit = readLimit(request.query, 50, 100);
  if (typeof limit !== 'number') return limit;
  const anchors = (['around', 'before', 'after'] as const).filter((name) => request.query.has(name));
  if (anchors.length > 1) {
    return invalidField(anchors[1], 'BASE_TYPE_BAD_COMBINATION', 'Only one of around, before and after may be given.');
  }
  const [anchor] = anchors;
  const value = anchor ? request.query.get(anchor)! : '';
  if (anchor && !isSnowflake(value))
    return invalidField(anchor, 'NUMBER_TYPE_COERCE', `Value "${value}" is not snowflake.`);

  const all = channel.messages;
  let chosen = all.slice(-limit);
  if (anchor === 'before') chosen = all.filter((message) => compareIds(message.id, value) < 0).slice(-limit);
  if (anchor === 'after') chosen = all.filter((message) => compareIds(message.id, value) > 0).slice(0, limit);
  if (anchor === 'around') {
    const older = all.filter((message) => compareIds(message.id, value) <= 0).slice(-Math.ceil(limit / 2));
    const newer = all.filter((message) => compareIds(message.id, value) > 0).slice(0, limit - older.length);
    chosen = [...older, ...newer];
  }
  const json = new DiscordJson(request.guild);
  return { status: 200, body: [...chosen].reverse().map((message) => json.message(message, request.now)) };
}

function getMessage(request: RouteRequest): Answer {
  const channel = readable(request);
  if (isAnswer(channel)) return channel;
  const message = channel.messages.find((candidate) => candidate.id === request.params.message);
  if (!message) return UNKNOWN_MESSAGE;
  return { status: 200, body: new DiscordJson(request.guild).message(message, request.now) };
}

function getChannel(request: RouteRequest): Answer {
  const channel = readable(request);
  if (isAnswer(channel)) return channel;
  return { status: 200, body: new DiscordJson(request.guild).channel(channel, request.now) };
}

/** Archived public threads of a channel, most recently archived first, archived before `before`. */
function archivedPublicThreads(request: RouteRequest): Answer {
  const channel = readable(request);
  if (isAnswer(channel)) return channel;
  const limit = readLimit(request.query, 50, 100);
  if (typeof limit !== 'number') return limit;
  const before = request.query.get('before');
  const beforeMs = before === null ? Infinity : Date.parse(before);
  if (Number.isNaN(beforeMs))
    return invalidField('before', 'DATE_TYPE_PARSE', `Could not parse ${before}. Should be ISO8601.`);
  const { guild, now } = request;
  const archived = guild
    .threadsOf(channel.id)
    .filter((thread) => guild.isArchived(thread, now) && guild.archiveTime(thread) < beforeMs)
    .sort((a, b) => guild.archiveTime(b) - guild.archiveTime(a));
  const json = new DiscordJson(guild);
  return {
    status: 200,
    body: {
      threads: archived.slice(0, limit).map((thread) => json.channel(thread, now)),
      members: [],
      has_more: archived.length > limit,
    },
  };
}

function activeThreads(request: RouteRequest): Answer {
  const unknown = knownGuild(request);
  if (unknown) return unknown;
  const { guild, now } = request;
  const json = new DiscordJson(guild);
  const threads = [...guild.channels.values()].filter((channel) => {
    const parent = channel.parentId ? guild.channels.get(channel.parentId) : undefined;
    return channel.thread !== null && !parent?.hiddenFromBot && !guild.isArchived(channel, now);
  });
  return { status: 200, body: { threads: threads.map((thread) => json.channel(thread, now)), members: [] } };
}

function guildChannels(request: RouteRequest): Answer {
  const unknown = knownGuild(request);
  if (unknown) return unknown;
  const json = new DiscordJson(request.guild);
  const channels = [...request.guild.channels.values()].filter((channel) => channel.thread === null);
  return { status: 200, body: channels.map((channel) => json.channel(channel, request.now)) };
}

function guildRoles(request: RouteRequest): Answer {
  const unknown = knownGuild(request);
  if (unknown) return unknown;
  const roles = [...request.guild.roles].map(([id, name], position) => ({ id, name, position, permissions: '0' }));
  return { status: 200, body: roles };
}

export const ROUTES: Route[] = [
  { method: 'GET', template: '/guilds/{guild}/channels', major: 'guild', handle: guildChannels },
  { method: 'GET', template: '/guilds/{guild}/roles', major: 'guild', handle: guildRoles },
  { method: 'GET', template: '/guilds/{guild}/threads/active', major: 'guild', handle: activeThreads },
  { method: 'GET', template: '/channels/{channel}', major: 'channel', handle: getChannel },
  { method: 'GET', template: '/channels/{channel}/messages', major: 'channel', handle: listMessages },
  { method: 'GET', template: '/channels/{channel}/messages/{message}', major: 'channel', handle: getMessage },
  {
    method: 'GET',
    template: '/channels/{channel}/threads/archived/public',
    major: 'channel',
    handle: archivedPublicThreads,
  },
];

/** The route a path matches, with its parameters. */
export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | null {
  const segments = path.split('/').filter((segment) => segment !== '');
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const parts = route.template.split('/').filter((part) => part !== '');
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, index) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name) params[name] = segments[index];
      return name !== undefined || part === segments[index];
    });
    if (matches) return { route, params };
  }
  return null;
}
