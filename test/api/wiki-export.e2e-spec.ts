import { join } from 'node:path';
import { AtlasHarness, startAtlas, TEST_API_KEY, waitForJob } from '../support/atlas-harness';
import { walkListing } from '../support/paged-listing';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';
import { readZipEntries } from '../support/zip-reader';
import { WikiExportService } from '../../libs/gateway/src/export/wiki-export.service';

jest.setTimeout(180_000);

const START = 1_767_225_600;
const KNOW = 'C0EXPORT';
const QUIET = 'C0QUIET';

/**
 * GET /api/wiki/{channel_id}/export against the running product: a synced channel's wiki downloaded as a ZIP of
 * Obsidian notes, and its facts, entities and relations as JSON Lines, each read back with yauzl.
 */
describe('wiki export', () => {
  let atlas: AtlasHarness;

  const download = async (path: string) => {
    const response = await fetch(`${atlas.api.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${TEST_API_KEY}` },
    });
    return { response, body: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    atlas = await startAtlas();
    writeSlackExport(join(atlas.importDir, 'acme'), [
      generatedChannel(KNOW, 'know how', 60, START),
      generatedChannel(QUIET, 'quiet', 3),
    ]);
    const connection = await atlas.api.post('/api/connections', {
      name: 'Acme export',
      platform: 'slack_export',
      config: { path: 'acme', workspace_url: 'https://acme.slack.com' },
    });
    expect({ status: connection.status, body: connection.body }).toEqual({ status: 201, body: expect.anything() });
    const { status, body } = await atlas.api.post('/api/sync', { channel_id: KNOW });
    expect(status).toBe(202);
    await waitForJob(atlas.api, KNOW, body.job_id, ['completed'], 120_000);
  });

  afterAll(() => atlas.close());

  it('streams the wiki as Markdown notes: front matter, Obsidian links between pages, citations as footnotes', async () => {
    const { response, body } = await download(`/api/wiki/${KNOW}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="know-how-wiki.zip"');
    const files = await readZipEntries(body);

    const index = (await atlas.api.get(`/api/wiki/${KNOW}`)).body.pages as any[];
    expect(index.length).toBeGreaterThan(3);
    expect([...files.keys()].sort()).toEqual(index.map((page) => `know-how/${page.slug}.md`).sort());

    let links = 0;
    let footnotes = 0;
    for (const summary of index) {
      const note = files.get(`know-how/${summary.slug}.md`)!;
      const page = (await atlas.api.get(`/api/wiki/${KNOW}/pages/${summary.slug}`)).body;
      const [, frontMatter, body] = note.split(/^---$/m);
      expect(frontMatter.trim().split('\n')).toEqual([
        `title: ${JSON.stringify(page.title)}`,
        `aliases: [${JSON.stringify(page.title)}]`,
        `channel_id: "${KNOW}"`,
        'channel: "know how"',
        `slug: "${page.slug}"`,
        `version: ${page.version}`,
        `updated_at: "${page.updated_at}"`,
      ]);
      // Every link between pages is an Obsidian link to a note of the export; no Markdown page link is left.
      expect({ slug: page.slug, left: body.match(/\]\([a-z0-9-]+\)/g) }).toEqual({ slug: page.slug, left: null });
      for (const [, target] of body.matchAll(/\[\[([^\]|]+)(?:\|[^\]]*)?\]\]/g)) {
        links += 1;
        expect({ from: page.slug, target, exported: files.has(`know-how/${target}.md`) }).toEqual({
          from: page.slug,
          target,
          exported: true,
        });
      }
      // Each citation is a footnote whose definition names the source's author, time and permalink.
      const cited = new Set(Array.from(body.matchAll(/\[\^(\d+)\](?!:)/g), (match) => Number(match[1])));
      expect(body).not.toContain('## Sources');
      for (const citation of page.citations) {
        const definition = body.split('\n').find((line) => line.startsWith(`[^${citation.n}]: `));
        expect({ n: citation.n, definition }).toEqual({ n: citation.n, definition: expect.any(String) });
        expect(definition).toContain(citation.author_name);
        expect(citation.permalink).toMatch(/^https:\/\/acme\.slack\.com\/archives\/C0EXPORT\/p\d+/);
        expect(definition).toContain(`<${citation.permalink}>`);
        if (cited.has(citation.n)) footnotes += 1;
      }
      for (const n of cited) expect(page.citations.map((citation: any) => citation.n)).toContain(n);
    }
    expect(links).toBeGreaterThan(0);
    expect(footnotes).toBeGreaterThan(0);
  });

  it('gives the facts, entities and relations as JSON Lines in a ZIP (format=json)', async () => {
    const { response, body } = await download(`/api/wiki/${KNOW}/export?format=json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="know-how-knowledge.zip"');
    const files = await readZipEntries(body);
    expect([...files.keys()]).toEqual(['facts.jsonl', 'entities.jsonl', 'relations.jsonl']);
    const lines = (name: string) =>
      files
        .get(name)!
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line));

    // Facts as the knowledge API lists them, in the same (time) order.
    const facts = (await walkListing(atlas.api, `/api/channels/${KNOW}/facts`, 'facts', 200)).items;
    expect(facts.length).toBeGreaterThan(40);
    expect(lines('facts.jsonl')).toEqual(facts);

    const entities = (await walkListing(atlas.api, `/api/graph/entities?channel_id=${KNOW}`, 'entities', 200)).items;
    expect(entities.length).toBeGreaterThan(0);
    expect(lines('entities.jsonl')).toEqual(entities);

    const relations = lines('relations.jsonl');
    expect(relations.length).toBeGreaterThan(0);
    const entityIds = new Set(entities.map((entity: any) => entity.id));
    const factIds = new Set(facts.map((fact: any) => fact.id));
    for (const relation of relations) {
      expect(relation).toEqual({
        id: expect.any(String),
        type: expect.any(String),
        source_id: expect.any(String),
        target_id: expect.any(String),
        fact_ids: expect.any(Array),
        weight: expect.any(Number),
        channel_ids: expect.arrayContaining([KNOW]),
      });
      expect(entityIds.has(relation.source_id) && entityIds.has(relation.target_id)).toBe(true);
      expect(relation.fact_ids.some((id: string) => factIds.has(id))).toBe(true);
    }
    // The same relations the entities' pages show, each once.
    expect(new Set(relations.map((relation: any) => relation.id)).size).toBe(relations.length);
  });

  it('reads the store a batch at a time: the same files however small the batches', async () => {
    const exports = atlas.service.app.get(WikiExportService);
    const whole = {
      markdown: await readZipEntries((await download(`/api/wiki/${KNOW}/export`)).body),
      json: await readZipEntries((await download(`/api/wiki/${KNOW}/export?format=json`)).body),
    };
    const batch = exports.readBatch;
    exports.readBatch = 3;
    try {
      // Several batches of each: pages, facts, entities and relations resume after the last one read.
      expect(whole.markdown.size).toBeGreaterThan(3);
      expect(await readZipEntries((await download(`/api/wiki/${KNOW}/export`)).body)).toEqual(whole.markdown);
      expect(await readZipEntries((await download(`/api/wiki/${KNOW}/export?format=json`)).body)).toEqual(whole.json);
    } finally {
      exports.readBatch = batch;
    }
  });

  it('exports a channel without a wiki yet as an empty ZIP', async () => {
    const { response, body } = await download(`/api/wiki/${QUIET}/export`);
    expect(response.status).toBe(200);
    expect((await readZipEntries(body)).size).toBe(0);
  });

  it('refuses an unknown channel (404), an unknown format (400) and a request without the key (401), in the envelope', async () => {
    const unknown = await atlas.api.get('/api/wiki/C404/export');
    expect({ status: unknown.status, code: unknown.body.error.code }).toEqual({
      status: 404,
      code: 'CHANNEL_NOT_FOUND',
    });
    const format = await atlas.api.get(`/api/wiki/${KNOW}/export?format=pdf`);
    expect({ status: format.status, code: format.body.error.code }).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    expect(format.body.error.message).toBe('format must be one of: markdown, json');
    const keyless = await atlas.api.withKey(null).get(`/api/wiki/${KNOW}/export`);
    expect({ status: keyless.status, code: keyless.body.error.code }).toEqual({ status: 401, code: 'UNAUTHORIZED' });
  });
});
