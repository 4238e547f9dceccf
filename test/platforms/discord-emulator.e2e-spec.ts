import { DiscordEmulator, EMULATOR_BOT_TOKEN, snowflakeMs } from '../support/discord-emulator';

/** The emulator answers as Discord's REST API v10 documents it; the connector's tests rely on that. */
describe('Discord emulator', () => {
  const emulator = new DiscordEmulator();
  const start = Date.parse('2026-03-02T09:00:00.000Z');
  let channelId: string;
  let ids: string[];

  const get = (path: string, token = EMULATOR_BOT_TOKEN) =>
    fetch(`${emulator.url}${path}`, { headers: { authorization: `Bot ${token}` } });
  const json = async (path: string) => {
    const response = await get(path);
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    await emulator.start();
    const author = emulator.guild.addUser({ username: 'ana.souza', globalName: 'Ana' });
    channelId = emulator.guild.addChannel({ name: 'general', createdAt: new Date(start - 86_400_000) });
    // Posted out of order: ids follow the time of posting, not the order of the calls.
    ids = Array.from({ length: 250 }, (_, index) => index)
      .reverse()
      .map((index) =>
        emulator.guild.post(channelId, { author, content: `m${index}`, at: new Date(start + index * 60_000) }),
      )
      .reverse();
  });

  afterAll(() => emulator.stop());

  it('derives snowflakes from the time of posting', () => {
    expect(snowflakeMs(ids[0])).toBe(start);
    expect(snowflakeMs(ids[249])).toBe(start + 249 * 60_000);
    expect([...ids].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))).toEqual(ids);
  });

  it('pages back with before, newest first', async () => {
    const newest = await json(`/channels/${channelId}/messages?limit=100`);
    expect(newest.body.map((message: { content: string }) => message.content).slice(0, 2)).toEqual(['m249', 'm248']);
    const older = await json(`/channels/${channelId}/messages?limit=100&before=${ids[150]}`);
    expect(older.body).toHaveLength(100);
    expect(older.body[0].id).toBe(ids[149]);
    expect(older.body.at(-1).id).toBe(ids[50]);
  });

  it('answers after with the oldest messages after it, still newest first', async () => {
    const { body } = await json(`/channels/${channelId}/messages?limit=100&after=${ids[10]}`);
    expect(body).toHaveLength(100);
    expect(body[0].id).toBe(ids[110]);
    expect(body.at(-1).id).toBe(ids[11]);
  });

  it('refuses a limit above 100 with Invalid Form Body', async () => {
    const { status, body } = await json(`/channels/${channelId}/messages?limit=101`);
    expect(status).toBe(400);
    expect(body.code).toBe(50035);
    expect(body.errors.limit._errors[0].code).toBe('NUMBER_TYPE_MAX');
  });

  it('refuses a wrong token and unknown channels with Discord bodies', async () => {
    const refused = await get(`/channels/${channelId}`, 'wrong');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ message: '401: Unauthorized', code: 0 });
    expect((await json('/channels/1234/messages')).body).toEqual({ message: 'Unknown Channel', code: 10003 });
    expect((await json('/guilds/1234/channels')).body).toEqual({ message: 'Unknown Guild', code: 10004 });
  });

  it('sends the rate-limit headers of a per-route bucket, and 429 when it is spent', async () => {
    emulator.limitBuckets({ requests: 2, windowSeconds: 0.5 });
    try {
      const first = await get(`/channels/${channelId}`);
      expect(first.headers.get('x-ratelimit-limit')).toBe('2');
      expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
      expect(Number(first.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(0);
      expect(first.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
      await get(`/channels/${channelId}`);
      const limited = await get(`/channels/${channelId}`);
      expect(limited.status).toBe(429);
      const body = (await limited.json()) as { retry_after: number; global: boolean };
      expect(body.global).toBe(false);
      expect(body.retry_after).toBeGreaterThan(0);
      expect(body.retry_after).toBeLessThanOrEqual(0.5);
      // Another route has its own bucket.
      expect((await get(`/channels/${channelId}/messages?limit=1`)).status).toBe(200);
    } finally {
      emulator.limitBuckets({ requests: 1000, windowSeconds: 1 });
    }
  });

  it('injects 429s with a fractional wait in the header and the body, and 5xx answers', async () => {
    emulator.rateLimitNext(1, 1.5, { global: true });
    const limited = await get(`/channels/${channelId}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1.5');
    expect(limited.headers.get('x-ratelimit-global')).toBe('true');
    expect(await limited.json()).toEqual({ message: 'You are being rate limited.', retry_after: 1.5, global: true });
    emulator.failNext(1, 502);
    expect((await get(`/channels/${channelId}`)).status).toBe(502);
    expect((await get(`/channels/${channelId}`)).status).toBe(200);
  });

  it('presents replies as a thread started from the parent, listed once archived', async () => {
    const author = [...emulator.guild.users.keys()][0];
    emulator.guild.reply(channelId, ids[5], {
      author,
      content: 'first reply',
      at: new Date(start + 5 * 60_000 + 1000),
    });
    const parent = (await json(`/channels/${channelId}/messages/${ids[5]}`)).body;
    expect(parent.thread).toMatchObject({ id: ids[5], type: 11, parent_id: channelId, message_count: 1 });
    const thread = (await json(`/channels/${ids[5]}/messages?limit=100`)).body;
    expect(thread.map((message: { type: number }) => message.type)).toEqual([0, 21]);
    expect(thread[1].message_reference).toMatchObject({ type: 0, message_id: ids[5], channel_id: channelId });
    const archived = (await json(`/channels/${channelId}/threads/archived/public`)).body;
    expect(archived.threads.map((listed: { id: string }) => listed.id)).toEqual([ids[5]]);
    expect(archived.has_more).toBe(false);
    expect((await json(`/guilds/${emulator.guild.id}/threads/active`)).body.threads).toEqual([]);
  });

  it('records the calls it answered', () => {
    const calls = emulator.callsTo('/channels/{channel}/messages');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0]).toMatchObject({ method: 'GET', authorization: `Bot ${EMULATOR_BOT_TOKEN}` });
  });
});
