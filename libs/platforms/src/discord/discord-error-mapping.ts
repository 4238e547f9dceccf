import type { JobErrorCode } from '@atlas/events';
import { PlatformError } from '../platform-error';
import type { DiscordErrorBody } from './discord-types';

/** Discord's JSON error codes the connector tells apart (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
export const DISCORD_ERROR = {
  UNKNOWN_CHANNEL: 10003,
  UNKNOWN_GUILD: 10004,
  UNKNOWN_MESSAGE: 10008,
  MISSING_ACCESS: 50001,
  MISSING_PERMISSIONS: 50013,
  INVALID_FORM_BODY: 50035,
} as const;

interface Mapping {
  code: JobErrorCode;
  transient: boolean;
  explanation: string;
}

/**
 * What a Discord answer means for the sync. A 403 is an AUTH_ERROR even though the channel exists:
 * Missing Access means the bot cannot see it (not added to the guild, or no View Channel / Read
 * Message History there), which someone must grant; retrying or calling it missing would mislead.
 */
function mappingFor(status: number, discordCode: number | undefined): Mapping {
  if (status === 401) return { code: 'AUTH_ERROR', transient: false, explanation: 'the bot token was refused' };
  if (status === 403) {
    const explanation =
      discordCode === DISCORD_ERROR.MISSING_PERMISSIONS
        ? 'the bot lacks a permission it needs there'
        : 'the bot has no access there (it needs View Channel and Read Message History)';
    return { code: 'AUTH_ERROR', transient: false, explanation };
  }
  if (discordCode === DISCORD_ERROR.UNKNOWN_CHANNEL) {
    return { code: 'CHANNEL_NOT_FOUND', transient: false, explanation: 'Discord knows no such channel' };
  }
  if (discordCode === DISCORD_ERROR.UNKNOWN_GUILD) {
    return { code: 'CHANNEL_NOT_FOUND', transient: false, explanation: 'the guild is unknown or the bot is not in it' };
  }
  if (status === 429) return { code: 'RATE_LIMIT', transient: false, explanation: 'rate limited' };
  if (status >= 500) return { code: 'PLATFORM_ERROR', transient: true, explanation: 'Discord failed' };
  return { code: 'PLATFORM_ERROR', transient: false, explanation: 'Discord refused the request' };
}

export function discordApiError(route: string, status: number, body: DiscordErrorBody | undefined): PlatformError {
  const mapping = mappingFor(status, body?.code);
  const said = body?.message ? `: ${body.message}` : '';
  const codeSuffix = body?.code ? ` (code ${body.code})` : '';
  return new PlatformError(
    mapping.code,
    `Discord ${route} answered HTTP ${status}${said}${codeSuffix}: ${mapping.explanation}`,
    {
      transient: mapping.transient,
      httpStatus: status,
      platformCode: body?.code === undefined ? undefined : String(body.code),
      retryAfterSeconds: status === 429 && body?.retry_after !== undefined ? Math.ceil(body.retry_after) : undefined,
    },
  );
}

/** Whether an error is Discord's answer that this thing (a thread, a message) is gone or out of the bot's sight. */
export function isGoneOrHidden(error: unknown): boolean {
  if (!(error instanceof PlatformError)) return false;
  const status = error.options.httpStatus;
  return status === 404 || status === 403;
}
