import { decodeSlackCursor, FetchedPage } from '@atlas/platforms';
import { SlackEmulator } from '../support/slack-emulator';
import {
  addUsers,
  collectPages,
  idsOf,
  messagesOf,
  request,
  seedLongChannel,
  slackConnector,
  USERS,
} from './slack-fixtures';

/**
 * A fetch interrupted after publishing part of a page, then continued by a fresh connector (as a new
 * process would) from the last page's token, the count already published, and the cursor so far.
 * The full walk is: H0 R405 R405' R305 H1 R205 R105 H2 R5 (H: history page, R: replies of a thread).
 */
describe('Slack connector resuming an interrupted fetch', () => {
  const emulator = new SlackEmulator();

  beforeAll(async () => {
    await emulator.start();
    addUsers(emulator.workspace);
  });

  afterAll(() => emulator.stop());

  it.each([
    ['the first reply page of a thread on the first history page', 1, 100],
    ['the second reply page of the long thread', 2, 10],
    ['a later history page', 4, 150],
    ['the last page', 8, 1],
    ['a page boundary', 5, 0],
  ])('continues from %s without losing or repeating a message', async (_case, interruptedPage, published) => {
    const channelId = `C0RES${interruptedPage}`;
    const topLevel = seedLongChannel(emulator.workspace, channelId);
    const fullWalk = await collectPages(slackConnector(emulator), request(channelId));

    const before = fullWalk.slice(0, interruptedPage);
    const publishedBefore = [...messagesOf(before), ...fullWalk[interruptedPage].messages.slice(0, published)];
    const last = before[before.length - 1];
    // Posted while the fetch was down: they belong to the next sync, and must not shift the pages.
    const postedMeanwhile = emulator.workspace.postMany(channelId, 7, (index) => ({
      user: USERS.ana.id,
      text: `late ${index}`,
    }));

    const resumed = await collectPages(
      slackConnector(emulator),
      request(channelId, { resume: { token: last.nextToken, skip: published, cursor: last.cursor } }),
    );

    const ids = [...idsOf(publishedBefore), ...idsOf(messagesOf(resumed))];
    expect(ids).toEqual(idsOf(messagesOf(fullWalk)));
    expect(decodeSlackCursor(resumed[resumed.length - 1].cursor!).newest).toBe(topLevel[449]);
    expect(resumed[resumed.length - 1].nextToken).toBeNull();

    const nextSync = await collectPages(slackConnector(emulator), request(channelId, { since: topLevel[449] }));
    expect(idsOf(messagesOf(nextSync)).sort()).toEqual([...postedMeanwhile].sort());
  });

  it('resumes inside a thread without asking for its history page again', async () => {
    const channelId = 'C0INTHREAD';
    const topLevel = seedLongChannel(emulator.workspace, channelId);
    const [firstHistoryPage] = await collectPages(slackConnector(emulator), request(channelId));
    emulator.clearCalls();

    const resumed = slackConnector(emulator).fetchMessages(
      request(channelId, { resume: { token: firstHistoryPage.nextToken, skip: 0, cursor: firstHistoryPage.cursor } }),
    );
    const first = (await resumed[Symbol.asyncIterator]().next()).value as FetchedPage;

    expect(first.messages.every((message) => message.thread_parent_id === topLevel[405])).toBe(true);
    // The page holding the thread (the first, without a cursor) is not asked again; the next one may be, ahead.
    const next = JSON.parse(Buffer.from(firstHistoryPage.nextToken!, 'base64url').toString()).rest.next;
    expect(emulator.callsTo('conversations.history').every((call) => call.params.cursor === next)).toBe(true);
  });

  it('reads the history page again, pinned to where it was, for a token of version 1', async () => {
    const channelId = 'C0PINNED';
    const topLevel = seedLongChannel(emulator.workspace, channelId);
    const [firstHistoryPage] = await collectPages(slackConnector(emulator), request(channelId));
    emulator.workspace.post(channelId, { user: USERS.ben.id, text: 'posted after the interruption' });
    emulator.clearCalls();
    const { rest: _rest, ...position } = JSON.parse(Buffer.from(firstHistoryPage.nextToken!, 'base64url').toString());
    const versionOne = Buffer.from(JSON.stringify({ ...position, v: 1 })).toString('base64url');

    const resumed = slackConnector(emulator).fetchMessages(
      request(channelId, { resume: { token: versionOne, skip: 0, cursor: firstHistoryPage.cursor } }),
    );
    const first = (await resumed[Symbol.asyncIterator]().next()).value as FetchedPage;

    expect(first.messages.every((message) => message.thread_parent_id === topLevel[405])).toBe(true);
    const [historyCall] = emulator.callsTo('conversations.history');
    expect(historyCall.params).toMatchObject({ latest: topLevel[449], inclusive: 'true' });
    expect(historyCall.params.cursor).toBeUndefined();
  });

  it('refuses a token it did not write', async () => {
    const pages = collectPages(
      slackConnector(emulator),
      request('C0RES1', { resume: { token: 'bm9wZQ', skip: 0, cursor: null } }),
    );
    await expect(pages).rejects.toMatchObject({ code: 'INTERNAL_ERROR', transient: false });
  });
});
