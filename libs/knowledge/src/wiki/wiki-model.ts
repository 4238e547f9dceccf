import type { GraphEntity, WikiFact, WikiInput } from '../contracts';
import { isDateWords } from '../extraction/topics';
import { compareText } from '../ordering';
import { actionItemsOf, type ActionItemEntry } from './action-item-status';
import { decisionsOf, type DecisionEntry } from './decision-status';
import { faqOf, type FaqEntry } from './faq';
import { glossaryOf, type GlossaryTerm } from './glossary-terms';
import { channelLabel } from './page-parts';
import { SlugAllocator } from './page-slugs';
import { clusterByTopic, tagsOfEntity, type TopicCluster } from './topic-clusters';
import { WikiIndex } from './wiki-index';

/** The fixed pages, in the order the wiki lists them (topic and entity pages follow theirs). */
export const FIXED_SLUGS = ['overview', 'topics', 'people', 'decisions', 'action-items', 'faq', 'glossary', 'timeline'];

const MAX_TOPIC_PAGES = 25;
const MIN_TOPIC_FACTS = 2;
const MAX_ENTITY_PAGES = 40;
const MIN_ENTITY_FACTS = 3;
const ENTITY_PAGE_TYPES = new Set(['person', 'project', 'technology', 'team', 'artifact']);
/** Entities that can be what a topic is about: their page is the topic's page too. */
const TOPIC_ENTITY_TYPES = new Set(['project', 'technology', 'team']);

/** Everything the pages share: the index, the channel's topics, decisions, action items, FAQ and terms, and which pages exist. */
export class WikiModel {
  readonly index: WikiIndex;
  readonly topics: TopicCluster[];
  /** The topics that have a page (their own, or their entity's), most discussed first. */
  readonly topicPages: TopicCluster[];
  /** The topics whose page is a topic page: those that are no entity with a page. */
  readonly ownTopicPages: TopicCluster[];
  /** The entities that get a page of their own, most discussed first. */
  readonly entityPages: GraphEntity[];
  readonly decisions: DecisionEntry[];
  readonly actionItems: ActionItemEntry[];
  readonly faq: FaqEntry[];
  readonly glossary: GlossaryTerm[];
  private readonly topicSlugs = new Map<string, string>();
  private readonly entitySlugs = new Map<string, string>();
  private readonly topicsByTag = new Map<string, TopicCluster>();
  private readonly topicsByEntity = new Map<string, TopicCluster>();

  constructor(input: WikiInput) {
    this.index = new WikiIndex(input);
    this.entityPages = this.index
      .allEntities()
      .filter(
        (entity) =>
          ENTITY_PAGE_TYPES.has(entity.type) &&
          (entity.type === 'person' || !isDateWords(entity.name)) &&
          this.index.factsAbout(entity.id).length >= MIN_ENTITY_FACTS,
      )
      .sort(
        (a, b) =>
          this.index.factsAbout(b.id).length - this.index.factsAbout(a.id).length ||
          compareText(a.name, b.name) ||
          compareText(a.id, b.id),
      )
      .slice(0, MAX_ENTITY_PAGES);
    // One page per thing: the topic "postgres" and the technology Postgres are one cluster, on the entity's page.
    this.topics = clusterByTopic(
      this.index,
      this.entityPages.filter((entity) => TOPIC_ENTITY_TYPES.has(entity.type)),
    );
    for (const topic of this.topics) {
      if (topic.entity) {
        this.topicsByEntity.set(topic.entity.id, topic);
        for (const tag of tagsOfEntity(topic.entity)) this.topicsByTag.set(tag, topic);
      }
      this.topicsByTag.set(topic.tag, topic);
    }
    this.ownTopicPages = this.topics
      .filter((topic) => topic.entity === null && topic.facts.length >= MIN_TOPIC_FACTS)
      .slice(0, MAX_TOPIC_PAGES);
    const ownPages = new Set(this.ownTopicPages);
    this.topicPages = this.topics.filter((topic) => topic.entity !== null || ownPages.has(topic));
    // Slugs are allocated in name order so that one page coming or going does not rename another.
    const slugs = new SlugAllocator(FIXED_SLUGS);
    for (const topic of [...this.ownTopicPages].sort((a, b) => compareText(a.tag, b.tag)))
      this.topicSlugs.set(topic.tag, slugs.allocate('topic', topic.tag, topic.tag));
    for (const entity of [...this.entityPages].sort((a, b) => compareText(a.key, b.key) || compareText(a.id, b.id)))
      this.entitySlugs.set(entity.id, slugs.allocate('entity', entity.name, entity.id));
    for (const [entityId, topic] of this.topicsByEntity)
      this.topicSlugs.set(topic.tag, this.entitySlugs.get(entityId)!);
    this.decisions = decisionsOf(this.index);
    this.actionItems = actionItemsOf(this.index);
    this.faq = faqOf(this.index);
    this.glossary = glossaryOf(this.index);
  }

  title(label: string): string {
    return `${channelLabel(this.index.channel.name)}: ${label}`;
  }

  /** The page of a topic: its own, or that of the entity it is. */
  topicSlug(tag: string): string | null {
    return this.topicSlugs.get(tag) ?? null;
  }

  /**
   * The page to link an entity to: its own, or, for a topic, project, technology or team without one,
   * the page of the topic of its name ("usage-based pricing").
   */
  pageOfEntity(entity: GraphEntity): string | null {
    const own = this.entitySlug(entity.id);
    if (own !== null || entity.type === 'person' || entity.type === 'artifact' || entity.type === 'decision')
      return own;
    for (const tag of tagsOfEntity(entity)) {
      const slug = this.topicsByTag.has(tag) ? this.topicSlug(this.topicsByTag.get(tag)!.tag) : null;
      if (slug !== null) return slug;
    }
    return null;
  }

  /** The topic an entity with a page is, whose facts and sections its page shows. */
  topicOfEntity(entityId: string): TopicCluster | null {
    return this.topicsByEntity.get(entityId) ?? null;
  }

  entitySlug(entityId: string): string | null {
    return this.entitySlugs.get(entityId) ?? null;
  }

  topicsOfFacts(facts: readonly WikiFact[]): Array<{ topic: TopicCluster; facts: WikiFact[] }> {
    const selected = new Map<TopicCluster, Set<WikiFact>>();
    for (const fact of facts) {
      for (const tag of this.index.topicsOf(fact)) {
        const topic = this.topicsByTag.get(tag) as TopicCluster;
        const of = selected.get(topic) ?? new Set<WikiFact>();
        selected.set(topic, of.add(fact));
      }
    }
    return [...selected.entries()]
      .map(([topic, of]) => ({ topic, facts: [...of] }))
      .sort((a, b) => b.facts.length - a.facts.length || compareText(a.topic.tag, b.topic.tag));
  }
}
