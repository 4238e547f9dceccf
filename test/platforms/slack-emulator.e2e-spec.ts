import { EMULATOR_TOKEN, SlackEmulator } from '../support/slack-emulator';

/** The emulator is only useful if it answers like Slack; these pin down the behaviour tests rely on. */
describe('Slack emulator', () => {
  const emulator = new SlackEmulator();
  const auth = { authorization: `Bearer ${EMULATOR_TOKEN}` };
  let ts: string[];
  let parent: string;

  beforeAll(async () => {
    await emulator.start();
    emulator.workspace.addUser({ id: 'U01ANA', name: 'ana', displayName: 'Ana' });
    emulator.workspace.addChannel({ id: 'C01', name: 'general' });
    ts = emulator.workspace.postMany('C01', 5, (index) => ({ user: 'U01ANA', text: `m${index}` }));
    parent = ts[1];
    emulator.workspace.reply('C01', parent, { user: 'U01ANA', text: 'r0' });
    emulator.workspace.reply('C01', parent, { user: 'U01ANA', text: 'r1' });
  });

  afterAll(() => emulator.stop());

  async function call(
    method: string,
    init: RequestInit = {},
    query = '',
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(`${emulator.url}/${method}${query}`, { method: 'POST', ...init });
    return { status: response.status, body: await response.json(), headers: response.headers };
  }

  it('answers authentication failures with HTTP 200 and ok:false', async () => {
    expect(await call('auth.test')).toMatchObject({ status: 200, body: { ok: false, error: 'not_authed' } });
    expect(await call('auth.test', { headers: { authorization: 'Bearer wrong' } })).toMatchObject({
      status: 200,
      body: { ok: false, error: 'invalid_auth' },
    });
  });

  it('reads query parameters, form bodies and JSON bodies alike', async () => {
    const viaQuery = await call('conversations.history', { method: 'GET', headers: auth }, '?channel=C01&limit=2');
    const viaForm = await call('conversations.history', {
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'channel=C01&limit=2',
    });
    const viaJson = await call('conversations.history', {
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C01', limit: 2 }),
    });
    for (const answer of [viaQuery, viaForm, viaJson]) {
      expect(answer.body.messages.map((message: { ts: string }) => message.ts)).toEqual([ts[4], ts[3]]);
    }
    expect(emulator.calls.at(-1)?.params).toEqual({ channel: 'C01', limit: '2' });
  });

  it('pages with opaque cursors, has_more, and an empty cursor on the last page', async () => {
    const first = await call('conversations.history', { method: 'GET', headers: auth }, '?channel=C01&limit=3');
    expect(first.body).toMatchObject({ has_more: true });
    const cursor = first.body.response_metadata.next_cursor;
    expect(cursor).not.toContain(ts[1]);
    const second = await call(
      'conversations.history',
      { method: 'GET', headers: auth },
      `?channel=C01&limit=3&cursor=${encodeURIComponent(cursor)}`,
    );
    expect(second.body).toMatchObject({ has_more: false, response_metadata: { next_cursor: '' } });
    expect(second.body.messages.map((message: { ts: string }) => message.ts)).toEqual([ts[1], ts[0]]);
    expect(second.body.messages[0]).toMatchObject({ thread_ts: parent, reply_count: 2, reply_users: ['U01ANA'] });
  });

  it('clamps limit and filters by oldest, latest and inclusive', async () => {
    const all = await call('conversations.history', { method: 'GET', headers: auth }, '?channel=C01&limit=100000');
    expect(all.body.messages).toHaveLength(5);
    const exclusive = await call(
      'conversations.history',
      { method: 'GET', headers: auth },
      `?channel=C01&oldest=${ts[1]}&latest=${ts[3]}`,
    );
    expect(exclusive.body.messages.map((message: { ts: string }) => message.ts)).toEqual([ts[2]]);
    const inclusive = await call(
      'conversations.history',
      { method: 'GET', headers: auth },
      `?channel=C01&oldest=${ts[1]}&latest=${ts[3]}&inclusive=true`,
    );
    expect(inclusive.body.messages.map((message: { ts: string }) => message.ts)).toEqual([ts[3], ts[2], ts[1]]);
  });

  it('returns a thread parent first, then its replies, paged', async () => {
    const first = await call(
      'conversations.replies',
      { method: 'GET', headers: auth },
      `?channel=C01&ts=${parent}&limit=1`,
    );
    expect(first.body.messages.map((message: { text: string }) => message.text)).toEqual(['m1', 'r0']);
    const cursor = encodeURIComponent(first.body.response_metadata.next_cursor);
    const second = await call(
      'conversations.replies',
      { method: 'GET', headers: auth },
      `?channel=C01&ts=${parent}&limit=1&cursor=${cursor}`,
    );
    expect(second.body.messages.map((message: { text: string }) => message.text)).toEqual(['r1']);
    expect(second.body.has_more).toBe(false);
  });

  it('answers unknown channels and users as Slack does', async () => {
    expect((await call('conversations.history', { method: 'GET', headers: auth }, '?channel=C404')).body).toEqual({
      ok: false,
      error: 'channel_not_found',
    });
    expect((await call('users.info', { method: 'GET', headers: auth }, '?user=U404')).body).toEqual({
      ok: false,
      error: 'user_not_found',
    });
  });

  it('rate limits per method with HTTP 429, Retry-After and a ratelimited body', async () => {
    emulator.limitRate('users.list', { requests: 1, windowSeconds: 30 });
    expect((await call('users.list', { headers: auth })).status).toBe(200);
    const limited = await call('users.list', { headers: auth });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(29);
    expect(limited.body).toEqual({ ok: false, error: 'ratelimited' });
    expect((await call('users.info', { method: 'GET', headers: auth }, '?user=U01ANA')).status).toBe(200);
  });

  it('fails the next calls of a method on request', async () => {
    emulator.injectFault('auth.test', { times: 2, status: 503 });
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      statuses.push((await fetch(`${emulator.url}/auth.test`, { method: 'POST', headers: auth })).status);
    }
    expect(statuses).toEqual([503, 503, 200]);
  });
});
