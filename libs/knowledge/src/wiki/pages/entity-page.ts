import { FACT_TYPES, type FactType } from '@atlas/events';
import type { GraphEntity } from '../../contracts';
import { actionItem, actionItemFacts } from '../entry-items';
import { escapeMarkdown, formatUtcDate } from '../markdown';
import { PageInputs } from '../page-inputs';
import { cappedList, factList, noteTopics, plural, topicLabel } from '../page-parts';
import { pagePlan, type PagePlan } from '../page-plan';
import type { WikiModel } from '../wiki-model';
import { EntityRelations, entityKindLine } from './entity-relations';
import { topicPage } from './topic-page';

const TOPICS = 8;
const PER_TYPE = 10;

const SECTION_TITLES: Record<FactType, string> = {
  decision: 'Decisions',
  action_item: 'Action items',
  question: 'Questions',
  answer: 'Answers',
  announcement: 'Announcements',
  opinion: 'Opinions',
  observation: 'Observations',
};

/**
 * One person, project, technology, team or artifact: what the graph relates it to, and its facts by
 * type. A project, technology or team the channel also discusses as a topic gets the topic's page.
 */
export function entityPage(model: WikiModel, entity: GraphEntity, slug: string): PagePlan {
  const topic = model.topicOfEntity(entity.id);
  if (topic) return topicPage(model, topic, slug);
  const { index } = model;
  const facts = index.factsAbout(entity.id);
  const relations = new EntityRelations(model, entity);
  const topics = model.topicsOfFacts(facts).slice(0, TOPICS);
  const authored = entity.type === 'person' ? facts.filter((fact) => index.authorEntity(fact)?.id === entity.id) : [];

  const about = new Set(facts.map((fact) => fact.id));
  // Action items as they stand (open, changed or done), so a completion report never reads as an open task.
  const actionItems = model.actionItems.filter((entry) => actionItemFacts(entry).some((fact) => about.has(fact.id)));

  const inputs = new PageInputs().addFacts(facts).addEntities([entity]);
  for (const entry of actionItems.slice(0, PER_TYPE)) inputs.addFacts(actionItemFacts(entry));
  relations.addInputs(inputs);
  noteTopics(
    inputs,
    model,
    topics.map(({ topic }) => topic),
  );

  return pagePlan(slug, model.title(entity.name), inputs, (page) => {
    page.paragraph(entityKindLine(entity));
    const oldest = facts[facts.length - 1];
    const newest = facts[0];
    const wrote = entity.type === 'person' ? ` ${escapeMarkdown(entity.name)} wrote ${authored.length} of them.` : '';
    page.paragraph(
      `In ${plural(facts.length, 'fact')}, from ${formatUtcDate(oldest.source.timestamp)} ${page.cite(oldest)} to ${formatUtcDate(newest.source.timestamp)} ${page.cite(newest)}.${wrote}`,
    );
    if (topics.length > 0)
      page.paragraph(
        `Topics: ${topics.map(({ topic, facts: of }) => `${topicLabel(model, topic)} (${plural(of.length, 'fact')}) ${page.cite(of[0])}`).join(', ')}.`,
      );
    relations.render(page);
    for (const type of FACT_TYPES) {
      if (type === 'action_item') {
        if (actionItems.length === 0) continue;
        page.heading(2, SECTION_TITLES[type]);
        cappedList(
          page,
          actionItems,
          { limit: PER_TYPE, whereMore: ' on the [Action items](action-items) page' },
          (entry) => actionItem(page, entry),
        );
        continue;
      }
      const ofType = facts.filter((fact) => fact.type === type);
      if (ofType.length === 0) continue;
      page.heading(2, SECTION_TITLES[type]);
      factList(page, index, ofType, { limit: PER_TYPE });
    }
  });
}
