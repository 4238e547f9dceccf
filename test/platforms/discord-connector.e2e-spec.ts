import { callsBeforeHintedTime } from '../support/timed-calls';
import { sleep } from '@atlas/common';
import type { NormalizedMessage } from '@atlas/events';
import { ConnectorOptions, FetchedPage, FetchRequest, PlatformError } from '@atlas/platforms';
import { DiscordConnector } from '@atlas/platforms';
import { DiscordEmulator, EMULATOR_BOT_TOKEN, RecordedCall } from '../support/discord-emulator';
import { EMULATOR_OUTBOUND_POLICY } from '../support/outbound-allowances';

const START = Date.parse('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;
const TOP_LEVEL = 230;

async function collect(connector: DiscordConnector, request: Partial<FetchRequest> & { channelId: string }) {
  const pages: FetchedPage[] = [];
  const full = { since: null, resume: null, signal: AbortSignal.timeout(30_000), ...request };
  for await (const page of connector.fetchMessages(full)) pages.push(page);
  return pages;
}

const messagesOf = (pages: FetchedPage[]) => pages.flatMap((page) => page.messages);

async function rejectionOf(promise: Promise<unknown>): Promise<PlatformError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PlatformError);
    return error as PlatformError;
  }
  throw new Error('expected a failure');
}

describe('Discord connector against the Discord emulator', () => {
  const emulator = new DiscordEmulator();
  const guild = emulator.guild;
  const top: string[] = [];
  let general: string;
  let announcements: string;
  let secret: string;
  let hidden: string;
  let users: { ana: string; ben: string; bot: string };
  let oncall: string;
  let orphanThread: string;

  const connector = (
    config: Record<string, string> = {},
    options: Partial<ConnectorOptions> = {},
    token = EMULATOR_BOT_TOKEN,
  ) =>
    new DiscordConnector(
      {
        connection_id: 'conn_discord',
        platform: 'discord',
        config: { base_url: emulator.url, guild_id: guild.id, ...config },
        credentials: { token },
      },
      { maxRetryAfterSeconds: 5, importDir: '/nonexistent', outboundPolicy: EMULATOR_OUTBOUND_POLICY, ...options },
    );

  beforeAll(async () => {
    await emulator.start();
    users = {
      ana: guild.addUser({ username: 'ana.souza', globalName: 'Ana' }),
      ben: guild.addUser({ username: 'ben.okafor', globalName: null }),
      bot: guild.addUser({ username: 'deploybot', globalName: 'Deploy Bot', bot: true }),
    };
    oncall = guild.addRole('oncall');
    general = guild.addChannel({ name: 'general', topic: 'Everything', createdAt: new Date(START - MINUTE) });
    announcements = guild.addChannel({ name: 'announcements', type: 5, createdAt: new Date(START) });
    guild.addChannel({ name: 'Lounge', type: 2, createdAt: new Date(START) });
    secret = guild.addChannel({ name: 'secret', isPrivate: true, createdAt: new Date(START) });
    hidden = guild.addChannel({ name: 'hidden', createdAt: new Date(START) });
    guild.hideFromBot(hidden);

    for (let index = 0; index < TOP_LEVEL; index += 1) {
      const at = new Date(START + index * MINUTE);
      const author = index % 2 === 0 ? users.ana : users.ben;
      let content = `message ${index}`;
      if (index === 30) {
        content = `<@!${users.ben}> and <@&${oncall}>: see <#${announcements}> <:party:1234> by <t:1772442000:R>, run </deploy:42>`;
      }
      const replyTo = index === 200 ? top[199] : index === 201 ? top[198] : undefined;
      top.push(guild.post(general, { author, content, at, replyTo, legacyReference: index === 201 }));
    }
    guild.post(general, {
      author: users.bot,
      content: '',
      at: new Date(START + TOP_LEVEL * MINUTE),
      embeds: [{ title: 'Deployed', description: 'v2 is live' }],
    });
    top.push(guild.channel(general).messages.at(-1)!.id);
    const threadOf = (index: number, replies: number) => {
      for (let reply = 0; reply < replies; reply += 1) {
        guild.reply(general, top[index], {
          author: users.ben,
          content: `reply ${reply} to ${index}`,
          at: new Date(START + index * MINUTE + (reply + 1) * 100),
        });
      }
    };
    threadOf(10, 3);
    threadOf(150, 120);
    threadOf(20, 2);
    // The starter of this thread is deleted; Discord keeps the thread.
    orphanThread = top[20];
    guild.remove(general, top[20]);
  });

  afterAll(() => emulator.stop());
  beforeEach(() => emulator.clearCalls());

  describe('a full history', () => {
    let pages: FetchedPage[];
    let byId: Map<string, NormalizedMessage>;
    let calls: RecordedCall[];

    beforeAll(async () => {
      emulator.clearCalls();
      pages = await collect(connector(), { channelId: general });
      calls = [...emulator.calls];
      byId = new Map(messagesOf(pages).map((message) => [message.id, message]));
    });

    it('yields every message once, with the threads of deleted starters too', () => {
      const ids = messagesOf(pages).map((message) => message.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(TOP_LEVEL + 1 - 1 + 3 + 120 + 2);
      expect(byId.has(top[20])).toBe(false);
      const orphans = messagesOf(pages).filter((message) => message.thread_parent_id === orphanThread);
      expect(orphans.map((message) => message.text)).toEqual(['reply 1 to 20', 'reply 0 to 20']);
    });

    it('asks for pages of 100 with one anchor, back from the start of the fetch', () => {
      const messageCalls = calls.filter((call) => call.route === '/channels/{channel}/messages');
      expect(messageCalls.length).toBeGreaterThan(0);
      for (const call of messageCalls) {
        expect(call.query.limit).toBe('100');
        expect(Object.keys(call.query).filter((name) => ['before', 'after', 'around'].includes(name))).toEqual([
          'before',
        ]);
      }
      expect(calls[0].route).toBe('/channels/{channel}');
    });

    it('links replies to threads and inline replies to what they answer', () => {
      expect(byId.get(top[10])!.reply_count).toBe(3);
      expect(byId.get(top[150])!.reply_count).toBe(120);
      const threadReplies = messagesOf(pages).filter((message) => message.thread_parent_id === top[150]);
      expect(threadReplies).toHaveLength(120);
      expect(threadReplies[0].permalink).toBe(
        `https://discord.com/channels/${guild.id}/${top[150]}/${threadReplies[0].id}`,
      );
      expect(byId.get(top[200])!.thread_parent_id).toBe(top[199]);
      expect(byId.get(top[201])!.thread_parent_id).toBe(top[198]);
      expect(byId.get(top[202])!.thread_parent_id).toBeNull();
    });

    it('renders mentions, roles, channels, emoji, timestamps and commands readable', () => {
      const message = byId.get(top[30])!;
      expect(message.text).toBe(
        '@ben.okafor and @oncall: see #announcements :party: by 2026-03-02T09:00:00.000Z, run /deploy',
      );
      expect(message.mentions).toEqual([{ id: users.ben, name: 'ben.okafor' }]);
    });

    it('names authors by display name, flags bots, and reads embeds', () => {
      expect(byId.get(top[0])).toMatchObject({
        author_id: users.ana,
        author_name: 'Ana',
        is_bot: false,
        subtype: null,
      });
      expect(byId.get(top[1])!.author_name).toBe('ben.okafor');
      const bot = byId.get(top[TOP_LEVEL])!;
      expect(bot).toMatchObject({ author_name: 'Deploy Bot', is_bot: true, text: 'Deployed\nv2 is live' });
      expect(byId.get(top[0])!.permalink).toBe(`https://discord.com/channels/${guild.id}/${general}/${top[0]}`);
      expect(byId.get(top[0])!.timestamp).toBe(new Date(START).toISOString());
    });

    it('estimates the total from the time covered and the threads listed', () => {
      const total = messagesOf(pages).length;
      expect(pages.at(-1)!.estimatedTotal).toBe(total);
      for (const page of pages.slice(0, -1)) {
        expect(page.estimatedTotal).toBeGreaterThan(total * 0.8);
        expect(page.estimatedTotal).toBeLessThan(total * 1.2);
      }
    });

    it('resumes inside a long thread in a fresh connector', async () => {
      const index = pages.findIndex((page) => page.messages[0]?.thread_parent_id === top[150]);
      const resumed = await collect(connector(), {
        channelId: general,
        resume: { token: pages[index].nextToken, skip: 3, cursor: pages[index].cursor },
      });
      const expected = [...pages[index + 1].messages.slice(3), ...messagesOf(pages.slice(index + 2))];
      expect(messagesOf(resumed).map((message) => message.id)).toEqual(expected.map((message) => message.id));
      expect(resumed.at(-1)!.cursor).toBe(pages.at(-1)!.cursor);
    });

    it('restarts an interrupted first page exactly, however much was posted since', async () => {
      guild.post(general, { author: users.ana, content: 'posted after the fetch began', at: new Date() });
      const resumed = await collect(connector(), {
        channelId: general,
        resume: { token: null, skip: 2, cursor: pages[0].cursor },
      });
      expect(messagesOf(resumed).map((message) => message.id)).toEqual(
        messagesOf(pages)
          .slice(2)
          .map((message) => message.id),
      );
    });
  });

  describe('keeping the channel current', () => {
    it('re-reads the look-back window forward and keeps only what changed since the last fetch', async () => {
      // The fetch starts by the server's Date, in whole seconds: what the last test posted must be a second older.
      await sleep(1100);
      const recent = guild.post(general, {
        author: users.ana,
        content: 'recent',
        at: new Date(Date.now() - 3_600_000),
      });
      const first = await collect(connector({ edit_lookback_days: '1' }), { channelId: general });
      const cursor = first.at(-1)!.cursor;
      const now = Date.now();
      const posted = guild.post(general, { author: users.ben, content: 'new', at: new Date(now) });
      const lateReply = guild.reply(general, top[10], { author: users.ana, content: 'late reply', at: new Date(now) });
      guild.edit(general, recent, 'recent, edited', new Date(now));
      guild.edit(general, top[5], 'too old to be seen', new Date(now));
      emulator.clearCalls();

      const update = await collect(connector({ edit_lookback_days: '1' }), { channelId: general, since: cursor });
      const byId = new Map(messagesOf(update).map((message) => [message.id, message]));
      expect([...byId.keys()].sort()).toEqual([posted, lateReply, recent, top[10]].sort());
      expect(byId.get(recent)).toMatchObject({ text: 'recent, edited', edited: true });
      expect(byId.get(lateReply)!.thread_parent_id).toBe(top[10]);
      // The starter is read again for its new reply count.
      expect(byId.get(top[10])!.reply_count).toBe(4);
      const history = emulator.calls.filter((call) => call.path === `/channels/${general}/messages`);
      expect(history.every((call) => call.query.after !== undefined && call.query.before === undefined)).toBe(true);
      // Only the thread with a message in the window is walked.
      const threadWalks = emulator.calls.filter(
        (call) => /^\/channels\/\d+\/messages$/.test(call.path) && call.path !== `/channels/${general}/messages`,
      );
      expect(threadWalks.map((call) => call.path)).toEqual([`/channels/${top[10]}/messages`]);

      const again = await collect(connector({ edit_lookback_days: '1' }), {
        channelId: general,
        since: update.at(-1)!.cursor,
      });
      expect(messagesOf(again)).toEqual([]);
      expect(again).toHaveLength(1);
      expect(again[0].cursor).not.toBeNull();
    });
  });

  describe('rate limits', () => {
    afterEach(() => emulator.limitBuckets({ requests: 1000, windowSeconds: 1 }));

    it('pauses when a bucket is spent instead of running into 429s', async () => {
      emulator.limitBuckets({ requests: 2, windowSeconds: 0.3 });
      const waits: number[] = [];
      const pages = await collect(connector({}, { onWait: (ms) => waits.push(ms) }), { channelId: general });
      expect(messagesOf(pages).length).toBeGreaterThan(TOP_LEVEL);
      expect(emulator.calls.filter((call) => call.status === 429)).toEqual([]);
      expect(waits.length).toBeGreaterThan(0);
      expect(Math.max(...waits)).toBeLessThanOrEqual(300);
    }, 30_000);

    it('waits out a fractional Retry-After, global or not', async () => {
      emulator.rateLimitNext(2, 0.25, { global: true });
      const waits: number[] = [];
      const pages = await collect(connector({}, { onWait: (ms) => waits.push(ms) }), { channelId: announcements });
      expect(pages.at(-1)!.nextToken).toBeNull();
      expect(waits.slice(0, 2)).toEqual([250, 250]);
    });

    it("honours a 429 whose wait is only in the JSON body: retry_after's fractional seconds, global or not", async () => {
      for (const global of [false, true]) {
        emulator.clearCalls();
        emulator.rateLimitNext(1, 1.25, { header: false, global });
        const waits: number[] = [];
        const pages = await collect(connector({}, { onWait: (ms) => waits.push(ms) }), { channelId: announcements });
        expect(pages.at(-1)!.nextToken).toBeNull();
        expect(waits[0]).toBe(1250);
        expect(emulator.calls[0]).toMatchObject({ status: 429, retryAfterMs: 1250 });
        expect(callsBeforeHintedTime(emulator.calls)).toEqual([]);
      }
    });
  });

  describe('failures', () => {
    it('calls a channel the bot cannot see an AUTH_ERROR that says so', async () => {
      const error = await rejectionOf(collect(connector(), { channelId: hidden }));
      expect(error.code).toBe('AUTH_ERROR');
      expect(error.transient).toBe(false);
      expect(error.options).toMatchObject({ httpStatus: 403, platformCode: '50001' });
      expect(error.message).toContain('Missing Access');
      expect(error.message).toContain('View Channel');
    });

    it('refuses a wrong token with AUTH_ERROR before reading anything', async () => {
      const error = await rejectionOf(collect(connector({}, {}, 'nope'), { channelId: general }));
      expect(error.code).toBe('AUTH_ERROR');
      expect(emulator.calls).toHaveLength(1);
    });

    it('accepts a token pasted with its Bot scheme', async () => {
      const pages = await collect(connector({}, {}, `Bot ${EMULATOR_BOT_TOKEN}`), { channelId: announcements });
      expect(pages.at(-1)!.nextToken).toBeNull();
    });

    it('refuses a resume token or a cursor it did not write', async () => {
      const token = await rejectionOf(
        collect(connector(), { channelId: general, resume: { token: 'bm9wZQ', skip: 0, cursor: null } }),
      );
      expect(token.code).toBe('INTERNAL_ERROR');
      const cursor = await rejectionOf(collect(connector(), { channelId: general, since: '1712345678.000100' }));
      expect(cursor.code).toBe('INTERNAL_ERROR');
    });
  });

  describe('discovery', () => {
    it('lists the text and announcement channels, private ones marked', async () => {
      const channels = await connector().discoverChannels(AbortSignal.timeout(10_000));
      expect(channels.map((channel) => channel.name).sort()).toEqual(['announcements', 'general', 'hidden', 'secret']);
      expect(channels.find((channel) => channel.channel_id === secret)!.is_private).toBe(true);
      expect(channels.find((channel) => channel.channel_id === general)).toEqual({
        channel_id: general,
        name: 'general',
        topic: 'Everything',
        is_private: false,
        message_count_hint: null,
      });
    });

    it('calls an unknown guild CHANNEL_NOT_FOUND, and a missing guild_id a configuration error', async () => {
      const unknown = await rejectionOf(connector({ guild_id: '1234' }).discoverChannels());
      expect(unknown).toMatchObject({ code: 'CHANNEL_NOT_FOUND', transient: false });
      const missing = await rejectionOf(connector({ guild_id: '' }).discoverChannels());
      expect(missing.code).toBe('PLATFORM_ERROR');
      expect(missing.message).toContain('guild_id');
    });
  });
});
