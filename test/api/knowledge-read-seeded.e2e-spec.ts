import { join } from 'node:path';
import type { EntityDoc, FactDoc, RelationDoc, WikiPageDoc, WikiPageVersionDoc } from '@atlas/read-models';
import { openStore, ReadModelStore } from '@atlas/store';
import { GatewayOverStore, startGatewayOverStore } from '../support/gateway-over-store';
import { walkListing } from '../support/paged-listing';
import { tempDir } from '../support/temp-dir';

/**
 * The knowledge read API over read models this test writes itself: exact answers for known data, whatever
 * the extractor, graph builder and wiki generator would make of a chat.
 */
const TYPES = ['decision', 'action_item', 'question', 'announcement'] as const;
const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T09:00:00.000Z');

function entity(id: string, name: string, type: EntityDoc['type'], keys: string[], channels = ['C1']): EntityDoc {
  return {
    id,
    key: keys[0],
    name,
    type,
    kind: type === 'artifact' ? 'ticket' : null,
    aliases: [],
    keys,
    sort_key: `${name.toLowerCase()}|${id}`,
    channel_ids: channels,
    created_by_job: 'sync_1',
    created_seq: 1,
    last_seq: 1,
  };
}

const ENTITIES = [
  entity('ent_ana', 'Ana Lima', 'person', ['person:u1'], ['C1', 'C2']),
  entity('ent_pg', 'Postgres', 'technology', ['technology:postgres', 'technology:postgresql']),
  entity('ent_atlas', 'Atlas', 'project', ['project:atlas']),
  entity('ent_ops', 'OPS-142', 'artifact', ['artifact:ticket:ops-142']),
];
const FACT_ENTITIES = {
  ana: { key: 'person:u1', name: 'Ana Lima', type: 'person', kind: null },
  pg: { key: 'technology:postgresql', name: 'PostgreSQL', type: 'technology', kind: null },
  atlas: { key: 'project:atlas', name: 'Atlas', type: 'project', kind: null },
} as const;

/** Fact i of a channel: two facts share each minute, so (valid_at, id) order is tested on ties. */
function fact(channel: string, i: number): FactDoc {
  const id = `fact_${channel}_${String(i).padStart(3, '0')}`;
  const valid_at = new Date(T0 + Math.floor(i / 2) * MINUTE).toISOString();
  const aboutPg = i % 3 === 0;
  const entities = aboutPg ? [FACT_ENTITIES.ana, FACT_ENTITIES.pg] : [FACT_ENTITIES.ana, FACT_ENTITIES.atlas];
  return {
    id,
    channel_id: channel,
    message_id: `m${i}`,
    extractor_version: 'rules-2',
    index: 0,
    text: aboutPg
      ? `Ana Lima moves billing to POSTGRES, step ${i}`
      : `Ana Lima ships Atlas part ${i} <script>x</script>`,
    type: TYPES[i % TYPES.length],
    confidence: 0.8,
    entities: [...entities],
    relations: aboutPg ? [{ type: 'uses', source: 'person:u1', target: 'technology:postgresql' }] : [],
    topics: ['billing'],
    subject: null,
    valid_at,
    due_at: null,
    language: 'en',
    source: {
      message_id: `m${i}`,
      author_id: 'u1',
      author_name: 'Ana Lima',
      timestamp: valid_at,
      thread_id: null,
      permalink: null,
      text: null,
    },
    job_id: 'sync_1',
    entity_ids: aboutPg ? ['ent_ana', 'ent_pg'] : ['ent_ana', 'ent_atlas'],
    supersedes: null,
    superseded_by: null,
    sort_key: `${valid_at}|${id}`,
    last_seq: 1,
  };
}

const RELATIONS: RelationDoc[] = [
  {
    id: 'rel_1',
    type: 'uses',
    source_id: 'ent_ana',
    target_id: 'ent_pg',
    channel_ids: ['C1'],
    fact_ids: ['fact_C1_000', 'fact_C1_003'],
    weight: 2,
    created_seq: 1,
    last_seq: 1,
  },
  {
    id: 'rel_2',
    type: 'depends_on',
    source_id: 'ent_atlas',
    target_id: 'ent_pg',
    channel_ids: ['C1'],
    fact_ids: ['fact_C1_001'],
    weight: 1,
    created_seq: 1,
    last_seq: 1,
  },
];

const PAGE_V1 = '# Overview\n\nBilling moves to Postgres [1].\n\n## Sources\n\n- [1] Ana Lima\n';
const PAGE_V2 =
  '# Overview\n\nAna said \\<b\\>hi\\</b\\> and <script>alert(1)</script> [1]\n\nSee https://acme.io/x [2]\n';
const CITATIONS = [1, 2].map((n) => ({
  n,
  message_id: `m${n}`,
  author_name: 'Ana Lima',
  timestamp: '2026-03-02T09:00:00.000Z',
  excerpt: 'x',
  permalink: null,
}));

describe('knowledge read API over seeded read models', () => {
  const data = tempDir('knowledge-seeded');
  let store: ReadModelStore;
  let gateway: GatewayOverStore;
  const C1_FACTS = Array.from({ length: 23 }, (_, i) => fact('C1', i));

  beforeAll(async () => {
    store = await openStore({ sqlitePath: join(data.path, 'atlas.sqlite') });
    for (const channel_id of ['C1', 'C2', 'C3'])
      await store.put('channels', { id: channel_id, channel_id, name: channel_id.toLowerCase(), last_seq: 1 });
    // Stored out of order: the API must sort them.
    await store.putMany('facts', [...C1_FACTS].reverse());
    await store.putMany('facts', [fact('C2', 0), fact('C2', 1)]);
    await store.putMany('entities', ENTITIES);
    await store.putMany('relations', RELATIONS);
    const page = { channel_id: 'C1', slug: 'overview', title: 'Overview', citations: CITATIONS, job_id: 'sync_2' };
    await store.put('wiki_pages', {
      ...page,
      id: 'wiki_c1_overview',
      markdown: PAGE_V2,
      content_hash: 'h2',
      inputs_hash: 'i2',
      template_version: 'wiki-2',
      version: 2,
      updated_at: '2026-03-03T00:00:00.000Z',
      last_seq: 2,
    } satisfies WikiPageDoc);
    for (const [version, markdown] of [
      [1, PAGE_V1],
      [2, PAGE_V2],
    ] as const) {
      await store.put('wiki_page_versions', {
        ...page,
        id: `wv_${version}`,
        version,
        markdown,
        citations: version === 1 ? CITATIONS.slice(0, 1) : CITATIONS,
        content_hash: `h${version}`,
        job_id: `sync_${version}`,
        created_at: `2026-03-0${version + 1}T00:00:00.000Z`,
        last_seq: version,
      } satisfies WikiPageVersionDoc);
    }
    gateway = await startGatewayOverStore(store, data.path);
  });

  afterAll(async () => {
    await gateway?.close();
    await store?.close();
    data.remove();
  });

  const get = (path: string) => gateway.api.get(path);
  const factIds = (facts: FactDoc[]) => facts.map((f) => f.id);
  const walk = async (path: string, limit: number) => walkListing(gateway.api, path, 'facts', limit);

  it('pages facts in (valid_at, id) order, ties included, with no duplicates or gaps', async () => {
    const walked = await walk('/api/channels/C1/facts', 5);
    expect(walked.pages).toBe(5);
    expect(walked.items.map((f: any) => f.id)).toEqual(factIds(C1_FACTS));
    const first = await get('/api/channels/C1/facts?limit=5');
    expect(Buffer.from(first.body.next_cursor, 'base64url').toString()).toBe(C1_FACTS[4].sort_key);
    const exact = await walk('/api/channels/C1/facts', 23);
    expect(exact.pages).toBe(1);
  });

  it('shows each fact entity with the graph entity it was merged into', async () => {
    const { body } = await get('/api/channels/C1/facts?limit=1');
    expect(body.facts[0]).toMatchObject({
      id: 'fact_C1_000',
      entities: [
        { id: 'ent_ana', key: 'person:u1', name: 'Ana Lima', type: 'person', kind: null },
        // An alias key: the entity's own key is technology:postgres.
        { id: 'ent_pg', key: 'technology:postgresql', name: 'PostgreSQL', type: 'technology', kind: null },
      ],
      relations: [{ type: 'uses', source: 'person:u1', target: 'technology:postgresql' }],
      source: { message_id: 'm0', author_name: 'Ana Lima' },
    });
    expect(body.facts[0]).not.toHaveProperty('sort_key');
    expect(body.facts[0]).not.toHaveProperty('entity_ids');
  });

  it('filters facts by type, entity, text and time, alone and together', async () => {
    const ids = async (query: string) => (await walk(`/api/channels/C1/facts?${query}`, 4)).items.map((f: any) => f.id);
    const where = (keep: (f: FactDoc) => boolean) => factIds(C1_FACTS.filter(keep));
    expect(await ids('type=question')).toEqual(where((f) => f.type === 'question'));
    expect(await ids('type=question,decision')).toEqual(where((f) => ['question', 'decision'].includes(f.type)));
    expect(await ids('entity=ent_pg')).toEqual(where((f) => f.entity_ids.includes('ent_pg')));
    expect(await ids('q=postgres')).toEqual(where((f) => f.text.includes('POSTGRES')));
    expect(await ids('q=%3Cscript%3E')).toEqual(where((f) => f.text.includes('<script>')));
    const from = '2026-03-02T09:03:00Z';
    const to = '2026-03-02T11:08:00%2B02:00'; // 09:08Z
    expect(await ids(`from=${from}&to=${to}`)).toEqual(
      where((f) => f.valid_at >= '2026-03-02T09:03:00.000Z' && f.valid_at < '2026-03-02T09:08:00.000Z'),
    );
    expect(await ids(`entity=ent_atlas&type=decision&from=${from}`)).toEqual(
      where((f) => f.entity_ids.includes('ent_atlas') && f.type === 'decision' && f.valid_at >= '2026-03-02T09:03'),
    );
    expect(await ids('q=nothing-like-this')).toEqual([]);
  });

  it('searches fact text by words: prefixes, all required, any case or accent, in time order across pages', async () => {
    const ids = async (q: string) =>
      (await walk(`/api/channels/C1/facts?q=${encodeURIComponent(q)}`, 4)).items.map((f: any) => f.id);
    const aboutPg = factIds(C1_FACTS.filter((f) => f.text.includes('POSTGRES')));
    expect(aboutPg.length).toBeGreaterThan(4);
    expect(await ids('postgres')).toEqual(aboutPg);
    expect(await ids('post BILL')).toEqual(aboutPg);
    expect(await ids('LÍMA móves')).toEqual(aboutPg);
    expect(await ids('postgres atlas')).toEqual([]);
    expect(await ids('oves')).toEqual([]);
    expect(await ids('"postgres"')).toEqual(aboutPg);
    expect(await ids('-postgres*')).toEqual(aboutPg);
    expect(await ids('NOT postgres')).toEqual([]);
  });

  it.each(['"', '*', 'NEAR(', 'a OR', '-', ':', '")(*', 'text:postgres', '^', '\\', 'AND', '\u0301', '🚀'])(
    'never reads search input %j as query syntax: 200, not 500',
    async (q) => {
      const { status, body } = await get(`/api/channels/C1/facts?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      expect(Array.isArray(body.facts)).toBe(true);
    },
  );

  it('refuses a search of more than 16 different words', async () => {
    const words = Array.from({ length: 17 }, (_, i) => `w${i}`).join(' ');
    const { status, body } = await get(`/api/channels/C1/facts?q=${encodeURIComponent(words)}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_ERROR');
    expect(JSON.stringify(body.error)).toMatch(/q may hold at most 16 different words/);
    const sixteen = Array.from({ length: 16 }, () => 'postgres').join(' ') + ' ana';
    expect((await get(`/api/channels/C1/facts?q=${encodeURIComponent(sixteen)}`)).status).toBe(200);
  });

  it('keeps channels apart', async () => {
    const { body } = await get('/api/channels/C2/facts');
    expect(body.facts.map((f: any) => f.id)).toEqual(['fact_C2_000', 'fact_C2_001']);
    expect((await get('/api/channels/C3/facts')).body).toEqual({ channel_id: 'C3', facts: [], next_cursor: null });
  });

  it('pages entities by name and filters them by channel, type and name', async () => {
    const names = async (query: string, limit = 1) =>
      (await walkListing(gateway.api, `/api/graph/entities?${query}`, 'entities', limit)).items.map((e: any) => e.id);
    expect(await names('')).toEqual(['ent_ana', 'ent_atlas', 'ent_ops', 'ent_pg']);
    expect(await names('channel_id=C2')).toEqual(['ent_ana']);
    expect(await names('type=project,technology')).toEqual(['ent_atlas', 'ent_pg']);
    expect(await names('name=GRES')).toEqual(['ent_pg']);
    expect(await names('name=a&channel_id=C1', 2)).toEqual(['ent_ana', 'ent_atlas']);
    const { body } = await get('/api/graph/entities?limit=1&type=artifact');
    expect(body).toEqual({
      entities: [
        {
          id: 'ent_ops',
          key: 'artifact:ticket:ops-142',
          name: 'OPS-142',
          type: 'artifact',
          kind: 'ticket',
          aliases: [],
          channel_ids: ['C1'],
        },
      ],
      next_cursor: null,
    });
  });

  it('shows an entity with its relations both ways and its latest facts', async () => {
    const { status, body } = await get('/api/graph/entities/ent_pg');
    expect(status).toBe(200);
    // C2's first fact is about Postgres too: an entity's facts come from every channel.
    const aboutPg = [...C1_FACTS, fact('C2', 0)]
      .filter((f) => f.entity_ids.includes('ent_pg'))
      .sort((a, b) => (a.sort_key < b.sort_key ? -1 : 1));
    expect(body.entity).toMatchObject({ id: 'ent_pg', name: 'Postgres', fact_count: aboutPg.length });
    expect(body.relations).toEqual([
      {
        id: 'rel_1',
        type: 'uses',
        direction: 'incoming',
        other: { id: 'ent_ana', name: 'Ana Lima', type: 'person' },
        fact_ids: ['fact_C1_000', 'fact_C1_003'],
        weight: 2,
      },
      {
        id: 'rel_2',
        type: 'depends_on',
        direction: 'incoming',
        other: { id: 'ent_atlas', name: 'Atlas', type: 'project' },
        fact_ids: ['fact_C1_001'],
        weight: 1,
      },
    ]);
    expect(body.facts.map((f: any) => f.id)).toEqual(factIds(aboutPg).reverse());
    const ana = await get('/api/graph/entities/ent_ana');
    expect(ana.body.relations.map((r: any) => [r.id, r.direction])).toEqual([['rel_1', 'outgoing']]);
    expect(ana.body.entity.fact_count).toBe(25);
    expect(ana.body.facts).toHaveLength(25);
    expect(ana.body.facts[0].id).toBe('fact_C1_022');
  });

  it('serves the wiki index, pages rendered without raw HTML, and their versions', async () => {
    expect((await get('/api/wiki/C1')).body).toEqual({
      channel_id: 'C1',
      pages: [{ slug: 'overview', title: 'Overview', version: 2, updated_at: '2026-03-03T00:00:00.000Z' }],
    });
    expect((await get('/api/wiki/C2')).body).toEqual({ channel_id: 'C2', pages: [] });
    const current = await get('/api/wiki/C1/pages/overview');
    expect(current.body).toMatchObject({ channel_id: 'C1', slug: 'overview', version: 2, markdown: PAGE_V2 });
    expect(current.body.citations).toHaveLength(2);
    expect(current.body.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(current.body.html).toContain('Ana said &lt;b&gt;hi&lt;/b&gt;');
    expect(current.body.html).toContain('<a href="https://acme.io/x">https://acme.io/x</a>');
    expect(current.body.html).not.toMatch(/<script|<b>/);
    const first = await get('/api/wiki/C1/pages/overview?version=1');
    expect(first.body).toEqual({
      channel_id: 'C1',
      slug: 'overview',
      title: 'Overview',
      version: 1,
      updated_at: '2026-03-02T00:00:00.000Z',
      markdown: PAGE_V1,
      html: expect.stringContaining('<h1>Overview</h1>'),
      citations: CITATIONS.slice(0, 1),
    });
    expect((await get('/api/wiki/C1/pages/overview/versions')).body).toEqual({
      slug: 'overview',
      versions: [
        { version: 2, content_hash: 'h2', job_id: 'sync_2', created_at: '2026-03-03T00:00:00.000Z' },
        { version: 1, content_hash: 'h1', job_id: 'sync_1', created_at: '2026-03-02T00:00:00.000Z' },
      ],
    });
  });

  it('answers a topic page that became its entity’s page with where it is now', async () => {
    await store.put('wiki_pages', {
      id: 'wiki_c3_entity_postgres',
      channel_id: 'C3',
      slug: 'entity-postgres',
      title: '#c3: Postgres',
      markdown: '# Postgres\n',
      citations: [],
      content_hash: 'h',
      inputs_hash: 'i',
      template_version: 'wiki-4',
      version: 1,
      job_id: 'sync_3',
      updated_at: '2026-03-03T00:00:00.000Z',
      last_seq: 3,
    } satisfies WikiPageDoc);
    const moved = await get('/api/wiki/C3/pages/topic-postgres');
    expect(moved.status).toBe(404);
    expect(moved.body.error).toMatchObject({
      code: 'WIKI_PAGE_NOT_FOUND',
      details: { channel_id: 'C3', slug: 'topic-postgres', moved_to: 'entity-postgres' },
    });
    const gone = await get('/api/wiki/C3/pages/topic-kafka');
    expect(gone.body.error.details).toEqual({ channel_id: 'C3', slug: 'topic-kafka' });
  });

  it.each([
    ['/api/channels/C9/facts', 404, 'CHANNEL_NOT_FOUND'],
    ['/api/graph/entities/ent_nope', 404, 'ENTITY_NOT_FOUND'],
    ['/api/wiki/C9', 404, 'CHANNEL_NOT_FOUND'],
    ['/api/wiki/C1/pages/nope', 404, 'WIKI_PAGE_NOT_FOUND'],
    ['/api/wiki/C1/pages/overview?version=3', 404, 'WIKI_PAGE_VERSION_NOT_FOUND'],
    ['/api/channels/C1/facts?cursor=bm8gc2VwYXJhdG9y', 400, 'VALIDATION_ERROR'],
    ['/api/channels/C1/facts?type=rumor&limit=0', 400, 'VALIDATION_ERROR'],
    ['/api/graph/entities?type=robot', 400, 'VALIDATION_ERROR'],
  ])('%s answers %i %s', async (path, status, code) => {
    const answer = await get(path);
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Object) } });
  });

  it('lists every problem of a bad request', async () => {
    const { body } = await get('/api/channels/C1/facts?type=rumor&limit=0&from=soon');
    expect(body.error.details.problems).toHaveLength(3);
    expect(body.error.details.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^limit /),
        expect.stringMatching(/^type /),
        expect.stringMatching(/^from /),
      ]),
    );
  });

  it('refuses requests without the API key', async () => {
    for (const path of ['/api/channels/C1/facts', '/api/graph/entities/ent_pg', '/api/wiki/C1/pages/overview']) {
      const { status, body } = await gateway.api.withKey(null).get(path);
      expect(status).toBe(401);
      expect(body.error.code).toBe('UNAUTHORIZED');
    }
  });
});
