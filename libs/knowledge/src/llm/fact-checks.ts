import type { FactEntity, FactType } from '@atlas/events';
import { endsWithQuestionMark } from '../extraction/fact-units';
import { isSmallTalk } from '../extraction/small-talk';
import { escapeRegExp } from '../extraction/text-ranges';
import { hasVerb, joinsTwoClauses, pluralVerbWithPerson } from '../extraction/clause-grammar';
import { referenceIn } from '../extraction/context-dependence';

/*
 * The rules a model's fact must keep, checked in code on every fact of an answer: the prompt states
 * them, but a model does not always follow its prompt. A fact that breaks one is dropped, with its
 * reason; the rest of the answer is kept.
 */

export const REJECTION_REASONS = {
  message_not_sent: 'cites a message that is not one of the request\'s "messages"',
  small_talk: 'is small talk (a greeting, thanks, an acknowledgement), not knowledge',
  not_a_sentence: 'has no verb: a fragment or an exclamation, not a statement',
  compound: 'joins two clauses with their own subjects: two facts in one',
  unresolved_first_person: 'keeps "I", "me" or "my" instead of the author',
  unresolved_you: 'keeps "you" or "your" instead of the person addressed',
  unresolved_reference: 'uses a pronoun that stands for nothing the fact names',
  plural_verb_with_person: 'gives one person a plural verb, as in "How do Gus submit expenses?"',
  lets_decision: 'calls a "Let\'s …" a decision: a proposal decides nothing',
  question_as_action_item: 'calls a question an action item',
  action_item_without_owner:
    'is an action item with no owner: its "owner" is nobody in "people" (nor a team it names), or it gives none and names no person or team',
} as const;

export type RejectionReason = keyof typeof REJECTION_REASONS;

/** A fact of an answer the checks dropped, and why. */
export interface RejectedFact {
  message_id: string;
  text: string;
  type: FactType;
  reason: RejectionReason;
  /** What in the text broke the rule, when a word shows it ("you", "it"). */
  detail: string | null;
}

/** What a fact is checked on: its text, type, resolved entities and language. */
export interface CheckedFact {
  text: string;
  type: FactType;
  entities: readonly FactEntity[];
  /** ISO 639-1: the rules that read words and parts of speech are English, so other languages skip them. */
  language: string;
  /** The owner the model gave, and whether it is someone the batch or the fact knows; null or absent when it gave none. */
  owner?: { name: string; known: boolean } | null;
}

export interface Rejection {
  reason: RejectionReason;
  detail: string | null;
}

/** "I" but not "I/O"; "I'll" and "I'm" are still "I". */
const FIRST_PERSON = /(?<![\p{L}\p{N}/.-])(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?![\p{L}\p{N}/-])/u;
const SECOND_PERSON = /(?<![\p{L}\p{N}])(?:you|your|yours|yourself|yourselves)(?![\p{L}\p{N}])/iu;
/** More words than a pleasantry framed as someone's act takes ("thanks for the quick review"). */
const SMALL_TALK_WORDS = 8;
const LETS = /\blet(?:'s|’s| us)\b/i;
/** Words that frame a pleasantry as someone's act: "Ana says good morning", "Ana thanks Bruno for the review". */
const SOCIAL_FRAME = /^(?:says?|said|writes?|wrote|wish(?:es|ed)?|greets?|greeted)\s+/i;

/**
 * Why the fact breaks a rule of the prompt, or null when it keeps them all. `personNames` are the
 * names of the batch's people: "it" cannot stand for a person, and a person's name framing a
 * pleasantry does not make it knowledge.
 */
export function rejectionOf(fact: CheckedFact, personNames: readonly string[]): Rejection | null {
  if (fact.language === 'en') {
    const broken = englishRejectionOf(fact, personNames);
    if (broken) return broken;
  }
  if (fact.type === 'action_item' && endsWithQuestionMark(fact.text)) return reject('question_as_action_item');
  if (fact.type === 'action_item' && !hasOwner(fact)) return reject('action_item_without_owner', fact.owner?.name);
  return null;
}

/** The owner the model gave must be someone known; without one, a person or team the fact names may own it. */
function hasOwner(fact: CheckedFact): boolean {
  if (fact.owner) return fact.owner.known;
  return fact.entities.some((entity) => entity.type === 'person' || entity.type === 'team');
}

function englishRejectionOf(fact: CheckedFact, personNames: readonly string[]): Rejection | null {
  const text = withoutQuotes(fact.text);
  if (isSmallTalkFact(fact, personNames)) return reject('small_talk');
  if (!hasVerb(fact.text)) return reject('not_a_sentence');
  const firstPerson = FIRST_PERSON.exec(text);
  if (firstPerson) return reject('unresolved_first_person', firstPerson[0]);
  const secondPerson = SECOND_PERSON.exec(text);
  if (secondPerson) return reject('unresolved_you', secondPerson[0]);
  // One rule for model and local facts: what cannot be read without the chat around it.
  const reference = referenceIn(text, personNames);
  if (reference !== null) return reject('unresolved_reference', reference);
  if (joinsTwoClauses(text)) return reject('compound');
  const disagreement = pluralVerbWithPerson(text, personNames);
  if (disagreement !== null) return reject('plural_verb_with_person', disagreement);
  if (fact.type === 'decision' && LETS.test(text)) return reject('lets_decision');
  return null;
}

/**
 * isSmallTalk judges messages, and counts lunch or the weather as social whatever else is said. A fact
 * that names a thing, or says more than a pleasantry does in a few words, is about something
 * ("Is there a city close to epod in the GNOME weather applet's list?").
 */
function isSmallTalkFact(fact: CheckedFact, personNames: readonly string[]): boolean {
  if (fact.entities.some((entity) => entity.type !== 'person')) return false;
  const rest = withoutPeople(fact.text, personNames);
  if (rest.split(/\s+/).length > SMALL_TALK_WORDS) return false;
  return isSmallTalk(rest) || isSmallTalk(fact.text);
}

function reject(reason: RejectionReason, detail: string | null = null): Rejection {
  return { reason, detail };
}

/** A quotation is the speaker's own words: its pronouns are theirs ("the error says 'you must reboot'"). */
function withoutQuotes(text: string): string {
  return text.replace(/"[^"]*"|“[^”]*”|`[^`]*`/g, '""');
}

/** The text with the people's names (and "to Bruno", "for Bruno") and a leading "says" left out. */
function withoutPeople(text: string, personNames: readonly string[]): string {
  let rest = text;
  for (const name of [...personNames].sort((a, b) => b.length - a.length)) {
    if (name.trim() === '') continue;
    const escaped = escapeRegExp(name.trim());
    rest = rest.replace(
      new RegExp(`(?:\\b(?:to|for|with)\\s+)?(?<![\\p{L}\\p{N}])${escaped}(?:'s|’s)?(?![\\p{L}\\p{N}])`, 'giu'),
      ' ',
    );
  }
  return rest.trim().replace(SOCIAL_FRAME, '');
}

/** Lowercase words of the people's names: "Ana Lima" gives "ana" and "lima". */
function personWords(personNames: readonly string[]): Set<string> {
  return new Set(
    personNames.flatMap((name) =>
      name
        .toLowerCase()
        .split(/\s+/)
        .filter((word) => word !== ''),
    ),
  );
}

/** "3 facts dropped: compound 1, unresolved_you 2", for a log line: reasons and counts, never chat text. */
export function rejectionSummary(rejected: readonly RejectedFact[]): string {
  const counts = new Map<RejectionReason, number>();
  for (const fact of rejected) counts.set(fact.reason, (counts.get(fact.reason) ?? 0) + 1);
  const reasons = [...counts].map(([reason, count]) => `${reason} ${count}`).join(', ');
  return `${rejected.length} ${rejected.length === 1 ? 'fact' : 'facts'} dropped: ${reasons}`;
}
