/** What a request asks, after its "can you": "@ben can you write a short postmortem by Friday?" → "write a short postmortem by Friday". */
const ASKED =
  /\b(?:(?:can|could|would|will) (?:you|someone|somebody|anyone|one of you)|(?:can|could) we(?= (?:get|add|have|make|update|fix|drop|remove)\b))\s+(?:please\s+)?(?:also\s+)?/i;

/** What a request phrased as a question asks, or null when it asks nothing of someone. */
export function requestedWork(sentence: string): string | null {
  const match = ASKED.exec(sentence);
  if (!match) return null;
  const work = sentence
    .slice(match.index + match[0].length)
    .replace(/[?.!\s]+$/, '')
    .trim();
  return work === '' ? null : work;
}
