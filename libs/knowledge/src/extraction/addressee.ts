import type { NormalizedMessage } from '@atlas/events';
import type { Gazetteer } from './gazetteer';
import { tagWords } from './batch-readings';

/** "@ana yes we do": a leading @mention addresses its person, with or without a separator. */
const LEADING_MENTION = /^\s*(<@[^>\s]+>|@[\p{L}\p{N}][\p{L}\p{N}._-]*)/u;
/** "trey: …", "|trey|, ok", "_bob_: …": IRC and channels without threads address a reply by a leading nick. */
const LEADING_NICK = /^\s*(\S{2,32}?)\s*[:,](?=\s|$)/u;
/** Decorations IRC users put around a nick, and that others copy when addressing them. */
const NICK_DECORATION = /^[|_@]+|[|_]+$/g;

/** A nick without the decorations IRC adds: "MrGoodkat_" → "MrGoodkat", "|trey|" → "trey". */
export function undecoratedNick(nick: string): string {
  return nick.replace(NICK_DECORATION, '');
}

export interface Address {
  /** The person addressed. */
  personId: string;
  /** What is said to them: the text after the name and its separator. */
  said: string;
  /** The opening that addresses them, as written: "epod: ", "|trey|, ", "@ana ". */
  opening: string;
}

/**
 * How a message is addressed: to the known person (not its author) whose name or @mention opens it.
 * Only the channel's people count, so "ok, …" or "well: …" address nobody.
 */
export function addressOf(message: NormalizedMessage, gazetteer: Gazetteer): Address | null {
  const text = message.text;
  const opening = LEADING_NICK.exec(text) ?? LEADING_MENTION.exec(text);
  const personId = mentionedAtStart(text, message) ?? nickAtStart(text, gazetteer);
  if (opening === null || personId === null || personId === message.author_id) return null;
  const written = fullNameMention(text, message, personId) ?? opening[0];
  const said = text.slice(written.length).trim();
  // "<@Ben> is the point of contact", "@Chloé will share guidelines": a mention before its verb is the subject.
  if (!/[,:]\s*$/.test(written) && startsWithPredicate(said)) return null;
  // "@Ana @Ben @Dev please add estimates": said to several, addressed to no one of them.
  if (LEADING_MENTION.test(said)) return null;
  return { personId, said, opening: written };
}

/** "is the point of contact", "will share …", "shipped the export": a finite verb, not an imperative or "can you …". */
function startsWithPredicate(said: string): boolean {
  const [first, second] = tagWords(said).filter((word) => /[\p{L}\p{N}]/u.test(word.text));
  if (first === undefined || second?.lower === 'you' || second?.lower === 'u') return false;
  const finite =
    first.pos === 'AUX' || (first.pos === 'VERB' && /(?:ed|[^s]s)$/.test(first.lower) && first.lower !== 'please');
  return finite;
}

export function addresseeOf(message: NormalizedMessage, gazetteer: Gazetteer): string | null {
  return addressOf(message, gazetteer)?.personId ?? null;
}

/** "@Bruno Costa can you…": a mention written with the person's full name addresses them by all of it. */
function fullNameMention(text: string, message: NormalizedMessage, personId: string): string | null {
  const name = message.mentions.find((mention) => mention.id === personId)?.name;
  if (name === undefined || !/\s/.test(name.trim())) return null;
  const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*@${escaped}(?![\\p{L}\\p{N}])[,:]?`, 'iu').exec(text)?.[0] ?? null;
}

function mentionedAtStart(text: string, message: NormalizedMessage): string | null {
  const token = LEADING_MENTION.exec(text)?.[1].toLowerCase();
  if (token === undefined) return null;
  const mention = message.mentions.find(
    (candidate) =>
      token === `<@${candidate.id.toLowerCase()}>` ||
      token === `@${candidate.id.toLowerCase()}` ||
      token === `@${candidate.name.toLowerCase()}` ||
      token === `@${candidate.name.toLowerCase().split(' ')[0]}`,
  );
  return mention?.id ?? null;
}

function nickAtStart(text: string, gazetteer: Gazetteer): string | null {
  const token = LEADING_NICK.exec(text)?.[1] ?? LEADING_MENTION.exec(text)?.[1];
  if (token === undefined) return null;
  for (const spelling of new Set([token, undecoratedNick(token)])) {
    if (spelling === '') continue;
    const person = gazetteer.resolve(spelling);
    if (person !== null) return person.id;
  }
  return null;
}

/** "Welcome to #product @Gus!", "Welcome Gus!", "Thanks Ben, …": a greeting names whom the message speaks to. */
const GREETING = /^\s*(?:welcome|hi|hey|hello|thanks|thank you|congrats|congratulations)\b[^.!?\n]*/i;

/**
 * The one person a message's opening greeting names, when it is not addressed otherwise: its "you"
 * ("Could you post a short digest?") is theirs. Null when the greeting names nobody or several.
 */
export function greetedPerson(message: NormalizedMessage, gazetteer: Gazetteer): string | null {
  const greeting = GREETING.exec(message.text)?.[0];
  if (greeting === undefined) return null;
  const mentioned = message.mentions.filter(
    (mention) =>
      mention.id !== message.author_id &&
      (greeting.includes(`<@${mention.id}>`) || greeting.toLowerCase().includes(`@${mention.name.toLowerCase()}`)),
  );
  if (mentioned.length === 1) return mentioned[0].id;
  if (mentioned.length > 1) return null;
  const named = greeting
    .split(/[^\p{L}\p{N}_'-]+/u)
    .slice(1)
    .map((word) => gazetteer.resolve(word))
    .filter((person) => person !== null && person.id !== message.author_id);
  return new Set(named.map((person) => person!.id)).size === 1 ? named[0]!.id : null;
}
