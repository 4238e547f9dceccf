import nlp from 'compromise';

type Lexicon = Readonly<Record<string, string | string[] | undefined>>;

let lexicon: Lexicon | null = null;

/**
 * compromise's lexicon: lowercase words and names (some of several words: "new york") with the tags its
 * tagger starts from (#Country, #City, #FemaleName, #PastTense, ...). Looking a word up costs nothing,
 * where tagging a sentence costs about a millisecond.
 */
function compromiseLexicon(): Lexicon {
  lexicon ??= (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;
  return lexicon;
}

/** The tags compromise's lexicon gives a lowercase word; none when it does not know it. */
export function lexiconTags(lowercaseWord: string): readonly string[] {
  const tags = compromiseLexicon()[lowercaseWord];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}

/** Every lowercase entry of the lexicon with its tags. */
export function lexiconEntries(): Array<[string, readonly string[]]> {
  return Object.entries(compromiseLexicon()).map(([word, tags]) => [word, Array.isArray(tags) ? tags : [tags ?? '']]);
}
