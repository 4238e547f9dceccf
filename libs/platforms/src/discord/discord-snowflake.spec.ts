import {
  compareSnowflakes,
  DISCORD_EPOCH_MS,
  isNewer,
  isSnowflake,
  snowflakeAt,
  snowflakeToMs,
} from './discord-snowflake';

describe('Discord snowflakes', () => {
  it('reads the creation time of the documented example', () => {
    // https://discord.com/developers/docs/reference#snowflakes
    expect(new Date(snowflakeToMs('175928847299117063')).toISOString()).toBe('2016-04-30T11:18:25.796Z');
  });

  it('builds the smallest id of a millisecond', () => {
    const ms = Date.parse('2026-03-02T09:00:00.000Z');
    expect(snowflakeToMs(snowflakeAt(ms))).toBe(ms);
    expect(snowflakeToMs(String(BigInt(snowflakeAt(ms)) - 1n))).toBe(ms - 1);
    expect(snowflakeAt(DISCORD_EPOCH_MS - 5)).toBe('0');
  });

  it('compares ids as 64-bit numbers, not strings', () => {
    expect(compareSnowflakes('99', '100')).toBe(-1);
    expect(compareSnowflakes('175928847299117063', '175928847299117063')).toBe(0);
    expect(isNewer('1175928847299117063', '975928847299117063')).toBe(true);
  });

  it('recognises snowflakes', () => {
    expect(isSnowflake('175928847299117063')).toBe(true);
    expect(isSnowflake('')).toBe(false);
    expect(isSnowflake('12a')).toBe(false);
    expect(isSnowflake(12)).toBe(false);
    expect(isSnowflake('123456789012345678901')).toBe(false);
  });
});
