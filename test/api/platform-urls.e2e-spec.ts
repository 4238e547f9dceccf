import { AtlasHarness, readLog, startAtlas } from '../support/atlas-harness';
import { CountingListener } from '../support/counting-listener';
import { freePort } from '../support/free-port';
import { LoopbackFence } from '../support/loopback-fence';
import { EMULATOR_TOKEN, SlackEmulator } from '../support/slack-emulator';
import { connectSlack, seedChannel, startSlackWorkspace } from '../support/slack-workspace-fixture';

jest.setTimeout(60_000);

const slackConnection = (baseUrl: string, token = 'xoxb-some-token') => ({
  name: 'Somewhere',
  platform: 'slack',
  config: { base_url: baseUrl },
  credentials: { token },
});

describe('where a stored token may be sent', () => {
  let atlas: AtlasHarness;
  let slack: SlackEmulator;
  let listener: CountingListener;
  let connectionId: string;

  beforeAll(async () => {
    slack = await startSlackWorkspace();
    seedChannel(slack.workspace, 'C0HOME', { topLevel: 3 });
    // Answers like a Slack that refuses the token, so a request that reaches it fails the usual check.
    listener = await CountingListener.start((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":false,"error":"invalid_auth"}'),
    );
    // Warnings as JSON lines, so the test can read what the gateway logs of a failed probe.
    atlas = await startAtlas({ env: { ATLAS_LOG_LEVEL: 'warn', ATLAS_LOG_FORMAT: 'json' } });
    connectionId = (await connectSlack(atlas.api, slack)).connection_id;
  });

  afterAll(async () => {
    await atlas.close();
    await listener.close();
    await slack.stop();
  });

  it('refuses a new base_url without the credentials, and sends nothing anywhere', async () => {
    const before = (await readLog(atlas.service.runtime.events)).length;
    slack.clearCalls();
    const { status, body } = await atlas.api.put(`/api/connections/${connectionId}`, {
      config: { base_url: listener.url('/echo') },
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_ERROR');
    expect(body.error.message).toBe(
      "Changing config.base_url changes where the connection's credentials are sent: give the credentials again in the same request",
    );
    expect(body.error.details).toEqual({ settings: ['config.base_url'] });
    expect(listener.connections).toBe(0);
    expect(listener.requests).toHaveLength(0);
    expect(slack.calls).toHaveLength(0);
    expect((await readLog(atlas.service.runtime.events)).length).toBe(before);
    expect((await atlas.api.get(`/api/connections/${connectionId}`)).body.config.base_url).toBe(slack.url);
  });

  it('also refuses removing base_url (back to slack.com) without the credentials', async () => {
    const { status, body } = await atlas.api.put(`/api/connections/${connectionId}`, { config: { base_url: null } });
    expect(status).toBe(400);
    expect(body.error.details).toEqual({ settings: ['config.base_url'] });
  });

  it('checks a new base_url given with credentials as usual, with the credentials given', async () => {
    const { status, body } = await atlas.api.put(`/api/connections/${connectionId}`, {
      config: { base_url: listener.url('/echo') },
      credentials: { token: 'xoxb-given-with-the-url' },
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('AUTH_ERROR');
    expect(listener.requests.length).toBeGreaterThan(0);
    expect(
      listener.requests.every((request) => request.headers.authorization === 'Bearer xoxb-given-with-the-url'),
    ).toBe(true);
    expect(JSON.stringify(listener.requests)).not.toContain(EMULATOR_TOKEN);
  });

  it('keeps a change that leaves the destination alone free of credentials', async () => {
    const { status, body } = await atlas.api.put(`/api/connections/${connectionId}`, {
      config: { base_url: slack.url, edit_lookback_days: '3' },
    });
    expect(status).toBe(200);
    expect(body.config).toMatchObject({ base_url: slack.url, edit_lookback_days: '3' });
  });

  it('answers a probe that cannot reach the platform with one generic error, whatever the cause', async () => {
    const failing = await CountingListener.start((_request, response) => response.writeHead(500).end('boom'));
    const logged: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      logged.push(String(chunk));
      return true;
    });
    try {
      const closed = await atlas.api.post(
        '/api/connections',
        slackConnection(`http://127.0.0.1:${await freePort()}/api`),
      );
      const erroring = await atlas.api.post('/api/connections', slackConnection(failing.url('/api')));
      stdout.mockRestore();
      expect(failing.requests.length).toBeGreaterThan(0);
      for (const answer of [closed, erroring]) {
        expect(answer.status).toBe(502);
        expect(answer.body.error).toEqual({
          code: 'PLATFORM_ERROR',
          message: "Could not reach the platform (slack); the cause is in the gateway's log",
          details: {},
        });
      }
      expect(JSON.stringify([closed.body, erroring.body])).not.toMatch(/ECONNREFUSED|HTTP 500|127\.0\.0\.1/);

      // The gateway's log has the real causes, with the connection's id, and never the token.
      const probeLogs = logged.filter((line) => line.includes('platform probe failed')).map((line) => JSON.parse(line));
      expect(probeLogs).toEqual([
        expect.objectContaining({
          level: 'warn',
          context: 'PlatformProbe',
          message: 'platform probe failed',
          connection_id: expect.stringMatching(/^conn_/),
          platform: 'slack',
          code: 'PLATFORM_ERROR',
          cause: expect.stringContaining('ECONNREFUSED'),
          // Logged while the request was served: the line names it.
          request_id: expect.any(String),
        }),
        expect.objectContaining({
          message: 'platform probe failed',
          http_status: 500,
          cause: expect.stringContaining('answered HTTP 500'),
        }),
      ]);
      expect(logged.join('')).not.toContain('xoxb-some-token');
    } finally {
      stdout.mockRestore();
      await failing.close();
    }
  });

  it('answers a failed test of a connection with the same generic error, and keeps a rate limit meaningful', async () => {
    slack.injectFault('conversations.list', { times: 10, status: 500 });
    const failed = await atlas.api.post(`/api/connections/${connectionId}/test`, {});
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({
      ok: false,
      error: {
        code: 'PLATFORM_ERROR',
        message: "Could not reach the platform (slack); the cause is in the gateway's log",
        details: {},
      },
    });

    slack.injectFault('conversations.list', { times: 1, retryAfterSeconds: 120 });
    const limited = await atlas.api.post(`/api/connections/${connectionId}/test`, {});
    expect(limited.body.error).toEqual({
      code: 'RATE_LIMIT',
      message: 'The slack platform is rate limiting the connection: retry after 120 s',
      details: { retry_after: 120 },
    });
    expect((await atlas.api.post(`/api/connections/${connectionId}/test`, {})).body.ok).toBe(true);
  });
});

describe('outbound URLs with the default policy', () => {
  let atlas: AtlasHarness;
  let listener: CountingListener;
  let listenerV6: CountingListener;
  let fence: LoopbackFence;

  beforeAll(async () => {
    fence = LoopbackFence.raise();
    listener = await CountingListener.start();
    listenerV6 = await CountingListener.start(undefined, '::1');
    atlas = await startAtlas({
      env: { ATLAS_ALLOW_HTTP_PLATFORM_URLS: 'false', ATLAS_ALLOW_PRIVATE_PLATFORM_URLS: 'false' },
    });
  });

  afterAll(async () => {
    fence.lower();
    await atlas.close();
    await listener.close();
    await listenerV6.close();
  });

  it.each([
    ['plain http to 127.0.0.1', () => listener.url('/api'), /must be an https:\/\/ URL/],
    ['https to 127.0.0.1', () => listener.url('/api').replace('http:', 'https:'), /loopback or private-network/],
    ['the 127.0.0.1 of a decimal host', () => `https://2130706433:${listener.port}/api`, /loopback or private/],
    ['localhost', () => listener.url('/api', 'localhost').replace('http:', 'https:'), /loopback or private/],
    ['the IPv6 loopback', () => listenerV6.url('/api').replace('http:', 'https:'), /::1, which is a loopback/],
    ['an IPv4-mapped loopback', () => `https://[::ffff:127.0.0.1]:${listener.port}/api`, /loopback or private/],
    ['the metadata address', () => 'https://169.254.169.254/latest/meta-data/', /link-local, metadata/],
    ['a private network', () => 'https://10.0.0.1/api', /10\.0\.0\.1, which is a loopback or private/],
  ])('refuses a connection to %s with a 400, before any request', async (_what, url, reason) => {
    const { status, body } = await atlas.api.post('/api/connections', slackConnection(url()));
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_ERROR');
    expect(body.error.message).toMatch(/^config\.base_url /);
    expect(body.error.message).toMatch(reason);
    expect(listener.connections).toBe(0);
    expect(listenerV6.connections).toBe(0);
    expect(fence.attempts).toEqual([]);
  });
});
