import { actionItem, actionItemFacts, addFaqInputs, decisionItem, faqItem } from '../entry-items';
import { timeOf } from '../fact-order';
import { isOpen } from '../faq';
import { escapeMarkdown, formatUtcDate } from '../markdown';
import { PageInputs } from '../page-inputs';
import { cappedList, factList, noteTopics, plural, topicLabel } from '../page-parts';
import { pagePlan, type PagePlan } from '../page-plan';
import type { WikiModel } from '../wiki-model';
import { volume } from './fact-groups';

const TOP_TOPICS = 5;
const ACTIVE_TOPICS = 8;
const ACTIVE_DAYS = 14;
const LATEST = 10;

export const PAGE_DIRECTORY =
  'Pages: [Topics](topics) · [People](people) · [Decisions](decisions) · [Action items](action-items) · ' +
  '[FAQ](faq) · [Glossary](glossary) · [Timeline](timeline)';

/** What the channel is about and what is going on: its topics, key decisions, open questions and open action items. */
export function overviewPage(model: WikiModel): PagePlan {
  const { index } = model;
  const facts = index.newestFirst;
  const newestTime = facts.length > 0 ? timeOf(facts[0].source.timestamp) : 0;
  const recent = facts.filter((fact) => timeOf(fact.source.timestamp) > newestTime - ACTIVE_DAYS * 86_400_000);
  const active = model.topicsOfFacts(recent).slice(0, ACTIVE_TOPICS);
  // A topic named once is not among the most discussed.
  const top = model.topics.filter((topic) => topic.facts.length > 1).slice(0, TOP_TOPICS);
  const decisions = model.decisions.filter((entry) => !entry.superseded);
  const questions = model.faq.filter(isOpen);
  const actionItems = model.actionItems.filter((entry) => entry.doneBy === null);
  const announcements = facts.filter((fact) => fact.type === 'announcement');

  const inputs = new PageInputs().addAllFacts().note('channel topic', index.channel.topic);
  noteTopics(inputs, model, [...top, ...active.map(({ topic }) => topic)]);
  for (const entry of questions.slice(0, LATEST)) addFaqInputs(inputs, entry);
  for (const entry of actionItems.slice(0, LATEST)) inputs.addFacts(actionItemFacts(entry)).note(entry.assignee);

  return pagePlan('overview', model.title('Overview'), inputs, (page) => {
    page.paragraph(PAGE_DIRECTORY);
    page.heading(2, 'About');
    const topic = index.channel.topic?.trim() ?? '';
    if (topic !== '') page.paragraph(`Channel topic: ${escapeMarkdown(topic)}`);
    if (facts.length === 0) {
      page.paragraph('No facts have been extracted from this channel yet.');
      return;
    }
    const oldest = index.oldestFirst[0];
    const size = volume(facts);
    page.paragraph(
      `${plural(size.facts, 'fact')} from ${plural(size.messages, 'message')} by ${plural(size.people, 'person', 'people')}` +
        `, from ${formatUtcDate(oldest.source.timestamp)} ${page.cite(oldest)} to ${formatUtcDate(facts[0].source.timestamp)} ${page.cite(facts[0])}.`,
    );
    if (top.length > 0)
      page.paragraph(
        `Most discussed topics: ${top
          .map(
            (cluster) =>
              `${topicLabel(model, cluster)} (${plural(cluster.facts.length, 'fact')}) ${page.cite(cluster.facts[0])}`,
          )
          .join(', ')}.`,
      );

    page.heading(2, 'Active topics');
    cappedList(
      page,
      active,
      { limit: ACTIVE_TOPICS, none: 'No topics yet.' },
      ({ topic: cluster, facts: of }) =>
        `${topicLabel(model, cluster)}: ${plural(of.length, 'fact')} in the ${ACTIVE_DAYS} days up to ${formatUtcDate(facts[0].source.timestamp)}, latest ${page.cite(of[0])}`,
    );
    page.heading(2, 'Key decisions');
    cappedList(
      page,
      decisions,
      { limit: LATEST, none: 'No decisions recorded.', whereMore: ' on the [Decisions](decisions) page' },
      (entry) => decisionItem(page, entry),
    );
    page.heading(2, 'Open questions');
    cappedList(
      page,
      questions,
      { limit: LATEST, none: 'No open questions.', whereMore: ' in the [FAQ](faq)' },
      (entry) => faqItem(page, index, entry),
    );
    page.heading(2, 'Open action items');
    cappedList(
      page,
      actionItems,
      { limit: LATEST, none: 'No open action items.', whereMore: ' on the [Action items](action-items) page' },
      (entry) => actionItem(page, entry),
    );
    page.heading(2, 'Recent announcements');
    factList(page, index, announcements, { limit: LATEST, none: 'No announcements recorded.' });
  });
}
