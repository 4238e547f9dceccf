import type { FactType } from '@atlas/events';
import { endsWithQuestionMark } from './fact-units';

export interface FactClassification {
  type: FactType;
  confidence: number;
}

interface Rule {
  pattern: RegExp;
  /** How surely a match alone makes the type: explicit markers ("decision:") score highest. */
  weight: number;
  /** A match of this pattern cancels the rule ("we haven't decided"). */
  unless?: RegExp;
}

type RuleBasedType = 'decision' | 'action_item' | 'announcement';

const NEGATED_DECISION = /(?:\bnot|n't|\bnever|\byet to|\bun)\s*(?:\w+\s+)?(?:decided|agreed)\b/;
const DAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';

/** Checked in this order when two types match equally strongly. */
const RULES: Record<RuleBasedType, Rule[]> = {
  decision: [
    { pattern: /\bdecision\s*:/, weight: 0.9 },
    { pattern: /\bwe(?:'ve| have)? (?:decided|agreed)\b/, weight: 0.9, unless: NEGATED_DECISION },
    { pattern: /\b(?:it was|it's been|it has been) (?:decided|agreed)\b/, weight: 0.9 },
    { pattern: /\b(?:final|the) (?:decision|call) is\b|\bfinal decision\b/, weight: 0.85 },
    { pattern: /\blet'?s go with\b/, weight: 0.85 },
    {
      pattern:
        /\bwe(?:'ll| will|'re going to| are going to) (?:use|go with|adopt|switch to|move to|migrate to|stick with|standardi[sz]e on)\b/,
      weight: 0.85,
    },
    { pattern: /\bsettled on\b/, weight: 0.8 },
    { pattern: /\blet'?s (?:use|stick with|switch to|move to|adopt)\b/, weight: 0.75 },
    { pattern: /\bgoing with\b/, weight: 0.75 },
    { pattern: /\bagreed\b/, weight: 0.75, unless: NEGATED_DECISION },
    { pattern: /\bdecided\b/, weight: 0.7, unless: NEGATED_DECISION },
    { pattern: /\bapproved\b|\bfrom now on\b/, weight: 0.65 },
  ],
  action_item: [
    { pattern: /\baction items?\b|\btodo\b|\bto-do\b/, weight: 0.9 },
    { pattern: /\b(?:can|could|would) (?:you|someone|somebody|anyone|one of you)\b/, weight: 0.85 },
    // Text is lowercased: "@ana lima will" allows one more word for a two-word display name.
    // "Welcome @carla to the team" greets a newcomer; it assigns nothing.
    { pattern: /@[\p{L}\p{N}._-]+(?: [\p{L}'-]+)? (?:will|is going to|to)\b/u, weight: 0.85, unless: /\bwelcome\b/ },
    { pattern: /\bassigned to\b|\bowner\s*:|\bassignee\s*:/, weight: 0.85 },
    { pattern: /\bplease\b|\bpls\b|\bplz\b/, weight: 0.75 },
    // "I'll be out tomorrow" is news about the author, not something they will do.
    { pattern: /\bi(?:'ll| will|'m going to| am going to) (?!be\b)/, weight: 0.75 },
    {
      pattern: new RegExp(
        `\\bby (?:(?:next |this )?${DAY}|eod|eow|cob|end of (?:the )?(?:day|week|month|sprint|quarter)|tomorrow|tonight|noon|next week|${MONTH} \\d{1,2}|\\d{1,2}[/.]\\d{1,2}|\\d{4}-\\d{2}-\\d{2})\\b`,
      ),
      weight: 0.7,
    },
    { pattern: /\bdeadline\b|\bdue (?:by|on|date)\b/, weight: 0.7 },
    { pattern: /\bfollow[- ]up\b/, weight: 0.65 },
    { pattern: /\b(?:we|you|someone|somebody) (?:need|needs|have|has|must) to\b/, weight: 0.65 },
  ],
  announcement: [
    { pattern: /\bannouncing\b|\bannouncement\b|\bwe(?:'re| are) (?:excited|happy|thrilled|proud) to\b/, weight: 0.9 },
    { pattern: /\bplease welcome\b/, weight: 0.9 },
    { pattern: /\bheads[- ]up\b|\bpsa\b/, weight: 0.85 },
    { pattern: /\b(?:is|are) (?:now )?live\b|\bnow live\b|\b(?:went|goes|going) live\b/, weight: 0.85 },
    { pattern: /\bfyi\b/, weight: 0.8 },
    { pattern: /\b(?:released|launched|shipped|rolled out)\b/, weight: 0.8 },
    { pattern: /\bwelcome\b/, weight: 0.75 },
    { pattern: /\b(?:is|are) out\b|\bnew release\b|\bmaintenance window\b|\bscheduled downtime\b/, weight: 0.75 },
    { pattern: /\breminder\s*:|\bdeprecat(?:ed|ing)\b/, weight: 0.7 },
  ],
};

/** A request is an action item even when phrased as a question ("can you review the PR?"). */
const REQUEST = /\b(?:can|could|would) (?:you|someone|somebody|anyone|one of you)\b/;
const INTERROGATIVE_START =
  /^(?:who|what|when|where|why|how|which|whose|should|shall|can|could|would|will|does|do|did|is|are|was|were|has|have|had|any ?(?:one|body) (?:know|seen|have|tried))\b/;
const EXTRA_SIGNAL_BONUS = 0.05;
const MAX_CONFIDENCE = 0.95;
const QUESTION_MARK_CONFIDENCE = 0.9;
const INTERROGATIVE_CONFIDENCE = 0.6;
const OBSERVATION_CONFIDENCE = 0.5;

/**
 * The type of a fact text. A request is an action item; otherwise a question is a question (a
 * decision asked about is not a decision); otherwise the strongest decision, action item or
 * announcement rule wins; otherwise it is an observation. Confidence is the strongest matching
 * rule's weight, plus a little for each further rule of the same type that also matched.
 */
export function classifyFact(text: string): FactClassification {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  if (REQUEST.test(lower)) return scored('action_item', matchingWeights('action_item', lower));
  const question = questionConfidence(text, lower);
  if (question > 0) return { type: 'question', confidence: question };
  let best: FactClassification = { type: 'observation', confidence: OBSERVATION_CONFIDENCE };
  for (const type of Object.keys(RULES) as RuleBasedType[]) {
    const weights = matchingWeights(type, lower);
    if (weights.length === 0) continue;
    const candidate = scored(type, weights);
    if (best.type === 'observation' || candidate.confidence > best.confidence) best = candidate;
  }
  return best;
}

function matchingWeights(type: RuleBasedType, lower: string): number[] {
  return RULES[type].filter((rule) => rule.pattern.test(lower) && !rule.unless?.test(lower)).map((rule) => rule.weight);
}

function scored(type: RuleBasedType, weights: readonly number[]): FactClassification {
  const strongest = Math.max(...weights);
  const confidence = Math.min(MAX_CONFIDENCE, strongest + EXTRA_SIGNAL_BONUS * (weights.length - 1));
  return { type, confidence: Math.round(confidence * 100) / 100 };
}

function questionConfidence(text: string, lower: string): number {
  if (endsWithQuestionMark(text)) return QUESTION_MARK_CONFIDENCE;
  const opening = lower.replace(/^(?:@\S+[\s,]*)+/, '');
  const statementEnd = /[.!:]["')\]]*$/.test(lower);
  return INTERROGATIVE_START.test(opening) && !statementEnd ? INTERROGATIVE_CONFIDENCE : 0;
}
