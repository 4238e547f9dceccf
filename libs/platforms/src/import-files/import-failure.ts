import { errorMessage } from '@atlas/common';
import { PlatformError } from '../platform-error';

/** A file the connector cannot use as it is: syncing again will not help until the file is fixed. */
export function importFailure(message: string): PlatformError {
  return new PlatformError('PLATFORM_ERROR', message, { transient: false });
}

export function importChannelNotFound(message: string): PlatformError {
  return new PlatformError('CHANNEL_NOT_FOUND', message, { transient: false });
}

/** Why a file could not be read, as the PlatformError a job fails with. */
export function importReadFailure(error: unknown, label: string): PlatformError {
  if (error instanceof PlatformError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  return importFailure(`${label} cannot be read: ${typeof code === 'string' ? code : errorMessage(error)}`);
}
