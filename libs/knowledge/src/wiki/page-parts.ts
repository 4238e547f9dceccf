import type { GraphEntity, WikiFact } from '../contracts';
import { escapeMarkdown, formatUtcDate, pageLink, shorten } from './markdown';
import type { PageBuilder } from './page-builder';
import type { PageInputs } from './page-inputs';
import type { TopicCluster } from './topic-clusters';
import type { WikiIndex } from './wiki-index';
import type { WikiModel } from './wiki-model';
import { withEmoji } from './emoji';

/** Keeps a run-on message readable in a list; the Sources excerpt and permalink lead to the rest. */
const MAX_FACT_TEXT = 300;

export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

export function channelLabel(name: string): string {
  return `#${name.replace(/^#+/, '')}`;
}

export function factText(fact: WikiFact, text: string = fact.text): string {
  return escapeMarkdown(shorten(withEmoji(text), MAX_FACT_TEXT));
}

/** "<fact text> — <author>, <date> [n]" */
export function factItem(page: PageBuilder, index: WikiIndex, fact: WikiFact): string {
  return `${factText(fact)} — ${escapeMarkdown(index.authorName(fact))}, ${formatUtcDate(fact.source.timestamp)} ${page.cite(fact)}`;
}

export interface ListOptions {
  limit: number;
  /** Shown instead of an empty list; nothing when absent. */
  none?: string;
  /** Where the items beyond the limit can be read, e.g. " on the [Decisions](decisions) page". */
  whereMore?: string;
}

/** The first `limit` items as a list, ending with "…and N more" when some were cut. */
export function cappedList<T>(
  page: PageBuilder,
  items: readonly T[],
  options: ListOptions,
  item: (x: T) => string,
): void {
  if (items.length === 0) {
    if (options.none !== undefined) page.paragraph(options.none);
    return;
  }
  const shown = items.slice(0, options.limit).map(item);
  if (items.length > options.limit) shown.push(`…and ${items.length - options.limit} more${options.whereMore ?? ''}.`);
  page.list(shown);
}

export function factList(page: PageBuilder, index: WikiIndex, facts: readonly WikiFact[], options: ListOptions): void {
  cappedList(page, facts, options, (fact) => factItem(page, index, fact));
}

/** A topic's name, linked to its page when it has one. */
export function topicLabel(model: WikiModel, topic: TopicCluster): string {
  const slug = model.topicSlug(topic.tag);
  return slug === null ? `**${escapeMarkdown(topic.name)}**` : pageLink(topic.name, slug);
}

/** An entity's name, linked to its page (or its topic's) when it has one. */
export function entityLabel(model: WikiModel, entity: GraphEntity): string {
  const slug = model.pageOfEntity(entity);
  return slug === null ? `**${escapeMarkdown(entity.name)}**` : pageLink(entity.name, slug);
}

/** Records, before rendering, the topics a page will name and whether each has a page to link to. */
export function noteTopics(inputs: PageInputs, model: WikiModel, topics: Iterable<TopicCluster>): void {
  for (const topic of topics) inputs.note('topic', topic.tag, topic.name, model.topicSlug(topic.tag));
}

/** Records, before rendering, the entities a page will name and whether each has a page to link to. */
export function noteEntities(inputs: PageInputs, model: WikiModel, entities: Iterable<GraphEntity>): void {
  for (const entity of entities) {
    inputs.addEntities([entity]);
    inputs.note('entity', entity.id, model.pageOfEntity(entity));
  }
}
