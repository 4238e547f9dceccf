import { PlatformError } from '../platform-error';
import { decodeOpaqueToken, encodeOpaqueToken } from '../opaque-token';

/** A page of an export channel: part `part` (pages of at most 500 messages) of one day file. */
export interface ExportPagePosition {
  dayFile: string;
  part: number;
}

const TOKEN_VERSION = 1;

export function encodeExportPageToken(position: ExportPagePosition): string {
  return encodeOpaqueToken({ v: TOKEN_VERSION, ...position });
}

export function decodeExportPageToken(token: string): ExportPagePosition {
  const { v, dayFile, part } = decodeOpaqueToken(token) ?? {};
  if (v !== TOKEN_VERSION || typeof dayFile !== 'string' || !Number.isInteger(part) || (part as number) < 0) {
    throw invalidToken();
  }
  return { dayFile, part: part as number };
}

function invalidToken(): PlatformError {
  return new PlatformError('INTERNAL_ERROR', 'The Slack export resume token is not one this connector wrote', {
    transient: false,
  });
}
