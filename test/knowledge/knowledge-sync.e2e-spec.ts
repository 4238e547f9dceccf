import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AtlasHarness, startAtlas, waitForJob } from '../support/atlas-harness';

jest.setTimeout(90_000);

const MAPPING = { id: 'id', author: 'author', text: 'text', timestamp: 'timestamp', thread_parent_id: 'parent' };

interface Row {
  id: string;
  author: string;
  text: string;
  at: string;
  parent?: string;
}

const FIRST: Row[] = [
  { id: 'm1', author: 'Ana Lima', text: 'The Atlas v2 launch is due on March 20.', at: '2026-03-02T09:00:00Z' },
  { id: 'm2', author: 'Ben Okafor', text: 'Who owns the billing service these days?', at: '2026-03-02T09:05:00Z' },
  {
    id: 'm3',
    author: 'Ana Lima',
    text: 'Carla Diaz owns the billing service since January.',
    at: '2026-03-02T09:07:00Z',
    parent: 'm2',
  },
  {
    id: 'm4',
    author: 'Carla Diaz',
    text: '@Ben Okafor can you update the on-call runbook by Friday?',
    at: '2026-03-02T09:30:00Z',
  },
  { id: 'm5', author: 'Ben Okafor', text: 'Good morning everyone!', at: '2026-03-02T09:31:00Z' },
  {
    id: 'm6',
    author: 'Carla Diaz',
    text: 'We decided to use Postgres for the billing service.',
    at: '2026-03-03T10:00:00Z',
  },
  {
    id: 'm7',
    author: 'Ana Lima',
    text: 'Heads-up: the Atlas v2 launch moves to March 27.',
    at: '2026-03-04T11:00:00Z',
  },
];
const LATER: Row = {
  id: 'm8',
  author: 'Ben Okafor',
  text: 'The Grafana dashboards for the ingest pipeline are live now.',
  at: '2026-03-05T08:00:00Z',
};

/**
 * A channel through whole syncs to its read API: a deadline that moves supersedes the first one, a
 * question is paired with its answer, greetings give nothing; a sync with nothing new rewrites no
 * page, and one new message rewrites only the pages it touches, keeping the earlier versions.
 */
describe('knowledge of a channel, through whole syncs', () => {
  let atlas: AtlasHarness;
  let channelId: string;
  const write = (rows: Row[]) =>
    writeFileSync(
      join(atlas.importDir, 'kb', 'chat.jsonl'),
      `${rows
        .map((r) =>
          JSON.stringify({ id: r.id, author: r.author, text: r.text, timestamp: r.at, parent: r.parent ?? '' }),
        )
        .join('\n')}\n`,
    );
  const sync = async () => {
    const { body } = await atlas.api.post('/api/sync', { channel_id: channelId });
    const job = await waitForJob(atlas.api, channelId, body.job_id, ['completed', 'failed'], 60_000);
    expect(job.status).toBe('completed');
    return (await atlas.api.get(`/api/sync/status?channel_id=${channelId}&job_id=${body.job_id}`)).body;
  };
  const facts = async (query = '') => {
    const { status, body } = await atlas.api.get(`/api/channels/${channelId}/facts?limit=200${query}`);
    expect(status).toBe(200);
    return body.facts as any[];
  };
  const wikiIndex = async () => (await atlas.api.get(`/api/wiki/${channelId}`)).body.pages as any[];

  beforeAll(async () => {
    atlas = await startAtlas();
    mkdirSync(join(atlas.importDir, 'kb'), { recursive: true });
    write(FIRST);
    const created = await atlas.api.post('/api/connections', {
      name: 'Knowledge',
      platform: 'generic_import',
      config: { path: 'kb/chat.jsonl', mapping: JSON.stringify(MAPPING), channel_name: 'launch' },
    });
    expect(created.status).toBe(201);
    channelId = created.body.channels[0].channel_id;
    await sync();
  });

  afterAll(() => atlas?.close());

  it('lets the moved deadline supersede the first one', async () => {
    const all = await facts();
    const first = all.find((fact) => fact.source.message_id === 'm1');
    const moved = all.find((fact) => fact.source.message_id === 'm7');
    expect(first?.subject).toMatch(/^deadline:/);
    expect(moved?.subject).toBe(first.subject);
    expect(first.superseded_by).toBe(moved.id);
    expect(moved.supersedes).toBe(first.id);
    expect(moved.superseded_by).toBeNull();
  });

  it('types the answer in its thread, the request and the decision, and gives small talk no fact', async () => {
    const all = await facts();
    expect(all.filter((fact) => fact.source.message_id === 'm5')).toEqual([]);
    expect(all.find((fact) => fact.source.message_id === 'm2')?.type).toBe('question');
    expect(all.find((fact) => fact.source.message_id === 'm3')?.type).toBe('answer');
    expect(all.find((fact) => fact.source.message_id === 'm6')?.type).toBe('decision');
    // A request asked as a question is a question owned by the person asked, never an action item.
    expect(all.find((fact) => fact.source.message_id === 'm4')).toMatchObject({
      type: 'question',
      owner: expect.stringMatching(/^person:/),
    });
    const decisions = await facts('&type=decision');
    expect(decisions.map((fact) => fact.source.message_id)).toEqual(['m6']);
  });

  it('writes a FAQ pairing the question with its answer, every [n] resolved to a source message', async () => {
    const { status, body } = await atlas.api.get(`/api/wiki/${channelId}/pages/faq`);
    expect(status).toBe(200);
    expect(body.markdown).toMatch(/Who owns the billing service/);
    expect(body.markdown).toMatch(/Carla Diaz owns the billing service/);
    const cited = new Set([...body.markdown.matchAll(/\[(\d+)\]/g)].map((match: RegExpMatchArray) => Number(match[1])));
    expect(cited.size).toBeGreaterThan(1);
    const sources = new Map(body.citations.map((c: any) => [c.n, c.message_id]));
    for (const n of cited) expect(['m2', 'm3']).toContain(sources.get(n));
  });

  it('rewrites no page when nothing new was said', async () => {
    const before = await wikiIndex();
    const status = await sync();
    expect(status.knowledge.wiki_pages_changed).toBe(0);
    expect(await wikiIndex()).toEqual(before);
  });

  it('rewrites only the pages a new message touches, keeping their earlier versions', async () => {
    const before = new Map((await wikiIndex()).map((page) => [page.slug, page.version]));
    write([...FIRST, LATER]);
    const status = await sync();
    expect(status.knowledge.wiki_pages_changed).toBeGreaterThan(0);
    const after = await wikiIndex();
    const rewritten = after.filter((page) => before.get(page.slug) !== page.version);
    const untouched = after.filter((page) => before.get(page.slug) === page.version);
    expect(rewritten.length).toBeGreaterThan(0);
    expect(untouched.map((page) => page.slug)).toEqual(expect.arrayContaining(['faq', 'decisions']));
    const timeline = after.find((page) => page.slug === 'timeline');
    expect(timeline.version).toBe(2);
    const versions = await atlas.api.get(`/api/wiki/${channelId}/pages/timeline/versions`);
    expect(versions.body.versions.map((v: any) => v.version)).toEqual([2, 1]);
    const old = await atlas.api.get(`/api/wiki/${channelId}/pages/timeline?version=1`);
    expect(old.body.markdown).not.toMatch(/Grafana/);
    const current = await atlas.api.get(`/api/wiki/${channelId}/pages/timeline`);
    expect(current.body.markdown).toMatch(/Grafana/);
  });
});
