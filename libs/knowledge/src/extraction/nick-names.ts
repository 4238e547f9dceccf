import type { NormalizedMessage } from '@atlas/events';
import { addressOf } from './addressee';
import { lexiconTags } from './compromise-lexicon';
import type { Gazetteer, KnownPerson } from './gazetteer';
import { FUNCTION_WORDS, TOPIC_STOPWORDS } from './stopwords';
import { matchesOf, type TextRange } from './text-ranges';

export interface NickMatch extends TextRange {
  person: KnownPerson;
}

/** A word as IRC and chat handles write it: "kizza", "bob2", "magez_", "un_operateur", "|trey|". */
const HANDLE =
  /(?<![\p{L}\p{N}_@#/.-])[|_]*([\p{L}\p{N}][\p{L}\p{N}_^`-]{1,30}?)[|_]*(?![\p{L}\p{N}@/]|\.[\p{L}\p{N}])/gu;
const MIN_HANDLE_LENGTH = 3;

/**
 * People the text names by a handle written in lowercase, as IRC and many chats do: the addressee of a
 * reply ("epod: add another instance") and a handle later in the text ("ask ikonia"). Capitalized names
 * are found as name phrases; here only exact handles of the channel's people count, and never a word
 * English uses ("will", "mark"), so a person called Will is not found in "I will".
 */
export function findNicks(text: string, message: NormalizedMessage, gazetteer: Gazetteer): NickMatch[] {
  const found: NickMatch[] = [];
  const address = addressOf(message, gazetteer);
  const lead = text.length - text.trimStart().length;
  if (address !== null && text.startsWith(address.opening.trim(), lead)) {
    const person = { id: address.personId, name: gazetteer.nameOf(address.personId) ?? address.personId };
    found.push({ person, start: lead, end: lead + address.opening.trim().replace(/[,:]$/, '').length });
  }
  for (const match of matchesOf(text, HANDLE)) {
    const handle = match[1];
    const start = match.index + match[0].indexOf(handle);
    if (found.some((other) => start < other.end && start + handle.length > other.start)) continue;
    if (!isDistinctiveHandle(handle)) continue;
    const person = gazetteer.resolve(handle);
    if (person !== null && person.id !== message.author_id) {
      found.push({ person, start, end: start + handle.length });
    }
  }
  return found;
}

function isDistinctiveHandle(handle: string): boolean {
  const lower = handle.toLowerCase();
  if (lower.length < MIN_HANDLE_LENGTH || TOPIC_STOPWORDS.has(lower) || FUNCTION_WORDS.has(lower)) return false;
  return /[\d_^`-]/.test(handle) || lexiconTags(lower).length === 0;
}
