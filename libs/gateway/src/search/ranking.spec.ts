import type { EntityDoc, FactDoc, SearchEntryDoc } from '@atlas/read-models';
import { namedEntities } from './entity-names';
import { parseRankKey, rankHits, rankKeyOf } from './ranking';

function entry(kind: SearchEntryDoc['kind'], refId: string, time: string): SearchEntryDoc {
  return { kind, ref_id: refId, time, channel_id: 'C1', id: `e-${refId}` } as SearchEntryDoc;
}

function fact(id: string, entityIds: string[] = [], supersededBy: string | null = null): FactDoc {
  return { id, entity_ids: entityIds, superseded_by: supersededBy } as FactDoc;
}

function entity(id: string, type: string, name: string, aliases: string[] = []): EntityDoc {
  return { id, type, name, aliases } as unknown as EntityDoc;
}

const order = (hits: ReturnType<typeof rankHits>) => hits.map((hit) => hit.entry.ref_id);

describe('search ranking', () => {
  it('ranks facts about an entity the query names first, whatever their BM25', () => {
    const candidates = [
      { doc: entry('message', 'm1', '2026-01-01T00:00:00Z'), score: 9 },
      { doc: entry('fact', 'f-other', '2026-01-01T00:00:00Z'), score: 8 },
      { doc: entry('fact', 'f-ana', '2026-01-01T00:00:00Z'), score: 1 },
    ];
    const facts = new Map([
      ['f-other', fact('f-other', ['ent-ben'])],
      ['f-ana', fact('f-ana', ['ent-ana'])],
    ]);
    const hits = rankHits(candidates, facts, new Set(['ent-ana']));
    expect(order(hits)).toEqual(['f-ana', 'm1', 'f-other']);
    expect(hits[0].entity_match).toBe(true);
  });

  it('ranks a superseded fact below the fact that replaced it, even when its BM25 is higher', () => {
    const candidates = [
      { doc: entry('fact', 'old', '2026-01-01T00:00:00Z'), score: 10 },
      { doc: entry('fact', 'middle', '2026-01-02T00:00:00Z'), score: 7 },
      { doc: entry('fact', 'new', '2026-01-03T00:00:00Z'), score: 2 },
      { doc: entry('message', 'm1', '2026-01-01T00:00:00Z'), score: 3 },
    ];
    const facts = new Map([
      ['old', fact('old', [], 'middle')],
      ['middle', fact('middle', [], 'new')],
      ['new', fact('new')],
    ]);
    const hits = rankHits(candidates, facts, new Set());
    expect(order(hits)).toEqual(['m1', 'new', 'middle', 'old']);
    expect(hits.map((hit) => hit.score)).toEqual([3, 2, 1.999, 1.998]);
  });

  it('halves a superseded fact whose successor did not match', () => {
    const hits = rankHits(
      [{ doc: entry('fact', 'old', '2026-01-01T00:00:00Z'), score: 4 }],
      new Map([['old', fact('old', [], 'elsewhere')]]),
      new Set(),
    );
    expect(hits[0].score).toBe(2);
  });

  it('breaks ties of score by recency, newest first', () => {
    const candidates = [
      { doc: entry('message', 'older', '2026-01-01T00:00:00Z'), score: 2.0001 },
      { doc: entry('message', 'newer', '2026-02-01T00:00:00Z'), score: 2.0002 },
      { doc: entry('message', 'best', '2025-01-01T00:00:00Z'), score: 3 },
    ];
    expect(order(rankHits(candidates, new Map(), new Set()))).toEqual(['best', 'newer', 'older']);
  });

  it('leaves out a fact entry whose fact is gone (retracted)', () => {
    const hits = rankHits([{ doc: entry('fact', 'gone', '2026-01-01T00:00:00Z'), score: 5 }], new Map(), new Set());
    expect(hits).toEqual([]);
  });

  it('writes and reads a hit position as a cursor key', () => {
    const hit = { entity_match: true, score: 1.25, entry: entry('wiki_section', 'page#a|b', '2026-01-01T00:00:00Z') };
    expect(parseRankKey(rankKeyOf(hit))).toEqual({
      entity_match: true,
      score: 1.25,
      entry: { kind: 'wiki_section', ref_id: 'page#a|b', time: '2026-01-01T00:00:00Z' },
    });
    expect(parseRankKey('x|1|t|fact|id')).toBeNull();
    expect(parseRankKey('1|nope|t|fact|id')).toBeNull();
  });
});

describe('namedEntities', () => {
  const entities = [
    entity('ana', 'person', 'Ana Lima', ['ana.lima']),
    entity('atlas', 'project', 'Atlas v2'),
    entity('billing', 'topic', 'billing'),
    entity('ux', 'team', 'UX'),
    entity('the', 'artifact', 'The Plan'),
  ];

  it('finds entities named whole, by an alias, or by a first word of three letters or more', () => {
    expect([...namedEntities(['ana', 'launch'], entities)]).toEqual(['ana']);
    expect([...namedEntities(['lima', 'ana'], entities)]).toEqual(['ana']);
    expect([...namedEntities(['atlas', 'launch'], entities)]).toEqual(['atlas']);
    expect([...namedEntities(['ux', 'review'], entities)]).toEqual(['ux']);
  });

  it('never names a topic, nor an entity by a stop word', () => {
    expect([...namedEntities(['billing'], entities)]).toEqual([]);
    expect([...namedEntities(['the', 'launch'], entities)]).toEqual([]);
  });
});
