import type { NormalizedMessage } from '@atlas/events';
import { FetchedPage, FetchRequest, PlatformConnector, PlatformError } from '@atlas/platforms';
import {
  allMessages,
  ChatWorkspace,
  CONTRACT_CHANNEL,
  contractWorkspace,
  OTHER_CHANNEL,
  replyKey,
  topLevelKey,
  userByKey,
} from '../../support/chat-fixture';
import { callsBeforeHintedTime } from '../../support/timed-calls';
import type { ContractTarget } from './contract-target';

export async function collectPages(connector: PlatformConnector, request: FetchRequest): Promise<FetchedPage[]> {
  const pages: FetchedPage[] = [];
  for await (const page of connector.fetchMessages(request)) pages.push(page);
  return pages;
}

export function fetchRequest(channelId: string, overrides: Partial<FetchRequest> = {}): FetchRequest {
  return { channelId, since: null, resume: null, signal: new AbortController().signal, ...overrides };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the fetch to fail');
}

const messagesOf = (pages: FetchedPage[]): NormalizedMessage[] => pages.flatMap((page) => page.messages);
const idsOf = (pages: FetchedPage[]): string[] => messagesOf(pages).map((message) => message.id);

/**
 * The connector contract: every connector, against its platform's emulator (or export file), pages
 * through a channel's whole history with threads, resumes from any page, resolves people, maps the
 * platform's failures to the Sync API's codes and, where the platform exposes them, keeps a channel
 * current with new messages, new replies in old threads, edits and deletions.
 */
export function describeConnectorContract(target: ContractTarget): void {
  const { capabilities } = target;
  const channelKey = CONTRACT_CHANNEL.key;
  const workspace: ChatWorkspace = contractWorkspace();
  const channel = workspace.channels.find((candidate) => candidate.key === channelKey)!;
  const fixtureMessages = allMessages(channel);
  const channelId = () => target.channelId(channelKey);
  const idOf = (messageKey: string) => target.messageId(channelKey, messageKey);
  const fetchAll = (overrides: Partial<FetchRequest> = {}) =>
    collectPages(target.connector(), fetchRequest(channelId(), overrides));

  describe(`${target.name} connector contract`, () => {
    beforeAll(() => target.start(workspace), 60_000);
    afterAll(() => target.stop());

    it('discovers the channels with their names', async () => {
      const channels = await target.connector().discoverChannels(AbortSignal.timeout(30_000));
      const byId = new Map(channels.map((discovered) => [discovered.channel_id, discovered.name]));
      expect(byId.get(target.channelId(channelKey))).toBe(CONTRACT_CHANNEL.name);
      expect(byId.get(target.channelId(OTHER_CHANNEL.key))).toBe(OTHER_CHANNEL.name);
    });

    describe('a full history', () => {
      let pages: FetchedPage[];
      let byId: Map<string, NormalizedMessage>;

      beforeAll(async () => {
        pages = await fetchAll();
        byId = new Map(messagesOf(pages).map((message) => [message.id, message]));
      }, 60_000);

      it('yields every message and reply of the channel exactly once, and nothing of another channel', () => {
        const ids = idsOf(pages);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual(fixtureMessages.map((message) => idOf(message.key)).sort());
        expect(messagesOf(pages).every((message) => message.channel_id === channelId())).toBe(true);
      });

      it('streams pages no larger than the platform page, ending on one without a next token', () => {
        expect(pages.length).toBeGreaterThan(2);
        for (const page of pages) expect(page.messages.length).toBeLessThanOrEqual(capabilities.maxPageSize);
        expect(pages.slice(0, -1).every((page) => page.nextToken !== null)).toBe(true);
        expect(pages.at(-1)!.nextToken).toBeNull();
        expect(pages.at(-1)!.cursor).not.toBeNull();
      });

      it('gives each message its author by display name, its time, and its text', () => {
        for (const fixture of fixtureMessages) {
          const message = byId.get(idOf(fixture.key))!;
          expect(message.author_name).toBe(userByKey(workspace, fixture.author).displayName);
          expect(Math.abs(Date.parse(message.timestamp) - fixture.at.getTime())).toBeLessThan(1000);
          if (!fixture.text.includes('{@')) expect(message.text).toBe(fixture.text);
          expect(message.edited_at).toBeNull();
          expect(message.deleted).toBe(false);
        }
      });

      it('renders mentions readable and lists the people mentioned', () => {
        const message = byId.get(idOf(topLevelKey(CONTRACT_CHANNEL.mentionIndex)))!;
        const chen = userByKey(workspace, 'chen');
        expect(message.text).toContain(`@${chen.displayName} review the Billing API migration plan?`);
        expect(message.mentions.map((mention) => mention.name)).toEqual([chen.displayName]);
      });

      it('links each reply to its thread parent, and parents count their replies', () => {
        for (const [index, count] of Object.entries(CONTRACT_CHANNEL.threads)) {
          const parent = byId.get(idOf(topLevelKey(Number(index))))!;
          expect(parent.thread_parent_id).toBeNull();
          expect(parent.reply_count).toBe(count);
          for (let reply = 0; reply < count; reply += 1) {
            expect(byId.get(idOf(replyKey(Number(index), reply)))!.thread_parent_id).toBe(parent.id);
          }
        }
      });

      it('continues from any page, in a fresh connector, with exactly the messages still to come', async () => {
        const interruptions = [1, Math.floor(pages.length / 2), pages.length - 1];
        for (const page of interruptions) {
          const before = pages[page - 1];
          const alreadyPublished = Math.min(2, pages[page].messages.length);
          const resumed = await fetchAll({
            resume: { token: before.nextToken, skip: alreadyPublished, cursor: before.cursor },
          });
          const expected = [...pages[page].messages.slice(alreadyPublished), ...messagesOf(pages.slice(page + 1))];
          expect(idsOf(resumed)).toEqual(expected.map((message) => message.id));
        }
      }, 60_000);
    });

    describe('failures, mapped to the Sync API codes', () => {
      it('names an unknown channel CHANNEL_NOT_FOUND', async () => {
        const error = await rejectionOf(collectPages(target.connector(), fetchRequest(target.unknownChannelId())));
        expect(error).toBeInstanceOf(PlatformError);
        expect((error as PlatformError).code).toBe('CHANNEL_NOT_FOUND');
        expect((error as PlatformError).transient).toBe(false);
      });

      (capabilities.authentication ? it : it.skip)('refuses bad credentials with AUTH_ERROR', async () => {
        const error = await rejectionOf(
          collectPages(target.connector({ invalidCredentials: true }), fetchRequest(channelId())),
        );
        expect(error).toBeInstanceOf(PlatformError);
        expect((error as PlatformError).code).toBe('AUTH_ERROR');
        expect((error as PlatformError).transient).toBe(false);
      });

      const httpIt = capabilities.httpFaults ? it : it.skip;

      httpIt(
        'waits out a short Retry-After and loses nothing, asking nothing before the time it names',
        async () => {
          target.clearCalls();
          target.rateLimitNext(2, 1);
          const pages = await fetchAll();
          expect(idsOf(pages)).toHaveLength(fixtureMessages.length);
          expect(target.timedCalls().filter((call) => call.retryAfterMs === 1000)).toHaveLength(2);
          expect(callsBeforeHintedTime(target.timedCalls())).toEqual([]);
        },
        30_000,
      );

      httpIt(
        "honours a 503's Retry-After: nothing asked before the time it names",
        async () => {
          target.clearCalls();
          target.failNext(1, 503, 1);
          expect(idsOf(await fetchAll())).toHaveLength(fixtureMessages.length);
          expect(target.timedCalls().filter((call) => call.retryAfterMs === 1000)).toHaveLength(1);
          expect(callsBeforeHintedTime(target.timedCalls())).toEqual([]);
        },
        30_000,
      );

      httpIt(
        'waits out a long throttle, Retry-After after Retry-After, within the wait budget',
        async () => {
          // Eleven in a row: more waits than a fixed count of ten would have allowed.
          target.rateLimitNext(11, 0.1);
          expect(idsOf(await fetchAll())).toHaveLength(fixtureMessages.length);
        },
        30_000,
      );

      (capabilities.httpFaults && capabilities.unhintedRateLimits ? it : it.skip)(
        'backs off 429s that name no wait, and does not give up after ten of them',
        async () => {
          target.rateLimitNext(15, null);
          const connector = target.connector({ retryPolicy: { throttleBaseMs: 2, maxBackoffMs: 20 } });
          const pages = await collectPages(connector, fetchRequest(channelId()));
          expect(idsOf(pages)).toHaveLength(fixtureMessages.length);
        },
        30_000,
      );

      httpIt('fails with RATE_LIMIT once the waits of one request would pass the budget', async () => {
        target.rateLimitNext(1000, 0.3);
        const connector = target.connector({ retryPolicy: { budgetSeconds: 1 } });
        const error = await rejectionOf(collectPages(connector, fetchRequest(channelId())));
        target.rateLimitNext(0, 0);
        expect(error).toBeInstanceOf(PlatformError);
        expect((error as PlatformError).code).toBe('RATE_LIMIT');
        expect((error as PlatformError).retryAfterSeconds).toBe(1);
      });

      httpIt('fails with RATE_LIMIT and retry_after when the wait is longer than allowed', async () => {
        target.rateLimitNext(1, 120);
        const error = await rejectionOf(
          collectPages(target.connector({ maxRetryAfterSeconds: 5 }), fetchRequest(channelId())),
        );
        target.rateLimitNext(0, 0);
        expect(error).toBeInstanceOf(PlatformError);
        expect((error as PlatformError).code).toBe('RATE_LIMIT');
        expect((error as PlatformError).retryAfterSeconds).toBe(120);
      });

      httpIt(
        'rides out a momentary 5xx',
        async () => {
          target.failNext(1, 503);
          expect(idsOf(await fetchAll())).toHaveLength(fixtureMessages.length);
        },
        30_000,
      );

      httpIt(
        'gives up on a lasting 5xx with a PLATFORM_ERROR to retry later',
        async () => {
          target.failNext(20, 500);
          const error = await rejectionOf(fetchAll());
          target.failNext(0, 500);
          expect(error).toBeInstanceOf(PlatformError);
          expect((error as PlatformError).code).toBe('PLATFORM_ERROR');
          expect((error as PlatformError).transient).toBe(true);
        },
        30_000,
      );
    });

    // Last: it changes the channel.
    describe('keeping the channel current', () => {
      const { incremental } = capabilities;
      const threadIndex = 3;
      const edited = topLevelKey(10);
      const deleted = topLevelKey(11);
      const newReply = replyKey(threadIndex, CONTRACT_CHANNEL.threads[threadIndex]);
      const newMessage = 'm-new';
      let first: FetchedPage[];
      let update: FetchedPage[];
      let updated: Map<string, NormalizedMessage>;

      beforeAll(async () => {
        first = await fetchAll();
        // Changes are made after the first fetch, each at its own millisecond, and all of them before the next fetch.
        const changedAt = Date.now() + 1;
        const at = (step: number) => new Date(changedAt + step);
        if (incremental.newMessages) {
          await target.post(channelKey, { key: newMessage, author: 'ana', text: 'Posted after the sync.', at: at(0) });
        }
        if (incremental.repliesInOldThreads) {
          await target.post(
            channelKey,
            { key: newReply, author: 'ben', text: 'A late reply in an old thread.', at: at(1) },
            topLevelKey(threadIndex),
          );
        }
        if (incremental.edits) await target.edit(channelKey, edited, 'Edited: the migration moves to MySQL.', at(2));
        if (incremental.deletes) await target.remove(channelKey, deleted, at(3));
        while (Date.now() <= changedAt + 10) await new Promise((resolve) => setTimeout(resolve, 5));
        update = await fetchAll({ since: first.at(-1)!.cursor });
        updated = new Map(messagesOf(update).map((message) => [message.id, message]));
      }, 60_000);

      (incremental.newMessages ? it : it.skip)('picks up new messages', () => {
        expect(updated.get(idOf(newMessage))?.text).toBe('Posted after the sync.');
      });

      (incremental.repliesInOldThreads ? it : it.skip)('picks up new replies in old threads', () => {
        const reply = updated.get(idOf(newReply));
        expect(reply?.text).toBe('A late reply in an old thread.');
        expect(reply?.thread_parent_id).toBe(idOf(topLevelKey(threadIndex)));
      });

      (incremental.edits ? it : it.skip)('picks up edits, with the new text and the edit time', () => {
        const message = updated.get(idOf(edited));
        expect(message?.text).toBe('Edited: the migration moves to MySQL.');
        expect(message?.edited).toBe(true);
        expect(message?.edited_at).not.toBeNull();
        expect(message?.deleted).toBe(false);
      });

      (incremental.deletes ? it : it.skip)('turns deletions into tombstones', () => {
        const message = updated.get(idOf(deleted));
        expect(message?.deleted).toBe(true);
        expect(message?.text).toBe('');
      });

      it('fetches nothing else again but the parents of threads with new replies', () => {
        const expected = new Set<string>();
        if (incremental.newMessages) expected.add(idOf(newMessage));
        if (incremental.repliesInOldThreads) expected.add(idOf(newReply));
        if (incremental.edits) expected.add(idOf(edited));
        if (incremental.deletes) expected.add(idOf(deleted));
        const parent = idOf(topLevelKey(threadIndex));
        const fetched = idsOf(update).filter((id) => id !== parent || !incremental.repliesInOldThreads);
        expect(new Set(fetched)).toEqual(expected);
        expect(update.at(-1)!.cursor).not.toBeNull();
      });

      it('finds nothing new from the cursor it just returned', async () => {
        const again = await fetchAll({ since: update.at(-1)!.cursor });
        expect(idsOf(again)).toEqual([]);
      });
    });
  });
}
