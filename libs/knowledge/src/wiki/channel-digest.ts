import type { EntityType, Fact, FactEntity, FactType, NormalizedMessage } from '@atlas/events';
import type { GraphEntity, GraphRelation, WikiChannel, WikiInput } from '../contracts';
import { rankNamesByUse } from '../names';
import { compareText } from '../ordering';
import { PersonNameIndex } from '../graph/person-names';
import { compareChronologically, compareNewestFirst } from './fact-order';
import { findOpenQuestions } from './open-questions';

export interface EntitySummary {
  key: string;
  /** The graph's id, null when the graph does not (yet) hold the entity. */
  id: string | null;
  name: string;
  type: EntityType;
  aliases: string[];
  /** Facts naming the entity, newest first. */
  facts: Fact[];
}

export interface PersonSummary extends EntitySummary {
  authored: Fact[];
  mentionedIn: Fact[];
}

export interface RelatedEntity {
  entity: EntitySummary;
  /** Facts naming both, newest first. */
  evidence: Fact[];
}

/**
 * The channel's facts indexed for the pages. Entities are resolved through the graph so pages use
 * its merged names: a fact's topic the graph merged into a person counts for that person.
 */
export class ChannelDigest {
  readonly channel: WikiChannel;
  readonly messages: ReadonlyMap<string, NormalizedMessage>;
  readonly oldestFirst: Fact[];
  readonly newestFirst: Fact[];
  private readonly graphByKey: Map<string, GraphEntity>;
  private readonly graphById: Map<string, GraphEntity>;
  private readonly relations: GraphRelation[];
  private readonly summaries = new Map<string, EntitySummary>();
  private readonly factsById: Map<string, Fact>;

  constructor(input: WikiInput) {
    this.channel = input.channel;
    this.messages = input.messages;
    this.oldestFirst = [...input.facts].sort(compareChronologically);
    this.newestFirst = [...input.facts].sort(compareNewestFirst);
    this.factsById = new Map(input.facts.map((fact) => [fact.id, fact]));
    this.graphByKey = new Map(input.entities.map((entity) => [entity.key, entity]));
    this.graphById = new Map(input.entities.map((entity) => [entity.id, entity]));
    this.relations = input.relations;
    this.summarizeEntities(
      new PersonNameIndex(input.entities.filter((entity) => entity.type === 'person').map(namedPerson)),
    );
  }

  ofType(type: FactType): Fact[] {
    return this.newestFirst.filter((fact) => fact.type === type);
  }

  openQuestions(): Fact[] {
    return findOpenQuestions(this.newestFirst, this.messages);
  }

  authorName(fact: Fact): string {
    const authorId = fact.source.author_id;
    if (authorId === null) return fact.source.author_name ?? 'Unknown author';
    return this.summaries.get(`person:${authorId}`)?.name ?? fact.source.author_name ?? authorId;
  }

  /** Entities of one type, most discussed first. */
  entities(type: EntityType): EntitySummary[] {
    return [...this.summaries.values()].filter((summary) => summary.type === type).sort(byMostFacts);
  }

  people(): PersonSummary[] {
    return this.entities('person').map((person) => {
      const isAuthor = (fact: Fact): boolean =>
        fact.source.author_id !== null && `person:${fact.source.author_id}` === person.key;
      return {
        ...person,
        authored: person.facts.filter(isAuthor),
        mentionedIn: person.facts.filter((fact) => !isAuthor(fact)),
      };
    });
  }

  /** The topics of some facts, most frequent among them first, each with those of the facts naming it. */
  topicsAmong(facts: readonly Fact[]): RelatedEntity[] {
    const selected = new Set(facts);
    return this.entities('topic')
      .map((entity) => ({ entity, evidence: entity.facts.filter((fact) => selected.has(fact)) }))
      .filter((related) => related.evidence.length > 0)
      .sort(byMostEvidence);
  }

  /** Entities the graph relates to this one by co-occurrence, with the current facts evidencing it. */
  coOccurring(summary: EntitySummary): RelatedEntity[] {
    if (summary.id === null) return [];
    const related: RelatedEntity[] = [];
    for (const relation of this.relations) {
      if (relation.type !== 'co_occurs_with') continue;
      const otherId =
        relation.source_id === summary.id
          ? relation.target_id
          : relation.target_id === summary.id
            ? relation.source_id
            : null;
      const other = otherId === null ? undefined : this.graphById.get(otherId);
      const entity = other && this.summaries.get(other.key);
      if (!entity || entity.key === summary.key) continue;
      const evidence = relation.fact_ids.flatMap((id) => this.factsById.get(id) ?? []).sort(compareNewestFirst);
      if (evidence.length > 0) related.push({ entity, evidence });
    }
    return related.sort(byMostEvidence);
  }

  private summarizeEntities(people: PersonNameIndex): void {
    const nameCounts = new Map<string, Map<string, number>>();
    for (const fact of this.newestFirst) {
      const seen = new Set<string>();
      for (const entity of fact.entities) {
        const key = this.resolveKey(entity, people);
        const counts = nameCounts.get(key) ?? new Map<string, number>();
        counts.set(entity.name, (counts.get(entity.name) ?? 0) + 1);
        nameCounts.set(key, counts);
        if (seen.has(key)) continue;
        seen.add(key);
        this.summaryFor(key, entity).facts.push(fact);
      }
    }
    for (const [key, counts] of nameCounts) {
      const summary = this.summaries.get(key);
      if (summary && summary.id === null) summary.name = rankNamesByUse(counts)[0];
    }
  }

  private resolveKey(entity: FactEntity, people: PersonNameIndex): string {
    if (this.graphByKey.has(entity.key) || entity.type !== 'topic') return entity.key;
    return people.personCalled(entity.name) ?? entity.key;
  }

  private summaryFor(key: string, entity: FactEntity): EntitySummary {
    let summary = this.summaries.get(key);
    if (!summary) {
      const graphEntity = this.graphByKey.get(key);
      summary = graphEntity
        ? {
            key,
            id: graphEntity.id,
            name: graphEntity.name,
            type: graphEntity.type,
            aliases: [...graphEntity.aliases],
            facts: [],
          }
        : { key, id: null, name: entity.name, type: entity.type, aliases: [], facts: [] };
      this.summaries.set(key, summary);
    }
    return summary;
  }
}

function namedPerson(entity: GraphEntity): { key: string; names: string[] } {
  return { key: entity.key, names: [entity.name, ...entity.aliases] };
}

function byMostFacts(a: EntitySummary, b: EntitySummary): number {
  return b.facts.length - a.facts.length || compareText(a.name, b.name) || compareText(a.key, b.key);
}

function byMostEvidence(a: RelatedEntity, b: RelatedEntity): number {
  return b.evidence.length - a.evidence.length || byMostFacts(a.entity, b.entity);
}
