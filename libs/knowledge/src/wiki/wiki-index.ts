import { createHash } from 'node:crypto';
import type { FactEntity, NormalizedMessage } from '@atlas/events';
import type { GraphEntity, GraphRelation, WikiChannel, WikiFact, WikiInput } from '../contracts';
import { isDateWords } from '../extraction/topics';
import { normalizeName } from '../names';
import { compareText } from '../ordering';
import { compareChronologically, compareNewestFirst } from './fact-order';

/**
 * The channel's facts indexed once for every page: by id, by graph entity, by thread, with the
 * topics each fact belongs to. Entities are resolved through the graph (its ids on each fact, or the
 * keys it merged), so pages use its merged names.
 */
export class WikiIndex {
  readonly channel: WikiChannel;
  readonly messages: ReadonlyMap<string, NormalizedMessage>;
  readonly oldestFirst: WikiFact[];
  readonly newestFirst: WikiFact[];
  readonly relations: GraphRelation[];
  private readonly factsById: Map<string, WikiFact>;
  private readonly entitiesById = new Map<string, GraphEntity>();
  private readonly entitiesByKey = new Map<string, GraphEntity>();
  private readonly factsByEntity = new Map<string, WikiFact[]>();
  private readonly entitiesByFact = new Map<string, GraphEntity[]>();
  private readonly relationsByEntity = new Map<string, GraphRelation[]>();
  private readonly topicsByFact = new Map<string, string[]>();
  private readonly digests = new Map<string, string>();
  private allDigest: string | null = null;

  constructor(input: WikiInput) {
    this.channel = input.channel;
    this.messages = input.messages;
    this.oldestFirst = [...input.facts].sort(compareChronologically);
    this.newestFirst = [...this.oldestFirst].sort(compareNewestFirst);
    this.factsById = new Map(this.oldestFirst.map((fact) => [fact.id, fact]));
    for (const entity of [...input.entities].sort((a, b) => compareText(a.id, b.id))) {
      this.entitiesById.set(entity.id, entity);
      for (const key of [entity.key, ...entity.keys])
        if (!this.entitiesByKey.has(key)) this.entitiesByKey.set(key, entity);
    }
    this.relations = [...input.relations].sort((a, b) => compareText(a.id, b.id));
    for (const relation of this.relations) {
      pushTo(this.relationsByEntity, relation.source_id, relation);
      if (relation.target_id !== relation.source_id) pushTo(this.relationsByEntity, relation.target_id, relation);
    }
    for (const fact of this.newestFirst) {
      const entities = this.resolveEntities(fact);
      this.entitiesByFact.set(fact.id, entities);
      for (const entity of entities) pushTo(this.factsByEntity, entity.id, fact);
    }
    this.assignTopics();
  }

  fact(id: string | null): WikiFact | undefined {
    return id === null ? undefined : this.factsById.get(id);
  }

  entity(id: string): GraphEntity | undefined {
    return this.entitiesById.get(id);
  }

  entityByKey(key: string): GraphEntity | undefined {
    return this.entitiesByKey.get(key);
  }

  allEntities(): GraphEntity[] {
    return [...this.entitiesById.values()];
  }

  /** The graph entities a fact names, and its author's. */
  entitiesOf(fact: WikiFact): GraphEntity[] {
    return this.entitiesByFact.get(fact.id) ?? [];
  }

  /** Facts naming the entity or, for a person, written by them; newest first. */
  factsAbout(entityId: string): WikiFact[] {
    return this.factsByEntity.get(entityId) ?? [];
  }

  relationsOf(entityId: string): GraphRelation[] {
    return this.relationsByEntity.get(entityId) ?? [];
  }

  authorEntity(fact: WikiFact): GraphEntity | undefined {
    return fact.source.author_id === null ? undefined : this.entitiesByKey.get(`person:${fact.source.author_id}`);
  }

  authorName(fact: WikiFact): string {
    return (
      this.authorEntity(fact)?.name ??
      fact.source.author_name ??
      this.messages.get(fact.message_id)?.author_name ??
      fact.source.author_id ??
      'Unknown author'
    );
  }

  /** The name to show for one of the fact's own entities: the graph's merged name when it has one. */
  nameOf(fact: WikiFact, key: string): string | null {
    const graph = this.entitiesByKey.get(key);
    if (graph) return graph.name;
    return fact.entities.find((entity) => entity.key === key)?.name ?? null;
  }

  /**
   * The topic tags a fact belongs to: its own tags and topic entities, never a date ("Wednesdays"); a
   * fact without any takes those of its thread's opening message, so a reply like "yes, from Friday"
   * lands with what it answers.
   */
  topicsOf(fact: WikiFact): string[] {
    return this.topicsByFact.get(fact.id) ?? [];
  }

  /**
   * A digest of everything a page may show of one fact: its fields, its source message, its supersession,
   * the topics it is filed under and the names its author and entities are shown with.
   */
  factDigest(fact: WikiFact): string {
    let digest = this.digests.get(fact.id);
    if (digest === undefined) {
      const message = this.messages.get(fact.message_id);
      digest = fingerprint(
        JSON.stringify([
          fact.id,
          fact.message_id,
          fact.index,
          fact.text,
          fact.type,
          fact.subject,
          fact.valid_at,
          fact.due_at,
          fact.supersedes,
          fact.superseded_by,
          [fact.owner ?? null, fact.state, fact.closed_by],
          fact.entities.map(entityFields),
          fact.relations.map((relation) => [relation.type, relation.source, relation.target]),
          fact.source,
          this.topicsOf(fact),
          this.authorName(fact),
          this.entitiesOf(fact).map((entity) => [entity.id, entity.name, entity.type]),
          message ? [message.author_name, message.author_id, message.text, message.timestamp, message.permalink] : null,
          message ? [message.thread_parent_id, message.reply_count] : null,
        ]),
      );
      this.digests.set(fact.id, digest);
    }
    return digest;
  }

  /** The digest of every fact of the channel, for the pages written from all of them. */
  allFactsDigest(): string {
    if (this.allDigest === null) {
      const ids = [...this.factsById.values()].sort((a, b) => compareText(a.id, b.id));
      this.allDigest = fingerprint(ids.map((fact) => this.factDigest(fact)).join(','));
    }
    return this.allDigest;
  }

  private resolveEntities(fact: WikiFact): GraphEntity[] {
    const resolved = new Map<string, GraphEntity>();
    const add = (entity: GraphEntity | undefined) => {
      if (entity && !resolved.has(entity.id)) resolved.set(entity.id, entity);
    };
    for (const id of fact.entity_ids) add(this.entitiesById.get(id));
    for (const entity of fact.entities) add(this.entitiesByKey.get(entity.key));
    add(this.authorEntity(fact));
    return [...resolved.values()];
  }

  private assignTopics(): void {
    const ownTopics = (fact: WikiFact): string[] => {
      const tags = new Set(fact.topics.map(normalizeName));
      for (const entity of fact.entities) if (entity.type === 'topic') tags.add(normalizeName(entity.name));
      // Facts extracted before date words were turned down may still carry "wednesdays" as a topic.
      return [...tags].filter((tag) => tag !== '' && !isDateWords(tag)).sort(compareText);
    };
    const threadTopics = new Map<string, Set<string>>();
    for (const fact of this.oldestFirst) {
      if (fact.source.thread_id === null || fact.message_id !== fact.source.thread_id) continue;
      const tags = threadTopics.get(fact.message_id) ?? new Set<string>();
      for (const tag of ownTopics(fact)) tags.add(tag);
      threadTopics.set(fact.message_id, tags);
    }
    for (const fact of this.oldestFirst) {
      let tags = ownTopics(fact);
      // A reply that names no topic is about its thread's; of a thread about several ("three themes:
      // Scheduled Reports, offline mode and pricing"), about those its text names, if it names any.
      const inherited = fact.source.thread_id === null ? [] : [...(threadTopics.get(fact.source.thread_id) ?? [])];
      if (tags.length === 0) {
        const text = normalizeName(fact.text);
        const named = inherited.filter((tag) => namesWord(text, tag));
        tags = (named.length > 0 ? named : inherited).sort(compareText);
      }
      this.topicsByFact.set(fact.id, tags);
    }
  }
}

/** A short digest of text the wiki compares, never stores as an id. */
function fingerprint(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

function entityFields(entity: FactEntity): string[] {
  return [entity.key, entity.name, entity.type, entity.kind ?? ''];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Whether the text has the phrase as whole words ("offline mode is bigger", not "api" in "rapid"). */
function namesWord(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}
