import { PlatformError } from '../platform-error';
import { discordApiError, isGoneOrHidden } from './discord-error-mapping';

describe('discordApiError', () => {
  it.each([
    [401, { message: '401: Unauthorized', code: 0 }, 'AUTH_ERROR', false],
    [403, { message: 'Missing Access', code: 50001 }, 'AUTH_ERROR', false],
    [403, { message: 'Missing Permissions', code: 50013 }, 'AUTH_ERROR', false],
    [404, { message: 'Unknown Channel', code: 10003 }, 'CHANNEL_NOT_FOUND', false],
    [404, { message: 'Unknown Guild', code: 10004 }, 'CHANNEL_NOT_FOUND', false],
    [404, { message: 'Unknown Message', code: 10008 }, 'PLATFORM_ERROR', false],
    [404, { message: '404: Not Found', code: 0 }, 'PLATFORM_ERROR', false],
    [400, { message: 'Invalid Form Body', code: 50035 }, 'PLATFORM_ERROR', false],
    [429, { message: 'You are being rate limited.', retry_after: 1.5, global: false }, 'RATE_LIMIT', false],
    [500, { message: 'Internal Server Error', code: 0 }, 'PLATFORM_ERROR', true],
    [502, undefined, 'PLATFORM_ERROR', true],
  ])('maps HTTP %s %j to %s (transient: %s)', (status, body, code, transient) => {
    const error = discordApiError('GET /channels/1/messages', status, body);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error.code).toBe(code);
    expect(error.transient).toBe(transient);
    expect(error.options.httpStatus).toBe(status);
  });

  it('keeps Discord code and message, and says what the bot lacks', () => {
    const error = discordApiError('GET /channels/1/messages', 403, { message: 'Missing Access', code: 50001 });
    expect(error.options.platformCode).toBe('50001');
    expect(error.message).toBe(
      'Discord GET /channels/1/messages answered HTTP 403: Missing Access (code 50001): the bot has no access there (it needs View Channel and Read Message History)',
    );
  });

  it('rounds a 429 body wait up to whole seconds', () => {
    expect(discordApiError('GET /x', 429, { retry_after: 1.2 }).retryAfterSeconds).toBe(2);
  });

  it('tells gone or hidden things apart from other failures', () => {
    expect(isGoneOrHidden(discordApiError('GET /x', 404, { code: 10003 }))).toBe(true);
    expect(isGoneOrHidden(discordApiError('GET /x', 403, { code: 50001 }))).toBe(true);
    expect(isGoneOrHidden(discordApiError('GET /x', 401, { code: 0 }))).toBe(false);
    expect(isGoneOrHidden(new Error('boom'))).toBe(false);
  });
});
