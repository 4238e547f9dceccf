import { MongoClient } from 'mongodb';
import type { Where } from '../store';
import { MongoStore } from './mongo-store';

/**
 * No MongoDB server runs here, so these tests pin what the adapter sends to the driver: the filter, sort and
 * session of each call. The shared contract suite (test/store) checks the behaviour against a real server.
 */
jest.mock('mongodb', () => ({ ...jest.requireActual('mongodb'), MongoClient: jest.fn() }));

interface FakeSession {
  active: boolean;
  inTransaction(): boolean;
  withTransaction<T>(fn: () => Promise<T>): Promise<T>;
  endSession(): Promise<void>;
}

function fakeDriver(hello: Record<string, unknown>) {
  const finds: Array<{ filter: unknown; options: Record<string, unknown> }> = [];
  const collection = {
    find: jest.fn((filter: unknown, options: Record<string, unknown>) => {
      finds.push({ filter, options });
      return { limit: jest.fn(), toArray: async () => [] };
    }),
    findOne: jest.fn(async () => null),
    bulkWrite: jest.fn(async () => ({})),
    deleteMany: jest.fn(async () => ({ deletedCount: 0 })),
    createIndexes: jest.fn(async () => []),
  };
  const db = {
    admin: () => ({ command: async () => hello }),
    listCollections: () => ({ toArray: async () => [{ name: 'jobs' }] }),
    createCollection: jest.fn(async () => ({})),
    collection: jest.fn(() => collection),
  };
  const session: FakeSession = {
    active: false,
    inTransaction: () => session.active,
    withTransaction: async (fn) => {
      session.active = true;
      try {
        return await fn();
      } finally {
        session.active = false;
      }
    },
    endSession: jest.fn(async () => undefined),
  };
  const client = { connect: jest.fn(async () => undefined), db: jest.fn(() => db), startSession: jest.fn(() => session), close: jest.fn() };
  jest.mocked(MongoClient).mockImplementation(() => client as unknown as MongoClient);
  return { client, db, collection, session, finds };
}

describe('MongoStore (driver calls)', () => {
  it('uses the database named in the URI, else atlas', async () => {
    const { client } = fakeDriver({});
    await MongoStore.connect('mongodb://user:p%40ss@h1:27017,h2:27017/kb_prod?replicaSet=rs0');
    await MongoStore.connect('mongodb+srv://cluster.example.net/?retryWrites=true');
    expect(client.db.mock.calls).toEqual([['kb_prod'], ['atlas']]);
  });

  it('creates the missing collections and the ascending compound indexes of COLLECTIONS', async () => {
    const { db, collection } = fakeDriver({});
    await MongoStore.connect('mongodb://localhost/atlas');
    expect(db.createCollection).toHaveBeenCalledWith('checkpoints');
    expect(db.createCollection).not.toHaveBeenCalledWith('jobs');
    expect(collection.createIndexes).toHaveBeenCalledWith([
      { key: { channel_id: 1, requested_seq: 1 } },
      { key: { status: 1, requested_seq: 1 } },
    ]);
  });

  it.each([
    [{ setName: 'rs0' }, true],
    [{ msg: 'isdbgrid' }, true],
    [{ isWritablePrimary: true }, false],
  ])('detects transaction support from hello %j', async (hello, supported) => {
    fakeDriver(hello);
    expect((await MongoStore.connect('mongodb://localhost')).supportsTransactions).toBe(supported);
  });

  it.each<[Where, unknown]>([
    [{ type: 'decision', pinned: false }, { type: { $eq: 'decision' }, pinned: { $eq: false } }],
    [{ note: null }, { note: { $eq: null } }],
    [{ id: 'f3' }, { _id: { $eq: 'f3' } }],
    [{ 'source.author': { $in: ['ana', null] } }, { 'source.author': { $in: ['ana', null] } }],
    [{ note: { $ne: 'draft' } }, { note: { $ne: 'draft' } }],
    [{ score: { $gt: 1, $lte: 3, $lt: undefined } }, { score: { $gt: 1, $lte: 3 } }],
    [{ score: { $gte: undefined } }, {}],
    [{ tags: { $contains: 'release' } }, { tags: { $eq: 'release' } }],
    [{ title: { $includes: 'a.b*(c)?' } }, { title: { $regex: 'a\\.b\\*\\(c\\)\\?', $options: 'i' } }],
  ])('translates %j', async (where, filter) => {
    const { finds } = fakeDriver({});
    await (await MongoStore.connect('mongodb://localhost')).find('facts', { where });
    expect(finds[0].filter).toEqual(filter);
  });

  it('sorts with the _id tie-break and never returns _id', async () => {
    const { finds } = fakeDriver({});
    const store = await MongoStore.connect('mongodb://localhost');
    await store.find('facts', { orderBy: [['channel_id', 'asc'], ['score', 'desc']] });
    await store.find('facts', { orderBy: [['id', 'desc']] });
    expect(finds.map((call) => call.options.sort)).toEqual([{ channel_id: 1, score: -1, _id: 1 }, { _id: -1 }]);
    expect(finds[0].options.projection).toEqual({ _id: 0 });
  });

  it('answers limit 0 without a query, since MongoDB reads 0 as no limit', async () => {
    const { collection } = fakeDriver({});
    expect(await (await MongoStore.connect('mongodb://localhost')).find('facts', { limit: 0 })).toEqual([]);
    expect(collection.find).not.toHaveBeenCalled();
  });

  it('upserts the JSON form of each document under _id = id', async () => {
    const { collection } = fakeDriver({});
    await (await MongoStore.connect('mongodb://localhost')).put('facts', { id: 'a', at: new Date(0), gone: undefined });
    expect(collection.bulkWrite).toHaveBeenCalledWith(
      [{ replaceOne: { filter: { _id: 'a' }, replacement: { id: 'a', at: '1970-01-01T00:00:00.000Z', _id: 'a' }, upsert: true } }],
      { session: undefined },
    );
  });

  it('passes the session to every call made inside work, nested or through the store, and none outside', async () => {
    const { client, collection, session } = fakeDriver({ setName: 'rs0' });
    const store = await MongoStore.connect('mongodb://localhost');
    await store.transaction(async (tx) => {
      await tx.get('facts', 'a');
      await tx.transaction(async (nested) => nested.get('facts', 'b'));
      await store.get('facts', 'c');
    });
    await store.get('facts', 'd');
    expect(client.startSession).toHaveBeenCalledTimes(1);
    expect(collection.findOne.mock.calls.map((call) => (call as unknown[])[1])).toEqual([
      expect.objectContaining({ session }),
      expect.objectContaining({ session }),
      expect.objectContaining({ session }),
      expect.objectContaining({ session: undefined }),
    ]);
    expect(session.endSession).toHaveBeenCalled();
  });

  it('runs work directly, without a session, on a standalone server', async () => {
    const { client, collection } = fakeDriver({});
    const store = await MongoStore.connect('mongodb://localhost');
    expect(await store.transaction(async (tx) => (await tx.get('facts', 'a'), 'done'))).toBe('done');
    expect(client.startSession).not.toHaveBeenCalled();
    expect(collection.findOne).toHaveBeenCalledWith({ _id: 'a' }, expect.objectContaining({ session: undefined }));
  });
});
