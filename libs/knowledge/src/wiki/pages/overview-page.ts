import type { WikiPage } from '@atlas/events';
import type { ChannelDigest } from '../channel-digest';
import { escapeMarkdown, formatUtcDate } from '../markdown';
import { PageBuilder } from '../page-builder';
import { channelLabel, entityRun, factList, plural } from '../page-parts';

const TOP_TOPICS = 5;
const TOP_REFERENCES = 5;
const LATEST = 10;
const OPEN_QUESTIONS = 15;

/** What the channel is about, then its latest decisions, open questions, announcements and action items. */
export function overviewPage(digest: ChannelDigest): WikiPage {
  const { channel } = digest;
  const page = new PageBuilder(
    channel.channel_id,
    'overview',
    `${channelLabel(channel.name)}: Overview`,
    digest.messages,
  );
  page.heading(2, 'About');
  if (channel.topic !== null && channel.topic.trim() !== '')
    page.paragraph(`Channel topic: ${escapeMarkdown(channel.topic)}`);
  if (digest.newestFirst.length === 0) {
    page.paragraph('No facts have been extracted from this channel yet.');
    return page.build();
  }
  const oldest = digest.oldestFirst[0];
  const newest = digest.newestFirst[0];
  const messages = new Set(digest.newestFirst.map((fact) => fact.message_id)).size;
  const authors = new Set(digest.newestFirst.flatMap((fact) => fact.source.author_id ?? [])).size;
  page.paragraph(
    `${plural(digest.newestFirst.length, 'fact')} from ${plural(messages, 'message')} by ${authors === 1 ? '1 person' : `${authors} people`}` +
      `, from ${formatUtcDate(oldest.source.timestamp)} ${page.cite(oldest)}` +
      ` to ${formatUtcDate(newest.source.timestamp)} ${page.cite(newest)}.`,
  );
  const references: Array<[string, 'topic' | 'channel' | 'link', number]> = [
    ['Most discussed topics', 'topic', TOP_TOPICS],
    ['Channels referred to', 'channel', TOP_REFERENCES],
    ['Links shared', 'link', TOP_REFERENCES],
  ];
  for (const [label, type, limit] of references) {
    const ranked = digest.entities(type).map((entity) => ({ entity, evidence: entity.facts }));
    if (ranked.length > 0) page.paragraph(`${label}: ${entityRun(page, ranked, limit)}.`);
  }

  page.heading(2, 'Key decisions');
  factList(page, digest, digest.ofType('decision'), {
    limit: LATEST,
    none: 'No decisions recorded.',
    whereMore: ' on the Decisions page',
  });
  page.heading(2, 'Open questions');
  factList(page, digest, digest.openQuestions(), { limit: OPEN_QUESTIONS, none: 'No open questions.' });
  page.heading(2, 'Recent announcements');
  factList(page, digest, digest.ofType('announcement'), { limit: LATEST, none: 'No announcements recorded.' });
  page.heading(2, 'Action items');
  factList(page, digest, digest.ofType('action_item'), {
    limit: LATEST,
    none: 'No action items recorded.',
    whereMore: ' on the Action items page',
  });
  return page.build();
}
