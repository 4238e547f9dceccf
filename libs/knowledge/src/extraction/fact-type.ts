import type { FactType } from '@atlas/events';
import { endsWithQuestionMark } from './fact-units';
import { tagWords } from './batch-readings';
import { gradesSomething, reportsBelief } from './opinion-signals';
import { PROPOSAL } from './proposals';

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

type RuleBasedType = 'decision' | 'action_item' | 'announcement' | 'opinion';

const NEGATED_DECISION = /(?:\bnot|n't|\bnever|\byet to|\bun)\s*(?:\w+\s+)?(?:decided|agreed)\b/;
const DAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';

/** In priority order: of two types that match about as strongly, the first wins. */
const RULES: Record<RuleBasedType, Rule[]> = {
  decision: [
    // "Let's go with X" alone proposes; it decides only as agreement in a discussion (see proposals.ts).
    { pattern: /\bdecision\s*:/, weight: 0.9 },
    { pattern: /\bwe(?:'ve| have)? (?:decided|agreed)\b/, weight: 0.9, unless: NEGATED_DECISION },
    { pattern: /\b(?:it was|it's been|it has been) (?:decided|agreed)\b/, weight: 0.9 },
    { pattern: /\b(?:final|the) (?:decision|call) is\b|\bfinal decision\b/, weight: 0.85 },
    {
      pattern:
        /\bwe(?:'ll| will|'re going to| are going to) (?:use|go with|adopt|switch to|move to|migrate to|stick with|standardi[sz]e on)\b/,
      weight: 0.85,
    },
    { pattern: /\bsettled on\b/, weight: 0.8 },
    // A poll result decides: "Poll closed: Lucide wins 7–4."
    { pattern: /\bpoll (?:closed|result)|\bwins \d+\s*[–-]\s*\d+|\blet'?s call it\b/, weight: 0.85 },
    { pattern: /\bgoing with\b/, weight: 0.75 },
    { pattern: /\bagreed\b/, weight: 0.75, unless: NEGATED_DECISION },
    { pattern: /\bdecided\b/, weight: 0.7, unless: NEGATED_DECISION },
    { pattern: /\bapproved\b(?! by)|\bsigned off\b|\bfrom now on\b/, weight: 0.65 },
    { pattern: /^decision\b|\bplan of record\b|\bchange of plan\b|^(?:one )?change\s*:/, weight: 0.85 },
    {
      pattern:
        /\bwe(?:'re| are) (?:replacing|switching|migrating|going with|adopting|dropping|deprecating|sunsetting|keeping|not moving)\b|^we (?:keep|stay with|stick with|drop|skip)\b/,
      weight: 0.75,
    },
    // A moved date or a changed owner is a decision about the work.
    {
      pattern: new RegExp(
        `\\b(?:moves?|moved|moving|pushed|pushing|postponed?|slips?|slipped|delayed|rescheduled?)\\b(?:[^.;!?]|\\.(?=\\d)){0,40}?\\bto (?:the (?:\\d|week|end|next|following)|next |${DAY}|${MONTH}|\\d)`,
      ),
      weight: 0.8,
      // A heads-up passes on a date someone else moved: it tells, it does not decide.
      unless: /\b(?:meeting|retro|standup|stand-up|sync|1:1|call|lunch)\b|\bheads[- ]up\b|\bfyi\b|\bpsa\b/,
    },
    {
      pattern: /\btakes? over\b|\bis (?:now )?(?:the )?(?:new )?(?:owner|dri|lead|release captain)\b|\bto own\b/,
      weight: 0.75,
    },
    { pattern: new RegExp(`\\b(?:starting|effective|as of) (?:next|this|today|tomorrow|${DAY})\\b`), weight: 0.8 },
    {
      pattern: /\b(?:is|are) (?:now )?(?:locked|settled|frozen)\b|\bfreeze on\b|\bgo for\b(?=[^.]*\d)/,
      weight: 0.75,
    },
  ],
  action_item: [
    { pattern: /\baction items?\b|\btodo\b|\bto-do\b/, weight: 0.9 },
    { pattern: /\b(?:can|could|would) (?:you|someone|somebody|anyone|one of you)\b/, weight: 0.85 },
    // Text is lowercased: "@ana lima will" allows one more word for a two-word display name.
    // "Welcome @carla to the team" greets a newcomer; it assigns nothing.
    { pattern: /@[\p{L}\p{N}._-]+(?: [\p{L}'-]+)? (?:will|is going to|to)\b/u, weight: 0.85, unless: /\bwelcome\b/ },
    { pattern: /\bassigned to\b|\bowner\s*:|\bassignee\s*:/, weight: 0.85 },
    { pattern: /\bplease\b|\bpls\b|\bplz\b/, weight: 0.75, unless: /\bplease welcome\b/ },
    { pattern: /^[^\p{L}]*(?:ok|okay|sure|yes|yep|on it|will do)?[,.!\s—–-]*will (?!be\b)[a-z]+/u, weight: 0.75 },
    { pattern: /^(?:today|yesterday|tomorrow|this week|next)\s*:/, weight: 0.7 },
    { pattern: /\byou own\b|\bis yours\b|\bi(?:'ll| will| can) take\b|\bi'm taking\b/, weight: 0.8 },
    {
      pattern:
        /\bi can (?!'t)(?:add|take|do|fix|look|help|handle|write|update|pick|send|check|make|set|own|review|start|try|test|draft)\b/,
      weight: 0.75,
    },
    {
      pattern:
        // "good point, adding a sort toggle" commits; "latency is at 4s since 10:20, looking into it" reports.
        /^(?:[^,;—–]{0,25}[,;—–]\s*)?(?:ok,?\s*)?(?:looking into|looking at|investigating|adding|fixing|updating|writing|checking|reviewing|testing|trying)\b/,
      weight: 0.7,
    },
    // "I'd like to listen in!" wishes; "I'd like you to review it" asks.
    { pattern: /\bi'd like (?:a|an)\b|\bi'd like (?:you|someone|us) to\b/, weight: 0.7 },
    // A completion report changes a task's status: "done, merged in #127", "BILL-88 done".
    {
      pattern:
        /^(?:done|fixed|merged|updated|booked|reviewed|tested|confirmed|checked|added|sent|submitted|deployed|pushed|set to)\b|^\S+ (?:is )?(?:done|fixed|merged)\b/,
      weight: 0.8,
    },
    { pattern: /\b(?:merged|fixed) (?:in|via|as|with)\b|\b(?:merged|fixed) \(#\d+\)|\bcommented in\b/, weight: 0.7 },
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
    { pattern: /\b(?:you|someone|somebody) (?:need|needs|have|has|must) to\b/, weight: 0.65 },
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
    { pattern: /\breminder\b|\bdeprecat(?:ed|ing)\b/, weight: 0.75 },
    {
      pattern:
        /\b(?:is|are|was|were|got) (?:now )?(?:published|confirmed|approved)\b|\bapproved by\b|\b(?:company|team|project) update\b/,
      weight: 0.75,
    },
    { pattern: /\b(?:weekly |daily )?status\s*:|\bstatus update\b|\bbad news\b|\bgood news\b/, weight: 0.8 },
    {
      pattern:
        /\bwent out\b|\brolling out\b|\brollout to\b|\breleasing\b|\bstarts? (?:today|tomorrow|on|next)\b|\bkick(?:s|ed)? ?off\b|\b(?:is|are) (?:up|out)\b(?! to\b)|\bsubmitted\b|\bcomplete\b/,
      weight: 0.7,
    },
    { pattern: /\b(?:tonight|today|tomorrow) at\b|\b\d{1,2}(?::\d{2})?\s*(?:am|pm|utc)\b|\btonight\b/, weight: 0.65 },
    {
      pattern:
        /\bi(?:'ll| will)? be (?:out|off|ooo|away|on pto|on leave|on vacation)\b|\bi'm (?:out|off|ooo|away|on pto|on leave)\b|\bout sick\b|\bpto\b|\bout of (?:the )?office\b|\b(?:parental|maternity|paternity|sick) leave\b|\blast day\b/,
      weight: 0.8,
    },
    {
      pattern:
        /^resolved\b|\bincident\b|\boutage\b|\bscheduled for\b|\bis (?:up|out|in)\s*[:—–-]|\b(?:pr|rfc|doc|draft|runbook) is (?:up|here|ready)\b/,
      weight: 0.75,
    },
  ],
  // Hedged judgements: what someone thinks, not what is or was decided.
  opinion: [
    {
      pattern: /\bimo\b|\bimho\b|\bin my (?:humble )?(?:opinion|view|experience)\b|\bmy (?:two cents|2 cents|take)\b/,
      weight: 0.85,
    },
    {
      pattern:
        /\bi(?:'d| would) (?:prefer|rather|argue|say|lean|vote|go for|keep|avoid|recommend|suggest|stick)\b|\bi prefer\b|\bpersonally\b|^\+1\b|^(?:i )?(?:agree|disagree)\b|\bworks for (?:me|us)\b|\bcontroversial take\b|\bhot take\b|\bagree with\b/,
      weight: 0.8,
    },
    // A proposal is a view until someone agrees to it (proposals.ts makes the agreement a decision).
    { pattern: PROPOSAL, weight: 0.7 },
    { pattern: /\bwe (?:should|need to|must|ought to|have to)\b|\b(?:should|shouldn't|ought to)\b/, weight: 0.65 },
    {
      pattern: /\bi'?m not (?:sure|convinced)\b|\bnot sure (?:that|if|whether|about|we)\b|\bi don't think\b/,
      weight: 0.75,
    },
    // Hedged verdicts on an option: "probably overkill", "arguably a mistake".
    { pattern: /\b(?:probably|likely|definitely|clearly|arguably) (?:overkill|a mistake|not worth)\b/, weight: 0.75 },
    // Verdicts on software, as support chat gives them: "grub really sucks", "XGL is a hack", "much better".
    {
      pattern:
        /\b(?:sucks|rocks)\b|\b(?:is|are|'s) (?:really |so |pretty |very )?(?:cool|awesome|great|terrible|horrible|crap|crappy|a hack|overkill|buggy)\b|\b(?:much|way|far) (?:better|worse|nicer|faster|slower)\b|\bi (?:really )?(?:like|love|hate|dislike)\b|\bi'?m preferring\b|\bi(?:'d| would) expect\b/,
      weight: 0.75,
    },
  ],
};

/** A request: an action item when it is stated, a question (with an owner) when it is asked. */
const REQUEST =
  /\b(?:can|could|would|will) (?:you|someone|somebody|anyone|one of you)\b|\b(?:can|could) we (?:get|add|have|make|update|fix|drop|remove)\b|\bneeds? (?:a )?review\b|\bfor review\b|\bptal\b|\beyes on\b|\bwould appreciate\b/;
/** "Will look after lunch" is a promise: an auxiliary opens a question only when a subject follows it. */
const AUXILIARY_WITHOUT_SUBJECT =
  /^(?:should|shall|can|could|would|will|does|do|did|is|are|was|were|has|have|had)\s+(?!i\b|we\b|you\b|they\b|he\b|she\b|it\b|there\b|this\b|that\b|these\b|those\b|the\b|a\b|an\b|our\b|your\b|my\b|anyone\b|anybody\b|someone\b|everyone\b|\S+['’]s\b|[\p{Lu}\p{N}])/u;
const SUBORDINATE_THEN_MAIN = /^(?:when|where|if|how)\b[^?]*,\s*\S/;
const AUXILIARY_BEFORE_NON_SUBJECT =
  /^(?:should|shall|can|could|would|will|does|do|did|is|are|was|were|has|have|had)\s+(?:a|an|the|to|some|no|more)\b/;
const INTERROGATIVE_START =
  /^(?:who|what|when|where|why|how|which|whose|should|shall|can|could|would|will|does|do|did|is|are|was|were|has|have|had|any ?(?:one|body) (?:know|seen|have|tried))\b/;
const REQUEST_WEIGHT = 0.85;
const EXTRA_SIGNAL_BONUS = 0.05;
const MAX_CONFIDENCE = 0.95;
const QUESTION_MARK_CONFIDENCE = 0.9;
const INTERROGATIVE_CONFIDENCE = 0.6;
const OBSERVATION_CONFIDENCE = 0.5;
/** How much weaker a higher-priority type's cue may be and still win. */
const PRIORITY_MARGIN = 0.1;

/**
 * The type of a fact text. A question is a question, even a request phrased as one ("can you review
 * the PR?"): a question is never an action item, and nothing asked is decided. A stated request is an
 * action item ("Starting next week all config changes go through review; can you write it up." decides
 * first). Otherwise the strongest decision, action item, announcement or opinion rule wins; otherwise it
 * is an observation. Confidence is the strongest matching rule's weight, plus a little for each further
 * rule of the same type that also matched.
 */
export function classifyFact(text: string): FactClassification {
  const lower = lowered(text);
  if (lower.trim() === '') return { type: 'observation', confidence: OBSERVATION_CONFIDENCE };
  const question = questionConfidence(text, lower);
  if (question > 0) return { type: 'question', confidence: question };
  if (REQUEST.test(lower)) {
    const decision = matchingWeights('decision', lower, text);
    if (decision.length > 0 && Math.max(...decision) >= 0.8) return scored('decision', decision);
    return scored('action_item', [...matchingWeights('action_item', lower, text), REQUEST_WEIGHT]);
  }
  const candidates = (Object.keys(RULES) as RuleBasedType[])
    .map((type) => ({ type, weights: matchingWeights(type, lower, text) }))
    .filter(({ weights }) => weights.length > 0)
    .map(({ type, weights }) => scored(type, weights));
  if (candidates.length === 0) return { type: 'observation', confidence: OBSERVATION_CONFIDENCE };
  // Types that match about as strongly are ranked by the annotation priority (decision first).
  const strongest = Math.max(...candidates.map((candidate) => candidate.confidence));
  return candidates.find((candidate) => candidate.confidence >= strongest - PRIORITY_MARGIN - 1e-9)!;
}

/**
 * Whether classifyFact types the text a question, by the question test alone: the other types' rules (and
 * the tagging the opinion rules need) only decide between what is not a question.
 */
export function isQuestion(text: string): boolean {
  const lower = lowered(text);
  return lower.trim() !== '' && questionConfidence(text, lower) > 0;
}

function lowered(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'");
}

/** Opinions are told by grammar more than by wording: who judges, and how. */
const BELIEF_WEIGHT = 0.8;
const GRADING_WEIGHT = 0.7;

function matchingWeights(type: RuleBasedType, lower: string, text: string): number[] {
  const weights = RULES[type]
    .filter((rule) => rule.pattern.test(lower) && !rule.unless?.test(lower))
    .map((rule) => rule.weight);
  if (type === 'opinion') {
    const words = tagWords(text);
    if (reportsBelief(words)) weights.push(BELIEF_WEIGHT);
    if (gradesSomething(words)) weights.push(GRADING_WEIGHT);
  }
  return weights;
}

function scored(type: RuleBasedType, weights: readonly number[]): FactClassification {
  const strongest = Math.max(...weights);
  const confidence = Math.min(MAX_CONFIDENCE, strongest + EXTRA_SIGNAL_BONUS * (weights.length - 1));
  return { type, confidence: Math.round(confidence * 100) / 100 };
}

function questionConfidence(text: string, lower: string): number {
  if (endsWithQuestionMark(text)) return QUESTION_MARK_CONFIDENCE;
  const opening = lower.replace(/^(?:@\S+[\s,]*)+/, '');
  if (AUXILIARY_WITHOUT_SUBJECT.test(opening)) return 0;
  const statementEnd = /[.!:]["')\]]*$/.test(lower);
  // Without a question mark: "when mtr starts, hit d" opens with a clause, "have an icon to browse …"
  // leaves out its subject; a question opens with a wh-word or an auxiliary before its subject.
  if (SUBORDINATE_THEN_MAIN.test(opening) || AUXILIARY_BEFORE_NON_SUBJECT.test(opening)) return 0;
  return INTERROGATIVE_START.test(opening) && !statementEnd ? INTERROGATIVE_CONFIDENCE : 0;
}
