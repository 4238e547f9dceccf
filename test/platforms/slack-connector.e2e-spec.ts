import { compareTs, decodeSlackCursor, FetchedPage } from '@atlas/platforms';
import { RecordedCall, SlackEmulator } from '../support/slack-emulator';
import {
  addUsers,
  collectPages,
  idsOf,
  messagesOf,
  request,
  seedLongChannel,
  slackConnector,
  THREAD_INDEXES,
  USERS,
} from './slack-fixtures';

describe('Slack connector against the Slack emulator', () => {
  const emulator = new SlackEmulator();
  let topLevel: string[];

  beforeAll(async () => {
    await emulator.start();
    addUsers(emulator.workspace);
    topLevel = seedLongChannel(emulator.workspace, 'C0LONG');
  });

  afterAll(() => emulator.stop());
  beforeEach(() => emulator.clearCalls());

  describe('a full history', () => {
    let pages: FetchedPage[];
    let calls: RecordedCall[];
    const callsTo = (method: string) => calls.filter((call) => call.method === method);

    beforeAll(async () => {
      emulator.clearCalls();
      pages = await collectPages(slackConnector(emulator), request('C0LONG'));
      calls = [...emulator.calls];
    });

    it('yields every message and reply exactly once', () => {
      const ids = idsOf(messagesOf(pages));
      const expectedReplies = 4 * 3 + 250;
      expect(ids).toHaveLength(450 + expectedReplies);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => topLevel.includes(id))).toHaveLength(450);
    });

    it('walks history pages of 200 newest first, each followed by the reply pages of its threads', () => {
      const shape = pages.map((page) => {
        const [first] = page.messages;
        return first.thread_parent_id === null ? `history:${page.messages.length}` : `replies:${page.messages.length}`;
      });
      expect(shape).toEqual([
        'history:200',
        'replies:200',
        'replies:50',
        'replies:3',
        'history:200',
        'replies:3',
        'replies:3',
        'history:50',
        'replies:3',
      ]);
      expect(pages[0].messages[0].id).toBe(topLevel[449]);
      expect(pages[1].messages.every((message) => message.thread_parent_id === topLevel[405])).toBe(true);
      expect(callsTo('conversations.history').map((call) => call.params.limit)).toEqual(['200', '200', '200']);
      expect(callsTo('conversations.replies')).toHaveLength(6);
    });

    it('skips the thread parent that conversations.replies returns first', () => {
      const replyPages = pages.filter((page) => page.messages[0].thread_parent_id !== null);
      for (const page of replyPages) {
        expect(page.messages.every((message) => message.id !== message.thread_parent_id)).toBe(true);
      }
      const parents = messagesOf(pages).filter((message) => message.reply_count > 0);
      expect(parents.map((message) => message.id).sort()).toEqual(
        THREAD_INDEXES.map((index) => topLevel[index]).sort(),
      );
      expect(parents.find((message) => message.id === topLevel[405])?.reply_count).toBe(250);
    });

    it('keeps the cursor at the newest top-level message and ends with a null token', () => {
      expect(pages.every((page) => decodeSlackCursor(page.cursor!).newest === topLevel[449])).toBe(true);
      expect(pages.slice(0, -1).every((page) => typeof page.nextToken === 'string')).toBe(true);
      expect(pages[pages.length - 1].nextToken).toBeNull();
    });

    it('names authors and builds permalinks from auth.test', () => {
      const message = messagesOf(pages).find((candidate) => candidate.id === topLevel[0]);
      expect(message).toMatchObject({
        channel_id: 'C0LONG',
        author_id: USERS.ana.id,
        author_name: 'Ana',
        text: 'message 0',
        permalink: `https://${emulator.workspace.domain}/archives/C0LONG/p${topLevel[0].replace('.', '')}`,
      });
      const reply = messagesOf(pages).find((candidate) => candidate.thread_parent_id === topLevel[5]);
      expect(reply?.permalink).toContain(`?thread_ts=${topLevel[5]}&cid=C0LONG`);
      expect(callsTo('auth.test')).toHaveLength(1);
      expect(callsTo('users.list')).toHaveLength(1);
    });
  });

  it('renders mentions and links, looks up users users.list does not return, keeps edits and files', async () => {
    emulator.workspace.addChannel({ id: 'C0TEXT', name: 'text' });
    emulator.workspace.post('C0TEXT', {
      user: USERS.ben.id,
      text: '<@U01ANA> &amp; <@W04EXT>: see <https://docs.example.com/a?b=1&amp;c=2|the plan> in <#C0LONG|long>',
    });
    emulator.workspace.post('C0TEXT', {
      user: USERS.partner.id,
      text: 'thanks, slides attached',
      edited: true,
      files: [{ id: 'F01', name: 'plan.pdf', mimetype: 'application/pdf', size: 5120 }],
    });

    const [page] = await collectPages(slackConnector(emulator), request('C0TEXT'));

    const [thanks, mention] = page.messages;
    expect(mention.text).toBe('@Ana & @Pat (Partner Co): see the plan (https://docs.example.com/a?b=1&c=2) in #long');
    expect(mention.mentions).toEqual([
      { id: USERS.ana.id, name: 'Ana' },
      { id: USERS.partner.id, name: 'Pat (Partner Co)' },
    ]);
    expect(mention.author_name).toBe('Ben Okafor');
    expect(thanks).toMatchObject({
      author_name: 'Pat (Partner Co)',
      edited: true,
      attachments: [{ name: 'plan.pdf', url: null, mime_type: 'application/pdf', size: 5120 }],
    });
    expect(mention.edited).toBe(false);
    // The directory remembers what users.info told it.
    expect(emulator.callsTo('users.info').map((call) => call.params.user)).toEqual([USERS.partner.id]);
  });

  it('yields a reply that was also sent to the channel once, as a reply', async () => {
    const workspace = emulator.workspace;
    workspace.addChannel({ id: 'C0BCAST', name: 'broadcast' });
    const parent = workspace.post('C0BCAST', { user: USERS.ana.id, text: 'Which database version do we target?' });
    const plain = workspace.reply('C0BCAST', parent, { user: USERS.ben.id, text: 'Postgres 16' });
    const broadcast = workspace.reply('C0BCAST', parent, {
      user: USERS.ana.id,
      text: 'Decided: Postgres 16',
      broadcast: true,
    });

    const messages = messagesOf(await collectPages(slackConnector(emulator), request('C0BCAST')));

    expect(idsOf(messages).sort()).toEqual([parent, plain, broadcast].sort());
    expect(messages.find((message) => message.id === broadcast)).toMatchObject({
      thread_parent_id: parent,
      subtype: 'thread_broadcast',
    });
  });

  it('fetches only messages newer than `since`, passing it as `oldest`', async () => {
    const since = topLevel[399];
    const pages = await collectPages(slackConnector(emulator), request('C0LONG', { since }));

    const messages = messagesOf(pages);
    const newTopLevel = messages.filter((message) => message.thread_parent_id === null);
    expect(idsOf(newTopLevel).sort()).toEqual(topLevel.slice(400).sort());
    // Message 405 starts the long thread, whose replies all came with it.
    expect(messages.filter((message) => message.thread_parent_id === topLevel[405])).toHaveLength(250);
    expect(messages.every((message) => compareTs(message.id, since) > 0)).toBe(true);
    expect(emulator.callsTo('conversations.history').every((call) => call.params.oldest === since)).toBe(true);
    expect(decodeSlackCursor(pages[pages.length - 1].cursor!).newest).toBe(topLevel[449]);
  });

  it('yields one empty page carrying the cursor when nothing is new', async () => {
    const pages = await collectPages(slackConnector(emulator), request('C0LONG', { since: topLevel[449] }));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ messages: [], nextToken: null, estimatedTotal: null });
    expect(decodeSlackCursor(pages[0].cursor!).newest).toBe(topLevel[449]);
  });
});
