import { SqliteStore } from '@atlas/store';
import type { FactDoc } from '../documents';
import { KnowledgeQueries } from './knowledge.queries';

/** Just what factsOfChannel reads and orders by; the rest of a fact does not matter to it. */
function fact(channelId: string, messageId: string, index: number): FactDoc {
  return { id: `${channelId}:${messageId}:${index}`, channel_id: channelId, message_id: messageId } as FactDoc;
}

describe('KnowledgeQueries.factsOfChannel, over a real SQLite store', () => {
  let store: SqliteStore;
  let queries: KnowledgeQueries;

  beforeEach(() => {
    store = SqliteStore.open(':memory:');
    queries = new KnowledgeQueries(store);
  });
  afterEach(() => store.close());

  async function idsOf(channelId: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const doc of queries.factsOfChannel(channelId)) ids.push(doc.id);
    return ids;
  }

  it("reads every fact of the channel once, when pages of 500 end inside a message's facts", async () => {
    // 7 facts a message: 500 is not a multiple of 7, so every page boundary falls inside a message.
    const facts = Array.from({ length: 300 }, (_, m) =>
      Array.from({ length: 7 }, (_, i) => fact('C1', `m${String(m).padStart(4, '0')}`, i)),
    ).flat();
    await store.putMany('facts', [...facts, fact('C2', 'm0001', 0)]);

    const ids = await idsOf('C1');
    expect(ids).toHaveLength(facts.length);
    expect(new Set(ids)).toEqual(new Set(facts.map((f) => f.id)));
  });

  it('reads a message with more facts than a page whole', async () => {
    const many = Array.from({ length: 620 }, (_, i) => fact('C1', 'm1', i));
    const after = [fact('C1', 'm2', 0), fact('C1', 'm2', 1)];
    await store.putMany('facts', [fact('C1', 'm0', 0), ...many, ...after]);

    const ids = await idsOf('C1');
    expect(ids).toHaveLength(623);
    expect(new Set(ids).size).toBe(623);
  });

  it('reads nothing for a channel without facts', async () => {
    await store.putMany('facts', [fact('C2', 'm1', 0)]);
    expect(await idsOf('C1')).toEqual([]);
  });
});
