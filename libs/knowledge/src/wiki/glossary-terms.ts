import type { GraphEntity, WikiFact } from '../contracts';
import { normalizeName } from '../names';
import { compareText } from '../ordering';
import type { WikiIndex } from './wiki-index';
import { isDateWords } from '../extraction/topics';

const MAX_ACRONYMS = 60;
const MAX_ENTITY_TERMS = 60;
const TERM_ENTITY_TYPES = new Set(['project', 'technology', 'team']);

/** ALL-CAPS words of two or more capitals (digits allowed: "PG16", "EC2"), with an optional plural "s". */
const ACRONYM = /\b([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*)s?\b/g;
/** Chat shorthand and shouting that are not terms of a project. */
const NOT_TERMS = new Set(
  (
    'OK OKAY TODO FYI ASAP LGTM BTW IMO IMHO AFAIK AFAICT TBD TBH WIP PTAL TLDR TL DR AM PM RE FW FWIW NB PS OOO ' +
    'EOD EOW IIRC YMMV NP THX TY LOL OMG WTF ACK NACK I A AN THE AND OR BUT NOT NO YES DO DONT IS IT BE ON IN ' +
    'AT TO OF FOR WE US MY ME HI ALL NEW NOW STOP PLEASE HELP NEVER ALWAYS MUST SHOULD WILL CAN UP OUT IF SO VERY'
  ).split(' '),
);
/** A term is defined early on if at all: reading further costs time on a big channel and rarely finds one. */
const DEFINITION_SCAN = 2_000;
/** Cheap test before the expensive ones: only these sentences can spell an acronym out. */
const MAY_EXPAND = /\(|stands for|is short for/;
const SMALL_WORDS = new Set(['of', 'and', 'for', 'the', 'to', 'in', 'on', 'a', 'an', '&']);

export interface GlossaryTerm {
  key: string;
  term: string;
  entity: GraphEntity | null;
  /** What an acronym stands for, as a fact writes it ("Service Level Agreement"). */
  expansion: string | null;
  /** A sentence of a fact that says what the term is, and that fact. */
  definition: { fact: WikiFact; sentence: string } | null;
  /** The facts using the term, oldest first. */
  facts: WikiFact[];
}

/**
 * The channel's terms: acronyms its facts use (with what they stand for when a fact spells it out)
 * and the projects, technologies and teams of its graph, each with the sentence that defines it
 * when one does ("X stands for", "X is our ..."). Alphabetical.
 */
export function glossaryOf(index: WikiIndex): GlossaryTerm[] {
  const terms = new Map<string, GlossaryTerm>();
  for (const entity of entityTerms(index)) {
    const facts = [...index.factsAbout(entity.id)].reverse();
    const names = [entity.name, ...entity.aliases];
    const found = findDefinition(facts, names);
    const term: GlossaryTerm = {
      key: normalizeName(entity.name),
      term: entity.name,
      entity,
      expansion: found?.expansion ?? null,
      definition: found,
      facts,
    };
    for (const name of names) if (!terms.has(normalizeName(name))) terms.set(normalizeName(name), term);
  }
  for (const acronym of acronymsOf(index)) {
    const known = terms.get(normalizeName(acronym.term));
    if (known) {
      if (known.definition === null) known.definition = acronym.definition;
      if (known.expansion === null) known.expansion = acronym.expansion;
    } else terms.set(acronym.key, acronym);
  }
  return [...new Set(terms.values())].sort(
    (a, b) =>
      compareText(a.key, b.key) || compareText(a.term, b.term) || compareText(a.entity?.id ?? '', b.entity?.id ?? ''),
  );
}

function entityTerms(index: WikiIndex): GraphEntity[] {
  return index
    .allEntities()
    .filter(
      // "Wednesdays" taken for a technology is a date, no term to explain.
      (entity) =>
        TERM_ENTITY_TYPES.has(entity.type) && !isDateWords(entity.name) && index.factsAbout(entity.id).length > 0,
    )
    .sort(
      (a, b) =>
        index.factsAbout(b.id).length - index.factsAbout(a.id).length ||
        compareText(a.name, b.name) ||
        compareText(a.id, b.id),
    )
    .slice(0, MAX_ENTITY_TERMS);
}

function acronymsOf(index: WikiIndex): GlossaryTerm[] {
  const uses = new Map<string, WikiFact[]>();
  const lowercaseWords = new Map<string, number>();
  for (const fact of index.oldestFirst) {
    const seen = new Set<string>();
    for (const [, acronym] of fact.text.matchAll(ACRONYM)) {
      if (seen.has(acronym) || NOT_TERMS.has(acronym) || acronym.length > 8) continue;
      seen.add(acronym);
      const list = uses.get(acronym);
      if (list) list.push(fact);
      else uses.set(acronym, [fact]);
    }
    for (const word of fact.text.split(/\s+/)) {
      const bare = word.replace(/^[("'“]+|[)"'”.,;:!?]+$/g, '');
      if (/^[a-z][a-z0-9]*$/.test(bare)) lowercaseWords.set(bare, (lowercaseWords.get(bare) ?? 0) + 1);
    }
  }
  const terms: GlossaryTerm[] = [];
  for (const [acronym, facts] of uses) {
    // A word the channel mostly writes in lowercase is being shouted, not abbreviated.
    if ((lowercaseWords.get(acronym.toLowerCase()) ?? 0) >= facts.length) continue;
    const definition = findDefinition(facts, [acronym]);
    if (definition === null && facts.length < 2) continue;
    terms.push({
      key: normalizeName(acronym),
      term: acronym,
      entity: null,
      expansion: definition?.expansion ?? null,
      definition,
      facts,
    });
  }
  return terms
    .sort(
      (a, b) =>
        Number(b.definition !== null) - Number(a.definition !== null) ||
        b.facts.length - a.facts.length ||
        compareText(a.term, b.term),
    )
    .slice(0, MAX_ACRONYMS);
}

/** The first sentence (oldest fact first) that says what one of the names stands for or is. */
function findDefinition(
  facts: readonly WikiFact[],
  names: readonly string[],
): { fact: WikiFact; sentence: string; expansion: string | null } | null {
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // "If PDF is a lot of work" supposes, and "a lot" measures: neither says what PDF is.
    const defines = new RegExp(
      `(?<!\\b(?:if|whether|when|unless|once|until|while|because|since)\\s+(?:the\\s+)?)(?<![\\w-])${escaped}(?![\\w-])\\s*(?:stands for|is short for|means|refers to|(?:is|are) (?:our|the|a|an)\\b(?!\\s+(?:lot|bit|little|few|couple|must)\\b))`,
      'i',
    );
    const isAcronym = /^[A-Z0-9]+$/.test(name);
    const lowerName = name.toLowerCase();
    for (const fact of facts.slice(0, DEFINITION_SCAN)) {
      if (!fact.text.toLowerCase().includes(lowerName)) continue;
      for (const sentence of sentencesOf(fact.text)) {
        const expansion = isAcronym && MAY_EXPAND.test(sentence) ? expansionIn(sentence, name) : null;
        if (expansion !== null || defines.test(sentence)) return { fact, sentence, expansion };
      }
    }
  }
  return null;
}

/** "Service Level Agreement (SLA)", "SLA (Service Level Agreement)" or "SLA stands for Service Level Agreement". */
function expansionIn(sentence: string, acronym: string): string | null {
  const letters = acronym.replace(/[0-9]/g, '');
  const before = new RegExp(
    `([\\p{L}&][\\p{L}\\p{N}&'-]*(?:\\s+[\\p{L}&][\\p{L}\\p{N}&'-]*){0,${letters.length + 3}})\\s*\\(${acronym}s?\\)`,
    'u',
  ).exec(sentence);
  if (before) {
    const words = before[1].split(/\s+/);
    for (let k = 1; k <= words.length; k++) {
      const candidate = words.slice(words.length - k);
      if (!SMALL_WORDS.has(candidate[0].toLowerCase()) && spells(candidate, letters)) return candidate.join(' ');
    }
  }
  const after = new RegExp(`\\b${acronym}s?\\s*(?:\\(|stands for\\s+|is short for\\s+)([^().,;:]+)`).exec(sentence);
  if (after) {
    const words = after[1].trim().split(/\s+/);
    for (let k = words.length; k >= 1; k--) {
      const candidate = words.slice(0, k);
      if (spells(candidate, letters)) return candidate.join(' ');
    }
  }
  return null;
}

/** Whether the words spell the letters by their initials, with or without their small words ("Time To Recovery"). */
function spells(words: readonly string[], letters: string): boolean {
  const parts = words.flatMap((word) => word.split('-')).filter((word) => word !== '');
  const initials = (kept: string[]) => kept.map((word) => word.charAt(0).toUpperCase()).join('');
  return (
    initials(parts) === letters || initials(parts.filter((word) => !SMALL_WORDS.has(word.toLowerCase()))) === letters
  );
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}
