import { stableId } from '@atlas/common';
import { deriveFactStates } from '@atlas/events';
import type {
  ArtifactKind,
  EntityType,
  Fact,
  FactEntity,
  FactRelation,
  FactType,
  NormalizedMessage,
} from '@atlas/events';
import type { GraphEntity, GraphRelation, WikiChannel, WikiFact, WikiInput } from '../contracts';
import { normalizeName, rankNamesByUse } from '../names';
import { compareText } from '../ordering';
import { factSourceOf } from '../fact-source';

export const WIKI_CHANNEL: WikiChannel = {
  channel_id: 'C0ENG',
  name: 'eng-platform',
  topic: 'Billing platform: infra, CI and on-call',
};

/** A fact entity the way extraction keys it. */
export function entity(type: EntityType, name: string, kind: ArtifactKind | null = null): FactEntity {
  const key =
    type === 'artifact' ? `artifact:${kind ?? 'link'}:${normalizeName(name)}` : `${type}:${normalizeName(name)}`;
  return { key, name, type, kind: type === 'artifact' ? (kind ?? 'link') : null };
}

export function person(who: { id: string; name: string }): FactEntity {
  return { key: `person:${who.id}`, name: who.name, type: 'person', kind: null };
}

export function relation(type: FactRelation['type'], source: FactEntity, target: FactEntity): FactRelation {
  return { type, source: source.key, target: target.key };
}

export interface FactSpec {
  text: string;
  type: FactType;
  entities?: FactEntity[];
  relations?: FactRelation[];
  topics?: string[];
  subject?: string | null;
  due_at?: string | null;
  /** Position within the message; 0 unless a message yields several facts. */
  index?: number;
  /** Whose work it is; by default the person a `task:` subject names. */
  owner?: string | null;
  /** It reports work finished (closes its owner's matching task). */
  reports_done?: boolean;
}

/** A fact of a message, its source and times taken from the message as extraction would. */
export function factOf(message: NormalizedMessage, spec: FactSpec): Fact {
  const index = spec.index ?? 0;
  return {
    id: stableId('fact', message.channel_id, message.id, index),
    channel_id: message.channel_id,
    message_id: message.id,
    extractor_version: 'test',
    index,
    text: spec.text,
    type: spec.type,
    confidence: 0.9,
    entities: spec.entities ?? [],
    relations: spec.relations ?? [],
    topics: (spec.topics ?? []).map(normalizeName),
    subject: spec.subject ?? null,
    valid_at: message.edited_at ?? message.timestamp,
    due_at: spec.due_at ?? null,
    language: 'en',
    source: factSourceOf(message),
    owner: spec.owner !== undefined ? spec.owner : (/:(person:[^:]+)$/.exec(spec.subject ?? '')?.[1] ?? null),
    reports_done: spec.reports_done ?? false,
  };
}

export interface WikiInputOptions {
  channel?: WikiChannel;
  /** Whether the graph holds a person entity for every author (it does once they wrote a fact). */
  authorsInGraph?: boolean;
}

/**
 * What the wiki stage reads for these facts: graph entities merged by key (named as most facts name
 * them), relations grouped by type and ends, and supersession linked along each subject the way the
 * projector links it (by valid_at, then id).
 */
export function wikiInputOf(facts: Fact[], messages: NormalizedMessage[], options: WikiInputOptions = {}): WikiInput {
  const channel = options.channel ?? WIKI_CHANNEL;
  const named = new Map<string, { entity: FactEntity; names: Map<string, number> }>();
  const nameEntity = (fact: FactEntity) => {
    const known = named.get(fact.key) ?? { entity: fact, names: new Map<string, number>() };
    known.names.set(fact.name, (known.names.get(fact.name) ?? 0) + 1);
    named.set(fact.key, known);
  };
  for (const fact of facts) {
    fact.entities.forEach(nameEntity);
    if (options.authorsInGraph !== false && fact.source.author_id !== null)
      nameEntity(person({ id: fact.source.author_id, name: fact.source.author_name ?? fact.source.author_id }));
  }
  const idOf = (key: string) => stableId('ent', channel.channel_id, key);
  const entities: GraphEntity[] = [...named.entries()].map(([key, { entity: first, names }]) => {
    const [name, ...aliases] = rankNamesByUse(names);
    return {
      id: idOf(key),
      key,
      name,
      type: first.type,
      kind: first.kind,
      aliases: aliases.sort(compareText),
      keys: [key],
    };
  });

  const relations = new Map<string, GraphRelation>();
  for (const fact of facts) {
    for (const stated of fact.relations) {
      const id = stableId('rel', stated.type, idOf(stated.source), idOf(stated.target));
      const known = relations.get(id) ?? {
        id,
        type: stated.type,
        source_id: idOf(stated.source),
        target_id: idOf(stated.target),
        fact_ids: [],
        weight: 0,
      };
      if (!known.fact_ids.includes(fact.id)) known.fact_ids.push(fact.id);
      known.weight = known.fact_ids.length;
      relations.set(id, known);
    }
  }

  const wikiFacts: WikiFact[] = facts.map((fact) => ({
    ...fact,
    entity_ids: [...new Set(fact.entities.map((e) => idOf(e.key)))],
    supersedes: null,
    superseded_by: null,
    state: null,
    closed_by: null,
  }));
  const chains = new Map<string, WikiFact[]>();
  for (const fact of wikiFacts) {
    if (fact.subject !== null) chains.set(fact.subject, [...(chains.get(fact.subject) ?? []), fact]);
  }
  for (const chain of chains.values()) {
    chain.sort((a, b) => compareText(a.valid_at, b.valid_at) || compareText(a.id, b.id));
    chain.forEach((fact, i) => {
      fact.supersedes = i > 0 ? chain[i - 1].id : null;
      fact.superseded_by = i < chain.length - 1 ? chain[i + 1].id : null;
    });
  }
  // States as the projector stores them, by the same rule.
  const states = deriveFactStates(wikiFacts);
  for (const fact of wikiFacts) Object.assign(fact, states.get(fact.id));
  return {
    channel,
    facts: wikiFacts,
    messages: new Map(messages.map((message) => [message.id, message])),
    entities,
    relations: [...relations.values()],
  };
}
