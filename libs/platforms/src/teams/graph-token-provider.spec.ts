import type { PlatformHttpClient, PlatformHttpRequest } from '../http/platform-http-client';
import { PlatformError } from '../platform-error';
import { ClientCredentialsTokenProvider, StaticTokenProvider } from './graph-token-provider';

/** Answers token requests in turn, recording them. */
function fakeTokenEndpoint(answers: Array<{ status: number; body: unknown }>) {
  const requests: PlatformHttpRequest[] = [];
  const http = {
    send: (request: PlatformHttpRequest) => {
      requests.push(request);
      const answer = answers.shift();
      if (!answer) throw new Error('unexpected token request');
      return Promise.resolve({ status: answer.status, headers: new Headers(), body: JSON.stringify(answer.body) });
    },
  } as unknown as PlatformHttpClient;
  return { http, requests };
}

const credentials = {
  authRoot: 'https://login.test/',
  tenantId: 'tenant-1',
  clientId: 'client-1',
  clientSecret: 's&cret',
};
const issued = (token: string, expiresIn = 3599) => ({
  status: 200,
  body: { token_type: 'Bearer', expires_in: expiresIn, access_token: token },
});

describe('ClientCredentialsTokenProvider', () => {
  it('asks the tenant token endpoint for an app-only Graph token with the client credentials', async () => {
    const { http, requests } = fakeTokenEndpoint([issued('t1')]);
    await expect(new ClientCredentialsTokenProvider(http, credentials).token()).resolves.toBe('t1');
    expect(requests[0].url).toBe('https://login.test/tenant-1/oauth2/v2.0/token');
    expect(requests[0].method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(requests[0].body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: 's&cret',
      scope: 'https://graph.microsoft.com/.default',
    });
  });

  it('keeps the token until shortly before it expires, then asks again', async () => {
    let now = 1_000_000;
    const { http, requests } = fakeTokenEndpoint([issued('t1', 3600), issued('t2', 3600)]);
    const provider = new ClientCredentialsTokenProvider(http, credentials, () => now);
    await provider.token();
    now += 54 * 60_000;
    await expect(provider.token()).resolves.toBe('t1');
    now += 2 * 60_000;
    await expect(provider.token()).resolves.toBe('t2');
    expect(requests).toHaveLength(2);
  });

  it('renews a short-lived token halfway through its life', async () => {
    let now = 0;
    const { http } = fakeTokenEndpoint([issued('t1', 2), issued('t2', 2)]);
    const provider = new ClientCredentialsTokenProvider(http, credentials, () => now);
    await provider.token();
    now = 999;
    await expect(provider.token()).resolves.toBe('t1');
    now = 1000;
    await expect(provider.token()).resolves.toBe('t2');
  });

  it('drops a token Graph refused, and shares one request between concurrent callers', async () => {
    const { http, requests } = fakeTokenEndpoint([issued('t1'), issued('t2')]);
    const provider = new ClientCredentialsTokenProvider(http, credentials);
    await expect(Promise.all([provider.token(), provider.token()])).resolves.toEqual(['t1', 't1']);
    expect(provider.invalidate('t1')).toBe(true);
    await expect(provider.token()).resolves.toBe('t2');
    expect(requests).toHaveLength(2);
  });

  it('fails with AUTH_ERROR when the identity platform refuses the credentials', async () => {
    const { http } = fakeTokenEndpoint([
      {
        status: 401,
        body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' },
      },
    ]);
    const error = await new ClientCredentialsTokenProvider(http, credentials)
      .token()
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).code).toBe('AUTH_ERROR');
    expect((error as PlatformError).message).toContain('AADSTS7000215');
  });
});

describe('StaticTokenProvider', () => {
  it('gives the token as it is and cannot renew it', async () => {
    const provider = new StaticTokenProvider('given');
    await expect(provider.token()).resolves.toBe('given');
    expect(provider.invalidate()).toBe(false);
  });
});
