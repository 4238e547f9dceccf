import { EMULATOR_TOKEN, MattermostEmulator, StoredChannel } from '../support/mattermost-emulator';

/** The emulator answers as Mattermost's API v4 documents it: the connector's tests rely on that. */
describe('Mattermost emulator', () => {
  const emulator = new MattermostEmulator();
  const { workspace } = emulator;
  let channel: StoredChannel;
  let ids: string[];
  const base = Date.parse('2026-03-02T09:00:00Z');

  const get = async (path: string, token: string | null = EMULATOR_TOKEN) => {
    const response = await fetch(`${emulator.url}/api/v4${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const text = await response.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // plain text answers (429) stay text
    }
    return { status: response.status, headers: response.headers, body };
  };

  beforeAll(async () => {
    await emulator.start();
    const ana = workspace.addUser({ username: 'ana.souza', nickname: 'Ana' });
    const team = workspace.addTeam({ name: 'eng' });
    channel = workspace.addChannel({ teamId: team.id, name: 'town-square', displayName: 'Town Square' });
    ids = Array.from(
      { length: 250 },
      (_, index) => workspace.post(channel.id, { userId: ana.id, message: `m${index}`, at: base + index * 1000 }).id,
    );
  });

  afterAll(() => emulator.stop());

  it('lists posts newest first, 60 by default and never more than 200 a page', async () => {
    const byDefault = await get(`/channels/${channel.id}/posts`);
    expect(byDefault.body.order).toEqual(ids.slice(-60).reverse());
    const clamped = await get(`/channels/${channel.id}/posts?per_page=1000`);
    expect(clamped.body.order).toHaveLength(200);
    const second = await get(`/channels/${channel.id}/posts?per_page=200&page=1`);
    expect(second.body.order).toEqual(ids.slice(0, 50).reverse());
    expect(second.body.prev_post_id).toBe('');
  });

  it('pages before and after a post, with the cursor ids Mattermost sets', async () => {
    const before = await get(`/channels/${channel.id}/posts?before=${ids[100]}&per_page=30`);
    expect(before.body.order).toEqual(ids.slice(70, 100).reverse());
    expect(before.body.next_post_id).toBe(ids[100]);
    expect(before.body.prev_post_id).toBe(ids[69]);
    const nextPage = await get(`/channels/${channel.id}/posts?before=${ids[100]}&per_page=30&page=1`);
    expect(nextPage.body.order).toEqual(ids.slice(40, 70).reverse());
    const after = await get(`/channels/${channel.id}/posts?after=${ids[100]}&per_page=3`);
    expect(after.body.order).toEqual([ids[103], ids[102], ids[101]]);
    expect(after.body.prev_post_id).toBe(ids[100]);
    const last = await get(`/channels/${channel.id}/posts?before=${ids[5]}&per_page=30`);
    expect(last.body.order).toHaveLength(5);
    expect(last.body.prev_post_id).toBe('');
  });

  it('lists every change since a time, deletions and edit history included, with the thread roots', async () => {
    const root = workspace.post(channel.id, { userId: workspace.me.id, message: 'root', at: base - 60_000 });
    const since = Date.now();
    const reply = workspace.post(channel.id, {
      userId: workspace.me.id,
      message: 'reply',
      rootId: root.id,
      at: since + 1,
    });
    workspace.edit(ids[10], 'edited', since + 2);
    workspace.remove(ids[11], since + 3);
    const changes = await get(`/channels/${channel.id}/posts?since=${since}`);
    const listed = changes.body.order.map((id: string) => changes.body.posts[id]);
    expect(listed.map((post: any) => post.id)).toEqual(expect.arrayContaining([reply.id, ids[10], ids[11], root.id]));
    expect(changes.body.posts[ids[11]].delete_at).toBe(since + 3);
    expect(changes.body.posts[ids[10]]).toMatchObject({ message: 'edited', edit_at: since + 2 });
    expect(listed.filter((post: any) => post.original_id === ids[10])).toHaveLength(1);
    expect(changes.body.posts[root.id].reply_count).toBe(1);
    const live = await get(`/channels/${channel.id}/posts?per_page=200`);
    expect(live.body.order).not.toContain(ids[11]);
  });

  it('refuses a missing or wrong token with an AppError', async () => {
    const refused = await get(`/channels/${channel.id}`, 'nope');
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ id: 'api.context.session_expired.app_error', status_code: 401 });
    expect((await get(`/channels/${channel.id}`, null)).status).toBe(401);
  });

  it('answers 404 for an unknown channel and 400 for a malformed id', async () => {
    const missing = await get(`/channels/${workspace.newId()}/posts`);
    expect(missing.body).toMatchObject({ id: 'app.channel.get.existing.app_error', status_code: 404 });
    expect((await get('/channels/general/posts')).status).toBe(400);
  });

  it('sends X-Ratelimit headers, and 429 with Retry-After past the limit', async () => {
    const open = await get('/users/me');
    expect(open.headers.get('x-ratelimit-limit')).toBe('10000');
    emulator.limitRate({ requests: 1, windowSeconds: 5 });
    try {
      expect((await get('/users/me')).headers.get('x-ratelimit-remaining')).toBe('0');
      const limited = await get('/users/me');
      expect(limited.status).toBe(429);
      expect(limited.body).toBe('limit exceeded\n');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('x-ratelimit-reset')).toBe(limited.headers.get('retry-after'));
    } finally {
      emulator.limitRate({ requests: 10_000, windowSeconds: 1 });
    }
  });

  it('injects 429s and 5xx on any route', async () => {
    emulator.rateLimitNext(1, 2.5);
    const limited = await get('/users/me/teams');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    emulator.failNext(1, 503);
    expect((await get('/users/me/teams')).status).toBe(503);
    expect((await get('/users/me/teams')).status).toBe(200);
  });
});
