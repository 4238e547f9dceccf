/**
 * A quotation in chat: "…", “…”, or '…' opening after a space and closing before one (an apostrophe
 * inside a word, "we'll", does not close it). What is quoted is someone's own words: its pronouns are
 * theirs, not the author's.
 */
export const QUOTATION =
  /"[^"\n]{1,200}"|“[^”\n]{1,200}”|(?<=^|\s)'(?:[^'\n]|(?<=\p{L})'(?=\p{L})){1,200}'(?=\s|[.,!?;:]|$)/gu;
