/**
 * Proposals and the agreement that turns one into a decision. "Let's use Postgres" proposes; a
 * decision needs a decision act: someone else agreeing ("+1", "works for me", "agreed", "OK, let's go
 * with it"), or the discussion being settled in the thread ("let's go with dropping Safari 15" after
 * the question was discussed). Text is compared lowercased, with typographic apostrophes made plain.
 */

/** A proposal about the work: "Proposal: …", "let's go with X", "we could X", "how about X", "should we X?". */
export const PROPOSAL =
  /^(?:\W*)proposal\s*:|\bi (?:propose|suggest)\b|\blet'?s (?:go with|use|stick with|switch to|move to|adopt|keep|drop|try)\b|\bwe could (?!not\b)|\bhow about\b|\bwhat about (?:we|using|moving|switching)\b|\b(?:should|shall) we\b|\bare we (?:ok|okay|fine|good) (?:with )?\w+ing\b/;

/**
 * Agreeing with what was proposed, at the start of the message: "+1", "agreed", "sounds good", "works
 * for me", "fine by me", "ship it", "let's do it", "LGTM", "yes, let's". Not "agree, but …".
 */
const AGREEMENT =
  /^[\s"'“(]*(?::\+1:|\+1\b|👍|agreed\b|i agree\b|agree\b|sounds (?:good|great|right)\b|works for (?:me|us)\b|fine by (?:me|us)\b|fine with (?:me|us)\b|ship it\b|let'?s do (?:it|that|this)\b|lgtm\b|deal\b|go for it\b|(?:yes|yep|yeah|ok|okay),? let'?s\b|makes sense,? let'?s\b)/;
const OBJECTION = /\bbut\b|\bhowever\b|\bnot sure\b|\bdisagree\b|\bexcept\b/;

/**
 * Settling a discussion in its thread with a choice: "OK, let's go with logical replication",
 * "Let's call it: 3.3 ships Thu Mar 27", "let's exempt internal keys for now". An exclamation ("Let's
 * rock it!") settles nothing.
 */
const SETTLING =
  /\blet'?s (?!discuss|talk|chat|sync|meet|see|check|try|grab|catch up|get lunch|do lunch|wait|hope|celebrate|rock|party|go\b(?! with)|not\b)[a-z]+/;

/** A change of an earlier decision: "actually let's use MySQL instead", "we're switching back to X". */
const CHANGE =
  /\bactually\b|\binstead\b|\b(?:switch|switching|go|going|move|moving|revert|reverting) back\b|\bchange of plan\b|\bscratch that\b|\bon second thought\b|\bchanged? (?:our|my) mind\b/;

const normalize = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'");

export function isProposal(text: string): boolean {
  return PROPOSAL.test(normalize(text));
}

/** The message agrees with something said before it, with no objection and nothing asked back. */
export function isAgreement(text: string): boolean {
  const lower = normalize(text);
  return AGREEMENT.test(lower) && !OBJECTION.test(lower) && !lower.includes('?');
}

/** The sentence settles a discussion with a choice of its own (in a thread where it was proposed or asked). */
export function settlesWithChoice(sentence: string): boolean {
  const lower = normalize(sentence).trim();
  if (lower.endsWith('?') || lower.endsWith('!')) return false;
  return SETTLING.test(lower) || (AGREEMENT.test(lower) && /\blet'?s\b/.test(lower));
}

/** The sentence changes a choice made before ("actually let's use MySQL instead"). */
export function changesChoice(sentence: string): boolean {
  const lower = normalize(sentence).trim();
  return (
    !lower.endsWith('?') &&
    CHANGE.test(lower) &&
    (SETTLING.test(lower) || /\b(?:use|using|go with|switch|move|keep)\b/.test(lower))
  );
}

/** What a proposal proposes, without its lead: "Proposal: Scheduled Reports in April" → "Scheduled Reports in April". */
export function proposedContent(text: string): string {
  const content = text
    .trim()
    .replace(/^proposal\s*:\s*/i, '')
    .replace(
      /^.*?\b(?:i (?:propose|suggest)(?: that| we)?|we could|how about|what about|should we|shall we|are we (?:ok|okay|fine|good)(?: with)?)\s+/i,
      '',
    )
    .replace(/^(?:ok,?\s*)?let['’]?s\s+/i, '')
    .replace(/[?.!\s]+$/, '');
  return content;
}

/** "Chloé Martin and Farah Haddad agreed: Scheduled Reports in April, discovery in April." */
export function agreedDecisionText(proposer: string, agreer: string, proposal: string): string {
  const content = proposedContent(proposal);
  return `${proposer} and ${agreer} agreed: ${content.charAt(0).toUpperCase()}${content.slice(1)}.`;
}
