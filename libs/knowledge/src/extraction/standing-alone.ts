import type { FactType } from '@atlas/events';
import { type AskedQuestion, withAnsweredQuestion } from './answer-context';
import { withItResolved } from './antecedent';
import { isInstruction, opensWithStep } from './instructions';
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
  let opened = withSubject(withoutOpeners(text), context.names[0] ?? null, type);
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
  if (type === 'answer' && context.asked === null && opensWithStep(opened))
    return toldInstruction(opened, context.names);
  // "Approved. 10 green runs in a row": an approval names what it approves only beside it.
  if (type === 'decision' && context.opening !== null && isBareApproval(opened)) {
    return withAnsweredQuestion(opened, context.opening);
  }
  if (dependence === null) return type === 'answer' ? opened : withoutYesNo(opened);
  // A decision that points at its thread ("we adopt these norms") decides on what opened it.
  if (type === 'decision' && context.opening !== null && dependence === 'reference') {
    return withAnsweredQuestion(opened, context.opening);
  }
  if (type !== 'answer') return null;
  if (context.asked === null) return toldInstruction(opened, context.names);
  // "in-gain", "when patrick_ goes through preferences": a scrap says nothing even beside its question;
  // an instruction ("try mtr.") or a sentence that points at it ("it shows all partitions") does.
  if (dependence === 'fragment' && isScrap(opened) && !isInstruction(opened)) return null;
  return withAnsweredQuestion(opened, context.asked);
}

/**
 * "Incarus: kizza, install compiz" answers no question the batch shows, yet says what someone was told to
 * do: the instruction stands alone beside who told whom, unless it points at something ("use testdisk to
 * save that").
 */
function toldInstruction(text: string, names: readonly (string | null)[]): string | null {
  const [author, addressee] = names;
  if (!author || !addressee || !isInstruction(text)) return null;
  const dependence = contextDependence(text, names, { imperative: true });
  if (dependence === 'reference' || dependence === 'second_person') return null;
  return `${author} tells ${addressee}: ${text}`;
}

/** "Approved.", "Approved, ship it": an approval that does not say of what. */
export function isBareApproval(text: string): boolean {
  return /^\W*(?:approved|lgtm|signed off)\b\s*(?:[.!,;:]|$)/i.test(text);
}

/** Fewer than three words, or a subordinate clause alone. */
function isScrap(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length < 3 || (/^(?:when|if|as|after|before|once|until|and|or)\b/i.test(text) && !/[,;:]/.test(text));
}

/**
 * "will have a draft by Wednesday": a promise without its subject is the author's; so is a task they
 * say they are at ("Updating the copy in Figma today.").
 */
function withSubject(text: string, author: string | null, type: FactType): string {
  if (author === null) return text;
  if (/^(?:will|'ll|am going to|gonna)\s+\w/i.test(text)) return `${author} ${text.replace(/^'ll/, 'will')}`;
  return type === 'action_item' && DOING.test(text) ? `${author} is ${text[0].toLowerCase()}${text.slice(1)}` : text;
}

/** A task under way, said without its subject. */
const DOING =
  /^(?:looking into|looking at|investigating|fixing|updating|writing|checking|reviewing|adding|drafting|testing|working on)\s+\w/i;

/** What a unit's text may draw on to stand alone: the question it answers, the thing the message replied to names. */
export interface ReplyContext {
  asked: AskedQuestion | null;
  /** What opened the thread the unit replies in, when it stands alone. */
  opening: AskedQuestion | null;
  names: readonly (string | null)[];
  /** The one thing the sentence before names (the question answered is carried whole instead). */
  thing: () => string | null;
}
