import type { JobErrorCode } from '@atlas/events';
import { PlatformError } from '../platform-error';

interface SlackErrorMapping {
  code: JobErrorCode;
  transient: boolean;
}

const AUTH: SlackErrorMapping = { code: 'AUTH_ERROR', transient: false };
const CHANNEL: SlackErrorMapping = { code: 'CHANNEL_NOT_FOUND', transient: false };
const SLACK_DOWN: SlackErrorMapping = { code: 'PLATFORM_ERROR', transient: true };

/** Slack `error` strings of `ok:false` bodies, by the job error they mean. */
const SLACK_ERROR_MAPPINGS: Readonly<Record<string, SlackErrorMapping>> = {
  invalid_auth: AUTH,
  not_authed: AUTH,
  account_inactive: AUTH,
  token_revoked: AUTH,
  token_expired: AUTH,
  no_permission: AUTH,
  missing_scope: AUTH,
  channel_not_found: CHANNEL,
  not_in_channel: CHANNEL,
  ratelimited: { code: 'RATE_LIMIT', transient: false },
  fatal: SLACK_DOWN,
  internal_error: SLACK_DOWN,
  service_unavailable: SLACK_DOWN,
  request_timeout: SLACK_DOWN,
};

const UNKNOWN: SlackErrorMapping = { code: 'PLATFORM_ERROR', transient: false };

export interface SlackErrorBody {
  error?: string;
  /** The scope missing_scope asks for. */
  needed?: string;
}

export function slackApiError(
  method: string,
  body: SlackErrorBody,
  details: { httpStatus: number; retryAfterSeconds?: number },
): PlatformError {
  const slackCode = body.error || 'unknown_error';
  const mapping = SLACK_ERROR_MAPPINGS[slackCode] ?? UNKNOWN;
  const needed = body.needed ? ` (needs scope ${body.needed})` : '';
  return new PlatformError(mapping.code, `Slack ${method} failed: ${slackCode}${needed}`, {
    transient: mapping.transient,
    httpStatus: details.httpStatus,
    platformCode: slackCode,
    retryAfterSeconds: details.retryAfterSeconds,
  });
}
