import { parseRetryAfter } from '@atlas/outbound';
import { PlatformError } from '../platform-error';
import type { PlatformHttpClient } from '../http/platform-http-client';
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

/**
 * The Slack Web API methods the connector uses, with `ok:false` bodies turned into PlatformErrors. Calls
 * go to `<root>/<method>`: slackMethod() reads the method back from the URL, for pacing.
 */
export class SlackApiClient {
  private readonly root: string;

  constructor(
    private readonly http: PlatformHttpClient,
    root: string,
    private readonly token: string | undefined,
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

/** The Web API method a request calls: the last segment of its URL. */
export function slackMethod(request: { url: string }): string {
  return new URL(request.url).pathname.split('/').at(-1) ?? '';
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
