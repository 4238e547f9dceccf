import { prepareMessageText as prepare } from './message-text';
import { tagWords as tag, type TaggedWord } from './nlp';
import { splitSentences as split } from './sentences';

/*
 * Readings of a text that several steps of a batch's extraction take in turn, taken once per batch: the
 * words wink tags in a text (the costliest), a message's prepared text (language detection, fact units,
 * questions of the thread, completions and agreements each start from it) and its sentences. Each is a
 * function of the text alone, so taking it once changes nothing but the time. Extraction code imports these
 * from here rather than from their modules.
 *
 * extractFacts opens the readings for its batch and drops them when it returns: nothing is kept between
 * batches, so memory stays flat over a long sync, and a timed rerun of the same messages reads them again.
 * Outside a batch (the LLM path's checks of one fact) each reading is taken afresh.
 */

type Reading<T> = (text: string) => T;

let batch: Map<Reading<unknown>, Map<string, unknown>> | null = null;

/** Runs a batch's extraction with its readings open; a batch inside a batch shares the outer one's. */
export function withBatchReadings<T>(extract: () => T): T {
  if (batch !== null) return extract();
  batch = new Map();
  try {
    return extract();
  } finally {
    batch = null;
  }
}

function takenOnce<T>(read: Reading<T>): Reading<T> {
  return (text) => {
    if (batch === null) return read(text);
    let taken = batch.get(read) as Map<string, T> | undefined;
    if (taken === undefined) {
      taken = new Map();
      batch.set(read, taken);
    }
    if (taken.has(text)) return taken.get(text)!;
    const reading = read(text);
    taken.set(text, reading);
    return reading;
  };
}

export const tagWords: Reading<readonly TaggedWord[]> = takenOnce(tag);
export const prepareMessageText: Reading<string> = takenOnce(prepare);
export const splitSentences: Reading<readonly string[]> = takenOnce(split);
