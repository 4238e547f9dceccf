import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A word of a text with its universal part of speech and its offsets in the text. */
export interface TaggedWord {
  text: string;
  lower: string;
  pos: string;
  start: number;
  end: number;
}

let wink: WinkMethods | null = null;

/** The model is large: it is loaded on first use and kept for the life of the process. */
function loadWink(): WinkMethods {
  wink ??= winkNLP(model, ['pos']);
  return wink;
}

/**
 * Tokens of the text tagged by wink-nlp. Several steps tag the same texts of a fact one after another:
 * extraction takes the tags once per batch (batch-readings.ts).
 */
export function tagWords(text: string): TaggedWord[] {
  const nlp = loadWink();
  const tokens = nlp.readDoc(text).tokens();
  const values = tokens.out(nlp.its.value);
  const tags = tokens.out(nlp.its.pos);
  const words: TaggedWord[] = [];
  let cursor = 0;
  values.forEach((value, index) => {
    const start = text.indexOf(value, cursor);
    // wink may rewrite a token (expanded contraction): keep its tag, place it at the cursor.
    const at = start < 0 ? cursor : start;
    const end = start < 0 ? cursor : start + value.length;
    words.push({ text: value, lower: value.toLowerCase(), pos: tags[index], start: at, end });
    cursor = end;
  });
  return words;
}
