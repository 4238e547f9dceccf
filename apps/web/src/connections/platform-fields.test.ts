import { describe, expect, it } from 'vitest';
import { configFields, credentialSets, fieldOfProblem, isFileSource } from './platform-fields';

describe('connection forms from the platform settings', () => {
  it('asks Slack for its settings and a token, and a Slack export for a path only', () => {
    expect(configFields('slack').map((field) => field.key)).toEqual([
      'base_url',
      'workspace_url',
      'rate_profile',
      'requests_per_minute',
      'edit_lookback_days',
    ]);
    expect(credentialSets('slack')).toEqual([['token']]);
    expect(
      configFields('slack_export')
        .filter((field) => field.required)
        .map((field) => field.key),
    ).toEqual(['path']);
    expect(credentialSets('slack_export')).toEqual([]);
    expect(isFileSource('slack_export')).toBe(true);
  });

  it('offers Teams a token or a client secret', () => {
    expect(credentialSets('teams')).toEqual([['token'], ['client_secret']]);
  });

  it('puts each problem of a 400 under the field it names', () => {
    expect(fieldOfProblem('config.base_url must be an http(s) URL')).toBe('config.base_url');
    expect(fieldOfProblem('credentials.token is not a credential of slack_export connections')).toBe(
      'credentials.token',
    );
    expect(fieldOfProblem('name must be shorter than or equal to 200 characters')).toBe('name');
    expect(fieldOfProblem('slack connections need credentials: token')).toBeNull();
  });
});
