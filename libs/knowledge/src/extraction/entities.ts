import type { EntityType, FactEntity, MessageMention, NormalizedMessage } from '@atlas/events';
import { normalizeName } from '../names';
import { findArtifacts } from './artifacts';
import { EMAIL, EMOJI, INLINE_CODE, MENTION_TOKEN } from './chat-markup';
import { authorOf, type Gazetteer, type KnownPerson } from './gazetteer';
import { findIdentifiers } from './identifiers';
import { findUrls } from './links';
import { findNamePhrases } from './name-phrases';
import { findNicks } from './nick-names';
import { tagWords } from './batch-readings';
import type { TaggedWord } from './nlp';
import { findPlaces } from './places';
import { findProjects } from './projects';
import { findRelatives, type RelativeMatch } from './relatives';
import { findCodeNames } from './code-names';
import { canonicalTechnology, displayOf, findTechnologies, isTechName } from './tech-lexicon';
import { findTeams } from './teams';
import { impliedTopics } from './implied-topics';
import { findTopics, isContentPhrase, nounPhraseAt, type TopicMatch } from './topics';
import { escapeRegExp, maskRanges, matchesOf, rangesOf, type TextRange } from './text-ranges';

/** A fact entity with where the fact text names it; -1 when only the message implies it (its author). */
export interface LocatedEntity extends FactEntity {
  start: number;
  end: number;
}

/** Separates what surrounds a masked range: a phrase never spans a mention, URL or code. */
const BREAK = '¦';
/** Emoji are invisible to names: "🎉 Big news" still starts its sentence with "Big". */
const TRANSPARENT = '\u00a0';

/**
 * The entities one fact text names, each once, in the order the text names them (the author
 * first): people (author, mentions, names the gazetteer knows), artifacts, technologies, teams,
 * projects and topics.
 */
export interface EntityOptions {
  /** Lowercase names the batch presents as projects ("project Atlas"): later "Atlas" is that project. */
  knownProjects: ReadonlySet<string>;
  /** Name what a technology is for ("Postgres for billing") as a topic: a decision is made for it. */
  withPurpose: boolean;
}

export function extractFactEntities(
  text: string,
  message: NormalizedMessage,
  mentioned: readonly MessageMention[],
  gazetteer: Gazetteer,
  options: EntityOptions,
): LocatedEntity[] {
  const found: LocatedEntity[] = [];
  const author = authorOf(message);
  if (author) found.push({ ...personEntity(author, gazetteer), start: -1, end: -1 });
  for (const mention of mentioned)
    found.push({ ...personEntity(mention, gazetteer), ...locate(text, `@${mention.name}`) });

  for (const artifact of findArtifacts(text)) {
    found.push({
      key: `artifact:${artifact.kind}:${artifact.id}`,
      name: artifact.name,
      type: 'artifact',
      kind: artifact.kind,
      start: artifact.start,
      end: artifact.end,
    });
  }
  const urls = findUrls(text);
  for (const identifier of findIdentifiers(text)) {
    if (overlaps(urls, identifier) || overlaps(found, identifier)) continue;
    found.push(located(`technology:${normalizeName(identifier.name)}`, identifier.name, 'technology', identifier));
  }
  for (const token of matchesOf(text, MENTION_TOKEN)) {
    const person = gazetteer.resolve(token[0].replace(/^@|^<@|>$/g, ''));
    if (person)
      found.push({ ...personEntity(person, gazetteer), start: token.index, end: token.index + token[0].length });
  }
  const prose = maskNonProse(text, gazetteer);
  const taken: TextRange[] = found.filter((entity) => entity.start >= 0);
  for (const nick of findNicks(prose, message, gazetteer)) {
    if (overlaps(taken, nick)) continue;
    found.push({ ...personEntity(nick.person, gazetteer), start: nick.start, end: nick.end });
    taken.push(nick);
  }
  for (const technology of findTechnologies(prose)) {
    found.push(located(`technology:${technology.canonical}`, technology.display, 'technology', technology));
    taken.push(technology);
  }
  for (const code of findCodeNames(prose)) {
    // An IRC nick is a lowercase word too: a person the channel knows is never a command.
    if (overlaps(taken, code) || gazetteer.resolve(code.name) !== null) continue;
    const canonical = isTechName(code.name) ? canonicalTechnology(code.name) : code.name;
    found.push(located(`technology:${canonical}`, displayOf(canonical), 'technology', code));
    taken.push(code);
  }
  for (const team of findTeams(prose)) {
    if (overlaps(taken, team)) continue;
    found.push(located(`team:${normalizeName(team.core)}`, team.name, 'team', team));
    taken.push(team);
  }
  // "my sister Jane" is the author's Jane, never a colleague the gazetteer knows as Jane.
  for (const relative of author ? findRelatives(prose) : []) {
    if (overlaps(taken, relative)) continue;
    found.push(relativeEntity(relative, author!.id));
    taken.push(relative);
  }
  const phrases = findNamePhrases(prose);
  for (const phrase of phrases) {
    const person = gazetteer.resolve(phrase.text);
    if (person === null) continue;
    const range = locate(prose, phrase.text);
    if (overlaps(taken, range)) continue;
    found.push({ ...personEntity(person, gazetteer), ...range });
    taken.push(range);
  }
  // Before projects: "moved to California" names a place, not a tool.
  for (const place of findPlaces(prose)) {
    if (overlaps(taken, place)) continue;
    found.push(located(`place:${normalizeName(place.name)}`, place.name, 'place', place));
    taken.push(place);
  }
  const words = tagWords(prose);
  const isTaken = (start: number, end: number): boolean => overlaps(taken, { start, end });
  for (const project of findProjects(prose, words, phrases, isTaken, options.knownProjects)) {
    found.push(located(`${project.type}:${normalizeName(project.name)}`, project.name, project.type, project));
    taken.push(project);
  }
  const topics = [
    ...findTopics(words),
    ...impliedTopics(prose),
    ...(options.withPurpose ? purposeTopics(prose, words, found) : []),
  ];
  for (const topic of topics) {
    // Every rule's phrase passes one gate: "Can you move them to…" opens like a dated subject, but names none.
    if (overlaps(taken, topic) || !isContentPhrase(topic, words)) continue;
    found.push(located(`topic:${normalizeName(topic.name)}`, topic.name, 'topic', topic));
    taken.push(topic);
  }
  return uniqueInOrder(found);
}

const PURPOSE_LEAD = /^\s+(?:for|in)\s+(?:the\s+|our\s+|all\s+)?/i;
const MOVED_THING =
  /\b(?:mov(?:e|ed|es|ing)|migrat(?:e|ed|es|ing)|switch(?:ed|es|ing)?|port(?:ed|s|ing)?)\s+(?:the\s+|our\s+)?/gi;

/**
 * What a technology is for ("Postgres for billing") and what moves to it ("move billing to
 * Postgres"): a subject even when it is a single noun, because the sentence says so.
 */
function purposeTopics(prose: string, words: readonly TaggedWord[], found: readonly LocatedEntity[]): TopicMatch[] {
  const topics: TopicMatch[] = [];
  for (const technology of found.filter((entity) => entity.type === 'technology')) {
    const lead = PURPOSE_LEAD.exec(prose.slice(technology.end));
    const topic = lead && nounPhraseAt(words, technology.end + lead[0].length);
    if (topic) topics.push(topic);
  }
  if (found.some((entity) => entity.type === 'technology')) {
    for (const match of matchesOf(prose, MOVED_THING)) {
      const topic = nounPhraseAt(words, match.index + match[0].length);
      if (topic && /^\s+(?:over\s+)?(?:to|onto)\s/i.test(prose.slice(topic.end))) topics.push(topic);
    }
  }
  return topics;
}

function located(key: string, name: string, type: EntityType, range: TextRange): LocatedEntity {
  return { key, name, type, kind: null, start: range.start, end: range.end };
}

export function personEntity(person: KnownPerson, gazetteer: Gazetteer): FactEntity {
  return { key: `person:${person.id}`, name: gazetteer.nameOf(person.id) ?? person.name, type: 'person', kind: null };
}

/**
 * A family member or pet has no platform id: the key is the author's id, the relation and the name
 * (`person:<author id>/dog/max`), so the author's Max is one entity and nobody else's.
 */
function relativeEntity(relative: RelativeMatch, authorId: string): LocatedEntity {
  const key = `person:${authorId}/${relative.relation.replace(/\s+/g, '-')}/${normalizeName(relative.name)}`;
  return located(key, relative.name, 'person', relative);
}

/** Strips the offsets: what a fact stores. */
export function toFactEntity(entity: LocatedEntity): FactEntity {
  return { key: entity.key, name: entity.name, type: entity.type, kind: entity.kind };
}

function uniqueInOrder(entities: LocatedEntity[]): LocatedEntity[] {
  const byKey = new Map<string, LocatedEntity>();
  const ordered = [...entities].sort((a, b) => a.start - b.start);
  // The author is known without being written; where the text names them too, that place is kept.
  for (const entity of ordered) {
    const known = byKey.get(entity.key);
    if (known === undefined || (known.start < 0 && entity.start >= 0)) byKey.set(entity.key, entity);
  }
  return [...byKey.values()];
}

function locate(text: string, written: string): TextRange {
  const start = text.toLowerCase().indexOf(written.toLowerCase());
  return start < 0 ? { start: -1, end: -1 } : { start, end: start + written.length };
}

function overlaps(ranges: readonly TextRange[], range: TextRange): boolean {
  return ranges.some((other) => other.start >= 0 && range.start < other.end && range.end > other.start);
}

/** `@Ana Lima` as written: the mention token alone would stop at the space. */
function writtenMentions(text: string, gazetteer: Gazetteer): TextRange[] {
  if (!text.includes('@')) return [];
  const lower = text.toLowerCase();
  return gazetteer
    .names()
    .filter((name) => lower.includes(`@${name.toLowerCase()}`))
    .flatMap((name) => rangesOf(text, new RegExp(`@${escapeRegExp(name)}`, 'giu')));
}

/** Same length as the text: mentions, URLs, e-mails and code become breaks, emoji become spaces. */
function maskNonProse(text: string, gazetteer: Gazetteer): string {
  const breaks: TextRange[] = [
    ...findUrls(text),
    ...writtenMentions(text, gazetteer),
    ...rangesOf(text, EMAIL),
    ...rangesOf(text, MENTION_TOKEN),
    ...rangesOf(text, INLINE_CODE),
  ];
  return maskRanges(maskRanges(text, breaks, BREAK), rangesOf(text, EMOJI), TRANSPARENT);
}
