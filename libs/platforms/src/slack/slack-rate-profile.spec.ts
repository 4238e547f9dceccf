import { MESSAGE_BUCKET, SlackRateProfile, slackRateProfile } from './slack-rate-profile';

describe('SlackRateProfile', () => {
  it('pages by 200, paces each method on its own from its tier, and looks back a week by default', () => {
    const profile = slackRateProfile({});
    expect([profile.name, profile.pageLimit, profile.lookbackDays]).toEqual(['standard', 200, 7]);
    expect(profile.bucketOf('conversations.replies')).toBe('conversations.replies');
    expect(profile.tierOf('conversations.history')).toEqual({ floorPerMinute: 50, ceilingPerMinute: null });
    expect(profile.tierOf('users.list')).toEqual({ floorPerMinute: 20, ceilingPerMinute: null });
  });

  it('declared 2025 limits: pages of 15, history and replies one call a minute together, a day of look-back', () => {
    const profile = slackRateProfile({ rate_profile: 'non_marketplace_2025' });
    expect([profile.pageLimit, profile.lookbackDays, profile.detected]).toEqual([15, 1, false]);
    expect(profile.bucketOf('conversations.history')).toBe(MESSAGE_BUCKET);
    expect(profile.bucketOf('conversations.replies')).toBe(MESSAGE_BUCKET);
    expect(profile.bucketOf('users.info')).toBe('users.info');
    expect(profile.tierOf(MESSAGE_BUCKET)).toEqual({ floorPerMinute: 1, ceilingPerMinute: 1 });
  });

  it('takes a custom request rate and look-back', () => {
    const declared = slackRateProfile({
      rate_profile: 'non_marketplace_2025',
      requests_per_minute: '600',
      edit_lookback_days: '30',
    });
    expect([declared.tierOf(MESSAGE_BUCKET).ceilingPerMinute, declared.lookbackDays]).toEqual([600, 30]);
    // A standard connection that declares a rate is never paced above it.
    const capped = slackRateProfile({ requests_per_minute: '30' });
    expect(capped.tierOf('conversations.replies')).toEqual({ floorPerMinute: 30, ceilingPerMinute: 30 });
  });

  it('one long Retry-After does not switch a connection to the 2025 limits', () => {
    const profile = SlackRateProfile.of('standard');
    profile.afterRateLimit('conversations.history', 60, 0);
    expect([profile.name, profile.pageLimit, profile.detected]).toEqual(['standard', 200, false]);
  });

  it('a long Retry-After repeated within minutes does, pages of 15 included', () => {
    const profile = SlackRateProfile.of('standard');
    profile.afterRateLimit('conversations.history', 58, 0);
    profile.afterRateLimit('conversations.replies', 59, 61_000);
    expect([profile.name, profile.pageLimit, profile.lookbackDays, profile.detected]).toEqual([
      'non_marketplace_2025',
      15,
      1,
      true,
    ]);
    expect(profile.bucketOf('conversations.replies')).toBe(MESSAGE_BUCKET);
  });

  it('is not switched by short Retry-Afters, other methods, or long ones far apart', () => {
    const profile = SlackRateProfile.of('standard');
    for (let at = 0; at < 10; at += 1) profile.afterRateLimit('conversations.history', 3, at * 1000);
    profile.afterRateLimit('users.list', 60, 20_000);
    profile.afterRateLimit('users.list', 60, 21_000);
    profile.afterRateLimit('conversations.history', 45, 30_000);
    profile.afterRateLimit('conversations.history', 45, 30_000 + 11 * 60_000);
    profile.afterRateLimit('conversations.history', undefined, 30_000 + 11 * 60_000);
    expect(profile.name).toBe('standard');
  });
});
