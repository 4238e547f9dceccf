import { findUrls } from './links';
import { tagWords } from './nlp';

/** Stands for the author's name while pronouns are replaced: a private-use character no chat text has. */
const NAME = '\uE000';
const MODALS = new Set(['can', 'could', 'should', 'would', 'will', 'must', 'might', 'may', 'shall']);
/** Past forms (and verbs whose past is their base form): "I took it" becomes "Ana took it" unchanged. */
const UNCHANGED_AFTER_SUBJECT = new Set(
  `was took went made said got saw sent ran wrote did had found thought knew left put set told came gave built
   broke brought bought caught chose felt forgot kept lost meant met paid read shut spent understood won cut hit
   let began drove fell flew grew heard held hurt led lit rode rose sat slept spoke stood stuck taught threw woke
   wore used to`.split(/\s+/),
);
const ADVERBS = new Set(
  `also just really still already actually never always usually probably definitely only even mostly totally
   honestly personally currently generally simply certainly kinda sort kind`.split(/\s+/),
);
const IRREGULAR_THIRD_PERSON: Readonly<Record<string, string>> = { have: 'has', do: 'does', be: 'is', go: 'goes' };
const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bi'm\b/gi, `${NAME} is`],
  [/\bi am\b/gi, `${NAME} is`],
  [/\bi'll\b/gi, `${NAME} will`],
  [/\bi'd\b/gi, `${NAME} would`],
  [/\bi've\b/gi, `${NAME} has`],
  [/\bi don't\b/gi, `${NAME} doesn't`],
  [/\bi do not\b/gi, `${NAME} does not`],
  [/\bi haven't\b/gi, `${NAME} hasn't`],
  [/\bi have not\b/gi, `${NAME} has not`],
  [/\bam i\b/gi, `is ${NAME}`],
  [/\bwas i\b/gi, `was ${NAME}`],
];

/**
 * The text with first-person singular pronouns replaced by the author's name, verbs agreeing:
 * "I'll ship my PR, ping me" by Ana Lima → "Ana Lima will ship Ana Lima's PR, ping Ana Lima".
 * URLs are left alone. Without an author name the text is returned unchanged.
 */
export function resolveFirstPerson(text: string, authorName: string | null): string {
  if (authorName === null || authorName.trim() === '' || !/\b(?:i|me|my|mine|myself)\b/i.test(text)) return text;
  const urls = findUrls(text);
  let result = '';
  let cursor = 0;
  for (const url of urls) {
    result += resolveProse(text.slice(cursor, url.start), authorName) + url.url;
    cursor = url.end;
  }
  return result + resolveProse(text.slice(cursor), authorName);
}

function resolveProse(prose: string, name: string): string {
  if (!/\b(?:i|me|my|mine|myself)\b/i.test(prose)) return prose;
  // NAME stands for the name until the end: the name itself may contain "I" or "me".
  let text = prose;
  for (const [pattern, replacement] of CONTRACTIONS) {
    text = text.replace(pattern, (match) => (/^\p{Lu}/u.test(match) ? capitalize(replacement) : replacement));
  }
  text = conjugateAfterSubject(text);
  text = text
    .replace(/(?<![\p{L}\p{N}.'’-])i(?![\p{L}\p{N}'’-]|\.\p{L})/giu, NAME)
    .replace(/(?<![\p{L}\p{N}'’-])(?:my|mine)(?![\p{L}\p{N}'’-])/giu, `${NAME}'s`)
    .replace(/(?<![\p{L}\p{N}'’-])(?:me|myself)(?![\p{L}\p{N}'’-])/giu, NAME);
  return text.replaceAll(NAME, name);
}

/** "I need" → "Ana needs", "I also think" → "Ana also thinks"; modals and past forms are left as they are. */
function conjugateAfterSubject(text: string): string {
  if (!/(?<![\p{L}\p{N}.'’-])i\s/iu.test(text)) return text;
  const words = tagWords(text);
  const edits: Array<{ start: number; end: number; replacement: string }> = [];
  for (let index = 0; index < words.length - 1; index++) {
    if (words[index].lower !== 'i') continue;
    let next = index + 1;
    if (ADVERBS.has(words[next].lower) && next + 1 < words.length) next++;
    const verb = words[next];
    if (!/^\p{Ll}+$/u.test(verb.text) || MODALS.has(verb.lower) || UNCHANGED_AFTER_SUBJECT.has(verb.lower)) continue;
    if ((verb.pos !== 'VERB' && verb.pos !== 'AUX') || /[^e]ed$/.test(verb.lower)) continue;
    // "Should I take it?": after an inverted auxiliary the verb stays in its base form.
    const before = words[index - 1];
    if (before !== undefined && (before.pos === 'AUX' || MODALS.has(before.lower))) continue;
    edits.push({ start: verb.start, end: verb.end, replacement: thirdPerson(verb.text) });
  }
  let result = text;
  for (const edit of edits.reverse()) result = result.slice(0, edit.start) + edit.replacement + result.slice(edit.end);
  return result;
}

export function thirdPerson(verb: string): string {
  const irregular = IRREGULAR_THIRD_PERSON[verb];
  if (irregular) return irregular;
  if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
