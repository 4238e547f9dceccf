import { join } from 'node:path';
import type { AtlasEvent } from '@atlas/events';
import { JobDoc, Projector } from '@atlas/read-models';
import { SqliteStore } from '@atlas/store';
import { tempDir } from './temp-dir';

/**
 * A SQLite read-model store in a temporary folder, and `jobAfter`: projects events in log order (one
 * sequence for the whole suite) and answers the job document they leave. Call `setUp` in beforeAll and
 * `tearDown` in afterAll.
 */
export function projectedJobs(name: string, subject = 'atlas.channel.C1') {
  const dir = tempDir(name);
  let store: SqliteStore;
  let seq = 0;
  return {
    get store(): SqliteStore {
      return store;
    },
    dir,
    setUp(): void {
      store = SqliteStore.open(join(dir.path, 'read-models.db'));
    },
    async tearDown(): Promise<void> {
      await store.close();
      dir.remove();
    },
    async jobAfter(id: string, ...events: AtlasEvent[]): Promise<JobDoc> {
      const projector = new Projector(store);
      for (const event of events) await projector.apply({ seq: ++seq, subject, event });
      const doc = await store.get<JobDoc>('jobs', id);
      if (!doc) throw new Error(`no job ${id}`);
      return doc;
    },
  };
}
