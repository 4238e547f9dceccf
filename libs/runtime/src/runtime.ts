import { JetStreamClient, JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/transport-node';
import { AtlasConfig, ResolvedSecrets } from '@atlas/config';
import { connectNats, ensureEventStream, EventStore } from '@atlas/messaging';
import { openStore, ReadModelStore } from '@atlas/store';
import { join } from 'node:path';

/** The connections one process shares between its modules: NATS, the event log and the read models. */
export interface Runtime {
  config: AtlasConfig;
  secrets: ResolvedSecrets;
  nats: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  events: EventStore;
  store: ReadModelStore;
  close(): Promise<void>;
}

export const SQLITE_FILE = 'atlas.sqlite';

/**
 * Connects what a process needs. `sharedStore` lets several services started in one process (tests)
 * use one store: node:sqlite is synchronous, and two connections to one file in one thread could wait
 * on each other's locks forever.
 */
export async function createRuntime(
  config: AtlasConfig,
  secrets: ResolvedSecrets,
  serviceName: string,
  sharedStore?: ReadModelStore,
): Promise<Runtime> {
  const nats = await connectNats(config.natsUrl, `atlas-${serviceName}`);
  const jsm = await jetstreamManager(nats);
  await ensureEventStream(jsm);
  const js = jetstream(nats);
  const store =
    sharedStore ??
    (await openStore({ mongodbUri: config.mongodbUri ?? undefined, sqlitePath: join(config.dataDir, SQLITE_FILE) }));
  return {
    config,
    secrets,
    nats,
    js,
    jsm,
    events: new EventStore(js, jsm),
    store,
    async close() {
      await nats.drain().catch(() => nats.close());
      if (!sharedStore) await store.close();
    },
  };
}
