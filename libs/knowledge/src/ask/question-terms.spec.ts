import { questionTerms } from './question-terms';

describe('questionTerms', () => {
  it('leaves out question words, auxiliaries and pronouns, keeping what the question is about', () => {
    expect(questionTerms('What did someone recommend for burning DVDs?')).toEqual(['recommend', 'burn', 'dvd']);
    expect(questionTerms('How do I fix my sound on Ubuntu 8.04?')).toEqual(['fix', 'sound', 'ubuntu', '8.04']);
    expect(questionTerms('Who decided when the Atlas cutover happens?')).toEqual(['decid', 'atla', 'cutov', 'happen']);
  });

  it('keeps a term once, and only the shortest of terms that begin one another', () => {
    expect(questionTerms('grub grub2 installing grub installed')).toEqual(['grub', 'instal']);
  });

  it('leaves out relative dates and times, not dates a fact may hold', () => {
    expect(questionTerms('Who won the football game yesterday?')).toEqual(['won', 'footbal', 'game']);
    expect(questionTerms('What did we decide last week about Postgres?')).toEqual(['decid', 'postgr']);
    expect(questionTerms('Is the cutover on March 21 at 10am?')).toEqual(['cutov', 'march', '21']);
  });

  it('finds nothing to search for in a question of stop words only', () => {
    expect(questionTerms('What is it? Who did that, and when?')).toEqual([]);
  });
});
