import { escapeMarkdown, formatUtcDate, pageLink } from '../markdown';
import { PageInputs } from '../page-inputs';
import { cappedList, plural } from '../page-parts';
import { pagePlan, type PagePlan } from '../page-plan';
import type { WikiModel } from '../wiki-model';

const OTHER_TOPICS = 40;

/** The index of topic pages, most discussed first, then the smaller topics without a page. */
export function topicsPage(model: WikiModel): PagePlan {
  const withPage = model.topicPages;
  const others = model.topics.filter((topic) => model.topicSlug(topic.tag) === null);
  const inputs = new PageInputs();
  for (const topic of [...withPage, ...others.slice(0, OTHER_TOPICS)]) {
    inputs.addFacts([topic.facts[0]]).note(topic.tag, topic.name, topic.facts.length, model.topicSlug(topic.tag));
  }
  inputs.note('others', others.length);
  return pagePlan('topics', model.title('Topics'), inputs, (page) => {
    if (model.topics.length === 0) {
      page.paragraph("No topics found in this channel's facts yet.");
      return;
    }
    page.heading(2, 'Topic pages');
    cappedList(
      page,
      withPage,
      { limit: withPage.length, none: 'No topic has enough facts for a page yet.' },
      (topic) => {
        const latest = topic.facts[0];
        return `${pageLink(topic.name, model.topicSlug(topic.tag) ?? '')}: ${plural(topic.facts.length, 'fact')}, latest ${formatUtcDate(latest.source.timestamp)} ${page.cite(latest)}`;
      },
    );
    if (others.length > 0) {
      page.heading(2, 'Other topics');
      cappedList(page, others, { limit: OTHER_TOPICS }, (topic) => {
        const latest = topic.facts[0];
        return `**${escapeMarkdown(topic.name)}**: ${plural(topic.facts.length, 'fact')}, latest ${formatUtcDate(latest.source.timestamp)} ${page.cite(latest)}`;
      });
    }
  });
}
