import { estimateFromTimeCoverage } from './time-coverage-estimate';

describe('estimateFromTimeCoverage', () => {
  const day = 86_400_000;

  it('scales what was fetched by the share of the span walked', () => {
    expect(estimateFromTimeCoverage({ fetched: 100, newestMs: 10 * day, oldestSoFarMs: 8 * day, originMs: 0 })).toBe(
      500,
    );
  });

  it('adds the replies announced but not yet walked', () => {
    expect(
      estimateFromTimeCoverage({
        fetched: 100,
        newestMs: 10 * day,
        oldestSoFarMs: 5 * day,
        originMs: 0,
        knownPending: 30,
      }),
    ).toBe(230);
  });

  it('never estimates fewer than what is already known', () => {
    expect(estimateFromTimeCoverage({ fetched: 40, newestMs: 10 * day, oldestSoFarMs: -day, originMs: 0 })).toBe(40);
  });

  it('has nothing to say before the first message', () => {
    expect(estimateFromTimeCoverage({ fetched: 0, newestMs: 0, oldestSoFarMs: 0, originMs: 0 })).toBeNull();
  });

  it('falls back to the count so far when the span is empty', () => {
    expect(estimateFromTimeCoverage({ fetched: 3, newestMs: day, oldestSoFarMs: day, originMs: day })).toBe(3);
  });
});
