import { PlatformError } from '../platform-error';
import { graphApiError, tokenEndpointError } from './graph-error-mapping';

const envelope = (code: string, message: string) => ({
  error: { code, message, innerError: { date: '2026-11-23T10:00:00', 'request-id': 'req-1' } },
});

describe('graphApiError', () => {
  it.each([
    [401, 'InvalidAuthenticationToken', 'channel', 'AUTH_ERROR', false],
    [403, 'Forbidden', 'channel', 'AUTH_ERROR', false],
    [404, 'NotFound', 'channel', 'CHANNEL_NOT_FOUND', false],
    [404, 'NotFound', 'team', 'CHANNEL_NOT_FOUND', false],
    [404, 'NotFound', 'message', 'PLATFORM_ERROR', false],
    [400, 'BadRequest', 'channel', 'PLATFORM_ERROR', false],
    [429, 'TooManyRequests', 'channel', 'RATE_LIMIT', false],
    [500, 'InternalServerError', 'channel', 'PLATFORM_ERROR', true],
    [503, 'ServiceNotAvailable', 'channel', 'PLATFORM_ERROR', true],
  ] as const)('maps HTTP %i %s on a %s to %s (transient: %s)', (status, graphCode, resource, code, transient) => {
    const error = graphApiError('GET /teams/t/channels/c/messages', resource, status, envelope(graphCode, 'details'));
    expect(error).toBeInstanceOf(PlatformError);
    expect(error.code).toBe(code);
    expect(error.transient).toBe(transient);
    expect(error.options).toMatchObject({ httpStatus: status, platformCode: graphCode });
    expect(error.message).toContain(`${graphCode}: details (request-id req-1)`);
  });

  it('names the missing permission Graph names in a 403', () => {
    const error = graphApiError(
      'GET /teams/t/channels/c/messages',
      'channel',
      403,
      envelope('Forbidden', "Missing role permissions on the request. API requires one of 'ChannelMessage.Read.All'."),
    );
    expect(error.message).toContain('ChannelMessage.Read.All');
  });

  it('reports an answer without the error envelope by its status', () => {
    const error = graphApiError('GET /teams/t/channels', 'team', 502, undefined);
    expect(error.code).toBe('PLATFORM_ERROR');
    expect(error.transient).toBe(true);
    expect(error.options.platformCode).toBe('HTTP 502');
  });
});

describe('tokenEndpointError', () => {
  it.each([
    [401, 'invalid_client', 'AUTH_ERROR', false],
    [400, 'unauthorized_client', 'AUTH_ERROR', false],
    [400, 'invalid_request', 'AUTH_ERROR', false],
    [400, 'invalid_scope', 'AUTH_ERROR', false],
    [500, 'server_error', 'PLATFORM_ERROR', true],
  ] as const)('maps HTTP %i %s to %s (transient: %s)', (status, oauthCode, code, transient) => {
    const error = tokenEndpointError(status, {
      error: oauthCode,
      error_description: `AADSTS7000215: Invalid client secret provided.\r\nTrace ID: abc\r\nCorrelation ID: def`,
    });
    expect(error.code).toBe(code);
    expect(error.transient).toBe(transient);
    expect(error.message).toBe(
      `The Microsoft identity platform refused the client credentials: ${oauthCode}: AADSTS7000215: Invalid client secret provided.`,
    );
  });
});
