import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, resolveSecrets } from '@atlas/config';
import { rebuildReadModels } from '@atlas/read-models';
import { createRuntime, Runtime } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { AtlasHarness, startAtlas, waitForJob } from '../support/atlas-harness';

jest.setTimeout(90_000);

const MAPPING = {
  id: 'id',
  author: 'user',
  text: 'body',
  timestamp: 'sent_at',
  edited_at: 'edited_at',
  deleted: 'deleted',
};
const HEADER = 'id,user,body,sent_at,edited_at,deleted';
const ROWS = {
  decision: 'm1,Ana Souza,We decided to move the Billing Service to Postgres next sprint.,2026-03-02T09:00:00Z,,',
  review: 'm2,Ben Okafor,Can you review the Atlas Gateway pull request by Friday?,2026-03-02T09:10:00Z,,',
  incident: 'm3,Ben Okafor,The Kafka Consumers fell behind during the Black Friday load test.,2026-03-02T09:20:00Z,,',
  launch: 'm4,Ana Souza,The Atlas launch is on March 20.,2026-03-03T09:00:00Z,,',
  moved: 'm5,Ben Okafor,Update: the Atlas launch moves to March 27.,2026-03-04T09:00:00Z,,',
};

type Hit = {
  kind: string;
  id: string;
  channel_id: string;
  channel_name: string | null;
  snippet: string;
  highlights: Array<[number, number]>;
  superseded_by: string | null;
  entity_match: boolean;
  wiki: { slug: string; anchor: string | null } | null;
  citation: { message_id: string; author_name: string | null; timestamp: string } | null;
  citations: Array<{ message_id: string }>;
};

/**
 * GET /api/search over a channel synced for real (generic CSV import, NATS, the SQLite store): facts, messages and
 * wiki sections found and ranked, the index following an edit and a deletion, and the same answers after a rebuild.
 */
describe('GET /api/search', () => {
  let atlas: AtlasHarness;
  let channelId: string;
  const csvPath = () => join(atlas.importDir, 'team', 'chat.csv');
  const writeCsv = (rows: string[]) => writeFileSync(csvPath(), `${[HEADER, ...rows].join('\n')}\n`);
  const search = async (query: string): Promise<Hit[]> => {
    const { status, body } = await atlas.api.get(`/api/search?${query}`);
    expect(status).toBe(200);
    return body.hits;
  };
  const sync = async () => {
    const { body } = await atlas.api.post('/api/sync', { channel_id: channelId });
    return waitForJob(atlas.api, channelId, body.job_id, ['completed', 'failed'], 30_000);
  };
  const marked = (hit: Hit) => hit.highlights.map(([start, end]) => hit.snippet.slice(start, end));

  beforeAll(async () => {
    atlas = await startAtlas();
    mkdirSync(join(atlas.importDir, 'team'), { recursive: true });
    writeCsv(Object.values(ROWS));
    const created = await atlas.api.post('/api/connections', {
      name: 'Team chat',
      platform: 'generic_import',
      config: { path: 'team/chat.csv', mapping: JSON.stringify(MAPPING), channel_name: 'team' },
    });
    expect(created.status).toBe(201);
    channelId = created.body.channels[0].channel_id;
    expect((await sync()).status).toBe('completed');
  });

  afterAll(() => atlas?.close());

  it('finds facts, messages and wiki sections of a word, each with its channel, highlights and citation', async () => {
    const hits = await search('q=postgres');
    expect(new Set(hits.map((hit) => hit.kind))).toEqual(new Set(['fact', 'message', 'wiki_section']));
    for (const hit of hits) {
      expect(hit.channel_id).toBe(channelId);
      expect(hit.channel_name).toBe('team');
      expect(marked(hit).map((word) => word.toLowerCase())).toContain('postgres');
    }
    const message = hits.find((hit) => hit.kind === 'message')!;
    expect(message.id).toBe('m1');
    expect(message.citation).toMatchObject({ message_id: 'm1', author_name: 'Ana Souza' });
    const fact = hits.find((hit) => hit.kind === 'fact')!;
    expect(fact.citation).toMatchObject({ message_id: 'm1', author_name: 'Ana Souza' });
    const section = hits.find((hit) => hit.kind === 'wiki_section')!;
    expect(section.citations.map((citation) => citation.message_id)).toContain('m1');
    if (section.wiki!.anchor !== null) {
      const page = await atlas.api.get(`/api/wiki/${channelId}/pages/${section.wiki!.slug}`);
      expect(page.body.html).toContain(`id="${section.wiki!.anchor}"`);
    }
  });

  it('filters by kind, fact type, channel and time', async () => {
    expect((await search('q=kafka&kind=message')).map((hit) => [hit.kind, hit.id])).toEqual([['message', 'm3']]);
    const facts = await search('q=postgres&type=decision');
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.every((hit) => hit.kind === 'fact')).toBe(true);
    expect(await search('q=postgres&channel_id=C_NONE')).toEqual([]);
    expect(await search('q=postgres&kind=message&to=2026-03-02T09:00:00Z')).toEqual([]);
    expect((await search('q=postgres&kind=message&from=2026-03-02')).map((hit) => hit.id)).toEqual(['m1']);
  });

  it('ranks facts about an entity the query names first', async () => {
    // "Postgres" names the technology entity: the decision about it comes before what only says "Friday".
    const hits = await search('q=friday+postgres&limit=200');
    const boosted = hits.filter((hit) => hit.entity_match);
    expect(boosted.length).toBeGreaterThan(0);
    expect(boosted.every((hit) => hit.kind === 'fact')).toBe(true);
    expect(hits.slice(0, boosted.length)).toEqual(boosted);
    expect(boosted.every((hit) => /postgres/i.test(hit.snippet))).toBe(true);
    expect(hits.slice(boosted.length).some((hit) => /friday/i.test(hit.snippet))).toBe(true);
  });

  it('ranks a superseded fact below the fact that replaced it', async () => {
    const hits = await search('q=atlas+launch&kind=fact');
    const superseded = hits.filter((hit) => hit.superseded_by !== null);
    expect(superseded.length).toBeGreaterThan(0);
    for (const hit of superseded) {
      const successor = hits.findIndex((other) => other.id === hit.superseded_by);
      if (successor >= 0) expect(successor).toBeLessThan(hits.indexOf(hit));
    }
  });

  it('pages with next_cursor, without repeating or skipping a hit', async () => {
    const all = await search('q=atlas+friday+postgres&limit=200');
    expect(all.length).toBeGreaterThan(3);
    const paged: Hit[] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: { hits: Hit[]; next_cursor: string | null } } = await atlas.api.get(
        `/api/search?q=atlas+friday+postgres&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...body.hits);
      cursor = body.next_cursor;
    } while (cursor !== null);
    expect(paged.map((hit) => `${hit.kind}:${hit.id}`)).toEqual(all.map((hit) => `${hit.kind}:${hit.id}`));
  });

  it.each([
    ['no q', ''],
    ['an empty q', 'q='],
    ['an unknown kind', 'q=x&kind=facts'],
    ['an unknown fact type', 'q=x&type=rumour'],
    ['a fact type without facts', 'q=x&kind=message&type=decision'],
    ['a cursor it never gave', 'q=x&cursor=bm90LWEtY3Vyc29y'],
    ['a reversed time range', 'q=x&from=2026-03-02&to=2026-03-01'],
    ['a limit over 200', 'q=x&limit=201'],
  ])('refuses %s with a 400 in the error envelope', async (_name, query) => {
    const { status, body } = await atlas.api.get(`/api/search?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_ERROR');
  });

  it('follows an edit and a deletion, and a rebuild from the log gives the same answers', async () => {
    writeCsv([
      'm1,Ana Souza,We decided to move the Billing Service to MySQL next sprint.,2026-03-02T09:00:00Z,2026-11-20T10:00:00Z,',
      ROWS.review,
      'm3,Ben Okafor,,2026-03-02T09:20:00Z,2026-11-20T10:05:00Z,true',
      ROWS.launch,
      ROWS.moved,
    ]);
    expect((await sync()).status).toBe('completed');
    expect(await search('q=postgres')).toEqual([]);
    expect(await search('q=kafka')).toEqual([]);
    const mysql = await search('q=mysql');
    expect(new Set(mysql.map((hit) => hit.kind))).toEqual(new Set(['fact', 'message', 'wiki_section']));
    expect(mysql.find((hit) => hit.kind === 'message')?.id).toBe('m1');

    // What the service answered, and the index's own ranking, before the read models are thrown away.
    const words = ['mysql', 'atlas launch', 'friday review', 'ana'];
    const answered = await Promise.all(words.map((q) => search(`q=${encodeURIComponent(q)}`)));
    expect(answered[1].length).toBeGreaterThan(0);
    const ranked = (store: ReadModelStore) =>
      Promise.all(
        words.map(async (text) =>
          (await store.search('search_entries', { text, limit: 500 })).map(({ doc, score }) => [doc.id, score]),
        ),
      );
    const rankedBefore = await ranked(atlas.service.runtime.store);
    const entriesBefore = await allEntries(atlas.service.runtime.store);
    await atlas.stopService();
    const config = loadConfig(atlas.env);
    const runtime: Runtime = await createRuntime(
      config,
      resolveSecrets(config, { generateMissing: false, needApiKeys: false, needSecretKey: false }),
      'search-rebuild-test',
    );
    try {
      await rebuildReadModels(runtime.store, runtime.events);
      expect(await allEntries(runtime.store)).toEqual(entriesBefore);
      expect(await ranked(runtime.store)).toEqual(rankedBefore);
      for (const [i, hits] of answered.entries()) {
        const found = new Set(rankedBefore[i].map(([id]) => id));
        const entries = new Map(entriesBefore.map((entry) => [`${entry.kind}:${entry.ref_id}`, entry.id]));
        for (const hit of hits) expect(found).toContain(entries.get(`${hit.kind}:${hit.id}`));
      }
    } finally {
      await runtime.close();
    }
  });
});

async function allEntries(store: ReadModelStore) {
  return store.find('search_entries', { orderBy: [['id', 'asc']] });
}
