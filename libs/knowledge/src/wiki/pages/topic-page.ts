import type { WikiFact } from '../../contracts';
import { actionItem, actionItemFacts, addFaqInputs, decisionItem, faqItem } from '../entry-items';
import { escapeMarkdown, formatUtcDate, pageLink } from '../markdown';
import { PageInputs } from '../page-inputs';
import { cappedList, factList, noteEntities, noteTopics, plural, topicLabel } from '../page-parts';
import { pagePlan, type PagePlan } from '../page-plan';
import type { TopicCluster } from '../topic-clusters';
import type { WikiModel } from '../wiki-model';
import { EntityRelations, entityKindLine } from './entity-relations';
import { contributorsOf, volume } from './fact-groups';

const PEOPLE = 8;
const RELATED = 8;
const PER_SECTION = 15;

/**
 * One topic: who talks about it, what it goes with, and its decisions, action items, Q&A and
 * discussion. A topic that is a project, technology or team also says what it is and what the graph
 * relates it to: it is that entity's page.
 */
export function topicPage(model: WikiModel, topic: TopicCluster, slug: string): PagePlan {
  const { index } = model;
  // Who mentions it is what People says: the relations shown are the others (owns, uses, depends on...).
  const relations = topic.entity && new EntityRelations(model, topic.entity, ['mentions']);
  const inCluster = new Set(topic.facts.map((fact) => fact.id));
  const has = (fact: WikiFact | null) => fact !== null && inCluster.has(fact.id);
  const decisions = model.decisions.filter((entry) => has(entry.fact));
  const actionItems = model.actionItems.filter((entry) => [entry.current, ...entry.earlier].some(has));
  const faq = model.faq.filter((entry) => has(entry.question) || entry.answers.some(has));
  const inFaq = new Set(faq.flatMap((entry) => [entry.question?.id, ...entry.answers.map((answer) => answer.id)]));
  const announcements = topic.facts.filter((fact) => fact.type === 'announcement');
  const discussion = topic.facts.filter(
    (fact) => ['opinion', 'observation', 'answer', 'question'].includes(fact.type) && !inFaq.has(fact.id),
  );
  const people = contributorsOf(index, topic.facts).slice(0, PEOPLE);
  const related = model
    .topicsOfFacts(topic.facts)
    .filter((other) => other.topic.tag !== topic.tag)
    .slice(0, RELATED);

  const inputs = new PageInputs().addFacts(topic.facts);
  if (topic.entity && relations) relations.addInputs(inputs.addEntities([topic.entity]));
  for (const entry of decisions.slice(0, PER_SECTION)) inputs.addFacts([entry.supersededBy ?? undefined]);
  for (const entry of actionItems.slice(0, PER_SECTION)) inputs.addFacts(actionItemFacts(entry));
  for (const entry of faq.slice(0, PER_SECTION)) addFaqInputs(inputs, entry);
  noteEntities(
    inputs,
    model,
    people.flatMap((person) => person.entity ?? []),
  );
  noteTopics(
    inputs,
    model,
    related.map((other) => other.topic),
  );

  return pagePlan(slug, model.title(headingCase(topic.name)), inputs, (page) => {
    if (topic.entity) page.paragraph(entityKindLine(topic.entity));
    const oldest = topic.facts[topic.facts.length - 1];
    const newest = topic.facts[0];
    const size = volume(topic.facts);
    page.paragraph(
      `${plural(size.facts, 'fact')} from ${plural(size.messages, 'message')} by ${plural(size.people, 'person', 'people')}` +
        `, from ${formatUtcDate(oldest.source.timestamp)} ${page.cite(oldest)} to ${formatUtcDate(newest.source.timestamp)} ${page.cite(newest)}.`,
    );
    page.paragraph(
      `People: ${people
        .map((person) => {
          const slugOf = person.entity && model.entitySlug(person.entity.id);
          const name = slugOf ? pageLink(person.name, slugOf) : `**${escapeMarkdown(person.name)}**`;
          return `${name} (${plural(person.facts.length, 'fact')}) ${page.cite(person.facts[0])}`;
        })
        .join(', ')}.`,
    );
    if (related.length > 0)
      page.paragraph(
        `Related topics: ${related
          .map(
            (other) =>
              `${topicLabel(model, other.topic)} (${plural(other.facts.length, 'shared fact')}) ${page.cite(other.facts[0])}`,
          )
          .join(', ')}.`,
      );
    page.paragraph('Back to [all topics](topics).');
    relations?.render(page);
    if (decisions.length > 0) {
      page.heading(2, 'Decisions');
      cappedList(page, decisions, { limit: PER_SECTION, whereMore: ' on the [Decisions](decisions) page' }, (entry) =>
        decisionItem(page, entry),
      );
    }
    if (actionItems.length > 0) {
      page.heading(2, 'Action items');
      cappedList(
        page,
        actionItems,
        { limit: PER_SECTION, whereMore: ' on the [Action items](action-items) page' },
        (entry) => actionItem(page, entry),
      );
    }
    if (faq.length > 0) {
      page.heading(2, 'Questions and answers');
      cappedList(page, faq, { limit: PER_SECTION, whereMore: ' in the [FAQ](faq)' }, (entry) =>
        faqItem(page, index, entry),
      );
    }
    if (announcements.length > 0) {
      page.heading(2, 'Announcements');
      factList(page, index, announcements, { limit: PER_SECTION });
    }
    if (discussion.length > 0) {
      page.heading(2, 'Discussion');
      factList(page, index, discussion, { limit: PER_SECTION });
    }
  });
}

/**
 * A phrase as a title: "low-traffic window" → "Low-traffic window". A single word keeps how the
 * channel writes it, which for a name like "routes-api" or "iOS" is the only right spelling.
 */
function headingCase(name: string): string {
  return /\s/.test(name) && /^\p{Ll}/u.test(name) ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}
