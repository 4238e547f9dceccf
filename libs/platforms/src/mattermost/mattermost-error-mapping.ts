import type { JobErrorCode } from '@atlas/events';
import { PlatformError } from '../platform-error';
import type { MattermostErrorBody } from './mattermost-types';

/** What a request was about, so that a 403 or 404 can say which thing was refused or missing. */
export type MattermostResource = 'channel' | 'team' | 'users' | 'discovery';

export interface MattermostFailure {
  /** `GET /api/v4/channels/…/posts`, for the message. */
  request: string;
  resource: MattermostResource;
  status: number;
  /** The raw body: Mattermost answers JSON AppErrors, proxies in front of it often do not. */
  body: string;
}

/**
 * Maps a Mattermost answer other than 2xx, 429 and 5xx (PlatformHttpClient handles those) to the
 * Sync API's codes. Mattermost's error `id` is kept as the platform code.
 */
export function mattermostApiError(failure: MattermostFailure): PlatformError {
  const error = parseErrorBody(failure.body);
  const platformCode = error.id || `http_${failure.status}`;
  const detail = error.message ? `: ${error.message}` : '';
  const { code, explanation } = classify(failure);
  return new PlatformError(
    code,
    `Mattermost ${failure.request} answered HTTP ${failure.status}${detail}${explanation}`,
    {
      transient: false,
      httpStatus: failure.status,
      platformCode,
    },
  );
}

function classify(failure: MattermostFailure): { code: JobErrorCode; explanation: string } {
  const { status, resource } = failure;
  if (status === 401) return { code: 'AUTH_ERROR', explanation: ' (the token is invalid, expired or revoked)' };
  if (status === 403) {
    return resource === 'channel'
      ? { code: 'AUTH_ERROR', explanation: " (the token's user has no permission to read this channel)" }
      : { code: 'AUTH_ERROR', explanation: " (the token's user lacks the permission)" };
  }
  if (status === 404 && resource === 'channel') return { code: 'CHANNEL_NOT_FOUND', explanation: '' };
  return { code: 'PLATFORM_ERROR', explanation: '' };
}

function parseErrorBody(body: string): MattermostErrorBody {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as MattermostErrorBody) : {};
  } catch {
    return {};
  }
}

export function invalidResponse(request: string, status: number, reason: string): PlatformError {
  return new PlatformError('PLATFORM_ERROR', `Mattermost ${request} answered HTTP ${status} ${reason}`, {
    transient: false,
    httpStatus: status,
  });
}
