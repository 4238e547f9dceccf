import type { PlatformHttpClient, PlatformHttpRequest } from '../http/platform-http-client';
import { PlatformError } from '../platform-error';
import { GraphClient } from './graph-client';
import type { GraphTokenProvider } from './graph-token-provider';

function fakeGraph(answers: Array<{ status: number; body: unknown; date?: string }>) {
  const requests: PlatformHttpRequest[] = [];
  const http = {
    send: (request: PlatformHttpRequest) => {
      requests.push(request);
      const answer = answers.shift();
      if (!answer) throw new Error('unexpected request');
      const headers = new Headers(answer.date ? { date: answer.date } : {});
      return Promise.resolve({ status: answer.status, headers, body: JSON.stringify(answer.body) });
    },
  } as unknown as PlatformHttpClient;
  return { http, requests };
}

/** Hands out t1, t2, … and may renew. */
function tokens(renewable: boolean): GraphTokenProvider {
  let issued = 0;
  let current: string | null = null;
  return {
    token: () => Promise.resolve((current ??= `t${++issued}`)),
    invalidate: () => {
      current = null;
      return renewable;
    },
  };
}

const ROOT = 'https://graph.test/v1.0';
const channel = { id: '19:a@thread.tacv2', displayName: 'general' };
const unauthorized = { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'expired' } } };

describe('GraphClient', () => {
  it('sends the bearer token and reads Graph’s clock from the Date header', async () => {
    const { http, requests } = fakeGraph([{ status: 200, body: channel, date: 'Mon, 23 Nov 2026 10:00:00 GMT' }]);
    const answer = await new GraphClient(http, `${ROOT}/`, tokens(true)).getChannel('team-1', '19:a@thread.tacv2');
    expect(answer.body).toEqual(channel);
    expect(answer.date.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(requests[0].url).toBe(`${ROOT}/teams/team-1/channels/19%3Aa%40thread.tacv2`);
    expect(requests[0].headers).toMatchObject({ authorization: 'Bearer t1' });
  });

  it('retries once with a new token when Graph refuses a renewable one', async () => {
    const { http, requests } = fakeGraph([unauthorized, { status: 200, body: channel }]);
    await new GraphClient(http, ROOT, tokens(true)).getChannel('team-1', 'c');
    expect(requests.map((request) => request.headers?.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('fails with AUTH_ERROR when the token cannot be renewed, or the new one is refused too', async () => {
    for (const [renewable, answers] of [
      [false, [unauthorized]],
      [true, [unauthorized, unauthorized]],
    ] as const) {
      const { http } = fakeGraph([...answers]);
      const error = await new GraphClient(http, ROOT, tokens(renewable)).getChannel('t', 'c').catch((e: unknown) => e);
      expect((error as PlatformError).code).toBe('AUTH_ERROR');
    }
  });

  it('gives null for a thread whose root is gone, and for an expired delta token', async () => {
    const { http } = fakeGraph([
      { status: 404, body: { error: { code: 'NotFound', message: 'gone' } } },
      { status: 410, body: { error: { code: 'SyncStateNotFound', message: 'expired' } } },
    ]);
    const client = new GraphClient(http, ROOT, tokens(true));
    await expect(client.repliesPage(`${ROOT}/teams/t/channels/c/messages/1/replies`)).resolves.toBeNull();
    await expect(client.deltaPage(`${ROOT}/teams/t/channels/c/messages/delta?$deltatoken=x`)).resolves.toBeNull();
  });

  it('refuses to send the token to a link outside the Graph root', async () => {
    const { http, requests } = fakeGraph([]);
    const client = new GraphClient(http, ROOT, tokens(true));
    for (const link of [
      'https://evil.test/v1.0/teams/t/channels/c/messages',
      'http://graph.test/v1.0/x',
      'not a url',
    ]) {
      const error = await client.messagePage(link).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlatformError);
      expect((error as PlatformError).code).toBe('INTERNAL_ERROR');
    }
    expect(requests).toHaveLength(0);
  });

  it('names a base_url that is not a URL', async () => {
    const { http } = fakeGraph([]);
    const error = await new GraphClient(http, 'graph.test', tokens(true)).getChannel('t', 'c').catch((e: unknown) => e);
    expect((error as PlatformError).code).toBe('PLATFORM_ERROR');
    expect((error as PlatformError).message).toContain('config.base_url');
  });
});
