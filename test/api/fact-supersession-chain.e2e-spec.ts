import { join } from 'node:path';
import type { FactDoc } from '@atlas/read-models';
import { openStore, ReadModelStore } from '@atlas/store';
import { GatewayOverStore, startGatewayOverStore } from '../support/gateway-over-store';
import { tempDir } from '../support/temp-dir';

/** GET /api/channels/{channel_id}/facts/{fact_id}: one fact and the facts that replaced one another on its subject. */
const T0 = Date.parse('2026-04-01T09:00:00.000Z');

function fact(
  id: string,
  minute: number,
  links: { supersedes?: string; superseded_by?: string; channel?: string } = {},
): FactDoc {
  const valid_at = new Date(T0 + minute * 60_000).toISOString();
  return {
    id,
    channel_id: links.channel ?? 'C1',
    message_id: `m_${id}`,
    extractor_version: 'rules-2',
    index: 0,
    text: `The Atlas launch is on day ${minute}`,
    type: 'decision',
    confidence: 0.9,
    entities: [],
    relations: [],
    topics: [],
    subject: 'deadline:project:atlas',
    valid_at,
    due_at: null,
    language: 'en',
    source: {
      message_id: `m_${id}`,
      author_id: 'u1',
      author_name: 'Ana Lima',
      timestamp: valid_at,
      thread_id: null,
      permalink: null,
      text: null,
    },
    job_id: 'sync_1',
    entity_ids: [],
    supersedes: links.supersedes ?? null,
    superseded_by: links.superseded_by ?? null,
    sort_key: `${valid_at}|${id}`,
    last_seq: 1,
  };
}

describe('GET /api/channels/{channel_id}/facts/{fact_id}', () => {
  const data = tempDir('fact-chain');
  let store: ReadModelStore;
  let gateway: GatewayOverStore;

  beforeAll(async () => {
    store = await openStore({ sqlitePath: join(data.path, 'atlas.sqlite') });
    for (const channel_id of ['C1', 'C2'])
      await store.put('channels', { id: channel_id, channel_id, name: channel_id.toLowerCase(), last_seq: 1 });
    await store.putMany('facts', [
      fact('f_first', 1, { superseded_by: 'f_second' }),
      fact('f_second', 2, { supersedes: 'f_first', superseded_by: 'f_third' }),
      fact('f_third', 3, { supersedes: 'f_second' }),
      fact('f_alone', 4),
      // A link out of the channel ends the chain instead of showing another channel's fact.
      fact('f_linked_out', 5, { supersedes: 'f_other' }),
      fact('f_other', 0, { superseded_by: 'f_linked_out', channel: 'C2' }),
    ]);
    gateway = await startGatewayOverStore(store, data.path);
  });

  afterAll(async () => {
    await gateway?.close();
    await store?.close();
    data.remove();
  });

  const get = (path: string) => gateway.api.get(path);
  const chainIds = (body: any) => body.chain.map((f: any) => f.id);

  it.each(['f_first', 'f_second', 'f_third'])('shows %s with its whole chain, oldest first', async (id) => {
    const { status, body } = await get(`/api/channels/C1/facts/${id}`);
    expect(status).toBe(200);
    expect(body.fact).toMatchObject({ id, channel_id: 'C1', type: 'decision', source: { author_name: 'Ana Lima' } });
    expect(chainIds(body)).toEqual(['f_first', 'f_second', 'f_third']);
    expect(body.chain[1]).toMatchObject({ supersedes: 'f_first', superseded_by: 'f_third' });
  });

  it('shows a fact nothing replaced as a chain of itself', async () => {
    const { body } = await get('/api/channels/C1/facts/f_alone');
    expect(chainIds(body)).toEqual(['f_alone']);
    expect(body.fact).toEqual(body.chain[0]);
  });

  it('stops the chain at a fact of another channel', async () => {
    const { body } = await get('/api/channels/C1/facts/f_linked_out');
    expect(chainIds(body)).toEqual(['f_linked_out']);
  });

  it('answers 404 FACT_NOT_FOUND for an unknown fact or one of another channel', async () => {
    for (const path of ['/api/channels/C1/facts/nope', '/api/channels/C1/facts/f_other']) {
      const { status, body } = await get(path);
      expect(status).toBe(404);
      expect(body).toEqual({
        error: {
          code: 'FACT_NOT_FOUND',
          message: expect.any(String),
          details: expect.objectContaining({ channel_id: 'C1' }),
        },
      });
    }
  });

  it('answers 404 CHANNEL_NOT_FOUND for an unknown channel', async () => {
    const { status, body } = await get('/api/channels/C9/facts/f_first');
    expect(status).toBe(404);
    expect(body.error.code).toBe('CHANNEL_NOT_FOUND');
  });
});
