import { splitClauses } from './clause-grammar';
import { contextDependence, withoutOpeners } from './context-dependence';
import { cleanFactText } from './fact-text';
import { resolvePronouns, type Speakers } from './pronouns';

const MIN_CLAUSE_WORDS = 4;
const JOINER = /\b(?:and|but)\b|;/i;
/** A later clause that points back ("… and Bruno deployed it") leans on the one before it. */
const POINTS_BACK = /\b(?:it|its|they|them|their|this|that|these|those|there|he|she|him|her|his|so|too|also)\b/i;

/**
 * A unit that joins independent clauses ("clayg can still get Beryl on dapper using XGL, but XGL is a
 * hack") gives one unit per clause, so that each fact states one thing; when a clause cannot stand
 * alone ("Ana merged the fix and Bruno deployed it"), the unit stays whole: what "it" stands for is in it.
 */
export function atomicClauses(unit: string, speakers: Speakers, names: readonly (string | null)[]): string[] {
  if (!JOINER.test(unit)) return [unit];
  const clauses = splitClauses(unit);
  if (clauses.length === 1 || clauses.slice(1).some((clause) => POINTS_BACK.test(clause))) return [unit];
  // "… between per-seat and usage-based pricing": a compound word read as subject and verb is no clause.
  if (clauses.some((clause) => (clause.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_CLAUSE_WORDS)) return [unit];
  if (clauses.slice(1).some((clause) => /^\S*-\S/.test(clause.trim()))) return [unit];
  const standAlone = clauses.every((clause) => {
    const text = withoutOpeners(resolvePronouns(cleanFactText(clause), speakers));
    return contextDependence(text, names, { imperative: true }) === null;
  });
  return standAlone ? clauses : [unit];
}
