import { DURATION_BUCKETS_SECONDS, observeDuration } from './pipeline-metrics';

describe('observeDuration', () => {
  it('counts a duration in the first bucket whose bound it does not exceed, and above them all in the last', () => {
    let counts = observeDuration(undefined, 1);
    counts = observeDuration(counts, 1.5);
    counts = observeDuration(counts, 5);
    counts = observeDuration(counts, 100_000);
    expect(counts.counts).toHaveLength(DURATION_BUCKETS_SECONDS.length + 1);
    const at = (bound: number) => counts.counts[DURATION_BUCKETS_SECONDS.indexOf(bound as never)];
    expect([at(1), at(5), at(15)]).toEqual([1, 2, 0]);
    expect(counts.counts.at(-1)).toBe(1);
    expect(counts.counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(counts).toMatchObject({ count: 4, sum_seconds: 100_007.5 });
  });

  it('leaves the counts it was given as they were', () => {
    const first = observeDuration(undefined, 0.05);
    const second = observeDuration(first, 0.07);
    expect(first.count).toBe(1);
    expect(first.counts[0]).toBe(1);
    expect(second.counts[0]).toBe(2);
  });
});
