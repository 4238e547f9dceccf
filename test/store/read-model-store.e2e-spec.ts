import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MongoClient } from 'mongodb';
import { KnowledgeReadQueries } from '@atlas/read-models';
import { COLLECTIONS, FindOptions, MongoStore, openStore, SqliteStore } from '@atlas/store';
import { FerretDbFixture, mongoTarget } from '../support/ferretdb-server';
import { tempDir } from '../support/temp-dir';
import { describeSearchContract } from './read-model-store-search.contract';
import { describeReadModelStoreContract } from './read-model-store.contract';

describe('SQLite read-model store', () => {
  const dir = tempDir('sqlite-store');
  let files = 0;
  const freshPath = () => join(dir.path, `store-${++files}.sqlite`);
  afterAll(() => dir.remove());

  describeReadModelStoreContract('SQLite', async () => SqliteStore.open(freshPath()), {
    kind: 'sqlite',
    atomicTransactions: () => true,
  });
  describeSearchContract('SQLite', async () => SqliteStore.open(freshPath()), { atomicTransactions: () => true });

  describe('on disk', () => {
    it('creates the folder of the file', async () => {
      const path = join(dir.path, 'nested', 'deeper', 'atlas.sqlite');
      const store = SqliteStore.open(path);
      await store.close();
      expect(existsSync(path)).toBe(true);
    });

    it('keeps data in the file, visible to another connection and after reopening', async () => {
      const path = freshPath();
      const writer = SqliteStore.open(path);
      const reader = SqliteStore.open(path);
      await writer.put('channels', { id: 'ch1', name: 'general' });
      expect(await reader.get('channels', 'ch1')).toStrictEqual({ id: 'ch1', name: 'general' });
      await writer.close();
      await reader.close();
      const reopened = SqliteStore.open(path);
      expect(await reopened.count('channels')).toBe(1);
      await reopened.close();
    });

    it('uses WAL and creates every index of COLLECTIONS on the json_extract expressions', async () => {
      const path = freshPath();
      await SqliteStore.open(path).close();
      const db = new DatabaseSync(path);
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all();
      db.close();
      const indexes = new Map(rows.map((row) => [row.name as string, row.sql as string]));
      const expected = Object.entries(COLLECTIONS).flatMap(([collection, spec]) =>
        spec.indexes.map((fields) => ({ name: `${collection}_by_${fields.join('_').replaceAll('.', '_')}`, fields })),
      );
      expect([...indexes.keys()].sort()).toEqual(expected.map((index) => index.name).sort());
      for (const { name, fields } of expected) {
        const columns = fields.map((field) => `json_extract(doc, '$.${field}')`).join(', ');
        expect(indexes.get(name)).toContain(`(${columns})`);
      }
    });

    it('indexes the facts of a file from before the full-text index once, when it opens it', async () => {
      const path = freshPath();
      const old = new DatabaseSync(path);
      old.exec('CREATE TABLE facts (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
      old
        .prepare('INSERT INTO facts (id, doc) VALUES (?, ?)')
        .run('f1', JSON.stringify({ id: 'f1', text: 'Café déployé' }));
      old.close();
      const store = SqliteStore.open(path);
      expect(await store.find('facts', { where: { text: { $matches: 'cafe deploye' } } })).toEqual([
        { id: 'f1', text: 'Café déployé' },
      ]);
      await store.close();
      const reopened = SqliteStore.open(path);
      expect(await reopened.count('facts', { text: { $matches: 'café' } })).toBe(1);
      await reopened.close();
    });

    it('waits for another process holding the write lock instead of failing (busy_timeout)', async () => {
      const path = freshPath();
      const store = SqliteStore.open(path);
      const holder = spawn(
        process.execPath,
        [
          '-e',
          `const { DatabaseSync } = require('node:sqlite');
           const db = new DatabaseSync(process.argv[1]);
           db.exec('BEGIN IMMEDIATE');
           process.stdout.write('locked\\n');
           setTimeout(() => { db.exec('COMMIT'); db.close(); }, 400);`,
          path,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const exited = new Promise((resolve) => holder.once('exit', resolve));
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      const started = Date.now();
      await store.put('jobs', { id: 'j1' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(await store.get('jobs', 'j1')).toStrictEqual({ id: 'j1' });
      expect(await exited).toBe(0);
      await store.close();
    });
  });

  describe('query plans', () => {
    let store: SqliteStore;
    beforeAll(() => {
      store = SqliteStore.open(freshPath());
    });
    afterAll(() => store.close());

    it('uses the compound index for equality plus sort', () => {
      const plan = store.explainQueryPlan('jobs', {
        where: { channel_id: 'c1' },
        orderBy: [['requested_seq', 'asc']],
        limit: 10,
      });
      expect(plan).toContain('SEARCH jobs USING INDEX jobs_by_channel_id_requested_seq (<expr>=?)');
      // Only the id tie-break is sorted after the index; the index already orders by requested_seq.
      expect(plan).toContain('USE TEMP B-TREE FOR LAST TERM OF ORDER BY');
    });

    it('uses the compound index for equality plus a range on a dotted path', () => {
      const plan = store.explainQueryPlan('facts', {
        where: { channel_id: 'c1', 'source.timestamp': { $gte: '2024-01-01', $lt: '2024-02-01' } },
      });
      expect(plan).toContain(
        'SEARCH facts USING INDEX facts_by_channel_id_source_timestamp (<expr>=? AND <expr>>? AND <expr><?)',
      );
    });

    it('uses the index for $in', () => {
      const plan = store.explainQueryPlan('jobs', { where: { status: { $in: ['queued', 'running'] } } });
      expect(plan).toContain('SEARCH jobs USING INDEX jobs_by_status_requested_seq (<expr>=?)');
    });

    // Both ran once per batch or page of a sync: through a shorter index SQLite walked the whole channel each time.
    it("finds a batch's fact search entries through the message index, not every entry of the channel", () => {
      const plan = store.explainQueryPlan('search_entries', {
        where: { channel_id: 'c1', message_id: { $in: ['m1', 'm2'] }, kind: 'fact' },
      });
      expect(plan).toContain(
        'SEARCH search_entries USING INDEX search_entries_by_channel_id_message_id_kind (<expr>=? AND <expr>=? AND <expr>=?)',
      );
    });

    it("reads a page of a channel's facts along the message index, without sorting the channel", () => {
      const plan = store.explainQueryPlan('facts', {
        where: { channel_id: 'c1', message_id: { $gt: 'm1' } },
        orderBy: [['message_id', 'asc']],
        limit: 500,
      });
      expect(plan).toContain('SEARCH facts USING INDEX facts_by_channel_id_message_id (<expr>=? AND <expr>>?)');
      expect(plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    });

    /** The full-text index answers the match; facts are only walked through an index, never scanned whole. */
    const expectFullTextIndex = (plan: string[]) => {
      expect(plan).toEqual(
        expect.arrayContaining([expect.stringMatching(/^SCAN facts_search VIRTUAL TABLE INDEX \d+:M/)]),
      );
      expect(plan.filter((line) => /^SCAN facts( |$)/.test(line))).toEqual([]);
    };

    it('searches text through the FTS5 table, in a channel and across channels', () => {
      expectFullTextIndex(
        store.explainQueryPlan('facts', {
          where: { channel_id: 'c1', text: { $matches: 'deploy friday' }, sort_key: { $gt: '2026' } },
          orderBy: [['sort_key', 'asc']],
          limit: 51,
        }),
      );
      expectFullTextIndex(store.explainQueryPlan('facts', { where: { text: { $matches: 'deploy' } } }));
    });

    it('answers the text filter (q=) of the facts endpoint through the FTS5 table', async () => {
      const asked: FindOptions[] = [];
      const recording = new Proxy(store, {
        get: (target, property) =>
          property === 'find'
            ? (collection: string, options: FindOptions) => {
                asked.push(options);
                return target.find(collection, options);
              }
            : Reflect.get(target, property, target),
      });
      const knowledge = new KnowledgeReadQueries(recording);
      await knowledge.facts({ channel_id: 'c1', text: 'deploy' }, { after: null, limit: 50 });
      await knowledge.facts({ channel_id: 'c1', text: 'deploy' }, { after: '2026-01-01|f1', limit: 50 });
      expect(asked).toHaveLength(2);
      for (const options of asked) expectFullTextIndex(store.explainQueryPlan('facts', options));
    });
  });

  it('openStore opens SQLite when no MongoDB URI is given (an empty one counts as none)', async () => {
    for (const mongodbUri of [undefined, '']) {
      const store = await openStore({ mongodbUri, sqlitePath: freshPath() });
      expect(store).toBeInstanceOf(SqliteStore);
      await store.close();
    }
  });
});

const mongo = mongoTarget();
if ('reason' in mongo) process.stdout.write(`MongoDB contract suite skipped: ${mongo.reason}\n`);

('reason' in mongo ? describe.skip : describe)('MongoDB read-model store', () => {
  const dbName = `atlas_contract_${Date.now().toString(36)}_${process.pid}`;
  let ferretDb: FerretDbFixture | undefined;
  let mongodbUri: string;
  let admin: MongoClient;
  beforeAll(async () => {
    if ('uri' in mongo) mongodbUri = mongo.uri;
    else if ('binary' in mongo) {
      ferretDb = await FerretDbFixture.start(mongo.binary);
      mongodbUri = ferretDb.uri();
    }
    admin = await new MongoClient(mongodbUri).connect();
  });
  afterAll(async () => {
    await admin?.db(dbName).dropDatabase();
    await admin?.close();
    await ferretDb?.stop();
  });

  describeReadModelStoreContract(
    'MongoDB',
    async () => {
      await admin.db(dbName).dropDatabase();
      return MongoStore.connect(mongodbUri, dbName);
    },
    { kind: 'mongodb', atomicTransactions: (store) => store.supportsTransactions },
  );
  describeSearchContract(
    'MongoDB',
    async () => {
      await admin.db(dbName).dropDatabase();
      return MongoStore.connect(mongodbUri, dbName);
    },
    { atomicTransactions: (store) => store.supportsTransactions },
  );

  it('opens a database it opened before, its collections and indexes already there, and keeps its documents', async () => {
    await admin.db(dbName).dropDatabase();
    const first = await MongoStore.connect(mongodbUri, dbName);
    await first.put('facts', { id: 'kept', text: 'still here' });
    await first.close();
    const second = await MongoStore.connect(mongodbUri, dbName);
    try {
      expect(await second.get('facts', 'kept')).toStrictEqual({ id: 'kept', text: 'still here' });
      const jobIndexes = await admin.db(dbName).collection('jobs').listIndexes().toArray();
      expect(jobIndexes.map((index) => index.name).sort()).toEqual(
        ['_id_', 'channel_id_1_requested_seq_1__id_1', 'status_1_requested_seq_1__id_1'].sort(),
      );
    } finally {
      await second.close();
    }
  });

  it('openStore opens MongoDB when a URI is given, in the database its path names', async () => {
    const uri = mongodbUri.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]*)(\/[^?]*)?/, `$1/${dbName}`);
    await admin.db(dbName).dropDatabase();
    const store = await openStore({ mongodbUri: uri, sqlitePath: join('/nonexistent', 'never-created.sqlite') });
    expect(store).toBeInstanceOf(MongoStore);
    await store.close();
    const collections = await admin.db(dbName).listCollections({}, { nameOnly: true }).toArray();
    expect(collections.map((c) => c.name).sort()).toEqual(Object.keys(COLLECTIONS).sort());
  });
});
