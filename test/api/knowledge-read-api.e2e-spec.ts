import { join } from 'node:path';
import { AtlasHarness, connectExport, startAtlas, TEST_API_KEY, waitForJob } from '../support/atlas-harness';
import { walkListing } from '../support/paged-listing';
import { ExportChannel, generatedChannel, writeChannelDays, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(180_000);

const START = 1_767_225_600;
const KNOW = 'C0KNOW';
const OTHER = 'C0OTHER';
const QUIET = 'C0QUIET';

/** Generated fact-bearing messages, then one quoting raw HTML (Slack exports escape <, > and &). */
function knowledgeChannel(count: number): ExportChannel {
  const channel = generatedChannel(KNOW, 'knowledge', count, START);
  channel.messages.push({
    ts: `${START + count * 600}.000900`,
    user: 'U100ANA',
    text: 'We decided to strip &lt;script&gt;alert(1)&lt;/script&gt; tags from the Billing Service exports.',
  });
  return channel;
}

const sortKey = (fact: any) => `${fact.valid_at}|${fact.id}`;
const ids = (items: any[]) => items.map((item) => item.id);
/** Numbers a page cites; an escaped \[n\] is chat text. */
const citedNumbers = (markdown: string) => Array.from(markdown.matchAll(/(?<!\\)\[(\d+)\]/g), (m) => Number(m[1]));

describe('knowledge read API: facts, graph and wiki of synced channels', () => {
  let atlas: AtlasHarness;
  let facts: any[];

  const expectEnvelope = (body: any, code: string) =>
    expect(body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Object) } });
  const sync = async (channelId: string) => {
    const { status, body } = await atlas.api.post('/api/sync', { channel_id: channelId });
    expect(status).toBe(202);
    return waitForJob(atlas.api, channelId, body.job_id, ['completed'], 120_000);
  };
  const allFacts = async (channelId: string, filter = '') =>
    (await walkListing(atlas.api, `/api/channels/${channelId}/facts${filter}`, 'facts', 200)).items;

  beforeAll(async () => {
    atlas = await startAtlas();
    writeSlackExport(join(atlas.importDir, 'acme'), [
      knowledgeChannel(60),
      generatedChannel(OTHER, 'other', 12, START + 86_400),
      generatedChannel(QUIET, 'quiet', 3),
    ]);
    await connectExport(atlas.api, 'acme');
    await sync(KNOW);
    await sync(OTHER);
    facts = await allFacts(KNOW);
  });

  afterAll(() => atlas.close());

  describe('GET /api/channels/{channel_id}/facts', () => {
    it('lists the channel facts in (valid_at, id) order with their sources and resolved entities', async () => {
      expect(facts.length).toBeGreaterThan(40);
      const keys = facts.map(sortKey);
      expect(keys).toEqual([...keys].sort());
      expect(new Set(ids(facts)).size).toBe(facts.length);
      for (const fact of facts) {
        expect(fact).toEqual({
          id: expect.any(String),
          channel_id: KNOW,
          text: expect.any(String),
          type: expect.stringMatching(/^(decision|action_item|question|answer|announcement|opinion|observation)$/),
          confidence: expect.any(Number),
          entities: expect.any(Array),
          relations: expect.any(Array),
          topics: expect.any(Array),
          subject: fact.subject === null ? null : expect.any(String),
          valid_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          due_at: fact.due_at === null ? null : expect.any(String),
          supersedes: fact.supersedes === null ? null : expect.any(String),
          superseded_by: fact.superseded_by === null ? null : expect.any(String),
          owner: fact.owner === null ? null : expect.stringMatching(/^person:/),
          reports_done: expect.any(Boolean),
          state: fact.state === null ? null : expect.stringMatching(/^(open|done|current|superseded)$/),
          closed_by: fact.closed_by === null ? null : expect.any(String),
          language: expect.any(String),
          source: {
            message_id: expect.any(String),
            author_id: fact.source.author_id === null ? null : expect.any(String),
            author_name: fact.source.author_name === null ? null : expect.any(String),
            timestamp: expect.any(String),
            thread_id: fact.source.thread_id === null ? null : expect.any(String),
            permalink: fact.source.permalink === null ? null : expect.any(String),
            text: expect.any(String),
          },
        });
        for (const entity of fact.entities)
          expect(entity).toEqual({
            id: expect.any(String),
            key: expect.any(String),
            name: expect.any(String),
            type: expect.any(String),
            kind: entity.kind === null ? null : expect.any(String),
          });
        const keysOfFact = new Set(fact.entities.map((entity: any) => entity.key));
        for (const relation of fact.relations) {
          expect(keysOfFact.has(relation.source) && keysOfFact.has(relation.target)).toBe(true);
        }
      }
      // Supersession links stay inside the channel and point both ways.
      const byId = new Map(facts.map((fact) => [fact.id, fact]));
      for (const fact of facts.filter((f) => f.superseded_by !== null)) {
        expect(byId.get(fact.superseded_by)?.supersedes).toBe(fact.id);
      }
    });

    it('pages through the same facts with a small limit: no duplicates, no gaps', async () => {
      const walked = await walkListing(atlas.api, `/api/channels/${KNOW}/facts`, 'facts', 7);
      expect(walked.pages).toBeGreaterThanOrEqual(3);
      expect(ids(walked.items)).toEqual(ids(facts));
      const first = await atlas.api.get(`/api/channels/${KNOW}/facts`);
      expect(first.body.facts).toHaveLength(Math.min(50, facts.length));
      expect(first.body.next_cursor === null).toBe(facts.length <= 50);
    });

    it('never shows another channel’s facts', async () => {
      const other = await allFacts(OTHER);
      expect(other.length).toBeGreaterThan(0);
      expect(other.every((fact) => fact.channel_id === OTHER)).toBe(true);
      expect(ids(other).filter((id) => ids(facts).includes(id))).toEqual([]);
    });

    it('filters by one or several types', async () => {
      const types = [...new Set(facts.map((fact) => fact.type))].sort();
      expect(types.length).toBeGreaterThanOrEqual(2);
      for (const type of types) {
        const found = await allFacts(KNOW, `?type=${type}`);
        expect(ids(found)).toEqual(ids(facts.filter((fact) => fact.type === type)));
      }
      const pair = types.slice(0, 2);
      const expected = ids(facts.filter((fact) => pair.includes(fact.type)));
      expect(ids(await allFacts(KNOW, `?type=${pair.join(',')}`))).toEqual(expected);
      expect(ids(await allFacts(KNOW, `?type=${pair[0]}&type=${pair[1]}`))).toEqual(expected);
    });

    it('filters by entity: exactly the facts naming it', async () => {
      const entityIds = [...new Set(facts.flatMap((fact) => fact.entities.map((entity: any) => entity.id)))];
      expect(entityIds.length).toBeGreaterThan(3);
      for (const entityId of entityIds.slice(0, 5)) {
        const found = await allFacts(KNOW, `?entity=${encodeURIComponent(entityId)}`);
        const expected = facts.filter((fact) => fact.entities.some((entity: any) => entity.id === entityId));
        expect(found.length).toBeGreaterThan(0);
        expect(ids(found)).toEqual(ids(expected));
      }
    });

    it('filters by text: the facts with a word starting with the one searched, ignoring case and accents', async () => {
      const word = facts.map((fact) => /(?<![\p{L}\p{N}\p{M}])[A-Za-z]{6,}/u.exec(fact.text)?.[0]).find(Boolean)!;
      const found = await allFacts(KNOW, `?q=${encodeURIComponent(word.toUpperCase())}`);
      const startsAWord = new RegExp(`(?<![\\p{L}\\p{N}])${word}`, 'iu');
      const expected = facts.filter((fact) => startsAWord.test(fact.text.normalize('NFD').replace(/\p{M}/gu, '')));
      expect(found.length).toBeGreaterThan(0);
      expect(ids(found)).toEqual(ids(expected));
    });

    it('filters by a half-open time range, whatever the offset it is written in', async () => {
      const times = [...new Set(facts.map((fact) => fact.valid_at))].sort();
      const [from, to] = [times[5], times[Math.floor(times.length / 2)]];
      const toPlusTwo = new Date(Date.parse(to) + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
      const found = await allFacts(KNOW, `?from=${from}&to=${encodeURIComponent(toPlusTwo)}`);
      const expected = facts.filter((fact) => fact.valid_at >= from && fact.valid_at < to);
      expect(found.length).toBeGreaterThan(0);
      expect(ids(found)).toEqual(ids(expected));
      expect(ids(await allFacts(KNOW, `?from=${to}`))).toEqual(ids(facts.filter((fact) => fact.valid_at >= to)));
    });

    it('combines filters and pages through them', async () => {
      const type = facts[0].type;
      const from = facts[3].valid_at;
      const walked = await walkListing(atlas.api, `/api/channels/${KNOW}/facts?type=${type}&from=${from}`, 'facts', 2);
      expect(ids(walked.items)).toEqual(ids(facts.filter((fact) => fact.type === type && fact.valid_at >= from)));
    });

    it('answers an empty page for a channel that was never synced', async () => {
      const { status, body } = await atlas.api.get(`/api/channels/${QUIET}/facts`);
      expect(status).toBe(200);
      expect(body).toEqual({ channel_id: QUIET, facts: [], next_cursor: null });
    });
  });

  describe('GET /api/graph/entities', () => {
    let entities: any[];

    beforeAll(async () => {
      entities = (await walkListing(atlas.api, `/api/graph/entities?channel_id=${KNOW}`, 'entities', 200)).items;
    });

    it('lists the channel entities, each one every fact entity id leads to', async () => {
      expect(entities.length).toBeGreaterThan(3);
      for (const entity of entities) {
        expect(entity).toEqual({
          id: expect.any(String),
          key: expect.any(String),
          name: expect.any(String),
          type: expect.stringMatching(/^(person|team|project|technology|decision|artifact|topic)$/),
          kind: entity.type === 'artifact' ? expect.stringMatching(/^(document|repo|ticket|link)$/) : null,
          aliases: expect.any(Array),
          channel_ids: expect.arrayContaining([KNOW]),
        });
      }
      const listed = new Set(ids(entities));
      for (const fact of facts) for (const entity of fact.entities) expect(listed.has(entity.id)).toBe(true);
    });

    it('pages through the same entities with a small limit: no duplicates, no gaps', async () => {
      const walked = await walkListing(atlas.api, `/api/graph/entities?channel_id=${KNOW}`, 'entities', 3);
      expect(walked.pages).toBeGreaterThanOrEqual(3);
      expect(ids(walked.items)).toEqual(ids(entities));
    });

    it('filters by type and by a case-insensitive part of the name', async () => {
      const type = entities[0].type;
      const byType = await walkListing(
        atlas.api,
        `/api/graph/entities?channel_id=${KNOW}&type=${type}`,
        'entities',
        200,
      );
      expect(ids(byType.items)).toEqual(ids(entities.filter((entity) => entity.type === type)));
      const named = entities.find((entity) => entity.name.length >= 4)!;
      const part = named.name.slice(1, 4).toUpperCase();
      const byName = await walkListing(
        atlas.api,
        `/api/graph/entities?channel_id=${KNOW}&name=${encodeURIComponent(part)}`,
        'entities',
        200,
      );
      expect(ids(byName.items)).toContain(named.id);
      expect(ids(byName.items)).toEqual(
        ids(entities.filter((entity) => entity.name.toLowerCase().includes(part.toLowerCase()))),
      );
    });

    it('shows an entity with its relations and latest facts, consistent with the other endpoints', async () => {
      const latest = facts[facts.length - 1];
      const entityId = latest.entities[0].id;
      const { status, body } = await atlas.api.get(`/api/graph/entities/${encodeURIComponent(entityId)}`);
      expect(status).toBe(200);
      expect(body.entity).toEqual({
        ...entities.find((entity) => entity.id === entityId),
        fact_count: expect.any(Number),
      });
      expect(ids(body.facts)).toContain(latest.id);
      expect(body.facts.length).toBeLessThanOrEqual(50);
      const keys = body.facts.map(sortKey);
      expect(keys).toEqual([...keys].sort().reverse());
      for (const fact of body.facts) expect(fact.entities.map((entity: any) => entity.id)).toContain(entityId);
      let counted = 0;
      for (const channelId of body.entity.channel_ids)
        counted += (await allFacts(channelId, `?entity=${encodeURIComponent(entityId)}`)).length;
      expect(body.entity.fact_count).toBe(counted);
    });

    it('shows each relation from both of its ends, with evidence among the facts', async () => {
      const knownFacts = new Set([...ids(facts), ...ids(await allFacts(OTHER))]);
      let checked = 0;
      for (const entity of entities) {
        const { body } = await atlas.api.get(`/api/graph/entities/${encodeURIComponent(entity.id)}`);
        for (const relation of body.relations) {
          expect(relation).toEqual({
            id: expect.any(String),
            type: expect.stringMatching(/^(works_on|owns|decided|asked|answered|uses|depends_on|mentions)$/),
            direction: expect.stringMatching(/^(outgoing|incoming)$/),
            other: { id: expect.any(String), name: expect.any(String), type: expect.any(String) },
            fact_ids: expect.any(Array),
            weight: expect.any(Number),
          });
          for (const factId of relation.fact_ids) expect(knownFacts.has(factId)).toBe(true);
          if (relation.other.id === entity.id) continue;
          const other = await atlas.api.get(`/api/graph/entities/${encodeURIComponent(relation.other.id)}`);
          expect(other.status).toBe(200);
          const back = other.body.relations.find((candidate: any) => candidate.id === relation.id);
          expect(back).toMatchObject({
            direction: relation.direction === 'outgoing' ? 'incoming' : 'outgoing',
            other: { id: entity.id, name: entity.name, type: entity.type },
          });
          checked++;
        }
        if (checked >= 10) break;
      }
      expect(checked).toBeGreaterThan(0);
    });
  });

  describe('GET /api/wiki/{channel_id}', () => {
    let pages: any[];

    beforeAll(async () => {
      const { status, body } = await atlas.api.get(`/api/wiki/${KNOW}`);
      expect(status).toBe(200);
      expect(body.channel_id).toBe(KNOW);
      pages = body.pages;
    });

    it('indexes the channel pages; a channel without a wiki has none', async () => {
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) {
        expect(page).toEqual({
          slug: expect.any(String),
          title: expect.any(String),
          version: expect.any(Number),
          updated_at: expect.any(String),
        });
      }
      expect((await atlas.api.get(`/api/wiki/${QUIET}`)).body).toEqual({ channel_id: QUIET, pages: [] });
    });

    it('serves each page as Markdown and HTML, every [n] with a citation of a source message', async () => {
      const sources = new Set(facts.map((fact) => fact.source.message_id));
      for (const summary of pages) {
        const { status, body } = await atlas.api.get(`/api/wiki/${KNOW}/pages/${summary.slug}`);
        expect(status).toBe(200);
        expect(body).toEqual({
          channel_id: KNOW,
          slug: summary.slug,
          title: summary.title,
          version: summary.version,
          updated_at: summary.updated_at,
          markdown: expect.any(String),
          html: expect.any(String),
          citations: expect.any(Array),
        });
        const numbers = new Set(body.citations.map((citation: any) => citation.n));
        for (const n of citedNumbers(body.markdown)) expect(numbers.has(n)).toBe(true);
        for (const citation of body.citations) expect(sources.has(citation.message_id)).toBe(true);
        expect(body.html).not.toMatch(/<script/i);
        const same = await atlas.api.get(`/api/wiki/${KNOW}/pages/${summary.slug}?version=${summary.version}`);
        expect(same.body).toEqual(body);
      }
    });

    it('never renders raw HTML from chat as HTML', async () => {
      const [quoting] = await allFacts(KNOW, '?q=%3Cscript%3E');
      expect(quoting.text).toContain('<script>');
      let shown = 0;
      for (const summary of pages) {
        const { body } = await atlas.api.get(`/api/wiki/${KNOW}/pages/${summary.slug}`);
        if (!body.markdown.includes('script')) continue;
        expect(body.html).toContain('&lt;script&gt;');
        expect(body.html).not.toMatch(/<script/i);
        shown++;
      }
      expect(shown).toBeGreaterThan(0);
    });

    it('keeps earlier versions of a page that changed, newest first', async () => {
      const before = new Map<string, any>();
      for (const summary of pages)
        before.set(summary.slug, (await atlas.api.get(`/api/wiki/${KNOW}/pages/${summary.slug}`)).body);
      writeChannelDays(join(atlas.importDir, 'acme'), knowledgeChannel(75));
      await sync(KNOW);
      const after = (await atlas.api.get(`/api/wiki/${KNOW}`)).body.pages;
      const changed = after.filter(
        (page: any) => before.has(page.slug) && page.version > before.get(page.slug).version,
      );
      expect(changed.length).toBeGreaterThan(0);
      for (const page of changed) {
        const old = before.get(page.slug);
        const { body } = await atlas.api.get(`/api/wiki/${KNOW}/pages/${page.slug}/versions`);
        expect(body.slug).toBe(page.slug);
        expect(body.versions.map((v: any) => v.version)).toEqual(
          Array.from({ length: page.version }, (_, i) => page.version - i),
        );
        for (const version of body.versions) {
          expect(version).toEqual({
            version: expect.any(Number),
            content_hash: expect.any(String),
            job_id: expect.stringMatching(/^sync_/),
            created_at: expect.any(String),
          });
        }
        const earlier = await atlas.api.get(`/api/wiki/${KNOW}/pages/${page.slug}?version=${old.version}`);
        expect(earlier.status).toBe(200);
        expect(earlier.body).toEqual(old);
        const current = await atlas.api.get(`/api/wiki/${KNOW}/pages/${page.slug}`);
        expect(current.body.markdown).not.toBe(old.markdown);
      }
    });
  });

  describe('bad input is a 400 in the envelope and writes nothing', () => {
    const notOurs = Buffer.from('no separator here').toString('base64url');
    const cases: Array<[string, string, RegExp]> = [
      ['an unknown fact type', `/api/channels/${KNOW}/facts?type=rumor`, /type/],
      ['an empty fact type', `/api/channels/${KNOW}/facts?type=`, /type/],
      ['limit 0', `/api/channels/${KNOW}/facts?limit=0`, /limit/],
      ['limit 201', `/api/channels/${KNOW}/facts?limit=201`, /limit/],
      ['limit not a number', `/api/channels/${KNOW}/facts?limit=ten`, /limit/],
      ['a cursor that is not base64url', `/api/channels/${KNOW}/facts?cursor=%21%21%21`, /cursor/],
      ['a cursor this API never gave', `/api/channels/${KNOW}/facts?cursor=${notOurs}`, /cursor/],
      ['an impossible date', `/api/channels/${KNOW}/facts?from=2026-02-30`, /from/],
      ['a date in words', `/api/channels/${KNOW}/facts?to=yesterday`, /to/],
      ['a reversed time range', `/api/channels/${KNOW}/facts?from=2026-03-02&to=2026-03-01`, /from/],
      ['an empty text filter', `/api/channels/${KNOW}/facts?q=`, /q/],
      ['an unknown query parameter', `/api/channels/${KNOW}/facts?sort=desc`, /sort/],
      ['an unknown entity type', '/api/graph/entities?type=robot', /type/],
      ['an entity limit over 200', '/api/graph/entities?limit=500', /limit/],
      ['a malformed entity cursor', '/api/graph/entities?cursor=%25%25', /cursor/],
      ['an unknown entity parameter', `/api/graph/entities?channel=${KNOW}`, /channel/],
      ['wiki version 0', `/api/wiki/${KNOW}/pages/overview?version=0`, /version/],
      ['wiki version not a number', `/api/wiki/${KNOW}/pages/overview?version=latest`, /version/],
      ['a fractional wiki version', `/api/wiki/${KNOW}/pages/overview?version=1.5`, /version/],
      ['an unknown wiki parameter', `/api/wiki/${KNOW}/pages/overview?format=html`, /format/],
    ];

    it.each(cases)('%s', async (_label, path, message) => {
      const before = await atlas.service.runtime.events.lastSequence();
      const { status, body } = await atlas.api.get(path);
      expect(status).toBe(400);
      expectEnvelope(body, 'VALIDATION_ERROR');
      expect(`${body.error.message} ${JSON.stringify(body.error.details)}`).toMatch(message);
      expect(await atlas.service.runtime.events.lastSequence()).toBe(before);
    });
  });

  describe('not found', () => {
    it.each([
      ['facts of an unknown channel', '/api/channels/C0NOPE/facts', 'CHANNEL_NOT_FOUND'],
      ['entities of an unknown channel', '/api/graph/entities?channel_id=C0NOPE', 'CHANNEL_NOT_FOUND'],
      ['an unknown entity', '/api/graph/entities/ent_nope', 'ENTITY_NOT_FOUND'],
      ['the wiki of an unknown channel', '/api/wiki/C0NOPE', 'CHANNEL_NOT_FOUND'],
      ['a page of an unknown channel', '/api/wiki/C0NOPE/pages/overview', 'CHANNEL_NOT_FOUND'],
      ['an unknown page', `/api/wiki/${KNOW}/pages/no-such-page`, 'WIKI_PAGE_NOT_FOUND'],
      ['the versions of an unknown page', `/api/wiki/${KNOW}/pages/no-such-page/versions`, 'WIKI_PAGE_NOT_FOUND'],
    ])('%s', async (_label, path, code) => {
      const { status, body } = await atlas.api.get(path);
      expect(status).toBe(404);
      expectEnvelope(body, code);
    });

    it('an unknown version of a known page', async () => {
      const [page] = (await atlas.api.get(`/api/wiki/${KNOW}`)).body.pages;
      const { status, body } = await atlas.api.get(`/api/wiki/${KNOW}/pages/${page.slug}?version=${page.version + 1}`);
      expect(status).toBe(404);
      expectEnvelope(body, 'WIKI_PAGE_VERSION_NOT_FOUND');
    });
  });

  describe('API keys', () => {
    it.each([
      ['no key', null],
      ['a wrong key', 'wrong-key-0123456789abcdef'],
    ])('refuses %s on every knowledge route', async (_label, key) => {
      const api = atlas.api.withKey(key);
      const entityId = facts[0].entities[0].id;
      for (const path of [
        `/api/channels/${KNOW}/facts`,
        '/api/graph/entities',
        `/api/graph/entities/${encodeURIComponent(entityId)}`,
        `/api/wiki/${KNOW}`,
        `/api/wiki/${KNOW}/pages/overview`,
        `/api/wiki/${KNOW}/pages/overview/versions`,
      ]) {
        const { status, body } = await api.get(path);
        expect(status).toBe(401);
        expectEnvelope(body, 'UNAUTHORIZED');
      }
      expect((await atlas.api.withKey(TEST_API_KEY).get(`/api/channels/${KNOW}/facts?limit=1`)).status).toBe(200);
    });
  });
});
