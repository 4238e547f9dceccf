import type { NormalizedMessage } from '@atlas/events';
import { FetchedPage, PlatformError } from '@atlas/platforms';
import { CHAT_USERS, ChatChannel, ChatWorkspace } from '../support/chat-fixture';
import { encodeTeamsPageToken } from '../../libs/platforms/src/teams/teams-page-token';
import {
  GraphEmulator,
  GraphFixtureIds,
  loadChatWorkspace,
  postFixtureMessage,
  teamsConnector,
  teamsHtml,
} from '../support/graph-emulator';
import { collectPages, fetchRequest } from './contract/connector-contract';

const MINUTE = 60_000;
const start = Date.parse('2026-03-02T09:00:00.000Z');
const messagesOf = (pages: FetchedPage[]): NormalizedMessage[] => pages.flatMap((page) => page.messages);
const idsOf = (pages: FetchedPage[]): string[] => messagesOf(pages).map((message) => message.id);

/** `roots` messages ten minutes apart; `threads` maps a root index to its reply count. */
function channel(key: string, roots: number, threads: Record<number, number>): ChatChannel {
  return {
    key,
    name: key,
    createdAt: new Date(start - 24 * 60 * MINUTE),
    messages: Array.from({ length: roots }, (_, index) => ({
      key: `m${index}`,
      author: CHAT_USERS[index % 3].key,
      text: `${key} message ${index}`,
      at: new Date(start + index * 10 * MINUTE),
      replies: Array.from({ length: threads[index] ?? 0 }, (_, reply) => ({
        key: `m${index}r${reply}`,
        author: CHAT_USERS[(reply + 1) % 3].key,
        text: `${key} reply ${reply} to ${index}`,
        at: new Date(start + index * 10 * MINUTE + (reply + 1) * 1000),
      })),
    })),
  };
}

describe('Teams connector walking channels of the Graph emulator', () => {
  const emulator = new GraphEmulator();
  const workspace: ChatWorkspace = {
    users: CHAT_USERS.map((user) => ({ ...user })),
    channels: [
      channel('long', 120, { 100: 75, 40: 3 }),
      channel('live', 30, { 5: 4, 20: 2 }),
      channel('busy', 70, { 60: 2 }),
    ],
  };
  let ids: GraphFixtureIds;
  const fetchAll = (channelKey: string, overrides = {}) =>
    collectPages(teamsConnector(emulator), fetchRequest(ids.channelId(channelKey), overrides));

  beforeAll(async () => {
    await emulator.start();
    ids = loadChatWorkspace(emulator.store, workspace);
  });

  afterAll(() => emulator.stop());

  beforeEach(() => {
    emulator.clearCalls();
    emulator.expandedRepliesLimit = 1000;
  });

  describe('the emulator, as Graph documents it', () => {
    async function graphGet(path: string): Promise<{ status: number; body: Record<string, any> }> {
      emulator.identity.acceptToken('probe-token');
      const response = await fetch(`${emulator.graphRoot}${path}`, {
        headers: { authorization: 'Bearer probe-token' },
      });
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    }
    const messagesPath = () =>
      `/teams/${emulator.store.teamId}/channels/${encodeURIComponent(ids.channelId('long'))}/messages`;

    it('refuses a page size above 50 with 400, and lists root messages newest first', async () => {
      const tooBig = await graphGet(`${messagesPath()}?$top=51`);
      expect(tooBig.status).toBe(400);
      expect(tooBig.body.error.code).toBe('BadRequest');
      const page = await graphGet(`${messagesPath()}?$top=3`);
      expect(page.body.value.map((message: { id: string }) => message.id)).toEqual(
        ['m119', 'm118', 'm117'].map((key) => ids.messageId('long', key)),
      );
      expect(page.body['@odata.nextLink']).toContain('$skiptoken=');
    });

    it('moves a root’s lastModifiedDateTime when someone replies in its thread', async () => {
      const rootId = ids.messageId('long', 'm41');
      const before = await graphGet(`${messagesPath()}/${rootId}`);
      emulator.store.reply(ids.channelId('long'), rootId, {
        authorId: ids.userId('ana'),
        content: '<p>late</p>',
        at: new Date(Date.now()),
      });
      const after = await graphGet(`${messagesPath()}/${rootId}`);
      expect(Date.parse(after.body.lastModifiedDateTime)).toBeGreaterThan(Date.parse(before.body.lastModifiedDateTime));
      expect(after.body.createdDateTime).toBe(before.body.createdDateTime);
    });
  });

  describe('a thread longer than what Graph expands', () => {
    it('follows replies@odata.nextLink, and gives the root the full count after its replies', async () => {
      emulator.expandedRepliesLimit = 30;
      const pages = await fetchAll('long');
      const messages = messagesOf(pages);
      const rootId = ids.messageId('long', 'm100');
      const replies = messages.filter((message) => message.thread_parent_id === rootId);
      expect(replies).toHaveLength(75);
      expect(new Set(idsOf(pages)).size).toBe(idsOf(pages).length);
      const root = messages.find((message) => message.id === rootId)!;
      expect(root.reply_count).toBe(75);
      expect(messages.indexOf(root)).toBeGreaterThan(messages.indexOf(replies.at(-1)!));
      expect(emulator.graphCalls(`/messages/${rootId}/replies`).length).toBeGreaterThan(0);
      for (const page of pages) expect(page.messages.length).toBeLessThanOrEqual(50);
    });

    it('resumes inside the further reply pages in a fresh connector', async () => {
      emulator.expandedRepliesLimit = 30;
      const pages = await fetchAll('long');
      const rootId = ids.messageId('long', 'm100');
      const overflowPage = pages.findIndex(
        (page, index) =>
          index > 0 &&
          page.messages.some((message) => message.thread_parent_id === rootId) &&
          pages[index - 1].messages.some((message) => message.thread_parent_id === rootId),
      );
      expect(overflowPage).toBeGreaterThan(0);
      const before = pages[overflowPage - 1];
      const resumed = await fetchAll('long', { resume: { token: before.nextToken, skip: 1, cursor: before.cursor } });
      expect(idsOf(resumed)).toEqual(idsOf(pages.slice(overflowPage)).slice(1));
    });
  });

  it('walks a channel with one history call per fifty roots and no reply calls when Graph expanded every thread', async () => {
    const pages = await fetchAll('long');
    const stored = emulator.store.channel(ids.channelId('long')).roots;
    const total = stored.reduce((sum, root) => sum + 1 + root.replies.length, 0);
    expect(idsOf(pages)).toHaveLength(total);
    const historyCalls = emulator.graphCalls('/messages');
    expect(historyCalls).toHaveLength(3);
    expect(historyCalls[0].query.get('$top')).toBe('50');
    expect(historyCalls[0].query.get('$expand')).toBe('replies');
    expect(emulator.graphCalls('/replies')).toHaveLength(0);
    // The channel was created a day before its first message: the time-coverage estimate counts that day too.
    const [first] = pages;
    expect(first.estimatedTotal).toBeGreaterThan(total / 2);
    expect(first.estimatedTotal).toBeLessThan(total * 2);
    expect(pages.at(-1)!.estimatedTotal).toBe(total);
  });

  describe('keeping a channel current', () => {
    it('finds reply edits and deletions, purged roots and mentions, with a filtered round and then its deltaLink', async () => {
      const channelId = ids.channelId('live');
      const first = await fetchAll('live');
      const now = Date.now();
      const reply = ids.messageId('live', 'm5r1');
      const { content, mentions } = teamsHtml('Ask {@ben} first.', workspace, ids);
      emulator.store.edit(channelId, reply, content, new Date(now), mentions);
      emulator.store.softDelete(channelId, ids.messageId('live', 'm20r0'), new Date(now + 1000));
      emulator.store.purge(channelId, ids.messageId('live', 'm7'), new Date(now + 2000));
      emulator.clearCalls();

      const update = await fetchAll('live', { since: first.at(-1)!.cursor });
      const byId = new Map(messagesOf(update).map((message) => [message.id, message]));
      expect(byId.get(reply)).toMatchObject({
        text: 'Ask @Ben Okafor first.',
        edited: true,
        thread_parent_id: ids.messageId('live', 'm5'),
        mentions: [{ id: ids.userId('ben'), name: 'Ben Okafor' }],
      });
      expect(byId.get(ids.messageId('live', 'm20r0'))).toMatchObject({ deleted: true, text: '' });
      expect(byId.get(ids.messageId('live', 'm7'))).toMatchObject({
        deleted: true,
        text: '',
        timestamp: new Date(start + 70 * MINUTE).toISOString(),
      });
      expect(byId.get(ids.messageId('live', 'm5'))?.reply_count).toBe(4);
      expect([...byId.keys()].sort()).toEqual(
        ['m5', 'm5r1', 'm20', 'm20r0', 'm7'].map((key) => ids.messageId('live', key)).sort(),
      );
      const [round] = emulator.graphCalls('/messages/delta');
      expect(round.query.get('$filter')).toMatch(/^lastModifiedDateTime gt /);

      emulator.clearCalls();
      postFixtureMessage(emulator.store, ids, workspace, 'live', {
        key: 'late',
        author: 'chen',
        text: 'late news',
        at: new Date(now + 3000),
      });
      const next = await fetchAll('live', { since: update.at(-1)!.cursor });
      expect(idsOf(next)).toEqual([ids.messageId('live', 'late')]);
      const [followed] = emulator.graphCalls('/messages/delta');
      expect(followed.query.get('$deltatoken')).not.toBeNull();
      expect(followed.query.get('$filter')).toBeNull();
    });

    it('starts a new round from the cursor time when Graph says the delta token expired', async () => {
      const first = await fetchAll('busy');
      const quiet = await fetchAll('busy', { since: first.at(-1)!.cursor });
      expect(idsOf(quiet)).toEqual([]);
      postFixtureMessage(emulator.store, ids, workspace, 'busy', {
        key: 'after-expiry',
        author: 'ana',
        text: 'still found',
        at: new Date(),
      });
      emulator.expireDeltaTokens();
      emulator.clearCalls();
      const update = await fetchAll('busy', { since: quiet.at(-1)!.cursor });
      expect(idsOf(update)).toEqual([ids.messageId('busy', 'after-expiry')]);
      expect(emulator.graphCalls('/messages/delta').map((call) => call.status)).toEqual([410, 200]);
    });
  });

  it.each([
    ['still on the first page', 15],
    ['pushed off the first page', 60],
  ])(
    'loses nothing when it resumes in a thread of the first page after new messages were posted (%s)',
    async (_case, posted) => {
      const pages = await fetchAll('busy');
      const threadRoot = ids.messageId('busy', 'm60');
      const interrupted = pages.findIndex((page) =>
        page.messages.some((message) => message.thread_parent_id === threadRoot),
      );
      const before = pages[interrupted - 1];
      for (let index = 0; index < posted; index += 1) {
        postFixtureMessage(emulator.store, ids, workspace, 'busy', {
          key: `meanwhile${posted}-${index}`,
          author: 'ben',
          text: `posted meanwhile ${index}`,
          at: new Date(Date.now() + index),
        });
      }
      const resumed = await fetchAll('busy', { resume: { token: before.nextToken, skip: 1, cursor: before.cursor } });
      const published = [
        ...idsOf(pages.slice(0, interrupted)),
        ...pages[interrupted].messages.slice(0, 1).map((m) => m.id),
      ];
      const seen = new Set([...published, ...idsOf(resumed)]);
      for (const id of idsOf(pages)) expect(seen.has(id)).toBe(true);
    },
  );

  it('waits out a fractional Retry-After, and rides out a 503 that carries one', async () => {
    emulator.rateLimitNext(2, 0.25);
    const throttled = await fetchAll('busy');
    expect(emulator.graphCalls().filter((call) => call.status === 429)).toHaveLength(2);
    emulator.failNext(1, 503, 0.2);
    const unavailable = await fetchAll('busy');
    expect(idsOf(unavailable)).toEqual(idsOf(throttled));
  });

  it('refuses a resume token whose link leaves the Graph root, sending nothing there', async () => {
    const token = encodeTeamsPageToken({
      mode: 'history',
      startedAt: new Date().toISOString(),
      changedAfter: null,
      page: 'https://attacker.example/v1.0/teams/x/channels/y/messages',
      step: { kind: 'roots' },
      progress: { fetched: 0, newest: null, oldest: null },
    });
    const error = await fetchAll('busy', { resume: { token, skip: 0, cursor: null } }).catch(
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).code).toBe('INTERNAL_ERROR');
  });
});
