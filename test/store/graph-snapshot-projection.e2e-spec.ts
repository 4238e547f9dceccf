import { join } from 'node:path';
import { AtlasEvent, createEvent, EntityUpsert } from '@atlas/events';
import { entityIdForKey, GraphQueries, Projector } from '@atlas/read-models';
import { ReadModelStore, SqliteStore } from '@atlas/store';
import { tempDir } from '../support/temp-dir';

const CHANNEL = 'C0SNAP';
const meta = { producer: 'test' };

function person(key: string, name: string, aliases: string[] = []): EntityUpsert {
  return {
    id: entityIdForKey(key),
    key,
    name,
    type: 'person',
    kind: null,
    aliases,
    keys: [key],
    channel_id: CHANNEL,
    fact_ids: [],
  };
}

const graphUpdated = (jobId: string, batch: number, entities: EntityUpsert[]) =>
  createEvent('GraphUpdated', { job_id: jobId, channel_id: CHANNEL, batch, entities, relations: [] }, meta);
const started = (jobId: string) =>
  createEvent(
    'SyncStarted',
    { job_id: jobId, channel_id: CHANNEL, connection_id: 'conn_1', force: false, previous_cursor: null },
    meta,
  );
const completed = (jobId: string) =>
  createEvent(
    'SyncCompleted',
    {
      job_id: jobId,
      channel_id: CHANNEL,
      connection_id: 'conn_1',
      cursor: null,
      stats: { messages_synced: 0, facts_extracted: 0, failing_messages: 0 },
    },
    meta,
  );

async function project(store: ReadModelStore, events: AtlasEvent[], from: number): Promise<void> {
  const projector = new Projector(store);
  for (const [index, event] of events.entries()) {
    await projector.apply({ seq: from + index, subject: `atlas.channel.${CHANNEL}`, event });
  }
}

describe('the graph snapshot at a job start', () => {
  const dir = tempDir('graph-snapshot');
  let store: ReadModelStore;
  let graph: GraphQueries;

  beforeAll(() => {
    store = SqliteStore.open(join(dir.path, 'read-models.db'));
    graph = new GraphQueries(store);
  });

  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it("is the channel's graph as its SyncStarted found it, whatever the job (and the projector) did after", async () => {
    await project(
      store,
      [graphUpdated('sync_a', 1, [person('person:U1', 'Ana Lima')]), completed('sync_a'), started('sync_b')],
      1,
    );
    const atStart = await graph.graphAtJobStart('sync_b');
    expect(atStart).toEqual({
      channelName: CHANNEL,
      entities: [
        {
          id: entityIdForKey('person:U1'),
          key: 'person:U1',
          name: 'Ana Lima',
          type: 'person',
          kind: null,
          aliases: [],
          keys: ['person:U1'],
        },
      ],
    });

    // The job's own batches change the live graph: a new person, a new alias of a known one.
    await project(
      store,
      [graphUpdated('sync_b', 1, [person('person:U1', 'Ana Lima', ['ana']), person('person:U2', 'Dana Reyes')])],
      4,
    );
    expect((await graph.entitiesOfChannel(CHANNEL)).map((e) => [e.key, e.aliases])).toEqual([
      ['person:U1', ['ana']],
      ['person:U2', []],
    ]);
    expect(await graph.graphAtJobStart('sync_b')).toEqual(atStart);

    // Applied again (a redelivery), the SyncStarted takes no new snapshot of the changed graph.
    await new Projector(store).apply({ seq: 3, subject: `atlas.channel.${CHANNEL}`, event: started('sync_b') });
    expect(await graph.graphAtJobStart('sync_b')).toEqual(atStart);
  });

  it('is dropped when the job ends', async () => {
    await project(store, [completed('sync_b')], 5);
    expect(await graph.graphAtJobStart('sync_b')).toBeNull();
    expect(await store.count('graph_snapshots')).toBe(0);
  });
});
