import { join } from 'node:path';
import { AtlasHarness, connectExport, startAtlas, waitForJob } from '../support/atlas-harness';
import { walkListing } from '../support/paged-listing';
import { generatedChannel, writeChannelDays, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(120_000);

const CHANNEL = 'C0PERMA';

/**
 * An export synced without `workspace_url` has no permalinks. Adding the setting later (PUT of the
 * connection) must give every stored message, fact and wiki citation its permalink at the next plain
 * sync, over HTTP, with the real log and store; a setting changed again moves them again, and once the
 * links are current a sync is incremental again.
 */
describe('Slack export permalinks set after the first sync', () => {
  let atlas: AtlasHarness;
  let connectionId: string;
  const channel = generatedChannel(CHANNEL, 'perma', 9);
  const firstEight = { ...channel, messages: channel.messages.slice(0, 8) };
  const exportDir = () => join(atlas.importDir, 'acme');

  const sync = async () => {
    const { status, body } = await atlas.api.post('/api/sync', { channel_id: CHANNEL });
    expect(status).toBe(202);
    const done = await waitForJob(atlas.api, CHANNEL, body.job_id, ['completed', 'failed'], 60_000);
    expect(done.status).toBe('completed');
    const { body: history } = await atlas.api.get(`/api/sync/history?channel_id=${CHANNEL}&limit=1`);
    return history.history[0] as { messages_synced: number; facts_extracted: number };
  };
  const facts = async () => (await walkListing(atlas.api, `/api/channels/${CHANNEL}/facts`, 'facts', 200)).items;
  const wikiCitations = async () => {
    const { body } = await atlas.api.get(`/api/wiki/${CHANNEL}`);
    const citations: Array<{ message_id: string; permalink: string | null }> = [];
    for (const { slug } of body.pages) {
      const page = await atlas.api.get(`/api/wiki/${CHANNEL}/pages/${slug}`);
      citations.push(...page.body.citations);
    }
    return citations;
  };
  const setWorkspaceUrl = async (url: string | null) => {
    const { status, body } = await atlas.api.put(`/api/connections/${connectionId}`, {
      config: { workspace_url: url },
    });
    expect([status, body.config?.workspace_url ?? null]).toEqual([200, url]);
  };
  const linkOf = (origin: string, ts: string) => `${origin}/archives/${CHANNEL}/p${ts.replace('.', '')}`;

  beforeAll(async () => {
    atlas = await startAtlas();
    writeSlackExport(exportDir(), [firstEight]);
    connectionId = (await connectExport(atlas.api, 'acme')).connection_id;
  });

  afterAll(() => atlas.close());

  it('has no permalinks while the connection names no workspace', async () => {
    expect((await sync()).messages_synced).toBe(8);
    const stored = await facts();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((fact: any) => fact.source.permalink)).toEqual(stored.map(() => null));
    expect((await wikiCitations()).every((citation) => citation.permalink === null)).toBe(true);
  });

  it('fills in the permalinks of the stored facts and citations at the next plain sync once workspace_url is set', async () => {
    await setWorkspaceUrl('https://acme.slack.com');
    // One new message as well: the sync is the ordinary next one, not a forced one.
    const newer = channel.messages[8];
    writeChannelDays(exportDir(), channel);
    expect((await sync()).messages_synced).toBe(9);

    const stored = await facts();
    expect(stored.map((fact: any) => fact.source.message_id)).toContain(newer.ts);
    for (const fact of stored)
      expect(fact.source.permalink).toMatch(
        new RegExp(`^${linkOf('https://acme\\.slack\\.com', fact.source.message_id)}`),
      );
    const citations = await wikiCitations();
    expect(citations.length).toBeGreaterThan(0);
    for (const citation of citations)
      expect(citation.permalink).toMatch(new RegExp(`^${linkOf('https://acme\\.slack\\.com', citation.message_id)}`));
    const { body: overview } = await atlas.api.get(`/api/wiki/${CHANNEL}/pages/overview`);
    expect(overview.html).toContain('<a href="https://acme.slack.com/archives/');
  });

  it('is incremental again once the permalinks are current', async () => {
    expect((await sync()).messages_synced).toBe(0);
  });

  it('moves the permalinks when the workspace changes, and removes them when the setting is removed', async () => {
    await setWorkspaceUrl('https://fernway.slack.com');
    expect((await sync()).messages_synced).toBe(9);
    for (const fact of await facts()) expect(fact.source.permalink).toMatch(/^https:\/\/fernway\.slack\.com\//);

    await setWorkspaceUrl(null);
    expect((await sync()).messages_synced).toBe(9);
    expect((await facts()).every((fact: any) => fact.source.permalink === null)).toBe(true);
    expect((await wikiCitations()).every((citation) => citation.permalink === null)).toBe(true);
  });
});
