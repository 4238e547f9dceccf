import type { WikiPage } from '@atlas/events';
import type { ChannelDigest, EntitySummary } from '../channel-digest';
import { escapeMarkdown } from '../markdown';
import { PageBuilder } from '../page-builder';
import { channelLabel, entityRun, factList, plural } from '../page-parts';

const MAX_TOPICS = 25;
const FACTS_PER_TOPIC = 10;
const RELATED_PER_TOPIC = 5;

/** The most discussed topics, each with what it is discussed with and its latest facts. */
export function topicsPage(digest: ChannelDigest): WikiPage {
  const { channel } = digest;
  const page = new PageBuilder(channel.channel_id, 'topics', `${channelLabel(channel.name)}: Topics`, digest.messages);
  const topics = digest.entities('topic');
  if (topics.length === 0) page.paragraph("No topics found in this channel's facts yet.");
  for (const topic of topics.slice(0, MAX_TOPICS)) writeTopic(page, digest, topic);
  if (topics.length > MAX_TOPICS) page.paragraph(`…and ${topics.length - MAX_TOPICS} more topics.`);
  return page.build();
}

function writeTopic(page: PageBuilder, digest: ChannelDigest, topic: EntitySummary): void {
  page.heading(2, topic.name);
  const facts = `Named in ${plural(topic.facts.length, 'fact')}.`;
  const aliases = topic.aliases.length > 0 ? ` Also written as: ${topic.aliases.map(escapeMarkdown).join(', ')}.` : '';
  page.paragraph(`${facts}${aliases}`);
  const related = digest.coOccurring(topic);
  if (related.length > 0) page.paragraph(`Discussed with: ${entityRun(page, related, RELATED_PER_TOPIC)}.`);
  factList(page, digest, topic.facts, { limit: FACTS_PER_TOPIC });
}
