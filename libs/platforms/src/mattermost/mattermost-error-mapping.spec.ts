import { PlatformError } from '../platform-error';
import { invalidResponse, mattermostApiError, MattermostResource } from './mattermost-error-mapping';

const appError = (status: number, id: string, message: string) =>
  JSON.stringify({ id, message, detailed_error: '', request_id: 'r1', status_code: status });

describe('mattermostApiError', () => {
  it.each<[number, MattermostResource, string, string, string]>([
    [401, 'channel', 'api.context.session_expired.app_error', 'Invalid or expired session', 'AUTH_ERROR'],
    [401, 'discovery', 'api.context.session_expired.app_error', 'Invalid or expired session', 'AUTH_ERROR'],
    [403, 'channel', 'api.context.permissions.app_error', 'You do not have the appropriate permissions.', 'AUTH_ERROR'],
    [
      403,
      'discovery',
      'api.context.permissions.app_error',
      'You do not have the appropriate permissions.',
      'AUTH_ERROR',
    ],
    [404, 'channel', 'app.channel.get.existing.app_error', 'Unable to find the existing channel.', 'CHANNEL_NOT_FOUND'],
    [404, 'team', 'app.team.get.find.app_error', 'Unable to find the existing team.', 'PLATFORM_ERROR'],
    [400, 'channel', 'api.context.invalid_url_param.app_error', 'Invalid since', 'PLATFORM_ERROR'],
    [413, 'users', 'api.context.too_large', 'Too large', 'PLATFORM_ERROR'],
  ])('maps HTTP %s on a %s request to %s… %s', (status, resource, id, message, code) => {
    const error = mattermostApiError({
      request: 'GET /api/v4/channels/c1/posts',
      resource,
      status,
      body: appError(status, id, message),
    });
    expect(error).toBeInstanceOf(PlatformError);
    expect(error.code).toBe(code);
    expect(error.transient).toBe(false);
    expect(error.options).toMatchObject({ httpStatus: status, platformCode: id });
    expect(error.message).toContain(`Mattermost GET /api/v4/channels/c1/posts answered HTTP ${status}: ${message}`);
  });

  it('says when the token may not read the channel', () => {
    const error = mattermostApiError({
      request: 'GET /api/v4/channels/c1',
      resource: 'channel',
      status: 403,
      body: appError(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.'),
    });
    expect(error.message).toContain('no permission to read this channel');
  });

  it('copes with a body that is not an AppError', () => {
    const error = mattermostApiError({ request: 'GET /api/v4/teams/t', resource: 'team', status: 401, body: '<html>' });
    expect(error.code).toBe('AUTH_ERROR');
    expect(error.options.platformCode).toBe('http_401');
  });

  it('reports a response it cannot read as a platform error', () => {
    const error = invalidResponse('GET /api/v4/channels/c1', 200, 'without a JSON body');
    expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: false });
  });
});
