/** Cues that introduce what was decided; the statement is what follows them. */
const DECISION_LEADS: readonly RegExp[] = [
  /\bdecision\s*:\s*/i,
  /\bwe(?:'ve| have)? (?:all )?(?:decided|agreed)(?: to| on| that)?\s+/i,
  /\b(?:it was|it's been|it has been|it is) (?:decided|agreed)(?: to| that| on)?\s+/i,
  /\b(?:the )?(?:final )?(?:decision|call) is(?: to| that)?\s+/i,
  /\b(?:decided|agreed)(?: to| on| that)?\s+/i,
  /\blet'?s\s+(?=go with|use|stick with|switch to|move to|adopt|migrate to)/i,
  /\bwe(?:'ll| will|'re going to| are going to)\s+(?=use|go with|adopt|switch to|move to|migrate to|stick with|standardi[sz]e on)/i,
  /\b(?=settled on|going with|from now on)/i,
];
const STATEMENT_END =
  /\s+(?:because|since|as|so that|given that|which|but)\s|\s[—–-]\s|[.;!?](?:\s|$)|,\s+(?:but|and|since|because|so|as)\b/i;
const CHOICE_VERBS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:go(?:ing)? with|settled? on|stick(?:ing)? with|standardi[sz]e on|adopt)\s+/i, 'Use '],
  [/^(?:we\s+)?(?:will|'ll|are going to|shall)\s+/i, ''],
];
const MAX_WORDS = 12;

/**
 * A short statement of what a decision fact decided, for the decision entity's name:
 * "We decided to go with Postgres for billing." → "Use Postgres for billing".
 */
export function decisionStatement(text: string): string | null {
  let statement = text;
  for (const lead of DECISION_LEADS) {
    const match = lead.exec(text);
    if (match) {
      statement = text.slice(match.index + match[0].length);
      break;
    }
  }
  const end = STATEMENT_END.exec(statement);
  if (end) statement = statement.slice(0, end.index);
  statement = statement
    .replace(/^(?:that\s+|so\s+|then\s+|ok,?\s+)+/i, '')
    .replace(/^we\s+(?:should\s+|will\s+|'ll\s+)?/i, '');
  for (const [verb, replacement] of CHOICE_VERBS) statement = statement.replace(verb, replacement);
  const words = statement
    .trim()
    .replace(/[\s,:;]+$/, '')
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return null;
  const short = words.slice(0, MAX_WORDS).join(' ');
  return short.charAt(0).toUpperCase() + short.slice(1);
}
