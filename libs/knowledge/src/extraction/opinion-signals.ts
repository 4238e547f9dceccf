import type { TaggedWord } from './nlp';

/** Verbs of judging and believing: with the speaker as subject they report a view, not a fact. */
const COGNITION_VERBS = new Set(
  `think thought feel felt believe believed reckon suspect guess doubt prefer bet imagine assume worry fear`
    .trim()
    .split(/\s+/),
);
/** "I'm worried", "we're concerned": a stance the speaker takes. */
const STANCE_ADJECTIVES = /^(?:worried|concerned|skeptical|sceptical|unconvinced|wary|nervous|torn|hesitant)$/;
const SPEAKERS = new Set(['i', 'we']);
/** Present or hypothetical: a judgement held now. "Was slower" reports what happened, an observation. */
const PRESENT_COPULAS = new Set(['is', "'s", 'are', "'re", 'be', 'am', "'m"]);
const SEEMING_VERBS = /^(?:seems?|feels?|looks?|sounds?)$/;
/** Words that grade the adjective after them: "too slow", "more reliable", "way simpler". */
const GRADERS = new Set(['too', 'more', 'less', 'way', 'much', 'far', 'overly', 'so', 'a', 'bit', 'lot', 'little']);
/** Adjectives ending like comparatives that compare nothing. */
const NOT_COMPARATIVE = new Set(['other', 'former', 'latter', 'inner', 'outer', 'upper', 'over', 'under', 'proper']);

/**
 * The speaker reports a belief or preference: "I think", "we suspect", "I kind of prefer",
 * "I don't believe", "I'm worried". A first-person subject, at most two words of hedging or
 * negation, then a verb of cognition or a stance.
 */
export function reportsBelief(words: readonly TaggedWord[]): boolean {
  for (let index = 0; index < words.length; index++) {
    const lower = normalized(words[index]);
    const speaker = SPEAKERS.has(lower);
    const contracted = /^(?:i'm|we're)$/.test(lower);
    if (!speaker && !contracted) continue;
    for (const next of words.slice(index + 1, index + 4)) {
      const word = normalized(next);
      if ((COGNITION_VERBS.has(word) && next.pos === 'VERB') || STANCE_ADJECTIVES.test(word)) return true;
      if (next.pos === 'PUNCT' || next.pos === 'PROPN' || next.pos === 'DET') break;
    }
  }
  return false;
}

/**
 * The sentence grades something with an evaluative adjective held now: "X is too slow", "Y is
 * cleaner", "it would be simpler", "feels clunky", "looks good". A present or modal copula (or a
 * verb of seeming), optional grading words, then an adjective that is graded, comparative, or
 * follows a verb of seeming.
 */
export function gradesSomething(words: readonly TaggedWord[]): boolean {
  for (let index = 0; index < words.length; index++) {
    const lower = normalized(words[index]);
    const seeming = SEEMING_VERBS.test(lower) && words[index].pos === 'VERB';
    if (!seeming && !(PRESENT_COPULAS.has(lower) && words[index].pos === 'AUX')) continue;
    let graded = false;
    const window = words.slice(index + 1, index + 5);
    for (const [offset, next] of window.entries()) {
      const word = normalized(next);
      // The tagger reads some comparatives as adverbs; "than" after one settles it.
      if (isComparative(word) && window[offset + 1]?.lower === 'than') return true;
      // "Looks rushed", "feels a little washed out": a participle after a verb of seeming judges too.
      if (seeming && next.pos === 'VERB' && /ed$/.test(word)) return true;
      if (next.pos === 'ADJ') {
        if (graded || seeming || isComparative(word)) return true;
        break;
      }
      if (GRADERS.has(word) || next.pos === 'ADV') graded ||= GRADERS.has(word) && word !== 'a';
      else if (!(seeming && (word === 'like' || next.pos === 'DET'))) break;
    }
  }
  return false;
}

function isComparative(adjective: string): boolean {
  return adjective.length > 4 && /er$/.test(adjective) && !NOT_COMPARATIVE.has(adjective);
}

function normalized(word: TaggedWord): string {
  return word.lower.replace(/[’‘]/g, "'");
}
