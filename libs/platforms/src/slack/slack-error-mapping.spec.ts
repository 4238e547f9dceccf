import { PlatformError } from '../platform-error';
import { slackApiError } from './slack-error-mapping';

describe('slackApiError', () => {
  it.each([
    ['invalid_auth', 'AUTH_ERROR', false],
    ['not_authed', 'AUTH_ERROR', false],
    ['account_inactive', 'AUTH_ERROR', false],
    ['token_revoked', 'AUTH_ERROR', false],
    ['token_expired', 'AUTH_ERROR', false],
    ['no_permission', 'AUTH_ERROR', false],
    ['missing_scope', 'AUTH_ERROR', false],
    ['channel_not_found', 'CHANNEL_NOT_FOUND', false],
    ['not_in_channel', 'CHANNEL_NOT_FOUND', false],
    ['ratelimited', 'RATE_LIMIT', false],
    ['fatal', 'PLATFORM_ERROR', true],
    ['internal_error', 'PLATFORM_ERROR', true],
    ['service_unavailable', 'PLATFORM_ERROR', true],
    ['request_timeout', 'PLATFORM_ERROR', true],
    ['invalid_cursor', 'PLATFORM_ERROR', false],
    ['some_future_error', 'PLATFORM_ERROR', false],
  ])('maps %s to %s (transient: %s)', (slackCode, code, transient) => {
    const error = slackApiError('conversations.history', { error: slackCode }, { httpStatus: 200 });
    expect(error).toBeInstanceOf(PlatformError);
    expect(error.code).toBe(code);
    expect(error.transient).toBe(transient);
    expect(error.options.platformCode).toBe(slackCode);
    expect(error.message).toBe(`Slack conversations.history failed: ${slackCode}`);
  });

  it('names the missing scope and keeps the HTTP details', () => {
    const error = slackApiError('users.list', { error: 'missing_scope', needed: 'users:read' }, { httpStatus: 200 });
    expect(error.message).toBe('Slack users.list failed: missing_scope (needs scope users:read)');
    expect(error.options.httpStatus).toBe(200);
  });

  it('reports a body without an error string as an unknown platform error', () => {
    const error = slackApiError('auth.test', {}, { httpStatus: 200 });
    expect(error.code).toBe('PLATFORM_ERROR');
    expect(error.transient).toBe(false);
    expect(error.message).toContain('unknown_error');
  });
});
