/**
 * Resume tokens and cursors are opaque strings to their users: base64url JSON, so that a fresh process
 * can continue where another stopped.
 */
export function encodeOpaqueToken(fields: object): string {
  return Buffer.from(JSON.stringify(fields)).toString('base64url');
}

/** The fields of a token, or null when it is not base64url JSON of an object: no token a connector wrote. */
export function decodeOpaqueToken(token: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
