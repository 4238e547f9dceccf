import { AtlasHarness, readLog, startAtlas, waitForJob } from '../support/atlas-harness';
import { EMULATOR_TOKEN, MattermostEmulator, StoredChannel, StoredUser } from '../support/mattermost-emulator';

jest.setTimeout(60_000);

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

  async function sync() {
    const started = await atlas.api.post('/api/sync', { channel_id: channel.id });
    expect(started.status).toBe(202);
    const done = await waitForJob(atlas.api, channel.id, started.body.job_id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    const history = await atlas.api.get(`/api/sync/history?channel_id=${channel.id}&limit=1`);
    const log = await readLog(atlas.service.runtime.events);
    const fetchedIds = log
      .filter((e) => e.event.type === 'MessagesFetched' && (e.event.data as any).job_id === started.body.job_id)
      .flatMap((e) => (e.event.data as any).messages.map((m: { id: string }) => m.id));
    return { done, entry: history.body.history[0], fetchedIds };
  }

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
