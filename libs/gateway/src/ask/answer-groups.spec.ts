import type { FactView } from '../knowledge/fact-view';
import { groupByEntity } from './answer-groups';

function fact(id: string, valid_at: string, entities: Array<[string, FactView['entities'][number]['type']]>): FactView {
  return {
    id,
    channel_id: 'C1',
    text: `fact ${id}`,
    type: 'observation',
    confidence: 1,
    entities: entities.map(([name, type]) => ({
      id: `${type}:${name}`,
      key: `${type}:${name}`,
      name,
      type,
      kind: null,
    })),
    relations: [],
    topics: [],
    subject: null,
    valid_at,
    due_at: null,
    supersedes: null,
    superseded_by: null,
    owner: null,
    reports_done: false,
    state: null,
    closed_by: null,
    language: 'en',
    source: {
      message_id: `m-${id}`,
      author_id: 'U1',
      author_name: 'ana',
      timestamp: valid_at,
      thread_id: null,
      permalink: null,
      text: null,
    },
  } as FactView;
}

describe('groupByEntity', () => {
  const grubLate = fact('a', '2024-01-03T00:00:00.000Z', [
    ['bob', 'person'],
    ['grub', 'technology'],
  ]);
  const grubEarly = fact('b', '2024-01-01T00:00:00.000Z', [
    ['grub', 'technology'],
    ['windows', 'technology'],
  ]);
  const windows = fact('c', '2024-01-02T00:00:00.000Z', [
    ['ana', 'person'],
    ['windows', 'technology'],
  ]);
  const nothing = fact('d', '2024-01-02T00:00:00.000Z', []);

  it('puts each fact under the entity the question names, groups by best rank, facts by time', () => {
    const groups = groupByEntity(
      [
        { n: 1, fact: grubLate },
        { n: 2, fact: windows },
        { n: 3, fact: grubEarly },
        { n: 4, fact: nothing },
      ],
      ['grub'],
    );
    expect(groups.map((group) => [group.entity?.name ?? null, group.facts.map((f) => f.n)])).toEqual([
      ['grub', [3, 1]],
      ['windows', [2]],
      [null, [4]],
    ]);
    expect(groups[0].facts[1]).toMatchObject({ id: 'a', citation: { message_id: 'm-a', author_name: 'ana' } });
  });

  it('prefers what a fact is about over its people when the question names none of its entities', () => {
    const groups = groupByEntity([{ n: 1, fact: windows }], ['crash']);
    expect(groups[0].entity).toEqual({ id: 'technology:windows', name: 'windows', type: 'technology' });
  });
});
