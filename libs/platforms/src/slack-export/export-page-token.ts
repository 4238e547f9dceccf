import { PlatformError } from '../platform-error';

/** A page of an export channel: part `part` (pages of at most 500 messages) of one day file. */
export interface ExportPagePosition {
  dayFile: string;
  part: number;
}

const TOKEN_VERSION = 1;

export function encodeExportPageToken(position: ExportPagePosition): string {
  return Buffer.from(JSON.stringify({ v: TOKEN_VERSION, ...position })).toString('base64url');
}

export function decodeExportPageToken(token: string): ExportPagePosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidToken();
  }
  const candidate = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { v, dayFile, part } = candidate;
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
