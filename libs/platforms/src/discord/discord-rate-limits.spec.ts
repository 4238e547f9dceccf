import { DiscordRateLimits, discordRoute } from './discord-rate-limits';

const headers = (values: Record<string, string>) => new Headers(values);

describe('discordRoute', () => {
  it('keeps the major parameter and masks the other ids', () => {
    expect(discordRoute('GET', '/channels/123/messages/456')).toEqual({
      key: 'GET /channels/123/messages/:id',
      major: 'channels/123',
    });
    expect(discordRoute('GET', '/guilds/9/threads/active')).toEqual({
      key: 'GET /guilds/9/threads/active',
      major: 'guilds/9',
    });
  });
});

describe('DiscordRateLimits', () => {
  const route = discordRoute('GET', '/channels/123/messages');

  it('waits out Reset-After once a bucket has no request left', async () => {
    const waits: number[] = [];
    const limits = new DiscordRateLimits((ms) => waits.push(ms));
    limits.record(
      route,
      headers({ 'x-ratelimit-bucket': 'abc', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.05' }),
    );
    const started = Date.now();
    await limits.waitForTurn(route);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(waits).toHaveLength(1);
    // The wait is spent: the next request goes at once until Discord says otherwise.
    await limits.waitForTurn(route);
    expect(waits).toHaveLength(1);
  });

  it('does not wait while requests remain, nor for another channel', async () => {
    const waits: number[] = [];
    const limits = new DiscordRateLimits((ms) => waits.push(ms));
    limits.record(
      route,
      headers({ 'x-ratelimit-bucket': 'abc', 'x-ratelimit-remaining': '3', 'x-ratelimit-reset-after': '5' }),
    );
    await limits.waitForTurn(route);
    limits.record(
      route,
      headers({ 'x-ratelimit-bucket': 'abc', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '5' }),
    );
    await limits.waitForTurn(discordRoute('GET', '/channels/999/messages'));
    await limits.waitForTurn(discordRoute('GET', '/guilds/1/channels'));
    expect(waits).toEqual([]);
  });

  it('ignores answers without bucket headers', async () => {
    const limits = new DiscordRateLimits();
    limits.record(route, headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '5' }));
    const started = Date.now();
    await limits.waitForTurn(route);
    expect(Date.now() - started).toBeLessThan(50);
  });
});
