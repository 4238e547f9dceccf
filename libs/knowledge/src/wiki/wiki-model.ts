import type { GraphEntity, WikiFact, WikiInput } from '../contracts';
import { compareText } from '../ordering';
import { actionItemsOf, type ActionItemEntry } from './action-item-status';
import { decisionsOf, type DecisionEntry } from './decision-status';
import { faqOf, type FaqEntry } from './faq';
import { glossaryOf, type GlossaryTerm } from './glossary-terms';
import { channelLabel } from './page-parts';
import { SlugAllocator } from './page-slugs';
import { clusterByTopic, type TopicCluster } from './topic-clusters';
import { WikiIndex } from './wiki-index';

/** The fixed pages, in the order the wiki lists them (topic and entity pages follow theirs). */
export const FIXED_SLUGS = ['overview', 'topics', 'people', 'decisions', 'action-items', 'faq', 'glossary', 'timeline'];

const MAX_TOPIC_PAGES = 25;
const MIN_TOPIC_FACTS = 2;
const MAX_ENTITY_PAGES = 40;
const MIN_ENTITY_FACTS = 3;
const ENTITY_PAGE_TYPES = new Set(['person', 'project', 'technology', 'team', 'artifact']);

/** Everything the pages share: the index, the channel's topics, decisions, action items, FAQ and terms, and which pages exist. */
export class WikiModel {
  readonly index: WikiIndex;
  readonly topics: TopicCluster[];
  /** The topics that get a page of their own, most discussed first. */
  readonly topicPages: TopicCluster[];
  /** The entities that get a page of their own, most discussed first. */
  readonly entityPages: GraphEntity[];
  readonly decisions: DecisionEntry[];
  readonly actionItems: ActionItemEntry[];
  readonly faq: FaqEntry[];
  readonly glossary: GlossaryTerm[];
  private readonly topicSlugs = new Map<string, string>();
  private readonly entitySlugs = new Map<string, string>();

  constructor(input: WikiInput) {
    this.index = new WikiIndex(input);
    this.topics = clusterByTopic(this.index);
    this.topicPages = this.topics.filter((topic) => topic.facts.length >= MIN_TOPIC_FACTS).slice(0, MAX_TOPIC_PAGES);
    this.entityPages = this.index
      .allEntities()
      .filter(
        (entity) => ENTITY_PAGE_TYPES.has(entity.type) && this.index.factsAbout(entity.id).length >= MIN_ENTITY_FACTS,
      )
      .sort(
        (a, b) =>
          this.index.factsAbout(b.id).length - this.index.factsAbout(a.id).length ||
          compareText(a.name, b.name) ||
          compareText(a.id, b.id),
      )
      .slice(0, MAX_ENTITY_PAGES);
    // Slugs are allocated in name order so that one page coming or going does not rename another.
    const slugs = new SlugAllocator(FIXED_SLUGS);
    for (const topic of [...this.topicPages].sort((a, b) => compareText(a.tag, b.tag)))
      this.topicSlugs.set(topic.tag, slugs.allocate('topic', topic.tag, topic.tag));
    for (const entity of [...this.entityPages].sort((a, b) => compareText(a.key, b.key) || compareText(a.id, b.id)))
      this.entitySlugs.set(entity.id, slugs.allocate('entity', entity.name, entity.id));
    this.decisions = decisionsOf(this.index);
    this.actionItems = actionItemsOf(this.index);
    this.faq = faqOf(this.index);
    this.glossary = glossaryOf(this.index);
  }

  title(label: string): string {
    return `${channelLabel(this.index.channel.name)}: ${label}`;
  }

  topicSlug(tag: string): string | null {
    return this.topicSlugs.get(tag) ?? null;
  }

  entitySlug(entityId: string): string | null {
    return this.entitySlugs.get(entityId) ?? null;
  }

  topicsOfFacts(facts: readonly WikiFact[]): Array<{ topic: TopicCluster; facts: WikiFact[] }> {
    const selected = new Map<string, WikiFact[]>();
    for (const fact of facts) {
      for (const tag of this.index.topicsOf(fact)) {
        const list = selected.get(tag);
        if (list) list.push(fact);
        else selected.set(tag, [fact]);
      }
    }
    const byTag = new Map(this.topics.map((topic) => [topic.tag, topic]));
    return [...selected.entries()]
      .map(([tag, of]) => ({ topic: byTag.get(tag) as TopicCluster, facts: of }))
      .sort((a, b) => b.facts.length - a.facts.length || compareText(a.topic.tag, b.topic.tag));
  }
}
