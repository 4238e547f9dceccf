import { matchesOf } from './text-ranges';

/** Words that report a piece of work finished: past tense, "done", or a result that is now ready. */
const COMPLETION =
  /\b(?:done|booked|finished|completed|complete(?!\s+(?:the|a|an|this|that|it|them|your|our|my)\b)|fixed|shipped|merged|deployed|resolved|closed|reviewed|checked|tested|verified|landed|released|rolled out|went out|(?:is|are) (?:now )?(?:up|live|ready)(?!\s+(?:for|to)\b))\b/gi;
/** Words just before a completion word that make it a wish, a plan or a condition: "will be fixed", "once merged", "not done". */
const NOT_YET =
  /\b(?:will|'ll|shall|going to|gonna|should|must|can|could|would|might|may|need|needs|please|pls|once|when|whenever|after|until|till|if|unless|before|not|never|be|being|get|gets|getting)\s+(?:\S+\s+){0,2}$|\b(?:once|when|whenever|after|until|till|if|unless|before)\s+(?:\S+\s+){0,5}$|n't\s+(?:\S+\s+){0,2}$/i;
/** "Done by noon" promises a time; it reports nothing finished. */
const PROMISED_TIME =
  /^\s+(?:by|before|until|till)\s+(?:the\s+)?(?:eod|eow|cob|noon|tonight|tomorrow|today|this|next|end|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d)/i;
/** Where a clause ends: the words before a completion word are read within its own clause. */
const CLAUSE_BREAK = /[,;:.!?()—–]/g;

/**
 * Whether a fact's own text reports work finished ("Cutover done at 06:42 UTC.", "Good catches, both
 * fixed.", "Reviewed, left two comments"), rather than asking for it, promising it or making it a condition.
 */
export function reportsCompletion(text: string): boolean {
  const normalized = text.replace(/[’‘]/g, "'").trim();
  if (normalized.endsWith('?')) return false;
  for (const match of matchesOf(normalized, COMPLETION)) {
    const start = match.index ?? 0;
    const before = normalized.slice(0, start);
    const clauseStart = Math.max(-1, ...Array.from(matchesOf(before, CLAUSE_BREAK), (found) => found.index ?? -1));
    const clause = ` ${before.slice(clauseStart + 1)}`;
    if (NOT_YET.test(clause)) continue;
    if (/^done$/i.test(match[0]) && PROMISED_TIME.test(normalized.slice(start + match[0].length))) continue;
    return true;
  }
  return false;
}

/** Replying to a task: "Updated.", "Added mine.", "✅": a bare past-tense verb reports the thread's work done. */
const REPLY_COMPLETION =
  /^\W*(?:updated|added|pushed|sent|posted|reviewed|checked|confirmed|drafted|booked|submitted|scheduled|ordered|filed)\b|✅|:white_check_mark:|:heavy_check_mark:/i;

/** A reply in a task's thread reports it done: in its own words or by a leading past-tense verb. */
export function reportsReplyCompletion(text: string): boolean {
  const normalized = text.replace(/[’‘]/g, "'").trim();
  if (normalized.includes('?')) return false;
  return reportsCompletion(normalized) || REPLY_COMPLETION.test(normalized);
}

/** Leads that introduce news, a plan or a question, not a piece of work delivered. */
const NOT_A_DELIVERY =
  /^\W*(?:heads[- ]up|fyi|psa|reminder|decision|proposal|question|update|note|tl;?dr|agenda|plan|status|re|q|a|pricing|results?|summary|good news|bad news|office news|action items?|to-?dos?|next steps|open questions?|root causes?|\S+(?:\s+\S+)? has an action item)\b/i;
/** "Postmortem for Tuesday's incident: <link>", "Mockups v2: <link>": a thing, a colon, then the thing itself. */
const DELIVERED_THING = /^\W*[\p{L}][^:.!?]{2,80}:\s+\S/u;
const POSTED = /\b(?:is|are) (?:now )?(?:up|ready|posted|live|out)\b|\bhere(?:'s| is) the\b|\bposted\b|\bpr is up\b/i;

/**
 * The author hands over a piece of work by posting it: "Postmortem for Tuesday's latency incident:
 * <link>", "Runbook for the cutover is ready for review: <link>", "Here's the sheet: <link>",
 * "Estimate for Stripe usage metering: about 2 weeks". A delivery reports the author's task on that
 * thing done, when the author had one (the read model matches them).
 */
export function deliversWork(text: string, hasLink: boolean): boolean {
  const normalized = text
    .replace(/[’‘]/g, "'")
    .replace(/\bhttps?:\/\/\S+/g, 'link')
    .trim();
  if (normalized.endsWith('?') || NOT_A_DELIVERY.test(normalized)) return false;
  if (POSTED.test(normalized) && (hasLink || /\bposted\b/i.test(normalized))) return true;
  return DELIVERED_THING.test(normalized) && !/\b(?:will|'ll|going to|please|can you|could you)\b/i.test(normalized);
}
