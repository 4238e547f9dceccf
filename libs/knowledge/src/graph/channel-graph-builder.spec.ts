import { stableId } from '@atlas/common';
import type { GraphEntity } from '../contracts';
import { ChannelGraphBuilder } from './channel-graph-builder';
import { CHANNEL_ID, fact, named, person, relation, ticket } from './graph-test-facts';

const ana = person('U0ANA', 'Ana Lima');
const bruno = person('U0BRUNO', 'Bruno Costa');
const atlas = named('project', 'Atlas');
const postgres = named('technology', 'Postgres');
const ops12 = ticket('OPS-12');
const entityId = (key: string) => stableId('ent', key);

describe('ChannelGraphBuilder', () => {
  describe('relations', () => {
    it('relates the entities each fact states, typed and directed, with the facts as evidence', () => {
      const { relations } = new ChannelGraphBuilder(CHANNEL_ID, []).build([
        fact('f2', [ana, atlas], [relation('works_on', ana, atlas)]),
        fact('f1', [ana, atlas, postgres], [relation('works_on', ana, atlas), relation('uses', atlas, postgres)]),
        fact('f3', [bruno, ops12], [relation('owns', bruno, ops12)]),
      ]);
      const works = stableId('rel', 'works_on', entityId(ana.key), entityId(atlas.key));
      expect(relations).toContainEqual({
        id: works,
        type: 'works_on',
        source_id: entityId(ana.key),
        target_id: entityId(atlas.key),
        channel_id: CHANNEL_ID,
        fact_ids: ['f1', 'f2'],
      });
      expect(relations.map((r) => [r.type, r.source_id, r.target_id, r.fact_ids])).toEqual(
        expect.arrayContaining([
          ['uses', entityId(atlas.key), entityId(postgres.key), ['f1']],
          ['owns', entityId(bruno.key), entityId(ops12.key), ['f3']],
        ]),
      );
      expect(relations).toHaveLength(3);
    });

    it('relates the entities the keys were resolved into', () => {
      const topic = named('topic', 'the atlas');
      const { relations } = new ChannelGraphBuilder(CHANNEL_ID, []).build([
        fact('f1', [atlas]),
        fact('f2', [ana, topic], [relation('works_on', ana, topic)]),
      ]);
      expect(relations.map((r) => [r.type, r.source_id, r.target_id])).toEqual([
        ['works_on', entityId(ana.key), entityId(atlas.key)],
      ]);
    });

    it('drops a relation whose ends resolved into one entity, and one naming a key nobody has', () => {
      const brunoTopic = named('topic', 'Bruno');
      const { relations } = new ChannelGraphBuilder(CHANNEL_ID, []).build([
        fact('f1', [bruno, brunoTopic], [relation('mentions', bruno, brunoTopic)]),
        fact('f2', [ana], [relation('works_on', ana, atlas)]),
      ]);
      expect(relations).toEqual([]);
    });
  });

  describe('across batches', () => {
    const known: GraphEntity[] = [
      {
        id: 'ent_atlas',
        key: 'project:atlas',
        name: 'Atlas',
        type: 'project',
        kind: null,
        aliases: ['atlas-sync'],
        keys: ['project:atlas', 'topic:atlas sync'],
      },
      { id: 'ent_ana', key: ana.key, name: 'Ana Lima', type: 'person', kind: null, aliases: ['ana'], keys: [ana.key] },
      {
        id: 'ent_billing',
        key: 'topic:billing migration',
        name: 'billing migration',
        type: 'topic',
        kind: null,
        aliases: [],
        keys: ['topic:billing migration'],
      },
    ];

    it('resolves into the known graph: its ids and names, only new aliases, the keys it took', () => {
      const delta = new ChannelGraphBuilder(CHANNEL_ID, known).build([
        fact('f1', [person('U0ANA', '@ana'), named('topic', 'Atlas Sync')]),
        fact('f2', [person('U0ANA', 'Ana L.'), named('topic', 'Ana')], [relation('works_on', ana, atlas)]),
        fact('f3', [ana, atlas]),
      ]);
      expect(delta.entities).toEqual([
        {
          id: 'ent_ana',
          key: ana.key,
          name: 'Ana Lima',
          type: 'person',
          kind: null,
          aliases: ['Ana L.'],
          keys: [ana.key, 'topic:ana'],
          channel_id: CHANNEL_ID,
          fact_ids: ['f1', 'f2', 'f3'],
        },
        {
          id: 'ent_atlas',
          key: 'project:atlas',
          name: 'Atlas',
          type: 'project',
          kind: null,
          aliases: ['Atlas Sync'],
          keys: ['project:atlas', 'topic:atlas sync'],
          channel_id: CHANNEL_ID,
          fact_ids: ['f1', 'f3'],
        },
      ]);
      expect(delta.relations.map((r) => [r.source_id, r.target_id])).toEqual([['ent_ana', 'ent_atlas']]);
    });

    it('gives a known topic the type of a project named like it, keeping its id', () => {
      const delta = new ChannelGraphBuilder(CHANNEL_ID, known).build([
        fact('f1', [named('project', 'Billing-Migration')]),
      ]);
      expect(delta.entities).toEqual([
        expect.objectContaining({
          id: 'ent_billing',
          key: 'topic:billing migration',
          type: 'project',
          aliases: ['Billing-Migration'],
          keys: ['topic:billing migration', 'project:billing-migration'],
        }),
      ]);
    });

    it('remembers what earlier batches created, and returns only the entities a batch names', () => {
      const builder = new ChannelGraphBuilder(CHANNEL_ID, []);
      const first = builder.build([
        fact('f1', [ana, named('topic', 'billing migration')]),
        fact('f2', [bruno, atlas], [relation('works_on', bruno, atlas)]),
      ]);
      expect(first.entities.map((e) => e.key)).toEqual([
        'person:U0ANA',
        'person:U0BRUNO',
        'project:atlas',
        'topic:billing migration',
      ]);

      const second = builder.build([
        fact('f3', [named('topic', 'the billing-migration'), named('topic', 'Ana')]),
        fact(
          'f4',
          [named('topic', 'Bruno'), named('topic', 'Atlas')],
          [relation('works_on', named('topic', 'Bruno'), named('topic', 'Atlas'))],
        ),
      ]);
      expect(second.entities.map((e) => [e.id, e.keys, e.aliases, e.fact_ids])).toEqual([
        [entityId(ana.key), [ana.key, 'topic:ana'], ['Ana'], ['f3']],
        [entityId(bruno.key), [bruno.key, 'topic:bruno'], ['Bruno'], ['f4']],
        [entityId(atlas.key), [atlas.key, 'topic:atlas'], [], ['f4']],
        [
          entityId('topic:billing migration'),
          ['topic:billing migration', 'topic:the billing-migration'],
          ['the billing-migration'],
          ['f3'],
        ],
      ]);
      expect(second.relations.map((r) => [r.id, r.fact_ids])).toEqual([[first.relations[0].id, ['f4']]]);
      expect(builder.entityIdOf('topic:the billing-migration')).toBe(entityId('topic:billing migration'));
    });

    it('adds no alias twice: the same batch again only repeats keys and facts', () => {
      const builder = new ChannelGraphBuilder(CHANNEL_ID, []);
      const batch = [
        fact('f1', [person('U0ANA', 'Ana Lima'), named('technology', 'Postgres')]),
        fact('f2', [person('U0ANA', 'ana'), named('technology', 'postgres'), named('topic', 'PostgreSQL')]),
      ];
      const first = builder.build(batch);
      const again = builder.build(batch);
      expect(first.entities.map((e) => e.aliases)).toEqual([['ana'], [], []]);
      expect(again.entities).toEqual(first.entities.map((e) => ({ ...e, aliases: [] })));
    });
  });

  it('makes one upsert per resolved entity', () => {
    const { entities } = new ChannelGraphBuilder(CHANNEL_ID, []).build([
      fact('f1', [ana, person('U0ANA', 'ana'), named('topic', 'Ana Lima')]),
      fact('f2', [named('project', 'Billing migration'), named('topic', 'billing migrations')]),
      fact('f3', [named('topic', 'the billing-migration'), ticket('OPS-12'), ticket('ops-12')]),
    ]);
    expect(entities.map((e) => [e.key, e.keys.length, e.fact_ids])).toEqual([
      ['artifact:ticket:ops-12', 1, ['f3']],
      ['person:U0ANA', 2, ['f1']],
      ['project:billing migration', 3, ['f2', 'f3']],
    ]);
  });
});
