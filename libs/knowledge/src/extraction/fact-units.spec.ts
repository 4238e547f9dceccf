import { groupIntoFactUnits } from './fact-units';
import { splitSentences } from './sentences';

const unitsOf = (text: string): string[] => groupIntoFactUnits(splitSentences(text));

describe('groupIntoFactUnits', () => {
  it('makes one unit per substantive sentence', () => {
    expect(unitsOf('We decided to go with Postgres for billing. The Redis cache stays for sessions.')).toEqual([
      'We decided to go with Postgres for billing.',
      'The Redis cache stays for sessions.',
    ]);
  });

  it('joins a lead-in ending with a colon to what follows', () => {
    expect(unitsOf('Decision:\nwe go with option B because it is cheaper')).toEqual([
      'Decision: we go with option B because it is cheaper',
    ]);
  });

  it('joins a continuation to the sentence it finishes', () => {
    expect(unitsOf('Should we use Postgres? Or stay on MongoDB for now?')).toEqual([
      'Should we use Postgres? Or stay on MongoDB for now?',
    ]);
  });

  it('joins a trailing link to the sentence it supports', () => {
    expect(unitsOf('Can you review the PR by Friday? https://github.com/acme/billing/pull/42')).toEqual([
      'Can you review the PR by Friday? https://github.com/acme/billing/pull/42',
    ]);
  });

  it('keeps a question apart from its short answer and drops the answer', () => {
    expect(unitsOf('Is the billing deploy done yet? Not yet.')).toEqual(['Is the billing deploy done yet?']);
  });

  it('drops small talk and never joins across it', () => {
    expect(unitsOf('Hi team! Thanks so much. The audit starts on Monday.')).toEqual(['The audit starts on Monday.']);
  });

  it('drops sentences too short to state anything', () => {
    expect(unitsOf('Ship it. LGTM. Will check.')).toEqual([]);
  });

  it('bounds a run of joined sentences to three', () => {
    expect(unitsOf('Update: and one. And two. And three. And four is separate.')).toEqual([
      'Update: and one. And two. And three.',
      'And four is separate.',
    ]);
  });
});
