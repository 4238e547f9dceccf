import type { GraphEntity, WikiFact } from '../contracts';
import { normalizeName, rankNamesByUse } from '../names';
import { compareText } from '../ordering';
import { compareNewestFirst, timeOf } from './fact-order';
import type { WikiIndex } from './wiki-index';

/** Facts read to learn how a topic is written. */
const SURFACE_SAMPLE = 20;

/** The facts filed under one topic tag, or under every tag that names one entity. */
export class TopicCluster {
  private shownName: string | null = null;

  constructor(
    /** The normalized topic tag the cluster gathers (the first, when it gathers an entity's). */
    readonly tag: string,
    /** Newest first. */
    readonly facts: WikiFact[],
    private readonly index: WikiIndex,
    private readonly entityNames: Map<string, number> | undefined,
    /** The project, technology or team the topic is, whose page is the topic's page too. */
    readonly entity: GraphEntity | null = null,
  ) {}

  /** How the channel writes it: the graph's name, the name its facts give it, or how their text spells it. */
  get name(): string {
    this.shownName ??=
      this.entity?.name ?? displayName(this.index, this.tag, this.entityNames ?? writtenForms(this.tag, this.facts));
    return this.shownName;
  }
}

/**
 * The channel's facts grouped by topic: a fact belongs to each topic it is filed under (see
 * WikiIndex.topicsOf). A tag that names one of `pagedEntities` ("postgres" and the technology
 * Postgres) is that entity: its cluster gathers every tag of the entity and every fact about it, so
 * the thing gets one page. Most discussed first; ties by latest activity, then by tag.
 */
export function clusterByTopic(index: WikiIndex, pagedEntities: readonly GraphEntity[] = []): TopicCluster[] {
  const entityOfTag = entitiesByTag(pagedEntities);
  const clusters = plainClusters(index);
  const merged = new Map<string, { tags: string[]; facts: Set<WikiFact> }>();
  const kept: TopicCluster[] = [];
  for (const cluster of clusters) {
    const entity = entityOfTag.get(cluster.tag);
    if (!entity) {
      kept.push(cluster);
      continue;
    }
    const into = merged.get(entity.id) ?? { tags: [], facts: new Set(index.factsAbout(entity.id)) };
    into.tags.push(cluster.tag);
    for (const fact of cluster.facts) into.facts.add(fact);
    merged.set(entity.id, into);
  }
  for (const entity of pagedEntities) {
    const into = merged.get(entity.id);
    if (!into) continue;
    const facts = [...into.facts].sort(compareNewestFirst);
    kept.push(new TopicCluster(into.tags.sort(compareText)[0], facts, index, undefined, entity));
  }
  return kept.sort(
    (a, b) =>
      b.facts.length - a.facts.length ||
      timeOf(b.facts[0].source.timestamp) - timeOf(a.facts[0].source.timestamp) ||
      compareText(a.tag, b.tag),
  );
}

/** The tags an entity is filed under: its key's name and those of the keys the graph merged into it. */
export function tagsOfEntity(entity: GraphEntity): string[] {
  return [...new Set([entity.key, ...entity.keys].map((key) => normalizeName(key.slice(key.indexOf(':') + 1))))];
}

function entitiesByTag(entities: readonly GraphEntity[]): Map<string, GraphEntity> {
  const byTag = new Map<string, GraphEntity>();
  for (const entity of entities)
    for (const tag of tagsOfEntity(entity)) if (tag !== '' && !byTag.has(tag)) byTag.set(tag, entity);
  return byTag;
}

function plainClusters(index: WikiIndex): TopicCluster[] {
  const facts = new Map<string, WikiFact[]>();
  const names = new Map<string, Map<string, number>>();
  for (const fact of index.newestFirst) {
    for (const tag of index.topicsOf(fact)) {
      const list = facts.get(tag);
      if (list) list.push(fact);
      else facts.set(tag, [fact]);
    }
    for (const entity of fact.entities) {
      if (entity.type !== 'topic') continue;
      const tag = normalizeName(entity.name);
      const counts = names.get(tag) ?? new Map<string, number>();
      counts.set(entity.name, (counts.get(entity.name) ?? 0) + 1);
      names.set(tag, counts);
    }
  }
  return [...facts.entries()].map(([tag, clustered]) => new TopicCluster(tag, clustered, index, names.get(tag)));
}

function displayName(index: WikiIndex, tag: string, counts: Map<string, number>): string {
  const graph = index.entityByKey(`topic:${tag}`);
  if (graph) return graph.name;
  if (counts.size > 0) return rankNamesByUse(counts)[0];
  return tag.charAt(0).toUpperCase() + tag.slice(1);
}

/** How the facts write a tag ("csv export" as "CSV export"), counted; the first facts are enough to tell. */
function writtenForms(tag: string, facts: readonly WikiFact[]): Map<string, number> {
  const counts = new Map<string, number>();
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
  for (const fact of facts.slice(0, SURFACE_SAMPLE)) {
    for (const [form] of fact.text.matchAll(pattern)) counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  return counts;
}
