import { matchedTerms, supportsAnswer, termsNeeded } from './answer-support';

describe('supportsAnswer', () => {
  it('needs a quarter of the terms, at least one', () => {
    expect([1, 2, 3, 4, 5, 8, 9].map(termsNeeded)).toEqual([1, 1, 1, 1, 2, 2, 3]);
  });

  it('counts terms that begin a word of any of the texts, case and accents ignored', () => {
    expect(matchedTerms(['Use the Nvidia driver.', 'Crème brûlée'], ['nvid', 'creme', 'driv', 'sound'])).toBe(3);
    const terms = ['cube', 'effect', 'desktop', 'compiz', 'gnome'];
    expect(supportsAnswer(['Install compiz for the wobbly windows.'], terms)).toBe(false);
    expect(supportsAnswer(['Install compiz for desktop cube effects.'], terms)).toBe(true);
    expect(supportsAnswer([null, 'sid is part of Debian'], ['sid'])).toBe(true);
  });
});
