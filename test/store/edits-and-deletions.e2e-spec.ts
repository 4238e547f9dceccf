import { join } from 'node:path';
import { AtlasEvent, createEvent, NormalizedMessage } from '@atlas/events';
import { buildGraphDelta, EXTRACTOR_VERSION, extractFacts } from '@atlas/knowledge';
import { KnowledgeReadQueries, Projector } from '@atlas/read-models';
import { ReadModelStore, SqliteStore } from '@atlas/store';
import { fetchedAndExtracted } from '../support/extraction-events';
import { normalizedMessage } from '../support/normalized-message';
import { tempDir } from '../support/temp-dir';

const CHANNEL = 'C0EDITS';

function message(id: string, text: string, author: [string, string], overrides: Partial<NormalizedMessage> = {}) {
  return normalizedMessage({
    id,
    channel_id: CHANNEL,
    author_id: author[0],
    author_name: author[1],
    text,
    timestamp: new Date(Number(id) * 1000).toISOString(),
    ...overrides,
  });
}

const ANA: [string, string] = ['U0ANA', 'Ana Souza'];
const BEN: [string, string] = ['U0BEN', 'Ben Okafor'];

/** The events one job of the pipeline appends for a batch: fetched, extracted, graphed. */
function jobEvents(jobId: string, messages: NormalizedMessage[]): AtlasEvent[] {
  const meta = { producer: 'test' };
  const { facts, failures, skipped } = extractFacts(messages, {
    channel_id: CHANNEL,
    channel_name: 'edits',
    people: [],
    thread_parents: new Map(),
  });
  const graph = buildGraphDelta(facts, { channel_id: CHANNEL });
  return [
    ...fetchedAndExtracted({
      jobId,
      channelId: CHANNEL,
      messages,
      facts,
      failures,
      skipped,
      extractorVersion: EXTRACTOR_VERSION,
      cursor: messages.at(-1)!.id,
    }),
    createEvent('GraphUpdated', { job_id: jobId, channel_id: CHANNEL, batch: 1, ...graph }, meta),
  ];
}

const registered = createEvent(
  'ChannelRegistered',
  {
    channel_id: CHANNEL,
    connection_id: 'conn_edits',
    platform: 'slack',
    name: 'edits',
    topic: null,
    is_private: false,
    message_count_hint: null,
  },
  { producer: 'test' },
);

const decision = message('1772442000.000100', 'We decided to move the Billing Service to Postgres next sprint.', ANA);
const review = message('1772442060.000100', 'Can you review the Atlas Gateway pull request by Friday?', BEN);
const incident = message(
  '1772442120.000100',
  'The Kafka Consumers fell behind during the Black Friday load test.',
  BEN,
);

const LOG: AtlasEvent[] = [
  registered,
  ...jobEvents('sync_first', [decision, review, incident]),
  ...jobEvents('sync_second', [
    {
      ...decision,
      text: 'We decided to move the Billing Service to MySQL next sprint.',
      edited: true,
      edited_at: '2026-11-20T10:00:00.000Z',
    },
    { ...incident, text: '', deleted: true },
  ]),
];

async function project(store: ReadModelStore, events: AtlasEvent[]): Promise<void> {
  const projector = new Projector(store);
  for (const [index, event] of events.entries())
    await projector.apply({ seq: index + 1, subject: 'atlas.channel.x', event });
}

async function graphOf(store: ReadModelStore) {
  const facts = await store.find<any>('facts', { where: { channel_id: CHANNEL }, orderBy: [['id', 'asc']] });
  const entities = await store.find<any>('entities', { orderBy: [['id', 'asc']] });
  const relations = await store.find<any>('relations', { orderBy: [['id', 'asc']] });
  const messages = await store.find<any>('messages', { orderBy: [['id', 'asc']] });
  const channel = await store.get<any>('channels', CHANNEL);
  return { facts, entities, relations, messages, channel };
}

describe('edits and deletions, folded into the read models', () => {
  const dir = tempDir('edits');
  let store: ReadModelStore;
  let state: Awaited<ReturnType<typeof graphOf>>;

  beforeAll(async () => {
    store = SqliteStore.open(join(dir.path, 'read-models.db'));
    await project(store, LOG);
    state = await graphOf(store);
  });

  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it('replaces the facts of an edited message with those of its new text', () => {
    const facts = state.facts.filter((fact) => fact.message_id === decision.id);
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.every((fact) => fact.text.includes('MySQL') && !fact.text.includes('Postgres'))).toBe(true);
  });

  it('retracts every fact of a deleted message and keeps its tombstone', () => {
    expect(state.facts.filter((fact) => fact.message_id === incident.id)).toEqual([]);
    const tombstone = state.messages.find((doc) => doc.message_id === incident.id);
    expect(tombstone).toMatchObject({ deleted: true, text: '' });
    expect(state.channel.message_count).toBe(2);
  });

  it('leaves no relation without evidence and no entity no fact names', () => {
    const factIds = new Set(state.facts.map((fact) => fact.id));
    expect(state.relations.length).toBeGreaterThan(0);
    for (const relation of state.relations) {
      expect(relation.fact_ids.length).toBeGreaterThan(0);
      expect(relation.fact_ids.every((id: string) => factIds.has(id))).toBe(true);
      expect(relation.weight).toBe(relation.fact_ids.length);
    }
    const named = new Set(state.facts.flatMap((fact) => fact.entity_ids));
    for (const entity of state.entities) expect(named.has(entity.id)).toBe(true);
    const names = state.entities.map((entity) => entity.name);
    expect(names).toEqual(expect.arrayContaining(['MySQL']));
    expect(names).not.toEqual(expect.arrayContaining(['Postgres']));
    expect(names.some((name) => /kafka/i.test(name))).toBe(false);
  });

  it('finds an edited fact by its new text only, and a deleted one not at all', async () => {
    const search = async (q: string) => {
      const page = await new KnowledgeReadQueries(store).facts(
        { channel_id: CHANNEL, text: q },
        { after: null, limit: 50 },
      );
      return page.items.map((fact) => fact.id);
    };
    const edited = state.facts.filter((fact) => fact.message_id === decision.id).map((fact) => fact.id);
    expect(edited.length).toBeGreaterThan(0);
    expect(await search('mysql')).toEqual(expect.arrayContaining(edited));
    expect(await search('postgres')).toEqual([]);
    expect(await search('kafka')).toEqual([]);
    expect(await search('friday')).toEqual(
      state.facts.filter((fact) => /friday/i.test(fact.text)).map((fact) => fact.id),
    );
  });

  it('gives the same search answers after the log is replayed, redelivered or folded again after clearing', async () => {
    const queries = ['mysql', 'postgres', 'kafka', 'friday', 'review gateway', 'billing', 'sprint'];
    const answers = async (target: ReadModelStore) => {
      const knowledge = new KnowledgeReadQueries(target);
      const found: Record<string, string[]> = {};
      for (const q of queries) {
        const page = await knowledge.facts({ channel_id: CHANNEL, text: q }, { after: null, limit: 50 });
        found[q] = page.items.map((fact) => fact.id);
      }
      return found;
    };
    const expected = await answers(store);
    expect(Object.values(expected).filter((ids) => ids.length > 0).length).toBeGreaterThan(3);

    await project(store, LOG);
    expect(await answers(store)).toEqual(expected);

    const again = SqliteStore.open(join(dir.path, 'search-again.db'));
    try {
      await project(again, LOG.slice(0, 4));
      expect((await answers(again)).postgres.length).toBeGreaterThan(0);
      await new Projector(again).reset();
      expect((await answers(again)).postgres).toEqual([]);
      await project(again, LOG);
      expect(await answers(again)).toEqual(expected);
    } finally {
      await again.close();
    }
  });

  it('gives the same read models when the log is folded again from scratch, each event delivered twice', async () => {
    const again = SqliteStore.open(join(dir.path, 'again.db'));
    try {
      const projector = new Projector(again);
      for (const [index, event] of LOG.entries()) {
        const stored = { seq: index + 1, subject: 'atlas.channel.x', event };
        await projector.apply(stored);
        await projector.apply(stored);
      }
      const strip = (s: typeof state) => JSON.parse(JSON.stringify(s));
      expect(strip(await graphOf(again))).toEqual(strip(state));
    } finally {
      await again.close();
    }
  });
});
