import { PlatformError } from '../platform-error';
import type { PlatformHttpClient } from '../http/platform-http-client';
import type { RequestPacer } from '../http/request-pacer';
import { parseRetryAfter } from '../http/retry-after';
import { slackApiError, SlackErrorBody } from './slack-error-mapping';
import type { SlackChannel, SlackMessage, SlackUser } from './slack-types';

export const SLACK_API_ROOT = 'https://slack.com/api';

type SlackParams = Record<string, string | number | boolean | null | undefined>;

interface SlackPage {
  response_metadata?: { next_cursor?: string };
}

export interface SlackAuthTest {
  url: string;
  team_id?: string;
  user_id?: string;
}

export interface SlackMessagePage extends SlackPage {
  messages: SlackMessage[];
  has_more?: boolean;
}

/** Parameters shared by conversations.history and conversations.replies. */
export interface SlackMessageQuery {
  channel: string;
  cursor: string | null;
  limit: number;
  oldest?: string | null;
  latest?: string | null;
  inclusive?: boolean;
}

/** The methods Slack's 2025 limits for apps outside the Marketplace restrict (1 request a minute, 15 messages). */
export const MESSAGE_METHODS: ReadonlySet<string> = new Set(['conversations.history', 'conversations.replies']);

/** The Slack Web API methods the connector uses, with `ok:false` bodies turned into PlatformErrors. */
export class SlackApiClient {
  private readonly root: string;

  constructor(
    private readonly http: PlatformHttpClient,
    root: string,
    private readonly token: string | undefined,
    /** Spaces the calls of MESSAGE_METHODS, when the connection is under a per-minute limit. */
    private readonly messagePacer: RequestPacer | null = null,
  ) {
    this.root = root.replace(/\/+$/, '');
  }

  authTest(signal?: AbortSignal): Promise<SlackAuthTest> {
    return this.call<SlackAuthTest>('auth.test', {}, signal);
  }

  conversationsList(cursor: string | null, signal?: AbortSignal): Promise<SlackPage & { channels: SlackChannel[] }> {
    return this.call(
      'conversations.list',
      {
        types: 'public_channel,private_channel',
        exclude_archived: true,
        limit: 200,
        cursor,
      },
      signal,
    );
  }

  conversationsInfo(channel: string, signal?: AbortSignal): Promise<{ channel: SlackChannel }> {
    return this.call('conversations.info', { channel }, signal);
  }

  conversationsHistory(query: SlackMessageQuery, signal?: AbortSignal): Promise<SlackMessagePage> {
    return this.call('conversations.history', { ...query }, signal);
  }

  conversationsReplies(query: SlackMessageQuery & { ts: string }, signal?: AbortSignal): Promise<SlackMessagePage> {
    return this.call('conversations.replies', { ...query }, signal);
  }

  usersList(cursor: string | null, signal?: AbortSignal): Promise<SlackPage & { members: SlackUser[] }> {
    return this.call('users.list', { limit: 200, cursor }, signal);
  }

  usersInfo(userId: string, signal?: AbortSignal): Promise<{ user: SlackUser }> {
    return this.call('users.info', { user: userId }, signal);
  }

  private async call<T>(method: string, params: SlackParams, signal: AbortSignal | undefined): Promise<T> {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined && value !== null) form.set(name, String(value));
    }
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;

    if (this.messagePacer && MESSAGE_METHODS.has(method)) await this.messagePacer.turn(signal);
    const response = await this.http.send({
      url: `${this.root}/${method}`,
      method: 'POST',
      headers,
      body: form.toString(),
      signal,
    });
    const body = parseJsonObject(response.body);
    if (body === undefined) {
      throw new PlatformError(
        'PLATFORM_ERROR',
        `Slack ${method} answered HTTP ${response.status} without a JSON body`,
        {
          transient: false,
          httpStatus: response.status,
        },
      );
    }
    if (response.status < 300 && body.ok === true) return body as T;
    throw slackApiError(method, body as SlackErrorBody, {
      httpStatus: response.status,
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
    });
  }
}

/** The cursor of the next page, or null on the last one (Slack sends "" or leaves it out). */
export function nextCursor(page: SlackPage): string | null {
  return page.response_metadata?.next_cursor || null;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
