import 'reflect-metadata';
import { EntityUpsert, type Fact, RelationUpsert } from '@atlas/events';
import { schemaViolations } from '../testing/schema';
import { buildGraphDelta } from './build-graph-delta';
import { ChannelGraphBuilder } from './channel-graph-builder';
import { CHANNEL_ID, fact, named, person, relation, ticket } from './graph-test-facts';

const CONTEXT = { channel_id: CHANNEL_ID };

/** A channel's worth of facts naming the same things many ways. */
function channelFacts(): Fact[] {
  const ana = person('U0ANA', 'Ana Lima');
  const anaHandle = person('U0ANA', '@ana');
  const bruno = person('U0BRUNO', 'Bruno Costa');
  const carla = person('U0CARLA', 'Carla Diaz');
  const migration = named('project', 'Billing migration');
  const migrationTopic = named('topic', 'the billing-migration');
  const migrationsTopic = named('topic', 'billing migrations');
  const atlas = named('project', 'Atlas');
  const atlasV2 = named('project', 'Atlas v2');
  const postgres = named('technology', 'Postgres');
  const postgres16 = named('technology', 'Postgres 16');
  const kubernetes = named('technology', 'Kubernetes');
  const kubernets = named('topic', 'kubernets');
  const ops12 = ticket('OPS-12');
  const ops13 = ticket('OPS-13');
  const decision = named('decision', 'use postgres for billing');
  const anaTopic = named('topic', 'Ana');
  return [
    fact('f01', [ana, migration], [relation('works_on', ana, migration)]),
    fact('f02', [bruno, migrationTopic, postgres], [relation('uses', migrationTopic, postgres)]),
    fact('f03', [anaHandle, decision, postgres], [relation('decided', anaHandle, decision)]),
    fact('f04', [carla, ops12], [relation('owns', carla, ops12)]),
    fact('f05', [bruno, ops13, migrationsTopic], [relation('depends_on', ops13, migrationsTopic)]),
    fact('f06', [atlas, atlasV2], [relation('depends_on', atlasV2, atlas)]),
    fact('f07', [carla, kubernetes, kubernets], [relation('uses', kubernets, kubernetes)]),
    fact('f08', [bruno, anaTopic, postgres16], [relation('asked', bruno, anaTopic)]),
    fact('f09', [ana, bruno], [relation('answered', ana, bruno), relation('mentions', anaTopic, ana)]),
    fact('f10', [carla, atlas, kubernetes], [relation('uses', atlas, kubernetes), relation('works_on', carla, atlas)]),
  ];
}

describe('buildGraphDelta', () => {
  const facts = channelFacts();
  const delta = buildGraphDelta(facts, CONTEXT);

  it('is a fresh ChannelGraphBuilder for the channel', () => {
    expect(delta).toEqual(new ChannelGraphBuilder(CHANNEL_ID, []).build(facts));
  });

  it('resolves the many spellings of the channel into its entities', () => {
    expect(delta.entities.map((entity) => entity.key)).toEqual([
      'artifact:ticket:ops-12',
      'artifact:ticket:ops-13',
      'decision:use postgres for billing',
      'person:U0ANA',
      'person:U0BRUNO',
      'person:U0CARLA',
      'project:atlas',
      'project:atlas v2',
      'project:billing migration',
      'technology:kubernetes',
      'technology:postgres',
      'technology:postgres 16',
    ]);
    const keyOf = new Map(delta.entities.map((entity) => [entity.id, entity.key]));
    // "kubernets" uses Kubernetes, and "Ana" mentions Ana: relations of an entity to itself say nothing.
    expect(delta.relations.map((r) => `${keyOf.get(r.source_id)} ${r.type} ${keyOf.get(r.target_id)}`)).toEqual(
      expect.arrayContaining([
        'person:U0ANA works_on project:billing migration',
        'project:billing migration uses technology:postgres',
        'person:U0ANA decided decision:use postgres for billing',
        'person:U0CARLA owns artifact:ticket:ops-12',
        'artifact:ticket:ops-13 depends_on project:billing migration',
        'project:atlas v2 depends_on project:atlas',
        'person:U0BRUNO asked person:U0ANA',
        'person:U0ANA answered person:U0BRUNO',
        'project:atlas uses technology:kubernetes',
        'person:U0CARLA works_on project:atlas',
      ]),
    );
    expect(delta.relations).toHaveLength(10);
  });

  it('is independent of the order of the facts', () => {
    const reversed = [...facts].reverse();
    const interleaved = [...facts.filter((_, i) => i % 2 === 1), ...facts.filter((_, i) => i % 2 === 0)];
    expect(buildGraphDelta(reversed, CONTEXT)).toEqual(delta);
    expect(buildGraphDelta(interleaved, CONTEXT)).toEqual(delta);
  });

  it('outputs entities by key and relations by type, source and target, with sorted fact ids', () => {
    const keys = delta.entities.map((entity) => entity.key);
    expect(keys).toEqual([...keys].sort());
    const relationOrder = delta.relations.map((r) => `${r.type} ${r.source_id} ${r.target_id}`);
    expect(relationOrder).toEqual([...relationOrder].sort());
    for (const item of [...delta.entities, ...delta.relations])
      expect(item.fact_ids).toEqual([...item.fact_ids].sort());
  });

  it('produces upserts that satisfy the event model', () => {
    for (const entity of delta.entities) expect(schemaViolations(EntityUpsert, entity)).toEqual([]);
    for (const relation of delta.relations) expect(schemaViolations(RelationUpsert, relation)).toEqual([]);
  });
});
