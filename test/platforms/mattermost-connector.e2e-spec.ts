import type { NormalizedMessage } from '@atlas/events';
import { FetchedPage, PlatformError } from '@atlas/platforms';
import { MattermostConnector } from '@atlas/platforms';
import {
  EMULATOR_TOKEN,
  MattermostEmulator,
  StoredChannel,
  StoredTeam,
  StoredUser,
} from '../support/mattermost-emulator';
import { collectPages, fetchRequest } from './contract/connector-contract';
import { EMULATOR_OUTBOUND_POLICY } from '../support/outbound-allowances';

const BASE = Date.parse('2026-03-02T09:00:00Z');
const idsOf = (pages: FetchedPage[]) => pages.flatMap((page) => page.messages.map((message) => message.id));
const messagesOf = (pages: FetchedPage[]): NormalizedMessage[] => pages.flatMap((page) => page.messages);

describe('Mattermost connector against the Mattermost emulator', () => {
  const emulator = new MattermostEmulator();
  const { workspace } = emulator;
  let ana: StoredUser;
  let eng: StoredTeam;
  let ops: StoredTeam;
  let long: StoredChannel;
  let longIds: string[];
  const waits: number[] = [];

  const connector = (config: Record<string, string> = {}, token = EMULATOR_TOKEN) =>
    new MattermostConnector(
      {
        connection_id: 'conn_mm',
        platform: 'mattermost',
        config: { base_url: emulator.url, ...config },
        credentials: { token },
      },
      {
        maxRetryAfterSeconds: 5,
        importDir: '/nonexistent',
        outboundPolicy: EMULATOR_OUTBOUND_POLICY,
        onWait: (ms) => waits.push(ms),
      },
    );
  const fetchAll = (channelId: string, overrides = {}) => collectPages(connector(), fetchRequest(channelId, overrides));

  beforeAll(async () => {
    await emulator.start();
    ana = workspace.addUser({ username: 'ana.souza', nickname: 'Ana' });
    eng = workspace.addTeam({ name: 'eng', displayName: 'Engineering' });
    ops = workspace.addTeam({ name: 'ops' });
    long = workspace.addChannel({ teamId: eng.id, name: 'long', displayName: 'Long Channel', header: 'All of it' });
    longIds = Array.from({ length: 450 }, (_, index) => {
      const post = workspace.post(long.id, { userId: ana.id, message: `message ${index}`, at: BASE + index * 60_000 });
      return post.id;
    });
  });

  afterAll(() => emulator.stop());
  beforeEach(() => {
    emulator.clearCalls();
    waits.length = 0;
  });

  describe('discovery', () => {
    beforeAll(() => {
      workspace.addChannel({ teamId: eng.id, name: 'secret', displayName: 'Secret', type: 'P' });
      workspace.addChannel({ teamId: eng.id, name: 'hidden', type: 'P', withMe: false });
      workspace.addChannel({ teamId: eng.id, name: 'gone' }).delete_at = BASE;
      workspace.addChannel({ teamId: '', name: `${ana.id}__${workspace.me.id}`, type: 'D' });
      workspace.addChannel({ teamId: ops.id, name: 'alerts' });
    });

    it('lists the open and private channels of every team of the user, without DMs or archived ones', async () => {
      const channels = await connector().discoverChannels();
      expect(channels.map((channel) => channel.name).sort()).toEqual(['Long Channel', 'Secret', 'alerts']);
      expect(channels.find((channel) => channel.name === 'Secret')?.is_private).toBe(true);
      expect(channels.find((channel) => channel.channel_id === long.id)).toEqual({
        channel_id: long.id,
        name: 'Long Channel',
        topic: 'All of it',
        is_private: false,
        message_count_hint: 450,
      });
    });

    it('keeps to the configured team', async () => {
      const channels = await connector({ team_id: ops.id }).discoverChannels();
      expect(channels.map((channel) => channel.name)).toEqual(['alerts']);
      expect(emulator.callsTo('GET', /^\/users\/me\/teams$/)).toHaveLength(0);
    });

    it('refuses a bad token with AUTH_ERROR', async () => {
      await expect(connector({}, 'wrongtokenwrongtokenwrong1').discoverChannels()).rejects.toMatchObject({
        code: 'AUTH_ERROR',
      });
    });
  });

  describe('the history walk', () => {
    it('pages 200 posts at a time, each page asked before the end of the one before', async () => {
      const pages = await fetchAll(long.id);
      // Each page is asked before the last-but-one post of the previous page and skips the last one:
      // posts sharing the last one's millisecond could otherwise fall between two pages.
      expect(pages.map((page) => page.messages.length)).toEqual([200, 199, 51]);
      expect(idsOf(pages)).toEqual([...longIds].reverse());
      const postCalls = emulator.callsTo('GET', /\/posts$/);
      expect(postCalls.map((call) => call.query)).toEqual([
        { per_page: '200', page: '0', skipFetchThreads: 'true' },
        { before: longIds[251], per_page: '200', page: '0', skipFetchThreads: 'true' },
        { before: longIds[52], per_page: '200', page: '0', skipFetchThreads: 'true' },
      ]);
      expect(emulator.calls[0].path).toBe(`/channels/${long.id}`);
      expect(pages.every((page) => page.estimatedTotal === 450)).toBe(true);
      expect(pages[0].messages[0].permalink).toBe(`${emulator.url}/eng/pl/${longIds[449]}`);
    });

    it('is not shifted by posts arriving during the walk', async () => {
      const iterator = connector().fetchMessages(fetchRequest(long.id))[Symbol.asyncIterator]();
      const first = await iterator.next();
      const arrived = Array.from({ length: 30 }, (_, index) =>
        workspace.post(long.id, { userId: ana.id, message: `late ${index}`, at: Date.now() + index }),
      );
      const rest: FetchedPage[] = [];
      for (let page = await iterator.next(); !page.done; page = await iterator.next()) rest.push(page.value);
      expect(idsOf([first.value as FetchedPage, ...rest])).toEqual([...longIds].reverse());
      for (const post of arrived) workspace.remove(post.id, Date.now());
    });

    it.each([
      // The first page ends inside the shared millisecond.
      ['a page ends inside a millisecond shared by many', 430, 150, 300, false],
      // A whole page is one millisecond: no older post on it to ask before.
      ['a whole page is one millisecond', 450, 100, 350, true],
    ])('loses no post and repeats none when %s', async (_case, count, tiedFrom, tiedTo, byPageNumber) => {
      const ties = workspace.addChannel({ teamId: eng.id, name: `ties-${count}` });
      const ids = Array.from({ length: count }, (_, index) => {
        const at = index >= tiedFrom && index < tiedTo ? BASE + tiedFrom * 1000 : BASE + index * 1000;
        return workspace.post(ties.id, { userId: ana.id, message: `tie ${index}`, at }).id;
      });
      const pages = await fetchAll(ties.id);
      const askedPages = emulator.callsTo('GET', /\/posts$/).map((call) => call.query.page);
      expect(askedPages.includes('1')).toBe(byPageNumber);
      expect(new Set(idsOf(pages)).size).toBe(count);
      expect([...idsOf(pages)].sort()).toEqual([...ids].sort());
      for (const [index, page] of pages.entries()) {
        if (index === 0) continue;
        const resumed = await fetchAll(ties.id, {
          resume: { token: pages[index - 1].nextToken, skip: 1, cursor: null },
        });
        expect(idsOf(resumed)).toEqual(idsOf(pages.slice(index)).slice(1));
        expect(page.messages.length).toBeLessThanOrEqual(200);
      }
    });
  });

  describe('failures', () => {
    it('says so when the user may not read a private channel', async () => {
      const hidden = [...workspace.channels.values()].find((channel) => channel.name === 'hidden')!;
      const error = await collectPages(connector(), fetchRequest(hidden.id)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PlatformError);
      expect(error).toMatchObject({ code: 'AUTH_ERROR', transient: false });
      expect((error as PlatformError).message).toContain('no permission to read this channel');
    });

    it('knows a malformed channel id is no channel without asking', async () => {
      await expect(collectPages(connector(), fetchRequest('general'))).rejects.toMatchObject({
        code: 'CHANNEL_NOT_FOUND',
      });
      expect(emulator.calls).toHaveLength(0);
    });

    it('fails plainly without a server address', async () => {
      const unconfigured = new MattermostConnector(
        { connection_id: 'c', platform: 'mattermost', config: {}, credentials: { token: EMULATOR_TOKEN } },
        { maxRetryAfterSeconds: 5, importDir: '/nonexistent', outboundPolicy: EMULATOR_OUTBOUND_POLICY },
      );
      await expect(unconfigured.discoverChannels()).rejects.toMatchObject({ code: 'PLATFORM_ERROR', transient: false });
    });
  });

  describe('rate limits', () => {
    afterEach(() => emulator.limitRate({ requests: 10_000, windowSeconds: 1 }));

    it('pauses when the quota is used up instead of running into 429s', async () => {
      emulator.limitRate({ requests: 2, windowSeconds: 1 });
      const pages = await fetchAll(long.id);
      expect(idsOf(pages)).toHaveLength(450);
      expect(emulator.calls.filter((call) => call.status === 429)).toEqual([]);
      expect(waits.length).toBeGreaterThan(0);
    }, 30_000);

    it('waits out a 429 from a limiter it could not see coming', async () => {
      emulator.rateLimitNext(1, 1);
      const pages = await fetchAll(long.id);
      expect(idsOf(pages)).toHaveLength(450);
      expect(emulator.calls[0].status).toBe(429);
      expect(waits).toContain(1000);
    }, 30_000);
  });

  describe('people and kinds of posts', () => {
    it('names authors, bots and system posts', async () => {
      const misc = workspace.addChannel({ teamId: eng.id, name: 'misc' });
      const bot = workspace.addUser({ username: 'deploybot', firstName: 'Deploy', lastName: 'Bot', isBot: true });
      const joined = workspace.post(misc.id, {
        userId: ana.id,
        message: 'ana.souza joined the channel.',
        type: 'system_join_channel',
        at: BASE,
      });
      const deployed = workspace.post(misc.id, {
        userId: bot.id,
        message: 'Deployed, @ana.souza.',
        at: BASE + 1000,
        props: { from_bot: 'true' },
      });
      const byId = new Map(messagesOf(await fetchAll(misc.id)).map((message) => [message.id, message]));
      expect(byId.get(joined.id)).toMatchObject({ subtype: 'system_join_channel', author_name: 'Ana', is_bot: false });
      expect(byId.get(deployed.id)).toMatchObject({
        author_name: 'Deploy Bot',
        is_bot: true,
        text: 'Deployed, @Ana.',
        mentions: [{ id: ana.id, name: 'Ana' }],
      });
      expect(emulator.callsTo('POST', /^\/users\/ids$/)).toHaveLength(1);
    });
  });
});
