import { stableId } from '@atlas/common';
import type { FactEntity } from '@atlas/events';
import { buildGraphDelta } from './build-graph-delta';
import { CHANNEL_ID, fact, named, person, ticket } from './graph-test-facts';

/** The entities the graph makes of two fact entities named in separate facts of one batch. */
function resolve(...entities: FactEntity[]) {
  return buildGraphDelta(
    entities.map((entity, i) => fact(`f${i}`, [entity])),
    { channel_id: CHANNEL_ID },
  ).entities;
}

describe('entity resolution', () => {
  describe('platform identity', () => {
    it('makes one person of a user under display name, real name and @mention, keeping each as an alias', () => {
      const entities = resolve(
        person('U0ANA', 'Ana Lima'),
        person('U0ANA', 'Ana Lima'),
        person('U0ANA', 'ana'),
        person('U0ANA', '@ana.lima'),
      );
      expect(entities).toEqual([
        {
          id: stableId('ent', 'person:U0ANA'),
          key: 'person:U0ANA',
          name: 'Ana Lima',
          type: 'person',
          kind: null,
          aliases: ['@ana.lima', 'ana'],
          keys: ['person:U0ANA'],
          channel_id: CHANNEL_ID,
          fact_ids: ['f0', 'f1', 'f2', 'f3'],
        },
      ]);
    });

    it.each([
      ['her real name', 'Ana Lima'],
      ['her handle', 'ana.lima'],
      ['her display name', 'anita'],
      ['a possessive', "Ana Lima's"],
      ['her unique first name', 'Ana'],
    ])('resolves a topic that is %s to the person', (_, name) => {
      const entities = resolve(
        person('U0ANA', 'Ana Lima'),
        person('U0ANA', 'anita'),
        person('U0BRUNO', 'Bruno Costa'),
        named('topic', name),
      );
      expect(entities.map((entity) => entity.key)).toEqual(['person:U0ANA', 'person:U0BRUNO']);
      const ana = entities.find((entity) => entity.key === 'person:U0ANA');
      expect(ana?.keys).toEqual(['person:U0ANA', named('topic', name).key]);
      expect(ana?.fact_ids).toEqual(['f0', 'f1', 'f3']);
    });

    it('resolves a project named exactly like a person, but not one named like a first name', () => {
      const entities = resolve(person('U0ANA', 'Ana Lima'), named('project', 'Ana Lima'), named('project', 'Ana'));
      expect(entities.map((entity) => entity.key)).toEqual(['person:U0ANA', 'project:ana']);
    });

    it('leaves a first name alone when two people have it', () => {
      const entities = resolve(person('U0ANA', 'Ana Lima'), person('U0ANA2', 'Ana Souza'), named('topic', 'Ana'));
      expect(entities.map((entity) => entity.key)).toEqual(['person:U0ANA', 'person:U0ANA2', 'topic:ana']);
    });

    it('prefers a project of the same name over a person whose first name it is', () => {
      const entities = resolve(person('U0ATLAS', 'Atlas Reyes'), named('project', 'Atlas'), named('topic', 'atlas'));
      expect(entities.map((entity) => [entity.key, entity.keys])).toEqual([
        ['person:U0ATLAS', ['person:U0ATLAS']],
        ['project:atlas', ['project:atlas', 'topic:atlas']],
      ]);
    });
  });

  describe('merges', () => {
    it.each([
      ['spelling and articles', named('topic', 'Billing migration'), named('topic', 'the billing-migration')],
      ['spacing', named('project', 'Atlas Sync'), named('project', 'AtlasSync')],
      ['a plural', named('topic', 'billing migration'), named('topic', 'billing migrations')],
      ['a plural in the middle', named('topic', 'invoice export'), named('topic', 'invoices export')],
      ['a typo', named('technology', 'Kubernetes'), named('technology', 'Kubernets')],
      ['a doubled letter', named('technology', 'Postgres'), named('technology', 'Postgress')],
      ['punctuation', named('technology', 'Node.js'), named('technology', 'nodejs')],
      ['a topic into a project', named('project', 'Billing migration'), named('topic', 'billing migrations')],
      ['a topic into a technology', named('technology', 'Grafana dashboards'), named('topic', 'grafana dashboard')],
      ['a topic into a team of its name', named('team', 'SRE Team'), named('topic', 'the SRE team')],
    ])('%s: %j and %j are one entity', (_, first, second) => {
      const entities = resolve(first, second);
      expect(entities).toHaveLength(1);
      expect(entities[0]).toMatchObject({ key: first.key, type: first.type, keys: [first.key, second.key] });
      expect(entities[0].aliases).toEqual([second.name]);
    });

    it('names a merged entity after its most used key', () => {
      const entities = resolve(
        named('topic', 'Kubernets'),
        named('topic', 'Kubernetes'),
        named('topic', 'Kubernetes'),
        named('topic', 'Kubernetes'),
      );
      expect(entities.map((entity) => [entity.name, entity.aliases])).toEqual([['Kubernetes', ['Kubernets']]]);
    });
  });

  describe('never merges', () => {
    it.each([
      ['short names', named('project', 'Atlas'), named('project', 'Atlan')],
      ['short plurals', named('technology', 'API'), named('technology', 'APIs')],
      ['generic names', named('topic', 'the release'), named('topic', 'releases')],
      ['generic words', named('topic', 'release notes'), named('topic', 'release note')],
      ['names differing in a generic word', named('project', 'billing api'), named('project', 'billing app')],
      ['a version', named('project', 'Atlas'), named('project', 'Atlas v2')],
      ['versions', named('project', 'Atlas v1'), named('project', 'Atlas v2')],
      ['major versions', named('technology', 'Postgres 15'), named('technology', 'Postgres 16')],
      ['versions written together', named('technology', 'Postgres15'), named('technology', 'Postgres16')],
      ['years', named('project', 'Roadmap2024'), named('project', 'Roadmap2025')],
      ['dotted versions', named('technology', 'Python 3.12'), named('technology', 'Python 3.1.2')],
      ['ticket numbers', ticket('OPS-12'), ticket('OPS-13')],
      ['ticket-like topics', named('topic', 'OPS-12 rollout'), named('topic', 'OPS-13 rollout')],
      ['similar people', person('U0ANA', 'Ana Lima'), person('U0ANA2', 'Ana Lira')],
      ['people of one name', person('U0ANA', 'Ana Lima'), person('U0ANA2', 'Ana Lima')],
      [
        'similar decisions',
        named('decision', 'use postgres for billing'),
        named('decision', 'use postgres for billings'),
      ],
      ['a word prefixed', named('project', 'auth service'), named('project', 'oauth service')],
      ['a word extended', named('project', 'search index'), named('project', 'search indexer')],
      ['an extra word', named('project', 'Atlas Sync'), named('project', 'Atlas Sync web')],
      ['a region', named('topic', 'staging eu'), named('topic', 'staging us')],
      ['similar technologies', named('technology', 'MySQL'), named('technology', 'MSSQL')],
      ['C and C++', named('technology', 'C'), named('technology', 'C++')],
      ['C# and C++', named('technology', 'C#'), named('technology', 'C++')],
      ['a project and a technology', named('project', 'Atlas'), named('technology', 'Atlas')],
      ['a team and a similar topic', named('team', 'Platform Team'), named('topic', 'platform teams')],
      ['an artifact and a topic', ticket('OPS-12'), named('topic', 'OPS-12')],
      ['a technology and a person', person('U0RUBY', 'Ruby Chen'), named('technology', 'Ruby')],
    ])('%s: %j and %j stay apart', (_, first, second) => {
      expect(resolve(first, second)).toHaveLength(2);
    });
  });
  describe('places, relatives and pets', () => {
    it('makes a topic named like a place that place, but never merges places by likeness or with a technology', () => {
      const entities = resolve(
        named('place', 'Portland'),
        named('topic', 'portland'),
        named('place', 'Portlands'),
        named('technology', 'Oregon'),
        named('place', 'Oregon'),
      );
      expect(entities.map((entity) => `${entity.type}:${entity.name}`).sort()).toEqual([
        'place:Oregon',
        'place:Portland',
        'place:Portlands',
        'technology:Oregon',
      ]);
    });

    it("keeps one author's pet apart from another author's pet of the same name and from a colleague", () => {
      const entities = resolve(
        person('U0ANA/dog/max', 'Max'),
        person('U0BRUNO/dog/max', 'Max'),
        person('U0MAX', 'Max'),
        named('topic', 'Max'),
      );
      expect(entities.filter((entity) => entity.type === 'person').map((entity) => entity.key)).toEqual([
        'person:U0ANA/dog/max',
        'person:U0BRUNO/dog/max',
        'person:U0MAX',
      ]);
      // Three people called Max: a lone "Max" names none of them.
      expect(entities.some((entity) => entity.key === 'topic:max')).toBe(true);
    });
  });
});
