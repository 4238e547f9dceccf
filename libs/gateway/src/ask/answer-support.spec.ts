import { matchedTerms, supportsAnswer, termsNeeded } from './answer-support';

describe('supportsAnswer', () => {
  it('needs half the terms, at least one', () => {
    expect([1, 2, 3, 4, 5].map(termsNeeded)).toEqual([1, 1, 2, 2, 3]);
  });

  it('counts terms that begin a word of any of the texts, case and accents ignored', () => {
    expect(matchedTerms(['Use the Nvidia driver.', 'Crème brûlée'], ['nvid', 'creme', 'driv', 'sound'])).toBe(3);
    expect(supportsAnswer(['Install compiz for the cube.'], ['cube', 'effect', 'desktop'])).toBe(false);
    expect(supportsAnswer(['Install compiz for desktop cube effects.'], ['cube', 'effect', 'desktop'])).toBe(true);
    expect(supportsAnswer([null, 'sid is part of Debian'], ['sid'])).toBe(true);
  });
});
