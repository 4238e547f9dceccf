import { PlatformError } from '../platform-error';
import type { PlatformHttpClient, PlatformHttpResponse } from '../http/platform-http-client';
import { GraphErrorBody, graphApiError, GraphResource } from './graph-error-mapping';
import { parseJsonObject } from './graph-json';
import type { GraphTokenProvider } from './graph-token-provider';
import type { GraphChannel, GraphChatMessage, GraphCollection, GraphDeltaEntry } from './graph-types';

export const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';

/** Graph's documented maximum `$top` for channel messages, replies and the delta query. */
export const GRAPH_PAGE_LIMIT = 50;

export interface GraphAnswer<T> {
  body: T;
  /** Graph's clock when it answered (the `Date` header), or ours when it sent none. */
  date: Date;
}

/**
 * The Graph calls of the Teams connector. Every URL it follows, nextLinks and deltaLinks included,
 * must lie under the configured Graph root: the bearer token goes with each request, so a link (or a
 * page token) pointing elsewhere is refused rather than followed.
 */
export class GraphClient {
  readonly root: string;
  private readonly origin: string;

  constructor(
    private readonly http: PlatformHttpClient,
    root: string,
    private readonly tokens: GraphTokenProvider,
  ) {
    this.root = root.replace(/\/+$/, '');
    this.origin = URL.canParse(this.root) ? new URL(this.root).origin : '';
  }

  channelPath(teamId: string, channelId: string): string {
    return `${this.root}/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}`;
  }

  listChannels(
    teamId: string,
    url: string | null,
    signal?: AbortSignal,
  ): Promise<GraphAnswer<GraphCollection<GraphChannel>>> {
    return this.get(url ?? `${this.root}/teams/${encodeURIComponent(teamId)}/channels`, 'team', signal);
  }

  getChannel(teamId: string, channelId: string, signal?: AbortSignal): Promise<GraphAnswer<GraphChannel>> {
    return this.get(this.channelPath(teamId, channelId), 'channel', signal);
  }

  /** A page of root messages: the channel's history, or a delta round (which may list removals). */
  messagePage(url: string, signal?: AbortSignal): Promise<GraphAnswer<GraphCollection<GraphDeltaEntry>>> {
    return this.get(url, 'channel', signal);
  }

  /**
   * A page of a delta round, or null when Graph answers 410 Gone: the delta token expired and the
   * round must start over.
   */
  async deltaPage(url: string, signal?: AbortSignal): Promise<GraphAnswer<GraphCollection<GraphDeltaEntry>> | null> {
    const answer = await this.request<GraphCollection<GraphDeltaEntry>>(url, 'channel', signal, [410]);
    return answer.status === 410 ? null : answer;
  }

  /** A page of a thread's replies, or null when the root message no longer exists (404). */
  async repliesPage(url: string, signal?: AbortSignal): Promise<GraphAnswer<GraphCollection<GraphChatMessage>> | null> {
    const answer = await this.request<GraphCollection<GraphChatMessage>>(url, 'message', signal, [404]);
    return answer.status === 404 ? null : answer;
  }

  private async get<T>(url: string, resource: GraphResource, signal: AbortSignal | undefined): Promise<GraphAnswer<T>> {
    return this.request<T>(url, resource, signal, []);
  }

  /** Statuses in `tolerated` come back (with an empty body) instead of failing. */
  private async request<T>(
    url: string,
    resource: GraphResource,
    signal: AbortSignal | undefined,
    tolerated: number[],
  ): Promise<GraphAnswer<T> & { status: number }> {
    this.assertUnderRoot(url);
    const request = `GET ${describePath(url)}`;
    let token = await this.tokens.token(signal);
    let response = await this.send(url, token, signal);
    if (response.status === 401 && this.tokens.invalidate(token)) {
      // An app-only token can be revoked or expire early: one fresh token, then the refusal stands.
      token = await this.tokens.token(signal);
      response = await this.send(url, token, signal);
    }
    const body = parseJsonObject(response.body);
    if (response.status === 200 && body !== undefined) {
      return { status: 200, body: body as T, date: answerDate(response) };
    }
    if (tolerated.includes(response.status))
      return { status: response.status, body: {} as T, date: answerDate(response) };
    if (response.status === 200) {
      throw new PlatformError('PLATFORM_ERROR', `Microsoft Graph answered ${request} without a JSON body`, {
        transient: true,
        httpStatus: response.status,
      });
    }
    throw graphApiError(request, resource, response.status, body as GraphErrorBody | undefined);
  }

  private send(url: string, token: string, signal: AbortSignal | undefined): Promise<PlatformHttpResponse> {
    return this.http.send({
      url,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal,
    });
  }

  private assertUnderRoot(url: string): void {
    if (this.origin === '') {
      throw new PlatformError('PLATFORM_ERROR', `The Teams connection's config.base_url is not a URL: ${this.root}`, {
        transient: false,
      });
    }
    if (!URL.canParse(url) || new URL(url).origin !== this.origin) throw untrustedLink(url);
  }
}

function answerDate(response: PlatformHttpResponse): Date {
  const date = Date.parse(response.headers.get('date') ?? '');
  return Number.isNaN(date) ? new Date() : new Date(date);
}

/** The path without the query: skip and delta tokens are long and say nothing to a reader. */
function describePath(url: string): string {
  const parsed = new URL(url);
  return decodeURIComponent(parsed.pathname);
}

function untrustedLink(url: string): PlatformError {
  const shown = url.length > 120 ? `${url.slice(0, 120)}…` : url;
  return new PlatformError('INTERNAL_ERROR', `Refusing to follow a link outside the Graph root: ${shown}`, {
    transient: false,
  });
}
