import type { WikiPage } from '@atlas/events';
import type { WikiInput } from '../contracts';
import { PageBuilder } from './page-builder';
import type { PagePlan } from './page-plan';
import { actionItemsPage } from './pages/action-items-page';
import { decisionsPage } from './pages/decisions-page';
import { entityPage } from './pages/entity-page';
import { faqPage } from './pages/faq-page';
import { glossaryPage } from './pages/glossary-page';
import { overviewPage } from './pages/overview-page';
import { peoplePage } from './pages/people-page';
import { timelinePage } from './pages/timeline-page';
import { topicPage } from './pages/topic-page';
import { topicsPage } from './pages/topics-page';
import { WikiModel } from './wiki-model';

export { WIKI_TEMPLATE_VERSION } from './template-version';

/**
 * The channel's wiki: overview, topics (and a page per main topic), people, decisions, action items,
 * FAQ, glossary, timeline, and a page per main entity. Every statement cites its source messages;
 * each page carries the hash of what it is written from, so an unchanged page need not be rewritten;
 * the same input gives byte-identical pages.
 */
export function generateWikiPages(input: WikiInput): WikiPage[] {
  return planWikiPages(input).map(({ plan, inputsHash }) => {
    const page = new PageBuilder(
      { channelId: input.channel.channel_id, slug: plan.slug, title: plan.title, inputsHash },
      input.messages,
    );
    plan.render(page);
    return page.build();
  });
}

/** Every page of the wiki with its inputs hash, before any is rendered. */
export function planWikiPages(input: WikiInput): Array<{ plan: PagePlan; inputsHash: string }> {
  const model = new WikiModel(input);
  const plans = [
    overviewPage(model),
    topicsPage(model),
    ...model.ownTopicPages.map((topic) => topicPage(model, topic, model.topicSlug(topic.tag) as string)),
    peoplePage(model),
    decisionsPage(model),
    actionItemsPage(model),
    faqPage(model),
    glossaryPage(model),
    timelinePage(model),
    ...model.entityPages.map((entity) => entityPage(model, entity, model.entitySlug(entity.id) as string)),
  ];
  return plans.map((plan) => ({ plan, inputsHash: plan.inputs.hash(model.index, plan.slug, plan.title) }));
}
