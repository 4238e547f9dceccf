import type { TaggedWord } from './nlp';
import { FUNCTION_WORDS } from './stopwords';
import { matchesOf } from './text-ranges';

export interface TopicMatch {
  name: string;
  start: number;
  end: number;
}

interface Word {
  text: string;
  pos: string;
  start: number;
  end: number;
}

const MAX_TOPIC_WORDS = 3;
/** Nouns too general to make a topic of ("the whole thing", "a lot of time"). */
export const GENERIC_NOUNS = new Set(
  `thing things stuff time times way ways lot lots bit bits kind sort type types part parts people person folks guys
   everyone someone anyone today tomorrow yesterday tonight morning afternoon evening night day days week weeks
   month months year years hour hours minute minutes second seconds moment point points idea ideas question
   questions answer answers problem problems issue issues update updates note notes number numbers end start
   meeting meetings call calls chat message messages thread threads channel channels link links reply replies
   thanks team teams help info information detail details case cases place side level version versions item items
   option options reason reasons change changes fix fixes work job jobs task tasks step steps plan plans status`
    .trim()
    .split(/\s+/),
);
/**
 * Words that say when, not what. A phrase made of nothing else ("Wednesdays", "next week", "March 27",
 * "Q2") dates something; it is never a subject of its own.
 */
const DATE_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays
   saturdays sundays mon tue tues wed thu thur thurs fri weekend weekends weekday weekdays today tomorrow
   yesterday tonight morning mornings afternoon afternoons evening evenings night nights noon midnight day days
   daily week weeks weekly fortnight month months monthly year years yearly quarter quarters hour hours minute
   minutes eod eow eom asap january february march april may june july august september october november december
   jan feb apr jun jul aug sep sept oct nov dec q1 q2 q3 q4 h1 h2 next last this every each coming past end
   beginning start middle mid of the a am pm utc`
    .trim()
    .split(/\s+/),
);
/** "27", "27th", "16:00", "2025-03-27": a number or a time of day is part of a date. */
const DATE_NUMBER = /^(?:\d+(?:st|nd|rd|th|s)?|\d{1,2}[:.h]\d{2}|\d{4}-\d{2}(?:-\d{2})?)$/;

/** Whether a name says only when ("Wednesdays", "next week", "end of March"): no topic, entity or page. */
export function isDateWords(name: string): boolean {
  const words = name
    .toLowerCase()
    .replace(/['’]s?$/u, '')
    .split(/[\s,/-]+/)
    .filter((word) => word !== '');
  return words.length > 0 && words.every((word) => DATE_WORDS.has(word) || DATE_NUMBER.test(word));
}

/** Adjectives that judge or locate rather than name a kind of thing: "new dashboards" is no topic. */
const PLAIN_ADJECTIVES = new Set(
  `new old good bad big small great current next last first other same whole main final nice quick slow fast high
   low full few many much more less own real sure different important possible free open latest early late long
   short single simple hard easy ready able certain additional existing previous specific entire various major
   minor huge tiny broken fine weird annoying flaky red green blue better worse best worst extra actual whole
   several similar separate common general quick quickest initial proper usual overall total main key`
    .trim()
    .split(/\s+/),
);

/** Heads of noun phrases that name a process, a feature or an event people discuss as a subject. */
const SUBJECT_HEADS = new Set(
  `rotation migration rollout cutover deprecation incident outage postmortem onboarding offboarding roadmap budget
   audit freeze close sync process policy retro retrospective planning compliance deletion notifications mode
   redesign refactor rewrite upgrade launch program initiative hiring review reviews pipeline strategy pricing
   billing invoicing reporting analytics localization accessibility`
    .trim()
    .split(/\s+/),
);

/**
 * Noun phrases that name a subject of work ("billing migration", "on-call rotation", "incident
 * response runbook"): runs of two or three lowercase nouns (or hyphenated compounds and
 * classifying adjectives) ending in a noun, none of them generic, that are compounds or end in a
 * process word. Other noun phrases are too many and too loose to be entities.
 */
export function findTopics(words: readonly TaggedWord[]): TopicMatch[] {
  const merged = mergeHyphenated(words);
  const topics: TopicMatch[] = [];
  let run: Word[] = [];
  const flush = (): void => {
    while (run.length > 0 && run[run.length - 1].pos !== 'NOUN') run.pop();
    const kept = run.slice(-MAX_TOPIC_WORDS);
    if (kept.length >= 2 && !kept.some((word) => GENERIC_NOUNS.has(word.text.toLowerCase())) && namesSubject(kept)) {
      topics.push({
        name: kept.map((word) => word.text).join(' '),
        start: kept[0].start,
        end: kept[kept.length - 1].end,
      });
    }
    run = [];
  };
  for (const word of merged) {
    if (isTopicWord(word, run.length === 0)) run.push(word);
    else flush();
  }
  flush();
  return topics;
}

/** A compound ("on-call rotation", "month-end close") or a process head ("billing migration"). */
function namesSubject(words: readonly Word[]): boolean {
  return words.some((word) => word.text.includes('-')) || SUBJECT_HEADS.has(words[words.length - 1].text.toLowerCase());
}

function isTopicWord(word: Word, first: boolean): boolean {
  const lower = word.text.toLowerCase();
  if (!/^[\p{Ll}\p{N}][\p{Ll}\p{N}-]*$/u.test(word.text) && !/^[\p{Lu}\p{N}]{2,6}$/u.test(word.text)) return false;
  if (/^[\p{Lu}\p{N}]{2,6}$/u.test(word.text)) return word.pos === 'PROPN' || word.pos === 'NOUN';
  if (word.pos === 'NOUN') return lower.length > 1;
  if (word.pos === 'ADJ' && first) return !PLAIN_ADJECTIVES.has(lower);
  return word.pos === 'COMPOUND';
}

/** "on-call", "blue-green": wink splits them at the hyphen; a topic needs them whole. */
function mergeHyphenated(words: readonly TaggedWord[]): Word[] {
  const merged: Word[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    const hyphen = words[index + 1];
    const next = words[index + 2];
    if (
      hyphen?.text === '-' &&
      next &&
      hyphen.start === word.end &&
      next.start === hyphen.end &&
      /\p{L}/u.test(next.text)
    ) {
      merged.push({
        text: `${word.text}-${next.text}`,
        pos: next.pos === 'NOUN' ? 'NOUN' : 'COMPOUND',
        start: word.start,
        end: next.end,
      });
      index += 2;
    } else {
      merged.push({ text: word.text, pos: word.pos, start: word.start, end: word.end });
    }
  }
  return merged;
}

/**
 * The noun phrase that starts at an offset ("for billing", "move the billing service to"): one to
 * three nouns, none generic. Used where the sentence says the phrase is what something is for.
 */
export function nounPhraseAt(words: readonly TaggedWord[], offset: number): TopicMatch | null {
  const merged = mergeHyphenated(words);
  const index = merged.findIndex((word) => word.start === offset);
  if (index < 0) return null;
  const run: Word[] = [];
  for (const word of merged.slice(index, index + MAX_TOPIC_WORDS)) {
    if (word.pos !== 'NOUN' || !/^[\p{Ll}\p{N}][\p{Ll}\p{N}-]*$/u.test(word.text)) break;
    run.push(word);
  }
  if (run.length === 0 || run.some((word) => GENERIC_NOUNS.has(word.text) || word.text.length < 3)) return null;
  return { name: run.map((word) => word.text).join(' '), start: run[0].start, end: run[run.length - 1].end };
}

/** Parts of speech that carry grammar: a phrase with one of them in it names no subject ("Can you"). */
const FUNCTION_POS = new Set(['PRON', 'AUX', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'INTJ']);

/**
 * Whether a topic phrase found by any rule is made of content words: none of its words is a
 * pronoun, modal or other function word, by spelling or by the tagger's reading of it in place
 * (a part of a compound, like the "on" of "on-call", is no word of its own). Acronyms ("US",
 * "IT") are names, whatever word they spell. A phrase of date words only names no subject.
 */
export function isContentPhrase(topic: TopicMatch, words: readonly TaggedWord[]): boolean {
  const spelled = Array.from(matchesOf(topic.name, /\S+/g), (match) => ({
    text: match[0],
    start: topic.start + match.index,
    end: topic.start + match.index + match[0].length,
  }));
  // A date is when something happens, not what it is about: "move all-hands to Thursdays".
  if (spelled.length === 0 || isDateWords(topic.name)) return false;
  return spelled.every((word) => {
    if (/^[\p{Lu}\p{N}]{2,6}$/u.test(word.text)) return true;
    if (FUNCTION_WORDS.has(word.text.toLowerCase().replace(/’/g, "'"))) return false;
    const tagged = words.find((candidate) => candidate.start === word.start && candidate.end === word.end);
    return tagged === undefined || !FUNCTION_POS.has(tagged.pos);
  });
}
