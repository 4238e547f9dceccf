import type { WikiPage } from '@atlas/events';
import type { WikiInput } from '../contracts';
import { ChannelDigest } from './channel-digest';
import { ACTION_ITEMS_PAGE, DECISIONS_PAGE, factTypePage } from './pages/fact-type-page';
import { overviewPage } from './pages/overview-page';
import { peoplePage } from './pages/people-page';
import { topicsPage } from './pages/topics-page';

export { WIKI_TEMPLATE_VERSION } from './template-version';

/**
 * The channel's wiki: overview, people, topics, decisions and action items, always these five so
 * readers can rely on the slugs. Every statement cites its source messages; the same input gives
 * byte-identical pages.
 */
export function generateWikiPages(input: WikiInput): WikiPage[] {
  const digest = new ChannelDigest(input);
  return [
    overviewPage(digest),
    peoplePage(digest),
    topicsPage(digest),
    factTypePage(digest, DECISIONS_PAGE),
    factTypePage(digest, ACTION_ITEMS_PAGE),
  ];
}
