import { scoreQuestion, summarize } from './retrieval-scores';

describe('retrieval scores', () => {
  it('counts answering messages among the first 5 and 10 cited, and the rank of the first', () => {
    const cited = ['a', 'b', 'c', 'd', 'e', 'f', 'x', 'h', 'i', 'j', 'y'];
    expect(scoreQuestion(cited, ['x', 'y'], true)).toEqual({
      recallAt5: 0,
      recallAt10: 0.5,
      reciprocalRank: 1 / 7,
      answered: true,
      cited: 11,
    });
    expect(scoreQuestion([], ['x'], false).reciprocalRank).toBe(0);
  });

  it('averages over the questions', () => {
    const summary = summarize([scoreQuestion(['x'], ['x'], true), scoreQuestion(['a'], ['x'], false)]);
    expect(summary).toEqual({ questions: 2, recallAt5: 0.5, recallAt10: 0.5, mrr: 0.5, answered: 0.5, meanCited: 1 });
  });
});
