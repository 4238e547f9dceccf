import { NAME_CONNECTORS, TOPIC_STOPWORDS } from './stopwords';
import { matchesOf } from './text-ranges';

export interface TeamMatch {
  /** What tells the team apart ("platform" of "the platform team"): the key's name part. */
  core: string;
  name: string;
  start: number;
  end: number;
}

const GROUP_WORD = '(?:team|squad|guild|crew|tribe|chapter|pod)';
/** "Team Phoenix", "Squad Atlas": a capitalized name after the word. */
const NAMED_TEAM = /\b(?:Team|Squad|Guild|Tribe)\s+((?:\p{Lu}[\p{L}\p{N}&-]*)(?:\s+\p{Lu}[\p{L}\p{N}&-]*)?)/gu;
/** "the platform team", "SRE team", "the data eng squad": one or two words before the group word. */
const TEAM_BEFORE_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}_-])((?:[\\p{L}\\p{N}][\\p{L}\\p{N}&+.-]*\\s+)?[\\p{L}\\p{N}][\\p{L}\\p{N}&+.-]*)\\s+${GROUP_WORD}s?(?![\\p{L}\\p{N}_-])`,
  'giu',
);
/** "Data Eng", "Platform Engineering", "Infra Ops": a department named without the word team. */
const DEPARTMENT =
  /(?<![\p{L}\p{N}_-])((?:\p{Lu}[\p{L}]*|[A-Z]{2,5})\s+(?:Eng|Engineering|Ops|Operations|Infra))(?![\p{L}\p{N}_-])/gu;
/** Departments chat names without the word team: "safe for finance?", "let mobile know". */
const DEPARTMENT_WORD =
  '(?:finance|support|legal|sales|marketing|design|mobile|security|infra|qa|devops|sre|hr|growth|identity|compliance)';
const DEPARTMENT_AS_ACTOR = new RegExp(
  `(?<![\\p{L}\\p{N}_@#/-])(${DEPARTMENT_WORD})(?=\\s+(?:can|will|would|needs?|wants?|should|knows?|know|confirms?|says|said|approved|signs? off|side)\\b)`,
  'giu',
);
const DEPARTMENT_AS_OBJECT = new RegExp(
  `(?<=\\b(?:for|with|from|ask|asking|asked|tell|let|ping|cc|and|by)\\s+)(${DEPARTMENT_WORD})(?=\\s*(?:[.,;:!?)]|$|\\s+(?:and|or|in|know|too)\\b))`,
  'giu',
);
/** "ask Ana and support", "finance and legal": after "and" a department follows a name or another department. */
const NAME_AND_BEFORE = new RegExp(`(?:\\p{Lu}\\p{L}*|\\b${DEPARTMENT_WORD}),?\\s+and\\s+$`, 'u');
/** A user group mention: "@design-team". */
const GROUP_MENTION = /@([a-z0-9][a-z0-9-]*?)-team\b/giu;

/** Words before "team" that describe a team without naming one. */
const NOT_A_NAME = new Set(
  `whole entire new same other another every each full small big great good awesome amazing best dream my our
   your their his her its this that these those a an the one two three any some which what whose remote local
   global wider broader extended leadership`
    .trim()
    .split(/\s+/),
);

/** Teams the text names, each with its core name. */
export function findTeams(text: string): TeamMatch[] {
  const found: TeamMatch[] = [];
  for (const match of matchesOf(text, NAMED_TEAM)) {
    const core = match[1];
    if (TOPIC_STOPWORDS.has(core.toLowerCase())) continue;
    found.push({ core: core.toLowerCase(), name: match[0], start: match.index, end: match.index + match[0].length });
  }
  for (const match of matchesOf(text, TEAM_BEFORE_WORD)) {
    const words = match[1].split(/\s+/);
    while (words.length > 0 && isNotAName(words[0])) words.shift();
    if (words.length === 0 || words.some(isNotAName)) continue;
    const offset = match[0].indexOf(words[0]);
    const start = match.index + offset;
    if (found.some((team) => start >= team.start && start < team.end)) continue;
    const groupWord = match[0].slice(match[0].lastIndexOf(' ') + 1);
    const core = words.join(' ');
    const name = `${/^\p{Ll}/u.test(core) ? core[0].toUpperCase() + core.slice(1) : core} ${groupWord}`;
    found.push({ core: core.toLowerCase(), name, start, end: match.index + match[0].length });
  }
  for (const match of matchesOf(text, DEPARTMENT)) {
    if (found.some((team) => match.index >= team.start && match.index < team.end)) continue;
    found.push({
      core: match[1].toLowerCase(),
      name: match[1],
      start: match.index,
      end: match.index + match[1].length,
    });
  }
  for (const pattern of [DEPARTMENT_AS_ACTOR, DEPARTMENT_AS_OBJECT, GROUP_MENTION]) {
    for (const match of matchesOf(text, pattern)) {
      const start = match.index + match[0].indexOf(match[1]);
      if (pattern === DEPARTMENT_AS_OBJECT && isAfterPlainAnd(text.slice(0, start))) continue;
      if (found.some((team) => start < team.end && start + match[1].length > team.start)) continue;
      const core = match[1].toLowerCase();
      found.push({ core, name: departmentName(core), start: match.index, end: match.index + match[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "SRE", "QA" are what people call those teams; other departments are "Finance team". */
function departmentName(core: string): string {
  if (/^(?:sre|qa|hr|devops)$/.test(core)) return core === 'devops' ? 'DevOps' : core.toUpperCase();
  return `${core.charAt(0).toUpperCase()}${core.slice(1).replace(/-/g, ' ')} team`;
}

/** "all the love and support": "and" after a common word joins two common words, not a department. */
function isAfterPlainAnd(before: string): boolean {
  return /\band\s+$/i.test(before) && !NAME_AND_BEFORE.test(before);
}

function isNotAName(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    NOT_A_NAME.has(lower) || (TOPIC_STOPWORDS.has(lower) && !/^[A-Z]{2,}$/.test(word)) || NAME_CONNECTORS.has(lower)
  );
}
