import type { FactEntity, MessageMention, NormalizedMessage } from '@atlas/events';
import { normalizeName } from '../names';
import { CHANNEL_REFERENCE, EMAIL, EMOJI, INLINE_CODE, MENTION_TOKEN } from './chat-markup';
import { findUrls, normalizeLink } from './links';
import { findNamePhrases, type NamePhrase } from './name-phrases';
import { authorOf, PeopleOfMessage, personEntity } from './people';
import { canonicalTopic } from './tech-lexicon';
import { escapeRegExp, maskRanges, rangesOf, type TextRange } from './text-ranges';

/** Separates what surrounds a masked range: a phrase never spans a mention, URL or channel. */
const BREAK = '¦';
/** Emoji are invisible to names: "🎉 Big news" still starts its sentence with "Big". */
const TRANSPARENT = '\u00a0';

/**
 * The entities one fact text names, each once: the message's author and the people it mentions,
 * people named in the text, channels, links, then topics.
 */
export function extractFactEntities(
  text: string,
  message: NormalizedMessage,
  mentioned: readonly MessageMention[],
): FactEntity[] {
  const author = authorOf(message);
  const people = new PeopleOfMessage([...(author ? [author] : []), ...message.mentions]);
  const urls = findUrls(text);
  const withoutUrls = maskRanges(text, urls, BREAK);
  const channels = Array.from(withoutUrls.matchAll(CHANNEL_REFERENCE), (match) => channelEntity(match[1]));
  const named = findNamePhrases(maskNonProse(withoutUrls, people));

  const entities = new Map<string, FactEntity>();
  const add = (entity: FactEntity | null): void => {
    if (entity !== null && !entities.has(entity.key)) entities.set(entity.key, entity);
  };
  if (author) add(personEntity(author));
  for (const mention of mentioned) add(personEntity(mention));
  const topics: FactEntity[] = [];
  for (const phrase of named) {
    const person = people.resolve(phrase.text);
    if (person) add(personEntity({ id: person.id, name: phrase.text }));
    else if (isTopic(phrase)) topics.push(topicEntity(phrase.text));
  }
  channels.forEach(add);
  for (const url of urls) add(linkEntity(url.url));
  topics.forEach(add);
  return [...entities.values()];
}

function maskNonProse(text: string, people: PeopleOfMessage): string {
  const breaks: TextRange[] = [
    ...people.names().flatMap((name) => rangesOf(text, new RegExp(`@${escapeRegExp(name)}`, 'giu'))),
    ...rangesOf(text, EMAIL),
    ...rangesOf(text, MENTION_TOKEN),
    ...rangesOf(text, CHANNEL_REFERENCE),
    ...rangesOf(text, INLINE_CODE),
  ];
  return maskRanges(maskRanges(text, breaks, BREAK), rangesOf(text, EMOJI), TRANSPARENT);
}

/** At a sentence's start every word is capitalized, so a lone ordinary word there is not a name. */
function isTopic(phrase: NamePhrase): boolean {
  return phrase.wordCount > 1 || phrase.distinctive || !phrase.sentenceInitial;
}

function topicEntity(name: string): FactEntity {
  return { key: `topic:${canonicalTopic(normalizeName(name))}`, name, type: 'topic' };
}

function channelEntity(reference: string): FactEntity | null {
  const name = reference.replace(/[-_]+$/, '');
  if (/^\p{N}+$/u.test(name)) return null; // "#42" is an issue number
  return { key: `channel:${normalizeName(name)}`, name: `#${name}`, type: 'channel' };
}

function linkEntity(url: string): FactEntity | null {
  const link = normalizeLink(url);
  return link && { key: link.key, name: link.name, type: 'link' };
}
