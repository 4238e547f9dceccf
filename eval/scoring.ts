import type { EntityType, FactType, RelationType } from '@atlas/events';
import type { DatasetChannel, DatasetMessage, ExpectedEntity } from './dataset';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function addCounts(into: Counts, add: Counts): void {
  into.tp += add.tp;
  into.fp += add.fp;
  into.fn += add.fn;
}

/** Precision, recall and F1; an empty side scores 1 only when the other side is empty too. */
export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp ? tp / (tp + fp) : fn ? 0 : 1;
  const recall = tp + fn ? tp / (tp + fn) : fp ? 0 : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * How names are compared: case, Unicode forms, a leading @ or #, spacing, a URL's scheme, `www.` and trailing
 * slash do not make two names different.
 */
export function matchName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .trim()
    .replace(/^[@#]+/, '')
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '')
    .replace(/\s+/g, ' ');
}

/** A fact entity as the extractor produced it, with the graph entity it was resolved into. */
export interface PredictedEntity {
  key: string;
  name: string;
  type: EntityType;
  graphId: string;
  /** The graph entity's name and aliases. */
  graphNames: readonly string[];
}

export interface PredictedRelation {
  source: string;
  type: RelationType;
  target: string;
}

/** Everything the extractor and graph said about one message (facts merged). */
export interface PredictedMessage {
  factTypes: FactType[];
  entities: PredictedEntity[];
  relations: PredictedRelation[];
  skipped: boolean;
}

/** The names each canonical name of a channel may appear under, and the people behind person names. */
export class ChannelNames {
  private readonly accepted = new Map<string, Set<string>>();
  private readonly personIds = new Map<string, string>();
  private readonly types = new Map<string, EntityType>();

  constructor(channel: DatasetChannel) {
    for (const person of channel.people) {
      if (person.is_bot) continue;
      this.personIds.set(person.name, person.id);
      this.types.set(person.name, 'person');
      this.accept(person.name, [person.name, ...person.aliases]);
    }
    for (const group of channel.resolution.same) for (const name of group) this.accept(name, group);
    for (const message of channel.messages)
      for (const entity of message.expected.entities) {
        this.accept(entity.name, [entity.name]);
        if (entity.type !== 'decision') this.types.set(entity.name, entity.type);
      }
  }

  /** Normalized names a predicted entity may carry to match `canonical`. */
  names(canonical: string): ReadonlySet<string> {
    return this.accepted.get(canonical) ?? new Set([matchName(canonical)]);
  }

  personId(canonical: string): string | undefined {
    return this.personIds.get(canonical);
  }

  /** The type the channel's labels give a name, when it is labelled. */
  typeOf(name: string): EntityType | undefined {
    const own = this.types.get(name);
    if (own) return own;
    const canonical = [...this.accepted.keys()].find(
      (c) => this.types.has(c) && this.accepted.get(c)!.has(matchName(name)),
    );
    return canonical === undefined ? undefined : this.types.get(canonical);
  }

  private accept(canonical: string, names: readonly string[]): void {
    let set = this.accepted.get(canonical);
    if (!set) this.accepted.set(canonical, (set = new Set()));
    for (const name of names) set.add(matchName(name));
  }
}

/**
 * Pairs expected entities with predicted ones, each used once: a person by platform id, then by the fact
 * entity's own name, then by its graph entity's names; decisions (named by paraphrase) by type alone.
 * Returns predicted index by expected index.
 */
export function matchEntities(
  expected: readonly ExpectedEntity[],
  predicted: readonly PredictedEntity[],
  names: ChannelNames,
  typed: boolean,
): Map<number, number> {
  const matches = new Map<number, number>();
  const used = new Set<number>();
  const typeOk = (e: ExpectedEntity, p: PredictedEntity) => !typed || e.type === p.type;
  const passes: Array<(e: ExpectedEntity, p: PredictedEntity) => boolean> = [
    (e, p) =>
      e.type === 'person' && p.key.toLowerCase() === `person:${names.personId(e.name) ?? '\u0000'}`.toLowerCase(),
    (e, p) => e.type !== 'decision' && typeOk(e, p) && names.names(e.name).has(matchName(p.name)),
    (e, p) => e.type !== 'decision' && typeOk(e, p) && p.graphNames.some((n) => names.names(e.name).has(matchName(n))),
    (e, p) => e.type === 'decision' && p.type === 'decision',
  ];
  for (const pass of passes)
    expected.forEach((entity, ei) => {
      if (matches.has(ei)) return;
      const pi = predicted.findIndex((candidate, i) => !used.has(i) && pass(entity, candidate));
      if (pi < 0) return;
      matches.set(ei, pi);
      used.add(pi);
    });
  return matches;
}

export interface MessageScore {
  factBearing: Counts;
  factTypes: Counts;
  factTypesByType: Map<FactType, Counts>;
  /** Set when both sides are fact-bearing: whether the predicted types include the expected primary type. */
  primaryTypeHit: boolean | null;
  entities: Counts;
  entitiesUntyped: Counts;
  entitiesByType: Map<EntityType, Counts>;
  relations: Counts;
  relationsByType: Map<RelationType, Counts>;
  /** Expected canonical name of each matched predicted entity key. */
  canonicalOfKey: Map<string, string>;
  mismatches: string[];
}

const bump = <K>(map: Map<K, Counts>, key: K, field: keyof Counts) => {
  let counts = map.get(key);
  if (!counts) map.set(key, (counts = emptyCounts()));
  counts[field]++;
};

/** `relationsLabeled` false: the message's relations were not labelled, so none are scored (counts stay empty). */
export function scoreMessage(
  message: DatasetMessage,
  predicted: PredictedMessage,
  names: ChannelNames,
  relationsLabeled = true,
): MessageScore {
  const expected = message.expected;
  const mismatches: string[] = [];
  const expectedBearing = expected.facts.length > 0;
  const predictedBearing = predicted.factTypes.length > 0;
  const factBearing = {
    tp: +(expectedBearing && predictedBearing),
    fp: +(!expectedBearing && predictedBearing),
    fn: +(expectedBearing && !predictedBearing),
  };

  const expectedTypes = new Set(expected.facts.map((fact) => fact.type));
  const predictedTypes = new Set(predicted.factTypes);
  const factTypes = emptyCounts();
  const factTypesByType = new Map<FactType, Counts>();
  for (const type of new Set([...expectedTypes, ...predictedTypes])) {
    const field = expectedTypes.has(type) ? (predictedTypes.has(type) ? 'tp' : 'fn') : 'fp';
    factTypes[field]++;
    bump(factTypesByType, type, field);
  }
  const primaryTypeHit = expectedBearing && predictedBearing ? predictedTypes.has(expected.facts[0].type) : null;
  if (factTypes.fp || factTypes.fn)
    mismatches.push(`types: expected [${[...expectedTypes].join(', ')}] got [${[...predictedTypes].join(', ')}]`);

  const typedMatches = matchEntities(expected.entities, predicted.entities, names, true);
  const untypedMatches = matchEntities(expected.entities, predicted.entities, names, false);
  const entitiesByType = new Map<EntityType, Counts>();
  expected.entities.forEach((entity, i) => {
    bump(entitiesByType, entity.type, typedMatches.has(i) ? 'tp' : 'fn');
    if (!typedMatches.has(i)) mismatches.push(`missing entity ${entity.type} "${entity.name}"`);
  });
  const matchedPredicted = new Set(typedMatches.values());
  predicted.entities.forEach((entity, i) => {
    if (matchedPredicted.has(i)) return;
    bump(entitiesByType, entity.type, 'fp');
    mismatches.push(`extra entity ${entity.type} "${entity.name}"`);
  });
  const entities = {
    tp: typedMatches.size,
    fp: predicted.entities.length - typedMatches.size,
    fn: expected.entities.length - typedMatches.size,
  };
  const entitiesUntyped = {
    tp: untypedMatches.size,
    fp: predicted.entities.length - untypedMatches.size,
    fn: expected.entities.length - untypedMatches.size,
  };

  const canonicalOfKey = new Map<string, string>();
  for (const matches of [typedMatches, untypedMatches])
    for (const [ei, pi] of matches)
      if (!canonicalOfKey.has(predicted.entities[pi].key))
        canonicalOfKey.set(predicted.entities[pi].key, expected.entities[ei].name);
  const label = (key: string) => {
    const canonical = canonicalOfKey.get(key);
    if (canonical) return canonical;
    const entity = predicted.entities.find((candidate) => candidate.key === key);
    return `?${entity ? entity.name : key}`;
  };
  const tuple = (source: string, type: string, target: string) => `${source} -${type}-> ${target}`;
  const expectedRelations = new Map(expected.relations.map((r) => [tuple(r.source, r.type, r.target), r.type]));
  const predictedRelations = new Map(
    predicted.relations.map((r) => [tuple(label(r.source), r.type, label(r.target)), r.type] as const),
  );
  const relations = emptyCounts();
  const relationsByType = new Map<RelationType, Counts>();
  if (!relationsLabeled) {
    expectedRelations.clear();
    predictedRelations.clear();
  }
  for (const [key, type] of expectedRelations) {
    const field = predictedRelations.has(key) ? 'tp' : 'fn';
    relations[field]++;
    bump(relationsByType, type, field);
    if (field === 'fn') mismatches.push(`missing relation ${key}`);
  }
  for (const [key, type] of predictedRelations)
    if (!expectedRelations.has(key)) {
      relations.fp++;
      bump(relationsByType, type, 'fp');
      mismatches.push(`extra relation ${key}`);
    }

  return {
    factBearing,
    factTypes,
    factTypesByType,
    primaryTypeHit,
    entities,
    entitiesUntyped,
    entitiesByType,
    relations,
    relationsByType,
    canonicalOfKey,
    mismatches,
  };
}

/** One predicted entity of the channel, where it came from and what it was resolved into. */
export interface Occurrence {
  name: string;
  type: EntityType;
  graphId: string;
  /** The expected canonical name it matched in its message, if any. */
  canonical: string | null;
}

export interface GraphEntitySummary {
  id: string;
  name: string;
  type: EntityType;
  aliases: readonly string[];
}

export interface MergeFinding {
  /** Human-readable: which names, resolved into which entities. */
  description: string;
}

/**
 * Wrong merges: a `different` pair whose names ended in one graph entity. Missed merges: a `same` group whose
 * names occur in more than one graph entity. Names are compared as `matchName` does; a name's type (when the
 * labels give one) must agree, so "Atlas" the project is not confused with an unrelated "Atlas" technology.
 */
export function resolutionFindings(
  channel: DatasetChannel,
  names: ChannelNames,
  occurrences: readonly Occurrence[],
  graph: readonly GraphEntitySummary[],
): { wrong: MergeFinding[]; missed: MergeFinding[] } {
  const idsOf = (name: string, exclude: ReadonlySet<string>) => {
    const accepted = [...names.names(name)].filter((n) => !exclude.has(n));
    const type = names.typeOf(name);
    const ids = new Set<string>();
    for (const occurrence of occurrences) {
      const byName = accepted.includes(matchName(occurrence.name)) && (!type || type === occurrence.type);
      if (occurrence.canonical === name || byName) ids.add(occurrence.graphId);
    }
    for (const entity of graph)
      if (
        (!type || type === entity.type) &&
        [entity.name, ...entity.aliases].some((n) => accepted.includes(matchName(n)))
      )
        ids.add(entity.id);
    return ids;
  };
  const describe = (ids: Iterable<string>) =>
    [...ids]
      .map((id) => {
        const entity = graph.find((candidate) => candidate.id === id);
        return entity ? `"${entity.name}" (${entity.type})` : `"${id}"`;
      })
      .join(', ');

  const wrong: MergeFinding[] = [];
  for (const [a, b] of channel.resolution.different) {
    const shared = new Set([...names.names(a)].filter((n) => names.names(b).has(n)));
    const idsB = idsOf(b, shared);
    const merged = [...idsOf(a, shared)].filter((id) => idsB.has(id));
    if (merged.length) wrong.push({ description: `"${a}" and "${b}" merged into ${describe(merged)}` });
  }
  const missed: MergeFinding[] = [];
  for (const group of channel.resolution.same) {
    const ids = idsOf(group[0], new Set());
    if (ids.size > 1) missed.push({ description: `"${group[0]}" split across ${describe(ids)}` });
  }
  return { wrong, missed };
}
