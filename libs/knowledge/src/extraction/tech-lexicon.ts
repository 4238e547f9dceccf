import { CAPITALIZED_ONLY, DISPLAY_NAMES, EXTRA_DISPLAY, SYNONYMS, UPPERCASE_ONLY } from './tech-names';
import { matchesOf } from './text-ranges';
import { longestFirstAlternation } from './word-alternation';

const DISPLAY = new Map<string, string>();
for (const raw of DISPLAY_NAMES.trim().split(/\s+/)) {
  const display = raw.replace(/_/g, ' ');
  DISPLAY.set(display.toLowerCase(), display);
}
for (const [key, display] of Object.entries(EXTRA_DISPLAY)) DISPLAY.set(key, display);
for (const extra of ['go', 'rust', 'swift']) DISPLAY.set(extra, extra[0].toUpperCase() + extra.slice(1));

const ALL_SPELLINGS = [...new Set([...DISPLAY.keys(), ...Object.keys(SYNONYMS)])];
/** Longest first so "github actions" wins over "github"; a space in a spelling is any run of whitespace. */
const SPELLING_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}_./@#-])${longestFirstAlternation(ALL_SPELLINGS, (character) =>
    character === ' ' ? '\\s+' : character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
  )}(?![\\p{L}\\p{N}_#+]|\\.[\\p{L}\\p{N}]|-\\p{L})`,
  'giu',
);

export interface TechnologyMatch {
  /** Canonical lowercase name: the key's name part. */
  canonical: string;
  display: string;
  start: number;
  end: number;
}

/** Internal services as code names them: billing-api, auth-service, ledger-worker. */
const SERVICE_NAME =
  /(?<![\p{L}\p{N}_./@#-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:api|service|svc|worker|server|proxy|gateway|db|sdk|cli)(?![\p{L}\p{N}_/-])/gu;
/** Packages: @scope/name, or a known technology's plug-in (expo-sqlite, style-dictionary). */
const PACKAGE_NAME =
  /(?<![\p{L}\p{N}_./@#-])(?:@[a-z0-9-]+\/[a-z0-9][a-z0-9.-]*[a-z0-9]|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?![\p{L}\p{N}_/-])/gu;
/** After these a capitalized-only name is a product ("Go app" is an app written in Go, named after it). */
const PRODUCT_NOUN_AFTER = /^\s+(?:app|apps|team|project)\b/i;
/** "the windows machine", "a java version": before these an everyday-word name is the software, in any case. */
const SOFTWARE_NOUN_AFTER =
  /^\s+(?:machine|machines|box|partition|install|installation|desktop|server|pc|laptop|computer|drivers?|version|vm|guest|host|runtime|plugin|kernel)\b/i;

/** Technology names in the text, each match with its canonical name and display spelling. */
export function findTechnologies(text: string): TechnologyMatch[] {
  const found: TechnologyMatch[] = [];
  const add = (canonical: string, display: string, start: number, end: number): void => {
    if (found.some((other) => start < other.end && end > other.start)) return;
    found.push({ canonical, display, start, end });
  };
  for (const match of matchesOf(text, SERVICE_NAME))
    add(match[0], match[0], match.index, match.index + match[0].length);
  for (const match of matchesOf(text, PACKAGE_NAME)) {
    const written = match[0];
    const spaced = written.replace(/-/g, ' ');
    if (isTechName(spaced)) {
      const canonical = canonicalTechnology(spaced);
      add(canonical, displayOf(canonical), match.index, match.index + written.length);
    } else if (written.startsWith('@') || isTechName(written.split('-')[0])) {
      add(written, written, match.index, match.index + written.length);
    }
  }
  for (const match of matchesOf(text, SPELLING_PATTERN)) {
    const written = match[0];
    const lower = written.toLowerCase().replace(/\s+/g, ' ');
    const end = match.index + written.length;
    if (UPPERCASE_ONLY.has(lower) && written !== written.toUpperCase()) continue;
    const softwareNounAfter = SOFTWARE_NOUN_AFTER.test(text.slice(end));
    if (CAPITALIZED_ONLY.has(lower) && !softwareNounAfter && !isWrittenAsName(text, match.index, written)) continue;
    if (CAPITALIZED_ONLY.has(lower) && PRODUCT_NOUN_AFTER.test(text.slice(end))) continue;
    const canonical = canonicalTechnology(lower);
    add(canonical, displayOf(canonical), match.index, end);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "Go 1.24", "PG 16", "we use Rust": capitalized mid-sentence, in capitals, or with a version. */
function isWrittenAsName(text: string, start: number, written: string): boolean {
  if (!/^\p{Lu}/u.test(written)) return false;
  if (/^[\p{Lu}\p{N}]{2,}$/u.test(written)) return true;
  if (/^\s+v?\d/.test(text.slice(start + written.length))) return true;
  const before = text.slice(0, start).trimEnd();
  return before !== '' && !/[.!?:]$/.test(before);
}

/** True when a lowercase word is a known technology name. */
export function isTechName(lowercaseWord: string): boolean {
  return DISPLAY.has(lowercaseWord) || lowercaseWord in SYNONYMS;
}

/** The one name every spelling of a technology is merged under. */
export function canonicalTechnology(lowercaseName: string): string {
  return SYNONYMS[lowercaseName] ?? lowercaseName;
}

export function displayOf(canonical: string): string {
  return DISPLAY.get(canonical) ?? canonical;
}
