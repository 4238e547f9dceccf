import type { FactType } from '@atlas/events';
import { type AskedQuestion, withAnsweredQuestion } from './answer-context';
import { withItResolved } from './antecedent';
import { isInstruction } from './instructions';
import { contextDependence, withoutOpeners, withoutYesNo } from './context-dependence';

/** Types whose text may open with its verb: they tell someone to do something. */
const IMPERATIVE_TYPES: ReadonlySet<FactType> = new Set(['action_item', 'announcement', 'decision']);

/**
 * The fact text as it can be read on its own: without openers that only tie it to the line before
 * ("well,", "oh,"), a statement without a leading yes or no. A text that still points at the chat around
 * it ("it", "that", an unresolved "you", no verb) is kept only as an answer, carrying the question it
 * answers; otherwise the unit gives no fact.
 */
export function standingAlone(text: string, type: FactType, context: ReplyContext): string | null {
  let opened = withSubject(withoutOpeners(text), context.names[0] ?? null);
  // Said to the channel: an announcement, a reminder, or a request nobody is named for ("Can you review
  // the gateway PR by Friday?" posted to all): its "you" is whoever reads it.
  const toChannel = context.names[1] === null && type === 'question' && /^(?:can|could|would|will) you\b/i.test(opened);
  const everyone =
    toChannel || type === 'announcement' || /^(?:reminder|psa|fyi|heads[- ]up|everyone|all)\b/i.test(opened);
  const options = { everyone, imperative: IMPERATIVE_TYPES.has(type) };
  let dependence = contextDependence(opened, context.names, options);
  if (dependence === 'reference' && /\bits?\b/i.test(opened)) {
    const thing = context.thing();
    if (thing !== null) {
      const resolved = withItResolved(opened, thing);
      const after = contextDependence(resolved, context.names, options);
      if (after === null) [opened, dependence] = [resolved, after];
    }
  }
  if (dependence === null) return type === 'answer' ? opened : withoutYesNo(opened);
  // A decision that points at its thread ("we adopt these norms") decides on what opened it.
  if (type === 'decision' && context.opening !== null && dependence === 'reference') {
    return withAnsweredQuestion(opened, context.opening);
  }
  if (type !== 'answer' || context.asked === null) return null;
  // "in-gain", "when patrick_ goes through preferences": a scrap says nothing even beside its question;
  // an instruction ("try mtr.") or a sentence that points at it ("it shows all partitions") does.
  if (dependence === 'fragment' && isScrap(opened) && !isInstruction(opened)) return null;
  return withAnsweredQuestion(opened, context.asked);
}

/** Fewer than three words, or a subordinate clause alone. */
function isScrap(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length < 3 || (/^(?:when|if|as|after|before|once|until|and|or)\b/i.test(text) && !/[,;:]/.test(text));
}

/** "will have a draft by Wednesday": a promise without its subject is the author's. */
function withSubject(text: string, author: string | null): string {
  return author !== null && /^(?:will|'ll|am going to|gonna)\s+\w/i.test(text)
    ? `${author} ${text.replace(/^'ll/, 'will')}`
    : text;
}

/** What a unit's text may draw on to stand alone: the question it answers, the thing the message replied to names. */
export interface ReplyContext {
  asked: AskedQuestion | null;
  /** What opened the thread the unit replies in, when it stands alone. */
  opening: AskedQuestion | null;
  names: readonly (string | null)[];
  /** The one thing the sentence before names (the question answered is carried whole instead). */
  thing: () => string | null;
}
