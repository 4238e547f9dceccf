import type { MattermostWorkspace, StoredChannel, StoredTeam, StoredUser } from './mattermost-workspace';
import { listChannelPosts, PER_PAGE_DEFAULT, PER_PAGE_MAXIMUM } from './post-listing';

/** What a route answers: an HTTP status and a JSON body (an AppError when the status is not 2xx). */
export interface RouteAnswer {
  status: number;
  body: unknown;
}

export interface RouteRequest {
  method: string;
  /** Path below /api/v4, split: `['channels', '<id>', 'posts']`. */
  segments: string[];
  query: URLSearchParams;
  /** The JSON body, already parsed; undefined when there was none or it was not JSON. */
  body: unknown;
}

type Handler = (workspace: MattermostWorkspace, request: RouteRequest, params: string[]) => RouteAnswer;

interface Route {
  method: string;
  /** Segments, `:` marking a parameter. */
  pattern: string[];
  handler: Handler;
}

/** Mattermost's error body. */
export function appError(status: number, id: string, message: string, detailed = ''): RouteAnswer {
  return {
    status,
    body: { id, message, detailed_error: detailed, request_id: `req${Date.now().toString(36)}`, status_code: status },
  };
}

const ok = (body: unknown): RouteAnswer => ({ status: 200, body });
const forbidden = () =>
  appError(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.');
const invalidUrlParam = (name: string) =>
  appError(400, 'api.context.invalid_url_param.app_error', `Invalid or missing ${name} parameter in request URL.`);
const VALID_ID = /^[a-z0-9]{26}$/i;

const ROUTES: Route[] = [
  { method: 'GET', pattern: ['users', 'me'], handler: (workspace) => ok(userJson(workspace.me)) },
  {
    method: 'GET',
    pattern: ['users', 'me', 'teams'],
    handler: (workspace) =>
      ok([...workspace.teams.values()].filter((team) => team.members.has(workspace.me.id)).map(teamJson)),
  },
  {
    method: 'GET',
    pattern: ['users', 'me', 'teams', ':team_id', 'channels'],
    handler: (workspace, request, [teamId]) => {
      if (!VALID_ID.test(teamId)) return invalidUrlParam('team_id');
      const team = workspace.teams.get(teamId);
      if (!team || !team.members.has(workspace.me.id)) return forbidden();
      const includeDeleted = request.query.get('include_deleted') === 'true';
      const channels = [...workspace.channels.values()].filter(
        (channel) =>
          (channel.team_id === teamId || channel.team_id === '') &&
          channel.members.has(workspace.me.id) &&
          (includeDeleted || channel.delete_at === 0),
      );
      return ok(channels.map(channelJson));
    },
  },
  {
    method: 'GET',
    pattern: ['teams', ':team_id'],
    handler: (workspace, _request, [teamId]) => {
      if (!VALID_ID.test(teamId)) return invalidUrlParam('team_id');
      const team = workspace.teams.get(teamId);
      if (!team) return appError(404, 'app.team.get.find.app_error', 'Unable to find the existing team.');
      return team.members.has(workspace.me.id) ? ok(teamJson(team)) : forbidden();
    },
  },
  {
    method: 'GET',
    pattern: ['channels', ':channel_id'],
    handler: (workspace, _request, [channelId]) =>
      withReadableChannel(workspace, channelId, (channel) => ok(channelJson(channel))),
  },
  {
    method: 'GET',
    pattern: ['channels', ':channel_id', 'posts'],
    handler: (workspace, request, [channelId]) => {
      const { query } = request;
      for (const name of ['before', 'after']) {
        const id = query.get(name);
        if (id && !VALID_ID.test(id)) return invalidUrlParam(name);
      }
      const since = query.get('since');
      if (since && !/^-?\d+$/.test(since)) return invalidUrlParam('since');
      return withReadableChannel(workspace, channelId, (channel) => {
        // Only system admins may list deleted posts.
        if (query.get('include_deleted') === 'true') return forbidden();
        return ok(
          listChannelPosts(workspace, channel.id, {
            page: pageParam(query.get('page')),
            perPage: perPageParam(query.get('per_page')),
            before: query.get('before') || null,
            after: query.get('after') || null,
            since: since ? Number(since) : 0,
            skipFetchThreads: query.get('skipFetchThreads') === 'true',
          }),
        );
      });
    },
  },
  {
    method: 'POST',
    pattern: ['users', 'ids'],
    handler: (workspace, request) =>
      withStringArray(request, (ids) => ok(ids.flatMap((id) => workspace.users.get(id) ?? []).map(userJson))),
  },
  {
    method: 'POST',
    pattern: ['users', 'usernames'],
    handler: (workspace, request) =>
      withStringArray(request, (names) =>
        ok(names.flatMap((name) => workspace.userByUsername(name) ?? []).map(userJson)),
      ),
  },
];

/** The route for a request: an answer, or a 404/405 as Mattermost's router gives them. */
export function route(workspace: MattermostWorkspace, request: RouteRequest): RouteAnswer {
  let pathMatched = false;
  for (const candidate of ROUTES) {
    const params = match(candidate.pattern, request.segments);
    if (!params) continue;
    pathMatched = true;
    if (candidate.method === request.method) return candidate.handler(workspace, request, params);
  }
  return pathMatched
    ? appError(405, 'api.context.405.app_error', 'Method not allowed.')
    : appError(404, 'api.context.404.app_error', 'Sorry, we could not find the page.');
}

function match(pattern: string[], segments: string[]): string[] | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: string[] = [];
  for (const [index, part] of pattern.entries()) {
    if (part.startsWith(':')) params.push(segments[index]);
    else if (part !== segments[index]) return undefined;
  }
  return params;
}

/** A channel's routes: 400 for a malformed id, 404 for an unknown one, 403 for a private one the user is not in. */
function withReadableChannel(
  workspace: MattermostWorkspace,
  channelId: string,
  answer: (channel: StoredChannel) => RouteAnswer,
): RouteAnswer {
  if (!VALID_ID.test(channelId)) return invalidUrlParam('channel_id');
  const channel = workspace.channels.get(channelId);
  if (!channel) return appError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
  const readable = channel.members.has(workspace.me.id) || channel.type === 'O';
  return readable ? answer(channel) : forbidden();
}

function withStringArray(request: RouteRequest, answer: (values: string[]) => RouteAnswer): RouteAnswer {
  const { body } = request;
  if (!Array.isArray(body) || body.length === 0 || !body.every((value) => typeof value === 'string')) {
    return appError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing body in request body.');
  }
  return answer(body as string[]);
}

/** web/params.go: a page that is not a number, or negative, is the first. */
function pageParam(value: string | null): number {
  const page = value !== null && /^-?\d+$/.test(value) ? Number(value) : NaN;
  return Number.isNaN(page) || page < 0 ? 0 : page;
}

/** web/params.go: per_page defaults to 60 and is clamped to 200. */
function perPageParam(value: string | null): number {
  const perPage = value !== null && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(perPage) || perPage < 0) return PER_PAGE_DEFAULT;
  return Math.min(perPage, PER_PAGE_MAXIMUM);
}

function userJson(user: StoredUser): Record<string, unknown> {
  return {
    id: user.id,
    create_at: user.create_at,
    update_at: user.create_at,
    delete_at: 0,
    username: user.username,
    auth_service: '',
    nickname: user.nickname,
    first_name: user.first_name,
    last_name: user.last_name,
    position: '',
    roles: 'system_user',
    locale: 'en',
    is_bot: user.is_bot,
  };
}

function teamJson(team: StoredTeam): Record<string, unknown> {
  return { id: team.id, name: team.name, display_name: team.display_name, type: 'O', delete_at: 0 };
}

function channelJson(channel: StoredChannel): Record<string, unknown> {
  return {
    id: channel.id,
    create_at: channel.create_at,
    update_at: channel.create_at,
    delete_at: channel.delete_at,
    team_id: channel.team_id,
    type: channel.type,
    display_name: channel.display_name,
    name: channel.name,
    header: channel.header,
    purpose: channel.purpose,
    last_post_at: channel.last_post_at,
    total_msg_count: channel.total_msg_count,
    total_msg_count_root: channel.total_msg_count_root,
    extra_update_at: 0,
    creator_id: '',
  };
}
