import { AtlasHarness, readLog, startAtlas, waitForJob } from '../support/atlas-harness';
import { sleep } from '@atlas/common';
import { DiscordEmulator, EMULATOR_BOT_TOKEN } from '../support/discord-emulator';
import { EMULATOR_TOKEN, MattermostEmulator, StoredChannel, StoredUser } from '../support/mattermost-emulator';

jest.setTimeout(60_000);

/** Syncs the channel and answers the job's final status, its history entry and the ids its fetch handed out. */
async function syncOnce(atlas: AtlasHarness, channelId: string) {
  const started = await atlas.api.post('/api/sync', { channel_id: channelId });
  expect(started.status).toBe(202);
  const done = await waitForJob(atlas.api, channelId, started.body.job_id, ['completed', 'failed']);
  expect(done.status).toBe('completed');
  const history = await atlas.api.get(`/api/sync/history?channel_id=${channelId}&limit=1`);
  const log = await readLog(atlas.service.runtime.events);
  const fetchedIds = log
    .filter((e) => e.event.type === 'MessagesFetched' && (e.event.data as any).job_id === started.body.job_id)
    .flatMap((e) => (e.event.data as any).messages.map((m: { id: string }) => m.id));
  return { done, entry: history.body.history[0], fetchedIds };
}

/**
 * Mattermost's `since` lists a thread's root again, with its new reply count, when a reply is added:
 * the history counts what is new or changed on the platform, the status the root read again.
 */
describe('a thread starter read again to attach a new reply (emulated Mattermost API v4)', () => {
  const emulator = new MattermostEmulator();
  const { workspace } = emulator;
  let atlas: AtlasHarness;
  let ana: StoredUser;
  let channel: StoredChannel;
  const start = Date.now() - 3_600_000;
  const post = (message: string, minutes: number, rootId?: string) =>
    workspace.post(channel.id, { userId: ana.id, message, at: start + minutes * 60_000, rootId }).id;

  beforeAll(async () => {
    await emulator.start();
    ana = workspace.addUser({ username: 'ana.souza', nickname: 'Ana' });
    const team = workspace.addTeam({ name: 'eng' });
    channel = workspace.addChannel({ teamId: team.id, name: 'databases' });
    atlas = await startAtlas();
    const connection = await atlas.api.post('/api/connections', {
      name: 'Mattermost',
      platform: 'mattermost',
      config: { base_url: emulator.url, team_id: team.id },
      credentials: { token: EMULATOR_TOKEN },
    });
    expect(connection.status).toBe(201);
  });

  afterAll(async () => {
    await atlas?.close();
    await emulator.stop();
  });

  const sync = () => syncOnce(atlas, channel.id);

  it('counts the root as re-read, and the new reply and an edit as synced', async () => {
    const root = post('Which database do we pick for the ledger?', 0);
    post('Postgres, it has the extensions we need.', 1, root);
    const note = post('The migration window is Friday night.', 2);
    const first = await sync();
    expect([first.entry.messages_synced, first.done.reread_messages]).toEqual([3, 0]);

    const reply = post('Agreed: Postgres.', 30, root);
    workspace.edit(note, 'The migration window is Saturday night.', start + 31 * 60_000);
    const second = await sync();

    expect(second.fetchedIds.sort()).toEqual([root, reply, note].sort());
    expect(second.done.progress).toMatchObject({ total_messages: 3, processed_messages: 3 });
    expect(second.done.reread_messages).toBe(1);
    expect(second.entry.messages_synced).toBe(2);
  });
});

/**
 * Discord's REST API lists a thread's messages in the thread channel; the connector walks a thread that has a
 * message in the look-back window and hands its starter out again to attach the replies, even when the starter
 * is older than the window. The scenario: 10 new messages and 3 edits were reported as 14.
 */
describe('a thread starter older than the look-back window, read again for new replies (emulated Discord API v10)', () => {
  const emulator = new DiscordEmulator();
  const { guild } = emulator;
  const DAY = 86_400_000;
  let atlas: AtlasHarness;
  let channelId: string;
  let ana: string;
  let ben: string;

  beforeAll(async () => {
    await emulator.start();
    ana = guild.addUser({ username: 'ana.souza', globalName: 'Ana' });
    ben = guild.addUser({ username: 'ben.okafor', globalName: 'Ben' });
    channelId = guild.addChannel({ name: 'databases', createdAt: new Date(Date.now() - 10 * DAY) });
    atlas = await startAtlas();
    const connection = await atlas.api.post('/api/connections', {
      name: 'Discord',
      platform: 'discord',
      config: { base_url: emulator.url, guild_id: guild.id, edit_lookback_days: '1' },
      credentials: { token: EMULATOR_BOT_TOKEN },
    });
    expect(connection.status).toBe(201);
  });

  afterAll(async () => {
    await atlas?.close();
    await emulator.stop();
  });

  it('counts 10 new messages and 3 edits as 13 synced, and the starter as re-read', async () => {
    const longAgo = (hours: number) => new Date(Date.now() - 5 * DAY + hours * 3_600_000);
    const recently = (minutes: number) => new Date(Date.now() - 3 * 3_600_000 + minutes * 60_000);
    const starter = guild.post(channelId, {
      author: ana,
      content: 'Which database do we pick for the ledger?',
      at: longAgo(0),
    });
    guild.reply(channelId, starter, {
      author: ben,
      content: 'Postgres, it has the extensions we need.',
      at: longAgo(1),
    });
    const recent = [1, 2, 3].map((minute) =>
      guild.post(channelId, { author: ben, content: `Migration step ${minute} is scripted.`, at: recently(minute) }),
    );
    const first = await syncOnce(atlas, channelId);
    expect([first.entry.messages_synced, first.done.reread_messages]).toEqual([5, 0]);

    const now = Date.now();
    const added = [
      ...[1, 2, 3, 4].map((n) =>
        guild.reply(channelId, starter, {
          author: n % 2 ? ana : ben,
          content: `Ledger reply ${n}.`,
          at: new Date(now),
        }),
      ),
      ...[1, 2, 3, 4, 5, 6].map((n) =>
        guild.post(channelId, { author: ana, content: `New note ${n} on the rollout.`, at: new Date(now) }),
      ),
    ];
    recent.forEach((id, index) =>
      guild.edit(channelId, id, `Migration step ${index + 1} is scripted and tested.`, new Date(now)),
    );
    // A fetch reads up to the server's Date in whole seconds: what was posted must be a second older than it.
    await sleep(1100);
    const second = await syncOnce(atlas, channelId);

    expect(second.fetchedIds.sort()).toEqual([starter, ...added, ...recent].sort());
    expect(second.done.progress).toMatchObject({ total_messages: 14, processed_messages: 14 });
    expect(second.done.reread_messages).toBe(1);
    expect(second.entry.messages_synced).toBe(13);
  });
});
