import type { NamePhrase } from './name-phrases';
import type { TaggedWord } from './nlp';
import { TOPIC_STOPWORDS } from './stopwords';
import { matchesOf } from './text-ranges';

export interface ProjectMatch {
  name: string;
  start: number;
  end: number;
  /** An unknown product name used like a tool ("moved to Lucide") is a technology. */
  type: 'project' | 'technology';
}

/** Tells whether a span of the text already names something else (a person, a technology, a team). */
export type IsTaken = (start: number, end: number) => boolean;

const NAME = '\\p{Lu}[\\p{L}\\p{N}.-]*[\\p{L}\\p{N}](?:\\s+v\\d+(?:\\.\\d+)*)?';
const TWO_NAMES = `${NAME}(?:\\s+(?:\\p{Lu}[\\p{L}\\p{N}-]*|\\d+(?:\\.\\d+)*))?`;
const PROJECT_WORD = new RegExp(`\\b[Pp]roject\\s+(${TWO_NAMES})`, 'gu');
const WORD_PROJECT = new RegExp(`(${TWO_NAMES})\\s+(?:project|initiative|program|epic)\\b`, 'gu');
const WORK_NOUN =
  '(?:migration|launch|rollout|roll-out|rewrite|revamp|redesign|upgrade|release|beta|cutover|overhaul|integration|initiative|program|pilot|effort|work)';
const THE_X_WORK = new RegExp(`\\b[Tt]he\\s+(${TWO_NAMES})\\s+${WORK_NOUN}\\b`, 'gu');
/** "Prism 2.0", "Atlas v2": a versioned codename is a product of the company. */
const VERSION_AFTER = /^\s+v?\d+(?:\.\d+)*\b/;
/** "Atlas v2" is the name of its own project, as the project signals read it; "Prism 2.0" is a release of Prism. */
const NAMED_VERSION_AFTER = /^\s+v\d+(?:\.\d+)*\b/;
/** "Atlas demo", "Helios launch": what only a project has. */
const PROJECT_NOUN_AFTER =
  /^\s+(?:demo|launch|launches|rollout|roadmap|milestone|scope|cutover|timeline|beta|alpha|ga|kickoff|status|weekly status|release|go-live|core team)\b/i;
/**
 * Where a name is a tool: "in Figma", "to Stripe", "via Lucide", "Avalara setup". Not after "from", "on",
 * "than" or "over": "the character from Toy Story", "an update on Lucid" name a film and a release.
 */
const TOOL_BEFORE =
  /\b(?:in|to|via|into|onto|with|using|use|uses|used|behind|vs|adopt|adopted|switch to|move to|migrate to|tried|try|trying|evaluate|evaluated|evaluating|install|installed|installing)\s+$/i;
const TOOL_NOUN_AFTER =
  /^\s+(?:api|sdk|app|apps|setup|config|account|dashboard|integration|instance|plugin|plugins|build|builds|tokens?|icons?|library|package|cli|console|webhooks?|flow|settings?)\b/i;

const ORGANIZATION_SUFFIX = /\s(?:corp|corporation|inc|ltd|llc|gmbh|co|group|labs|bank|university)\.?$/i;
const MAX_CODENAME_WORDS = 3;

/**
 * Projects the text names: "project Atlas", "the Atlas project", "the Helios launch", a versioned
 * codename ("Prism 2.0"), a codename the batch already introduced as a project, and a codename
 * with what only projects have ("the Atlas demo"). An unknown capitalized name used like a tool
 * ("moved to Lucide") is a technology; other capitalized words are left alone, because most are
 * neither (a customer, a place, a word capitalized for emphasis).
 */
export function findProjects(
  text: string,
  words: readonly TaggedWord[],
  /** The text's name phrases (findNamePhrases), which the caller has already read. */
  phrases: readonly NamePhrase[],
  isTaken: IsTaken,
  knownProjects: ReadonlySet<string>,
): ProjectMatch[] {
  const found: ProjectMatch[] = [];
  const add = (name: string, start: number, type: ProjectMatch['type']): void => {
    const trimmed = name.replace(/[.-]+$/, '');
    const end = start + trimmed.length;
    if (TOPIC_STOPWORDS.has(trimmed.toLowerCase()) || isTaken(start, end)) return;
    if (found.some((project) => start < project.end && end > project.start)) return;
    found.push({ name: trimmed, start, end, type });
  };
  for (const match of projectSignals(text)) add(match.name, match.start, 'project');
  for (const phrase of phrases) {
    if (!isCodename(phrase.text, phrase.wordCount, phrase.distinctive)) continue;
    const start = text.indexOf(phrase.text);
    if (start < 0) continue;
    const end = start + phrase.text.length;
    const after = text.slice(end);
    if (knownProjects.has(phrase.text.toLowerCase()) || VERSION_AFTER.test(after) || PROJECT_NOUN_AFTER.test(after)) {
      add(phrase.text + (NAMED_VERSION_AFTER.exec(after)?.[0] ?? ''), start, 'project');
    } else if (phrase.wordCount <= 2 && (TOOL_BEFORE.test(text.slice(0, start)) || TOOL_NOUN_AFTER.test(after))) {
      // Capitalized mid-sentence is a name even when the tagger reads the word as a verb ("in Ramp").
      if (!phrase.sentenceInitial || isProperNoun(words, start, end)) add(phrase.text, start, 'technology');
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Names the text explicitly presents as projects: "project Atlas", "the Atlas project", "the Helios launch". */
export function projectSignals(text: string): Array<{ name: string; start: number }> {
  const signals: Array<{ name: string; start: number }> = [];
  for (const pattern of [PROJECT_WORD, WORD_PROJECT, THE_X_WORK]) {
    for (const match of matchesOf(text, pattern)) {
      signals.push({ name: match[1].replace(/[.-]+$/, ''), start: match.index + match[0].indexOf(match[1]) });
    }
  }
  return signals;
}

function isCodename(name: string, wordCount: number, distinctive: boolean): boolean {
  if (wordCount > MAX_CODENAME_WORDS || ORGANIZATION_SUFFIX.test(name)) return false;
  // Acronyms (SLA, API, MVP) and product spellings are not codenames.
  if (distinctive && /^[\p{Lu}\p{N}\s&-]+$/u.test(name)) return false;
  return /^\p{Lu}\p{Ll}/u.test(name);
}

function isProperNoun(words: readonly TaggedWord[], start: number, end: number): boolean {
  const inside = words.filter((word) => word.start >= start && word.end <= end);
  return inside.length > 0 && inside.some((word) => word.pos === 'PROPN');
}
