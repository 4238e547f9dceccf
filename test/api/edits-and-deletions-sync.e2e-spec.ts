import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AtlasHarness, startAtlas, waitForJob } from '../support/atlas-harness';

jest.setTimeout(60_000);

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
};

/**
 * A channel synced, then an export in which one message was edited and another deleted, synced again:
 * the wiki of the second sync says what the channel says now, and nothing of what was taken back.
 */
describe('an edited and a deleted message, through a whole sync to the wiki', () => {
  let atlas: AtlasHarness;
  const csvPath = () => join(atlas.importDir, 'team', 'chat.csv');
  const writeCsv = (rows: string[]) => writeFileSync(csvPath(), `${[HEADER, ...rows].join('\n')}\n`);
  const wikiText = async (channelId: string) => {
    const pages = await atlas.service.runtime.store.find<any>('wiki_pages', { where: { channel_id: channelId } });
    return pages.map((page) => page.markdown).join('\n');
  };
  const facts = (channelId: string) =>
    atlas.service.runtime.store.find<any>('facts', { where: { channel_id: channelId } });
  const sync = async (channelId: string) => {
    const { body } = await atlas.api.post('/api/sync', { channel_id: channelId });
    return waitForJob(atlas.api, channelId, body.job_id, ['completed', 'failed'], 30_000);
  };

  beforeAll(async () => {
    atlas = await startAtlas();
    mkdirSync(join(atlas.importDir, 'team'), { recursive: true });
  });

  afterAll(() => atlas.close());

  it('replaces what the edited message said and retracts what the deleted one said', async () => {
    writeCsv([ROWS.decision, ROWS.review, ROWS.incident]);
    const created = await atlas.api.post('/api/connections', {
      name: 'Team chat',
      platform: 'generic_import',
      config: { path: 'team/chat.csv', mapping: JSON.stringify(MAPPING), channel_name: 'team' },
    });
    expect(created.status).toBe(201);
    const [{ channel_id: channelId }] = created.body.channels;

    expect((await sync(channelId)).status).toBe('completed');
    expect(await wikiText(channelId)).toMatch(/Postgres/);
    expect(await wikiText(channelId)).toMatch(/Kafka/);

    writeCsv([
      'm1,Ana Souza,We decided to move the Billing Service to MySQL next sprint.,2026-03-02T09:00:00Z,2026-11-20T10:00:00Z,',
      ROWS.review,
      'm3,Ben Okafor,,2026-03-02T09:20:00Z,2026-11-20T10:05:00Z,true',
    ]);
    const second = await sync(channelId);
    expect(second.status).toBe('completed');

    const now = await facts(channelId);
    expect(now.some((fact) => fact.message_id === 'm3')).toBe(false);
    expect(now.filter((fact) => fact.message_id === 'm1').every((fact) => /MySQL/.test(fact.text))).toBe(true);
    const wiki = await wikiText(channelId);
    expect(wiki).toMatch(/MySQL/);
    expect(wiki).not.toMatch(/Postgres/);
    expect(wiki).not.toMatch(/Kafka/);
    const entities = await atlas.service.runtime.store.find<any>('entities', {});
    expect(entities.some((entity) => /postgres|kafka/i.test(entity.name))).toBe(false);
  });
});
