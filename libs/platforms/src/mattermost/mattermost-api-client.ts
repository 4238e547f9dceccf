import type { PlatformHttpClient } from '../http/platform-http-client';
import { invalidResponse, mattermostApiError, MattermostResource } from './mattermost-error-mapping';
import type { MattermostRatePacer } from './mattermost-rate-pacer';
import type { MattermostChannel, MattermostPostList, MattermostTeam, MattermostUser } from './mattermost-types';

/** Mattermost's largest page (per_page is clamped to it). */
export const MATTERMOST_MAX_PER_PAGE = 200;

/** Query of GET /channels/{id}/posts. `since` excludes the others (the server ignores them then). */
export interface ChannelPostsQuery {
  page?: number;
  perPage?: number;
  /** Only posts created before this post, newest first. */
  before?: string | null;
  /** Every post created, edited or deleted after this time (ms), at most 1000. */
  since?: number | null;
}

/** The server root (`https://chat.example.com`) from what a user typed, with or without `/api/v4`. */
export function mattermostServerUrl(baseUrl: string): string {
  return baseUrl
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api\/v4$/, '');
}

/** The Mattermost API v4 routes the connector uses, with failures turned into PlatformErrors. */
export class MattermostApiClient {
  readonly apiRoot: string;

  constructor(
    private readonly http: PlatformHttpClient,
    private readonly pacer: MattermostRatePacer,
    readonly serverUrl: string,
    private readonly token: string | undefined,
  ) {
    this.apiRoot = `${serverUrl}/api/v4`;
  }

  myTeams(signal?: AbortSignal): Promise<MattermostTeam[]> {
    return this.getArray('/users/me/teams', 'discovery', {}, signal);
  }

  /** The user's channels in a team (Mattermost lists direct and group messages with them). */
  myChannels(teamId: string, signal?: AbortSignal): Promise<MattermostChannel[]> {
    return this.getArray(`/users/me/teams/${encodeURIComponent(teamId)}/channels`, 'discovery', {}, signal);
  }

  team(teamId: string, signal?: AbortSignal): Promise<MattermostTeam> {
    return this.getObject(`/teams/${encodeURIComponent(teamId)}`, 'team', {}, signal);
  }

  channel(channelId: string, signal?: AbortSignal): Promise<MattermostChannel> {
    return this.getObject(`/channels/${encodeURIComponent(channelId)}`, 'channel', {}, signal);
  }

  async channelPosts(channelId: string, query: ChannelPostsQuery, signal?: AbortSignal): Promise<MattermostPostList> {
    const path = `/channels/${encodeURIComponent(channelId)}/posts`;
    const params: Record<string, string | number | null | undefined> = {
      since: query.since,
      before: query.before,
      page: query.since ? undefined : query.page,
      per_page: query.since ? undefined : query.perPage,
      // Replies counted on each post, and only the roots of the page's replies added to `posts`.
      skipFetchThreads: 'true',
    };
    const list = await this.getObject<MattermostPostList>(path, 'channel', params, signal);
    if (!Array.isArray(list.order) || typeof list.posts !== 'object' || list.posts === null) {
      throw invalidResponse(`GET ${path}`, 200, 'without a post list');
    }
    return list;
  }

  usersByIds(userIds: string[], signal?: AbortSignal): Promise<MattermostUser[]> {
    return this.postArray('/users/ids', 'users', userIds, signal);
  }

  usersByUsernames(usernames: string[], signal?: AbortSignal): Promise<MattermostUser[]> {
    return this.postArray('/users/usernames', 'users', usernames, signal);
  }

  private async getObject<T extends object>(
    path: string,
    resource: MattermostResource,
    params: Record<string, string | number | null | undefined>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    const value = await this.send('GET', path, resource, params, undefined, signal);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw invalidResponse(`GET ${path}`, 200, 'without a JSON object');
    }
    return value as T;
  }

  private async getArray<T>(
    path: string,
    resource: MattermostResource,
    params: Record<string, string | number | null | undefined>,
    signal: AbortSignal | undefined,
  ): Promise<T[]> {
    const value = await this.send('GET', path, resource, params, undefined, signal);
    if (!Array.isArray(value)) throw invalidResponse(`GET ${path}`, 200, 'without a JSON array');
    return value as T[];
  }

  private async postArray<T>(
    path: string,
    resource: MattermostResource,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<T[]> {
    const value = await this.send('POST', path, resource, {}, JSON.stringify(body), signal);
    if (!Array.isArray(value)) throw invalidResponse(`POST ${path}`, 200, 'without a JSON array');
    return value as T[];
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    resource: MattermostResource,
    params: Record<string, string | number | null | undefined>,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    const url = new URL(`${this.apiRoot}${path}`);
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';

    await this.pacer.beforeRequest(signal);
    const response = await this.http.send({ url: url.toString(), method, headers, body, signal });
    this.pacer.observe(response.headers);

    const request = `${method} /api/v4${path}`;
    if (response.status < 200 || response.status >= 300) {
      throw mattermostApiError({ request, resource, status: response.status, body: response.body });
    }
    try {
      return JSON.parse(response.body) as unknown;
    } catch {
      throw invalidResponse(request, response.status, 'without a JSON body');
    }
  }
}
