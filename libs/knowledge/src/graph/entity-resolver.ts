/**
 * Entity resolution: which graph entity a fact entity is. Rules, in the order they are tried for one fact
 * entity key (the first that finds an entity wins; none → a new entity, id stableId('ent', key)):
 *
 * 1. Key. A key seen before (in the channel's graph or an earlier batch of the job) is that entity. Person keys
 *    are platform identities (`person:<user id>`): a person is resolved by key only, never by name, so two
 *    people are never merged, however alike their names ("Ana Lima" ≠ "Ana Lira"); every name a person fact
 *    entity carries (display name, real name, @handle) becomes an alias of that person. Artifact keys are
 *    exact ids (ticket, repo, URL): artifacts too are resolved by key only ("OPS-12" ≠ "OPS-13").
 * 2. Person by full name. A topic, project or team whose name equals a person's name or alias, compared as
 *    words ("ana.lima", "@ana_lima", "Ana Lima's" are "ana lima"), is that person, when exactly one person has
 *    that name.
 * 3. Same name. Names are compared in their exact-match form (nameForm: normalized, possessives and leading
 *    articles dropped, punctuation and spaces removed): "Billing migration", "billing-migration" and "the
 *    billing migration" are one name. A decision matches decisions only; a project, technology, team or
 *    place matches its own type or a topic; a topic matches a topic, project, technology, team or place. A
 *    topic named like one of those is that entity, and a project (technology, team, place) named like a topic
 *    takes the topic over and gives it its type (type upgrade: topic → the more specific type, never the
 *    reverse).
 * 4. Person by first name. A topic that is a lone first name ("Ana") is the only person with that first name;
 *    two people with the same first name make it nobody's.
 * 5. Near duplicate (see nearDuplicateScore): same type, or a topic against a project or technology; both
 *    names at least 6 letters and digits, neither made of generic words only (GENERIC_WORDS), the same
 *    numbers ("Atlas"/"Atlas v2", "Postgres 15"/"Postgres 16" never merge) and the same number of words, each
 *    word equal up to plural/possessive, or a one-edit typo of a long (≥ 5), non-generic word with the same
 *    first letter while the character 3-gram Jaccard of the names is ≥ 0.75. Never for persons, places, artifacts or
 *    decisions.
 *
 * Among several entities a rule finds, the best is taken deterministically: the highest similarity, then the
 * same type, then project, technology, team, place, topic in that order, then the smaller key. A rule that finds two people finds none.
 * Callers resolve keys in a fixed order (see ChannelGraphBuilder), so the result does not depend on the
 * order of the facts.
 */
import { stableId } from '@atlas/common';
import type { ArtifactKind, EntityType } from '@atlas/events';
import type { GraphEntity } from '../contracts';
import { normalizeName } from '../names';
import { compareText } from '../ordering';
import { nameForm } from './name-forms';
import { MIN_NEAR_DUPLICATE_LENGTH, type NameProfile, nameProfile, nearDuplicateScore } from './near-duplicates';
import { PersonNameIndex } from './person-names';

/** An entity of the channel's graph as the resolver holds it while a job runs. */
export interface ResolvedEntity {
  id: string;
  key: string;
  name: string;
  type: EntityType;
  kind: ArtifactKind | null;
  aliases: string[];
  keys: Set<string>;
}

/** A fact entity key with every name the batch gives it. */
export interface EntityMention {
  key: string;
  type: EntityType;
  kind: ArtifactKind | null;
  /** Most used first. */
  names: readonly string[];
}

/** The order types are resolved in: identities first, topics last so they can fall into a typed entity. */
export const TYPE_ORDER: readonly EntityType[] = [
  'person',
  'artifact',
  'decision',
  'project',
  'technology',
  'team',
  'place',
  'topic',
];

const SAME_NAME_TYPES: Record<EntityType, readonly EntityType[]> = {
  person: [],
  artifact: [],
  decision: ['decision'],
  project: ['project', 'topic'],
  technology: ['technology', 'topic'],
  team: ['team', 'topic'],
  place: ['place', 'topic'],
  topic: ['topic', 'project', 'technology', 'team', 'place'],
};

const SIMILAR_NAME_TYPES: Record<EntityType, readonly EntityType[]> = {
  person: [],
  artifact: [],
  decision: [],
  project: ['project', 'topic'],
  technology: ['technology', 'topic'],
  team: ['team'],
  place: [],
  topic: ['topic', 'project', 'technology'],
};

const PERSON_NAMED_TYPES: ReadonlySet<EntityType> = new Set(['topic', 'project', 'team']);

interface Indexed {
  entity: ResolvedEntity;
  profile: NameProfile;
}

export class EntityResolver {
  private readonly byKey = new Map<string, ResolvedEntity>();
  private readonly byForm = new Map<string, Set<ResolvedEntity>>();
  private readonly byGram = new Map<string, Indexed[]>();
  private readonly indexedNames = new Set<string>();
  private readonly people = new Set<ResolvedEntity>();
  private personIndex: PersonNameIndex | null = null;

  constructor(known: readonly GraphEntity[]) {
    const ordered = [...known].sort((a, b) => compareText(a.key, b.key) || compareText(a.id, b.id));
    for (const graphEntity of ordered) {
      const entity: ResolvedEntity = {
        ...graphEntity,
        aliases: [...graphEntity.aliases],
        keys: new Set([graphEntity.key, ...graphEntity.keys]),
      };
      for (const key of entity.keys) if (!this.byKey.has(key)) this.byKey.set(key, entity);
      this.indexNames(entity, [entity.name, ...entity.aliases]);
    }
  }

  entityOfKey(key: string): ResolvedEntity | undefined {
    return this.byKey.get(key);
  }

  /** The entity `mention` is, or null when it is a new one. */
  resolve(mention: EntityMention): ResolvedEntity | null {
    return (
      this.byKey.get(mention.key) ??
      this.personNamed(mention, { firstName: false }) ??
      this.sameName(mention) ??
      this.personNamed(mention, { firstName: mention.type === 'topic' }) ??
      this.similarName(mention)
    );
  }

  create(mention: EntityMention): ResolvedEntity {
    const entity: ResolvedEntity = {
      id: stableId('ent', mention.key),
      key: mention.key,
      name: mention.names[0],
      type: mention.type,
      kind: mention.type === 'artifact' ? mention.kind : null,
      aliases: [],
      keys: new Set(),
    };
    this.attach(entity, mention);
    return entity;
  }

  /**
   * Records that `mention` is `entity`: its key and names find the entity from now on, a topic takes its type,
   * and its names the entity did not have yet (compared normalized) become aliases; returns those.
   */
  attach(entity: ResolvedEntity, mention: EntityMention): string[] {
    entity.keys.add(mention.key);
    this.byKey.set(mention.key, entity);
    if (entity.type === 'topic' && mention.type !== 'topic' && SAME_NAME_TYPES.topic.includes(mention.type)) {
      entity.type = mention.type;
    }
    const known = new Set([entity.name, ...entity.aliases].map(normalizeName));
    const added = mention.names.filter((name) => {
      const normalized = normalizeName(name);
      if (known.has(normalized)) return false;
      known.add(normalized);
      return true;
    });
    entity.aliases.push(...added);
    this.indexNames(entity, mention.names);
    return added;
  }

  private personNamed(mention: EntityMention, options: { firstName: boolean }): ResolvedEntity | null {
    if (!PERSON_NAMED_TYPES.has(mention.type)) return null;
    this.personIndex ??= new PersonNameIndex(
      [...this.people].map((person) => ({ key: person.key, names: [person.name, ...person.aliases] })),
    );
    const index = this.personIndex;
    const keys = new Set(mention.names.map((name) => index.personCalled(name, options)));
    keys.delete(null);
    const [key] = keys;
    return keys.size === 1 && key !== null ? (this.byKey.get(key) ?? null) : null;
  }

  private sameName(mention: EntityMention): ResolvedEntity | null {
    const types = SAME_NAME_TYPES[mention.type];
    const found = mention.names.flatMap((name) => [...(this.byForm.get(nameForm(name)) ?? [])]);
    const candidates = found.filter((entity) => types.includes(entity.type));
    return best(
      candidates.map((entity) => ({ entity, score: 1 })),
      mention.type,
    );
  }

  private similarName(mention: EntityMention): ResolvedEntity | null {
    const types = SIMILAR_NAME_TYPES[mention.type];
    if (types.length === 0) return null;
    const scored: Array<{ entity: ResolvedEntity; score: number }> = [];
    for (const name of mention.names) {
      const profile = nameProfile(name);
      if (profile.form.length < MIN_NEAR_DUPLICATE_LENGTH || profile.generic) continue;
      const seen = new Set<Indexed>();
      for (const gram of profile.grams) {
        for (const indexed of this.byGram.get(gram) ?? []) {
          if (seen.has(indexed) || !types.includes(indexed.entity.type)) continue;
          seen.add(indexed);
          const score = nearDuplicateScore(profile, indexed.profile);
          if (score > 0) scored.push({ entity: indexed.entity, score });
        }
      }
    }
    return best(scored, mention.type);
  }

  private indexNames(entity: ResolvedEntity, names: readonly string[]): void {
    if (entity.type === 'person') {
      this.people.add(entity);
      this.personIndex = null;
      return;
    }
    if (entity.type === 'artifact') return;
    for (const name of names) {
      const form = nameForm(name);
      const indexedName = `${entity.id} ${normalizeName(name)}`;
      if (form === '' || this.indexedNames.has(indexedName)) continue;
      this.indexedNames.add(indexedName);
      const entities = this.byForm.get(form) ?? new Set();
      entities.add(entity);
      this.byForm.set(form, entities);
      if (entity.type === 'decision') continue;
      const indexed: Indexed = { entity, profile: nameProfile(name) };
      for (const gram of indexed.profile.grams) {
        const list = this.byGram.get(gram) ?? [];
        list.push(indexed);
        this.byGram.set(gram, list);
      }
    }
  }
}

function best(candidates: Array<{ entity: ResolvedEntity; score: number }>, type: EntityType): ResolvedEntity | null {
  const rank = (entity: ResolvedEntity) => (entity.type === type ? -1 : TYPE_ORDER.indexOf(entity.type));
  const [first] = [...candidates].sort(
    (a, b) => b.score - a.score || rank(a.entity) - rank(b.entity) || compareText(a.entity.key, b.entity.key),
  );
  return first?.entity ?? null;
}
