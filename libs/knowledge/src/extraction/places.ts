import { lexiconEntries } from './compromise-lexicon';
import { matchesOf, type TextRange } from './text-ranges';

export interface PlaceMatch extends TextRange {
  /** As written, without a possessive: "London" of "London's". */
  name: string;
}

/** Tags compromise gives the countries, regions and cities of its lexicon: what its #Place match is made of. */
const PLACE_TAGS = new Set(['Country', 'Region', 'City', 'Place']);
/** Short lexicon entries are mostly airport codes ("den", "las", "ord"); these few are places people write. */
const SHORT_PLACES = new Set(['uk', 'usa', 'nyc', 'ussr', 'uae']);
const MIN_PLACE_LENGTH = 4;
const MAX_PLACE_WORDS = 3;
/** Runs of capitalized words ("New York", "San Francisco"); places are only found where they are written as names. */
const CAPITALIZED_RUN = /(?<![\p{L}\p{N}_@#./-])\p{Lu}[\p{L}’'-]*(?:[ \t]+\p{Lu}[\p{L}’'-]*)*/gu;

let placeNames: ReadonlySet<string> | null = null;

/**
 * The lowercase names compromise's lexicon tags as a country, region or city. Tagging a whole sentence
 * with compromise costs about a millisecond; looking its place names up costs nothing, and they are the
 * same names its #Place tag would find.
 */
function loadPlaceNames(): ReadonlySet<string> {
  if (placeNames) return placeNames;
  const names = new Set<string>();
  for (const [word, tags] of lexiconEntries()) {
    if (!tags.some((t) => PLACE_TAGS.has(t)) || tags.includes('Abbreviation')) continue;
    if (word.length < MIN_PLACE_LENGTH && !SHORT_PLACES.has(word)) continue;
    names.add(word);
  }
  placeNames = names;
  return names;
}

/** True when a lowercase name is a country, region or city. */
export function isPlaceName(lowercaseName: string): boolean {
  return loadPlaceNames().has(lowercaseName.replace(/['’]s$/, ''));
}

/**
 * Places the text names as names: capitalized words (or a run of up to three) that compromise knows as a
 * country, region or city: "California", "New York", "London's". The longest name wins.
 */
export function findPlaces(text: string): PlaceMatch[] {
  const found: PlaceMatch[] = [];
  for (const run of matchesOf(text, CAPITALIZED_RUN)) {
    const words = Array.from(matchesOf(run[0], /\S+/g), (word) => ({
      text: word[0],
      start: run.index + word.index,
    }));
    for (let first = 0; first < words.length;) {
      const length = longestPlaceAt(words, first);
      if (length === 0) {
        first += 1;
        continue;
      }
      const last = words[first + length - 1];
      const name = text.slice(words[first].start, last.start + last.text.length).replace(/['’]s$/, '');
      found.push({ name, start: words[first].start, end: words[first].start + name.length });
      first += length;
    }
  }
  return found;
}

function longestPlaceAt(words: ReadonlyArray<{ text: string }>, first: number): number {
  for (let length = Math.min(MAX_PLACE_WORDS, words.length - first); length > 0; length -= 1) {
    const name = words
      .slice(first, first + length)
      .map((word) => word.text)
      .join(' ')
      .toLowerCase();
    if (isPlaceName(name)) return length;
  }
  return 0;
}
