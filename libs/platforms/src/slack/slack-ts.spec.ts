import { compareTs, isSlackTs, newerTs, tsToIso, tsToPermalinkId } from './slack-ts';

describe('Slack timestamps', () => {
  it('orders microseconds', () => {
    expect(compareTs('1712345678.000001', '1712345678.000002')).toBeLessThan(0);
    expect(compareTs('1712345678.000002', '1712345678.000001')).toBeGreaterThan(0);
  });

  it('tells apart timestamps that are equal as floats', () => {
    expect(Number('99999999999.000002')).toBe(Number('99999999999.000001'));
    expect(compareTs('99999999999.000002', '99999999999.000001')).toBeGreaterThan(0);
    expect(compareTs('1712345678.00000001', '1712345678.00000002')).toBeLessThan(0);
  });

  it('orders by seconds before fractions and treats missing digits as zeros', () => {
    expect(compareTs('999999999.999999', '1000000000.000000')).toBeLessThan(0);
    expect(compareTs('1712345678.5', '1712345678.500000')).toBe(0);
    expect(compareTs('1712345678', '1712345678.000001')).toBeLessThan(0);
  });

  it('keeps the newer of two possibly absent timestamps', () => {
    expect(newerTs(null, '1.2')).toBe('1.2');
    expect(newerTs('1.2', null)).toBe('1.2');
    expect(newerTs('1712345678.000010', '1712345678.000009')).toBe('1712345678.000010');
    expect(newerTs(null, null)).toBeNull();
  });

  it('rejects strings that are not timestamps', () => {
    expect(isSlackTs('1712345678.000200')).toBe(true);
    expect(isSlackTs('1712345678.0002x')).toBe(false);
    expect(() => compareTs('abc', '1.0')).toThrow('Not a Slack timestamp');
  });

  it('converts to ISO time and to the permalink id', () => {
    expect(tsToIso('1712345678.123456')).toBe('2024-04-05T19:34:38.123Z');
    expect(tsToIso('1712345678')).toBe('2024-04-05T19:34:38.000Z');
    expect(tsToPermalinkId('1712345678.123456')).toBe('p1712345678123456');
  });
});
