import { join } from 'node:path';
import { stableId } from '@atlas/common';
import { AtlasEvent, createEvent, Fact, FactEntity, NormalizedMessage, WikiPage } from '@atlas/events';
import {
  entityIdForKey,
  FactDoc,
  fillSearchIndexIfEmpty,
  Projector,
  SearchEntryDoc,
  WikiPageDoc,
  WikiPageVersionDoc,
} from '@atlas/read-models';
import { ReadModelStore, SqliteStore } from '@atlas/store';
import { fetchedAndExtracted } from '../support/extraction-events';
import { normalizedMessage } from '../support/normalized-message';
import { tempDir } from '../support/temp-dir';

const CHANNEL = 'C0KNOW';
const meta = { producer: 'test' };
const DEADLINE = 'deadline:project:atlas v2';

function message(id: string, minute: number): NormalizedMessage {
  return normalizedMessage({
    id,
    channel_id: CHANNEL,
    author_id: 'U0ANA',
    author_name: 'Ana Souza',
    text: `message ${id}`,
    timestamp: new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString(),
  });
}

function fact(source: NormalizedMessage, text: string, subject: string | null, entities: FactEntity[] = []): Fact {
  return {
    id: stableId('fact', CHANNEL, source.id, 'test', 0),
    channel_id: CHANNEL,
    message_id: source.id,
    extractor_version: 'test',
    index: 0,
    text,
    type: 'action_item',
    confidence: 0.8,
    entities,
    relations: [],
    topics: [],
    subject,
    valid_at: source.timestamp,
    due_at: null,
    language: 'en',
    source: {
      message_id: source.id,
      author_id: source.author_id,
      author_name: source.author_name,
      timestamp: source.timestamp,
      thread_id: null,
      permalink: null,
      text: null,
    },
  };
}

function extracted(jobId: string, batch: number, messages: NormalizedMessage[], facts: Fact[]): AtlasEvent[] {
  return fetchedAndExtracted({ jobId, channelId: CHANNEL, batch, messages, facts });
}

function page(markdown: string): WikiPage {
  return {
    channel_id: CHANNEL,
    slug: 'decisions',
    title: 'Decisions',
    markdown,
    citations: [],
    content_hash: stableId('hash', markdown),
    inputs_hash: stableId('inputs', markdown),
    template_version: 'test',
  };
}

const first = message('100', 0);
const second = message('200', 5);
const third = message('300', 10);
const billing: FactEntity = { key: 'topic:billing migration', name: 'billing migration', type: 'topic', kind: null };
const billingProjectKey = 'project:billing migration';

const LOG: AtlasEvent[] = [
  // Out of time order across batches: the chain follows valid_at, not arrival.
  ...extracted('sync_a', 1, [third], [fact(third, 'Atlas v2 is due on April 4.', DEADLINE)]),
  ...extracted('sync_a', 2, [first], [fact(first, 'Atlas v2 is due on March 21.', DEADLINE, [billing])]),
  ...extracted('sync_a', 3, [second], [fact(second, 'Atlas v2 is due on March 28.', DEADLINE)]),
  createEvent(
    'GraphUpdated',
    {
      job_id: 'sync_a',
      channel_id: CHANNEL,
      batch: 2,
      entities: [
        {
          id: entityIdForKey(billingProjectKey),
          key: billingProjectKey,
          name: 'Billing migration',
          type: 'project',
          kind: null,
          aliases: ['billing migration'],
          keys: [billingProjectKey, billing.key],
          channel_id: CHANNEL,
          fact_ids: [fact(first, '', null).id],
        },
      ],
      relations: [],
    },
    meta,
  ),
  createEvent('WikiPageGenerated', { job_id: 'sync_a', channel_id: CHANNEL, page: page('# Decisions\n\none') }, meta),
  createEvent('WikiPageGenerated', { job_id: 'sync_b', channel_id: CHANNEL, page: page('# Decisions\n\ntwo') }, meta),
  createEvent('WikiPageGenerated', { job_id: 'sync_c', channel_id: CHANNEL, page: page('# Decisions\n\ntwo') }, meta),
];

async function project(store: ReadModelStore, events: AtlasEvent[], from = 1, twice = false): Promise<void> {
  const projector = new Projector(store);
  for (const [index, event] of events.entries()) {
    const stored = { seq: from + index, subject: 'atlas.channel.x', event };
    await projector.apply(stored);
    if (twice) await projector.apply(stored);
  }
}

const factsOf = (store: ReadModelStore) =>
  store.find<FactDoc>('facts', { where: { channel_id: CHANNEL }, orderBy: [['sort_key', 'asc']] });

describe('the knowledge projection', () => {
  const dir = tempDir('knowledge-projection');
  let store: ReadModelStore;

  beforeAll(async () => {
    store = SqliteStore.open(join(dir.path, 'read-models.db'));
    await project(store, LOG);
  });

  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it('links the facts of one subject in the order they hold from', async () => {
    const [march21, march28, april4] = await factsOf(store);
    expect([march21.text, march28.text, april4.text]).toEqual([
      'Atlas v2 is due on March 21.',
      'Atlas v2 is due on March 28.',
      'Atlas v2 is due on April 4.',
    ]);
    expect(march21).toMatchObject({ supersedes: null, superseded_by: march28.id });
    expect(march28).toMatchObject({ supersedes: march21.id, superseded_by: april4.id });
    expect(april4).toMatchObject({ supersedes: march28.id, superseded_by: null });
    expect(april4.sort_key).toBe(`${april4.valid_at}|${april4.id}`);
  });

  it('points a fact at the entity the graph resolved its key into', async () => {
    const [march21] = await factsOf(store);
    expect(march21.entity_ids).toEqual([entityIdForKey(billingProjectKey)]);
  });

  it('keeps a version per content change and none for a page written again unchanged', async () => {
    const current = await store.find<WikiPageDoc>('wiki_pages', { where: { channel_id: CHANNEL } });
    expect(current.map((doc) => [doc.slug, doc.version, doc.job_id])).toEqual([['decisions', 2, 'sync_c']]);
    const versions = await store.find<WikiPageVersionDoc>('wiki_page_versions', {
      where: { channel_id: CHANNEL, slug: 'decisions' },
      orderBy: [['version', 'asc']],
    });
    expect(versions.map((v) => [v.version, v.markdown, v.job_id])).toEqual([
      [1, '# Decisions\n\none', 'sync_a'],
      [2, '# Decisions\n\ntwo', 'sync_b'],
    ]);
    // The search index holds the current version's sections only.
    const sections = await store.find<SearchEntryDoc>('search_entries', { where: { kind: 'wiki_section' } });
    expect(sections.map((entry) => [entry.ref_id, entry.text, entry.wiki?.heading])).toEqual([
      ['decisions', 'Decisions\ntwo', 'Decisions'],
    ]);
  });

  it('closes the chain when a fact in its middle is retracted, and drops pages the wiki no longer has', async () => {
    const later = [
      ...extracted('sync_d', 1, [{ ...second, text: '', deleted: true }], []),
      createEvent('WikiGenerated', { job_id: 'sync_d', channel_id: CHANNEL, pages: [] }, meta),
    ];
    await project(store, later, LOG.length + 1);
    const [march21, april4] = await factsOf(store);
    expect(march21).toMatchObject({ superseded_by: april4.id });
    expect(april4).toMatchObject({ supersedes: march21.id });
    expect(await store.find('wiki_pages', { where: { channel_id: CHANNEL } })).toEqual([]);
    expect(await store.count('wiki_page_versions', { channel_id: CHANNEL })).toBe(2);
    // Search follows: the deleted message and its facts leave the index, the dropped page takes its sections.
    const entries = await store.find<SearchEntryDoc>('search_entries', { where: { channel_id: CHANNEL } });
    expect(entries.filter((entry) => entry.message_id === second.id)).toEqual([]);
    expect(entries.filter((entry) => entry.kind === 'wiki_section')).toEqual([]);
    const factIds = (await factsOf(store)).map((doc) => doc.id).sort();
    const factEntries = entries.filter((entry) => entry.kind === 'fact').map((entry) => entry.ref_id);
    expect(factEntries.sort()).toEqual(factIds);
  });

  it('fills an empty search index from the stored knowledge with what the projection wrote', async () => {
    // All but last_seq: a fact's moves when a later fact supersedes it, its entry's when the entry is written.
    const entries = async () =>
      (await store.find('search_entries', { orderBy: [['id', 'asc']] })).map(({ last_seq: _, ...entry }) => entry);
    const projected = await entries();
    expect(projected.length).toBeGreaterThan(0);
    expect(await fillSearchIndexIfEmpty(store)).toBe(0);
    await store.clear(['search_entries']);
    expect(await fillSearchIndexIfEmpty(store)).toBe(projected.length);
    expect(await entries()).toEqual(projected);
  });

  it('gives the same read models when the log is folded again, each event delivered twice', async () => {
    const again = SqliteStore.open(join(dir.path, 'again.db'));
    try {
      const all = [
        ...LOG,
        ...extracted('sync_d', 1, [{ ...second, text: '', deleted: true }], []),
        createEvent('WikiGenerated', { job_id: 'sync_d', channel_id: CHANNEL, pages: [] }, meta),
      ];
      await project(again, all, 1, true);
      const strip = (docs: unknown) => JSON.parse(JSON.stringify(docs));
      expect(strip(await factsOf(again))).toEqual(strip(await factsOf(store)));
      const versions = (s: ReadModelStore) =>
        s.find('wiki_page_versions', { where: { channel_id: CHANNEL }, orderBy: [['version', 'asc']] });
      expect(strip(await versions(again))).toEqual(strip(await versions(store)));
    } finally {
      await again.close();
    }
  });
});
