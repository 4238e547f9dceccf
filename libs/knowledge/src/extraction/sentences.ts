import { INLINE_CODE } from './chat-markup';
import { findUrls } from './links';
import { collapseWhitespace, maskRanges, rangesOf } from './text-ranges';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/** ICU ends a sentence after these, though in chat they nearly always precede a name. */
const TITLE_ABBREVIATION_AT_END = /(?:^|[\s(])(?:mr|mrs|ms|dr|prof|sr|jr|st|vs|approx|incl|dept)\.\s*$/i;
/**
 * ICU runs on into a lowercase word ("…as code. @dkim can you…"), but in chat a mention after a full
 * stop, "!" or "?" addresses someone in a new sentence.
 */
const MENTION_AFTER_SENTENCE_END = /(?<=[.!?])\s+(?=@[\p{L}\p{N}])/u;
/**
 * Where ICU may end a sentence (UAX #29): after a terminal (Sentence_Terminal: "?", "!", "。" …; the full
 * stops ATerm) or at a line or paragraph separator. A text with none of them is one sentence, as many
 * chat lines are: they are not handed to the segmenter, the costliest step here.
 */
const SENTENCE_BREAK = /[\p{Sentence_Terminal}.\u2024\ufe52\uff0e\r\n\u0085\u2028\u2029]/u;

/**
 * Sentences of the text, whitespace-collapsed. URLs and inline code are masked while segmenting
 * because ICU would otherwise end a sentence at the `?` of a query string or the `.` of `a. b`.
 */
export function splitSentences(text: string): string[] {
  const protectedRanges = [...findUrls(text), ...rangesOf(text, INLINE_CODE)];
  const masked = maskRanges(text, protectedRanges, 'x');
  const sentences: string[] = [];
  if (!SENTENCE_BREAK.test(masked)) {
    pushSentence(sentences, text);
    return sentences;
  }
  let pending = '';
  for (const { index, segment } of segmenter.segment(masked)) {
    pending += text.slice(index, index + segment.length);
    if (TITLE_ABBREVIATION_AT_END.test(pending)) continue;
    pushSentence(sentences, pending);
    pending = '';
  }
  pushSentence(sentences, pending);
  return sentences;
}

function pushSentence(sentences: string[], raw: string): void {
  for (const part of raw.split(MENTION_AFTER_SENTENCE_END)) {
    const sentence = collapseWhitespace(part);
    if (sentence !== '') sentences.push(sentence);
  }
}
