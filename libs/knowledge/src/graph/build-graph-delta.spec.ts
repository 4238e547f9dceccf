import 'reflect-metadata';
import { stableId } from '@atlas/common';
import { EntityUpsert, type Fact, type FactEntity, RelationUpsert } from '@atlas/events';
import { extractFacts } from '../extraction/extract-facts';
import { CHANNEL, engChannelConversation } from '../testing/chat-messages';
import { schemaViolations } from '../testing/schema';
import { buildGraphDelta } from './build-graph-delta';
import { MAX_ENTITIES_PER_FACT } from './build-relations';

const CONTEXT = { channel_id: CHANNEL.channel_id };

const person = (id: string, name: string): FactEntity => ({ key: `person:${id}`, name, type: 'person' });
const topic = (name: string): FactEntity => ({ key: `topic:${name.toLowerCase()}`, name, type: 'topic' });

function fact(id: string, authorId: string | null, entities: FactEntity[]): Fact {
  return {
    id,
    channel_id: CHANNEL.channel_id,
    message_id: `m-${id}`,
    extractor_version: 'rules-1',
    index: 0,
    text: `text of ${id}`,
    type: 'observation',
    confidence: 0.5,
    entities,
    source: {
      message_id: `m-${id}`,
      author_id: authorId,
      author_name: null,
      timestamp: '2024-03-04T08:00:00.000Z',
      thread_id: null,
      permalink: null,
    },
  };
}

const ana = person('U0ANA', 'Ana Lima');
const bruno = person('U0BRUNO', 'Bruno Costa');

describe('buildGraphDelta', () => {
  it('merges entities by key, choosing the most used name and keeping the other spellings as aliases', () => {
    const facts = [
      fact('f1', 'U0ANA', [ana, { key: 'topic:kubernetes', name: 'Kubernetes', type: 'topic' }]),
      fact('f2', 'U0ANA', [ana, { key: 'topic:kubernetes', name: 'k8s', type: 'topic' }]),
      fact('f3', 'U0ANA', [ana, { key: 'topic:kubernetes', name: 'Kubernetes', type: 'topic' }]),
      fact('f4', 'U0ANA', [ana, { key: 'topic:kubernetes', name: 'kubernetes', type: 'topic' }]),
    ];
    const kubernetes = buildGraphDelta(facts, CONTEXT).entities.find((entity) => entity.key === 'topic:kubernetes');
    expect(kubernetes).toEqual({
      id: stableId('ent', 'topic:kubernetes'),
      key: 'topic:kubernetes',
      name: 'Kubernetes',
      type: 'topic',
      aliases: ['k8s'],
      channel_id: CHANNEL.channel_id,
      fact_ids: ['f1', 'f2', 'f3', 'f4'],
    });
  });

  it('breaks a tie between names deterministically, whatever the order of the facts', () => {
    const facts = [fact('f2', null, [topic('postgres')]), fact('f1', null, [topic('Postgres')])];
    const names = [facts, [...facts].reverse()].map((batch) => buildGraphDelta(batch, CONTEXT).entities[0].name);
    expect(names).toEqual(['Postgres', 'Postgres']);
  });

  it('merges a topic into the person whose name or alias it is', () => {
    const facts = [
      fact('f1', 'U0ANA', [ana, bruno]),
      fact('f2', 'U0CARLA', [person('U0CARLA', 'Carla Diaz'), topic('Bruno Costa')]),
      fact('f3', 'U0CARLA', [person('U0CARLA', 'Carla Diaz'), topic('Bruno')]),
    ];
    const { entities, relations } = buildGraphDelta(facts, CONTEXT);
    expect(entities.map((entity) => entity.key)).toEqual(['person:U0ANA', 'person:U0BRUNO', 'person:U0CARLA']);
    const merged = entities.find((entity) => entity.key === 'person:U0BRUNO');
    expect(merged).toMatchObject({ name: 'Bruno Costa', aliases: ['Bruno'], fact_ids: ['f1', 'f2', 'f3'] });
    const carlaToBruno = relations.find(
      (relation) => relation.type === 'mentions' && relation.source_id === stableId('ent', 'person:U0CARLA'),
    );
    expect(carlaToBruno).toMatchObject({ target_id: stableId('ent', 'person:U0BRUNO'), fact_ids: ['f2', 'f3'] });
  });

  it('leaves a topic alone when two people answer to its name', () => {
    const facts = [
      fact('f1', 'U0ANA', [ana, person('U0ANA2', 'Ana Souza')]),
      fact('f2', 'U0BRUNO', [bruno, topic('Ana')]),
    ];
    expect(buildGraphDelta(facts, CONTEXT).entities.map((entity) => entity.key)).toContain('topic:ana');
  });

  it('relates the author to every other entity, and the others to each other once per pair', () => {
    const kafka = topic('Kafka');
    const redis = topic('Redis');
    const facts = [fact('f1', 'U0ANA', [ana, kafka, redis]), fact('f2', 'U0BRUNO', [bruno, redis, kafka])];
    const { relations } = buildGraphDelta(facts, CONTEXT);
    const id = (entity: FactEntity) => stableId('ent', entity.key);
    const coOccurrences = relations.filter((relation) => relation.type === 'co_occurs_with');
    expect(coOccurrences).toHaveLength(1);
    const [a, b] = [id(kafka), id(redis)].sort();
    expect(coOccurrences[0]).toEqual({
      id: stableId('rel', 'co_occurs_with', a, b),
      type: 'co_occurs_with',
      source_id: a,
      target_id: b,
      channel_id: CHANNEL.channel_id,
      fact_ids: ['f1', 'f2'],
    });
    const mentions = relations
      .filter((relation) => relation.type === 'mentions')
      .map((relation) => [relation.source_id, relation.target_id]);
    expect(mentions).toEqual(
      expect.arrayContaining([
        [id(ana), id(kafka)],
        [id(ana), id(redis)],
        [id(bruno), id(kafka)],
        [id(bruno), id(redis)],
      ]),
    );
    expect(mentions).toHaveLength(4);
  });

  it('has no author relations for a fact without an author', () => {
    const { relations } = buildGraphDelta([fact('f1', null, [topic('Kafka'), topic('Redis')])], CONTEXT);
    expect(relations.map((relation) => relation.type)).toEqual(['co_occurs_with']);
  });

  it('considers at most a bounded number of entities per fact', () => {
    const many = Array.from({ length: 40 }, (_, i) => topic(`Topic${String(i).padStart(2, '0')}`));
    const { relations } = buildGraphDelta([fact('f1', 'U0ANA', [ana, ...many])], CONTEXT);
    const pairs = (MAX_ENTITIES_PER_FACT * (MAX_ENTITIES_PER_FACT - 1)) / 2;
    expect(relations.filter((relation) => relation.type === 'co_occurs_with')).toHaveLength(pairs);
    expect(relations.filter((relation) => relation.type === 'mentions')).toHaveLength(MAX_ENTITIES_PER_FACT);
  });

  describe('on extracted facts', () => {
    const { facts } = extractFacts(engChannelConversation(), CHANNEL);
    const delta = buildGraphDelta(facts, CONTEXT);

    it('is deterministic and independent of the order of the facts', () => {
      expect(buildGraphDelta([...facts].reverse(), CONTEXT)).toEqual(delta);
    });

    it('outputs entities sorted by key and relations by type, source and target, with sorted fact ids', () => {
      const keys = delta.entities.map((entity) => entity.key);
      expect(keys).toEqual([...keys].sort());
      const relationOrder = delta.relations.map(
        (relation) => `${relation.type} ${relation.source_id} ${relation.target_id}`,
      );
      expect(relationOrder).toEqual([...relationOrder].sort());
      for (const item of [...delta.entities, ...delta.relations])
        expect(item.fact_ids).toEqual([...item.fact_ids].sort());
    });

    it('stores every undirected pair with its ids in order', () => {
      for (const relation of delta.relations.filter((r) => r.type === 'co_occurs_with')) {
        expect(relation.source_id < relation.target_id).toBe(true);
      }
    });

    it('produces upserts that satisfy the event model', () => {
      for (const entity of delta.entities) expect(schemaViolations(EntityUpsert, entity)).toEqual([]);
      for (const relation of delta.relations) expect(schemaViolations(RelationUpsert, relation)).toEqual([]);
    });
  });
});
