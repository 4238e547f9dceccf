import { OccurrenceCounter, rowId, stableId } from './stable-id';

describe('stable ids', () => {
  it('are the same for the same parts, and differ when the parts are split differently', () => {
    expect(stableId('row-', ['ana', 'hello'])).toBe(stableId('row-', ['ana', 'hello']));
    expect(stableId('row-', ['ana', 'hello'])).toMatch(/^row-[A-Za-z0-9_-]{22}$/);
    expect(stableId('row-', ['an', 'ahello'])).not.toBe(stableId('row-', ['ana', 'hello']));
  });

  it('tell identical rows apart by their occurrence, the same way on every read of the file', () => {
    const read = () => {
      const counter = new OccurrenceCounter();
      return [
        rowId('r-', counter, 'U1', '02-Mar-26 09:05 AM', 'lol'),
        rowId('r-', counter, 'U2', '02-Mar-26 09:05 AM', 'lol'),
        rowId('r-', counter, 'U1', '02-Mar-26 09:05 AM', 'lol'),
        rowId('r-', counter, 'U1', '02-Mar-26 09:06 AM', 'lol'),
      ];
    };
    const ids = read();
    expect(new Set(ids).size).toBe(4);
    expect(read()).toEqual(ids);
  });

  it('give a row the same id in a newer file with more rows after it', () => {
    const older = new OccurrenceCounter();
    const newer = new OccurrenceCounter();
    const first = rowId('r-', older, 'U1', '2026-03-02T09:05:00Z', 'hi');
    rowId('r-', newer, 'U0', '2026-03-01T10:00:00Z', 'earlier');
    expect(rowId('r-', newer, 'U1', '2026-03-02T09:05:00Z', 'hi')).toBe(first);
  });
});
