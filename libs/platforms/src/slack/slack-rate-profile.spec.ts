import { SlackRateProfile, slackRateProfile } from './slack-rate-profile';

describe('SlackRateProfile', () => {
  it('pages by 200 without pacing by default, looking back a week', () => {
    const profile = slackRateProfile({});
    expect([profile.name, profile.pageLimit, profile.messageIntervalMs, profile.lookbackDays]).toEqual([
      'standard',
      200,
      0,
      7,
    ]);
  });

  it('declared 2025 limits: pages of 15, one message call a minute, a day of look-back', () => {
    const profile = slackRateProfile({ rate_profile: 'non_marketplace_2025' });
    expect([profile.pageLimit, profile.messageIntervalMs, profile.lookbackDays]).toEqual([15, 60_000, 1]);
  });

  it('takes a custom request rate and look-back', () => {
    const profile = slackRateProfile({
      rate_profile: 'non_marketplace_2025',
      requests_per_minute: '600',
      edit_lookback_days: '30',
    });
    expect([profile.messageIntervalMs, profile.lookbackDays]).toEqual([100, 30]);
  });

  it('a short 429 only slows the calls down', () => {
    const profile = SlackRateProfile.of('standard').afterRateLimit(2);
    expect([profile.name, profile.pageLimit, profile.messageIntervalMs, profile.detected]).toEqual([
      'standard',
      200,
      2000,
      false,
    ]);
  });

  it('a 429 as long as the 2025 limit switches an undeclared connection to it', () => {
    const profile = SlackRateProfile.of('standard').afterRateLimit(60);
    expect([profile.name, profile.pageLimit, profile.messageIntervalMs, profile.detected]).toEqual([
      'non_marketplace_2025',
      15,
      60_000,
      true,
    ]);
  });

  it('never speeds up', () => {
    const profile = slackRateProfile({ rate_profile: 'non_marketplace_2025' }).afterRateLimit(5);
    expect(profile.messageIntervalMs).toBe(60_000);
  });
});
