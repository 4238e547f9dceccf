import type { NormalizedMessage } from '@atlas/events';
import type { FetchedPage } from '@atlas/platforms';
import { MattermostConnector } from '@atlas/platforms';
import {
  EMULATOR_TOKEN,
  MattermostEmulator,
  SINCE_LIMIT,
  StoredChannel,
  StoredUser,
} from '../support/mattermost-emulator';
import { collectPages, fetchRequest } from './contract/connector-contract';
import { EMULATOR_OUTBOUND_POLICY } from '../support/outbound-allowances';

const BASE = Date.parse('2026-03-02T09:00:00Z');
const idsOf = (pages: FetchedPage[]) => pages.flatMap((page) => page.messages.map((message) => message.id));
const byId = (pages: FetchedPage[]) =>
  new Map<string, NormalizedMessage>(pages.flatMap((page) => page.messages.map((message) => [message.id, message])));

/** Keeping a channel current with `since`: what changed, in change order, resumable, without losses. */
describe('Mattermost connector, incremental fetches', () => {
  const emulator = new MattermostEmulator();
  const { workspace } = emulator;
  let ana: StoredUser;
  let teamId: string;
  let channelCount = 0;

  const connector = () =>
    new MattermostConnector(
      {
        connection_id: 'conn_mm',
        platform: 'mattermost',
        config: { base_url: emulator.url },
        credentials: { token: EMULATOR_TOKEN },
      },
      { maxRetryAfterSeconds: 5, importDir: '/nonexistent', outboundPolicy: EMULATOR_OUTBOUND_POLICY },
    );
  const fetchAll = (channelId: string, overrides = {}) => collectPages(connector(), fetchRequest(channelId, overrides));
  const post = (channel: StoredChannel, message: string, at: number, rootId?: string) =>
    workspace.post(channel.id, { userId: ana.id, message, at, rootId }).id;

  /** A channel of `count` posts a minute apart, synced once: returns it with the sync's cursor. */
  async function syncedChannel(count: number): Promise<{ channel: StoredChannel; ids: string[]; cursor: string }> {
    channelCount += 1;
    const channel = workspace.addChannel({ teamId, name: `channel-${channelCount}` });
    const ids = Array.from({ length: count }, (_, index) => post(channel, `old ${index}`, BASE + index * 60_000));
    const pages = await fetchAll(channel.id);
    emulator.clearCalls();
    return { channel, ids, cursor: pages.at(-1)!.cursor! };
  }

  beforeAll(async () => {
    await emulator.start();
    ana = workspace.addUser({ username: 'ana.souza', nickname: 'Ana' });
    teamId = workspace.addTeam({ name: 'eng' }).id;
  });

  afterAll(() => emulator.stop());

  it('pages the changes oldest first, 200 at a time, and resumes from any page in a fresh connector', async () => {
    const { channel, cursor } = await syncedChannel(50);
    const now = Date.now();
    // Three new posts a millisecond, so that pages end inside a millisecond.
    const added = Array.from({ length: 450 }, (_, index) => post(channel, `new ${index}`, now + Math.floor(index / 3)));
    const pages = await fetchAll(channel.id, { since: cursor });
    expect(pages.map((page) => page.messages.length)).toEqual([200, 200, 50]);
    expect(new Set(idsOf(pages))).toEqual(new Set(added));
    const times = pages.flatMap((page) => page.messages.map((message) => Date.parse(message.timestamp)));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(pages.every((page) => page.estimatedTotal === 450)).toBe(true);
    expect(emulator.callsTo('GET', /\/posts$/).map((call) => Object.keys(call.query).sort())).toEqual(
      Array(3).fill(['since', 'skipFetchThreads']),
    );

    for (const index of [1, 2]) {
      const resumed = await fetchAll(channel.id, {
        since: cursor,
        resume: { token: pages[index - 1].nextToken, skip: 2, cursor: pages[index - 1].cursor },
      });
      expect(idsOf(resumed)).toEqual(idsOf(pages.slice(index)).slice(2));
    }

    const again = await fetchAll(channel.id, { since: pages.at(-1)!.cursor });
    expect(idsOf(again)).toEqual([]);
    expect(again.length).toBeLessThanOrEqual(1);
    expect(again.at(-1)?.cursor ?? pages.at(-1)!.cursor).not.toBeNull();
  });

  it('does not lose a post made in the very millisecond of the cursor', async () => {
    const { channel, ids, cursor } = await syncedChannel(5);
    const sameMillisecond = post(channel, 'same millisecond as the newest', BASE + 4 * 60_000);
    const pages = await fetchAll(channel.id, { since: cursor });
    expect(idsOf(pages)).toEqual([sameMillisecond]);
    expect(idsOf(pages)).not.toContain(ids[4]);
  });

  it('sends tombstones for a deleted thread, and edits without their history', async () => {
    const { channel, ids, cursor } = await syncedChannel(10);
    const now = Date.now();
    const reply = post(channel, 'a reply', now, ids[2]);
    const replied = await fetchAll(channel.id, { since: cursor });
    expect(idsOf(replied).sort()).toEqual([reply, ids[2]].sort());
    expect(byId(replied).get(ids[2])?.reply_count).toBe(1);

    workspace.edit(ids[5], 'changed my mind', now + 10);
    workspace.edit(ids[5], 'changed it again', now + 20);
    workspace.remove(ids[2], now + 30);
    const pages = await fetchAll(channel.id, { since: replied.at(-1)!.cursor });
    const messages = byId(pages);
    expect([...messages.keys()].sort()).toEqual([ids[5], ids[2], reply].sort());
    expect(messages.get(ids[5])).toMatchObject({ text: 'changed it again', edited: true, deleted: false });
    expect(messages.get(ids[5])?.edited_at).toBe(new Date(now + 20).toISOString());
    for (const id of [ids[2], reply]) expect(messages.get(id)).toMatchObject({ deleted: true, text: '' });
    expect(messages.get(reply)?.thread_parent_id).toBe(ids[2]);
  });

  it('walks the whole history when more changed than Mattermost lists at once', async () => {
    const { channel, ids, cursor } = await syncedChannel(20);
    const now = Date.now();
    const added = Array.from({ length: SINCE_LIMIT + 5 }, (_, index) => post(channel, `flood ${index}`, now + index));
    const pages = await fetchAll(channel.id, { since: cursor });
    expect(new Set(idsOf(pages))).toEqual(new Set([...added, ...ids]));
    expect(idsOf(pages)).toHaveLength(added.length + ids.length);
    const postCalls = emulator.callsTo('GET', /\/posts$/);
    expect(postCalls[0].query.since).toBeDefined();
    expect(postCalls.slice(1).every((call) => call.query.since === undefined)).toBe(true);
    expect(pages.every((page) => page.messages.length <= 200)).toBe(true);

    // The history walk's cursor then keeps the channel current again.
    const newest = post(channel, 'after the flood', now + 10_000);
    expect(idsOf(await fetchAll(channel.id, { since: pages.at(-1)!.cursor }))).toEqual([newest]);
  });

  it('walks the whole history for a cursor it did not write', async () => {
    const { channel, ids } = await syncedChannel(7);
    const pages = await fetchAll(channel.id, { since: '1712345678.000100' });
    expect(idsOf(pages)).toEqual([...ids].reverse());
  });

  it('yields one empty page with the cursor when nothing changed', async () => {
    const { channel, cursor } = await syncedChannel(3);
    const pages = await fetchAll(channel.id, { since: cursor });
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ messages: [], nextToken: null, estimatedTotal: 0 });
    expect(pages[0].cursor).not.toBeNull();
  });
});
