import { findDueDate } from './due-date';

// Wednesday 5 March 2025.
const AT = '2025-03-05T14:00:00.000Z';
const dueOf = (text: string): string | null => findDueDate(text, AT)?.date ?? null;

describe('findDueDate', () => {
  it.each([
    ['ship it by Friday', '2025-03-07'],
    ['the deadline moved to next Tuesday', '2025-03-11'],
    ['cutover is Friday Mar 14', '2025-03-07'],
    ['cutover on Mar 14', '2025-03-14'],
    ['go-live on 21 March', '2025-03-21'],
    ['due 2025-04-01', '2025-04-01'],
    ['by 3/15', '2025-03-15'],
    ['please send it tomorrow', '2025-03-06'],
    ['draft by EOD', '2025-03-05'],
    ['send it on the 18th', '2025-03-18'],
    ['send it on the 2nd', '2025-04-02'],
    ['by end of next week', '2025-03-16'],
    ['in two weeks', '2025-03-19'],
  ])('%j is due %s', (text, date) => {
    expect(dueOf(text)).toBe(date);
  });

  it('finds no date where there is none, and none in the past', () => {
    expect(dueOf('the build is red again')).toBeNull();
    expect(dueOf('it broke on 2025-01-02')).toBeNull();
    expect(dueOf('we may ship it')).toBeNull();
  });

  it('finds no due date in a recurring commitment', () => {
    // Demo #product: "Absolutely, I'll post one every Wednesday."
    expect(dueOf("I'll post one every Wednesday")).toBeNull();
    expect(dueOf('I will send the report each Monday')).toBeNull();
  });
});
