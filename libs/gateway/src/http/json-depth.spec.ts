import { nestsDeeperThan } from './json-depth';

describe('nestsDeeperThan', () => {
  const arrays = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth));
  const objects = (depth: number) => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

  it('counts arrays and objects, not scalars', () => {
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan({}, 1)).toBe(false);
    expect(nestsDeeperThan({ a: [1, { b: 'c' }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [1, { b: 'c' }] }, 2)).toBe(true);
  });

  it('finds the one deep branch among shallow ones', () => {
    expect(nestsDeeperThan({ x: 1, y: [[]], z: { deep: arrays(40) } }, 32)).toBe(true);
  });

  it('walks nesting far beyond the call stack without overflowing', () => {
    expect(nestsDeeperThan(arrays(100_000), 32)).toBe(true);
    expect(nestsDeeperThan(objects(100_000), 32)).toBe(true);
    expect(nestsDeeperThan(arrays(32), 32)).toBe(false);
  });
});
