import { PlatformError } from '../platform-error';

/** Graph's error envelope: `{"error": {"code": "...", "message": "...", "innerError": {...}}}`. */
export interface GraphErrorBody {
  error?: {
    code?: string;
    message?: string;
    innerError?: { 'request-id'?: string; date?: string };
  };
}

/** The Microsoft identity platform's token endpoint answers OAuth errors: `{"error": "invalid_client", ...}`. */
export interface TokenErrorBody {
  error?: string;
  error_description?: string;
}

/** What a Graph request was after, so a 404 can say what was not found. */
export type GraphResource = 'team' | 'channel' | 'message';

export function graphApiError(
  request: string,
  resource: GraphResource,
  status: number,
  body: GraphErrorBody | undefined,
): PlatformError {
  const graphCode = body?.error?.code || `HTTP ${status}`;
  const detail = describe(graphCode, body?.error?.message, body?.error?.innerError?.['request-id']);
  const options = { httpStatus: status, platformCode: graphCode };

  if (status === 401) {
    return new PlatformError('AUTH_ERROR', `Microsoft Graph refused the access token for ${request}: ${detail}`, {
      ...options,
      transient: false,
    });
  }
  if (status === 403) {
    // Graph names the application permissions the call needs in the message.
    return new PlatformError('AUTH_ERROR', `Microsoft Graph denied ${request}: ${detail}`, {
      ...options,
      transient: false,
    });
  }
  if (status === 404 && resource !== 'message') {
    return new PlatformError('CHANNEL_NOT_FOUND', `Microsoft Graph found no such ${resource} (${request}): ${detail}`, {
      ...options,
      transient: false,
    });
  }
  if (status === 429) {
    return new PlatformError('RATE_LIMIT', `Microsoft Graph throttled ${request}: ${detail}`, {
      ...options,
      transient: false,
    });
  }
  return new PlatformError('PLATFORM_ERROR', `Microsoft Graph failed ${request}: ${detail}`, {
    ...options,
    transient: status >= 500,
  });
}

export function tokenEndpointError(status: number, body: TokenErrorBody | undefined): PlatformError {
  const oauthCode = body?.error || `HTTP ${status}`;
  const detail = body?.error_description ? `${oauthCode}: ${firstLine(body.error_description)}` : oauthCode;
  // 400 and 401 mean the tenant, client id, secret or scope are wrong: only new credentials help.
  const refused = status === 400 || status === 401 || status === 403;
  return new PlatformError(
    refused ? 'AUTH_ERROR' : 'PLATFORM_ERROR',
    `The Microsoft identity platform refused the client credentials: ${detail}`,
    { transient: !refused && status >= 500, httpStatus: status, platformCode: oauthCode },
  );
}

function describe(code: string, message: string | undefined, requestId: string | undefined): string {
  const text = message ? `${code}: ${message}` : code;
  return requestId ? `${text} (request-id ${requestId})` : text;
}

/** AADSTS descriptions append a trace id, a correlation id and a timestamp on further lines. */
function firstLine(text: string): string {
  return text.split(/\r?\n/)[0].trim();
}
