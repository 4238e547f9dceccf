/** Query options and state tokens ($skiptoken, $deltatoken) as the emulator reads and writes them. */

/** A request Graph refuses, answered with its error envelope. */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Graph's default page size for channel messages and replies. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

/** `$top`: 1 to 50; Graph answers 400 to anything else. */
export function pageSize(query: URLSearchParams): number {
  const raw = query.get('$top') ?? query.get('top');
  if (raw === null) return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new GraphRequestError(
      400,
      'BadRequest',
      `Invalid page size specified: '${raw}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`,
    );
  }
  return size;
}

/** `$expand`: only `replies` is supported on channel messages. */
export function expandsReplies(query: URLSearchParams): boolean {
  const expand = query.get('$expand');
  if (expand === null) return false;
  if (expand.trim() === 'replies') return true;
  throw new GraphRequestError(
    400,
    'BadRequest',
    `Parsing OData Select and Expand failed: Could not find a property named '${expand}'.`,
  );
}

/** `$filter`: only `lastModifiedDateTime gt <time>` is supported by the delta query. Returns the time (ms). */
export function changedAfterFilter(query: URLSearchParams): number | null {
  const filter = query.get('$filter');
  if (filter === null) return null;
  const match = /^\s*lastModifiedDateTime\s+gt\s+'?([^'\s]+)'?\s*$/i.exec(filter);
  const time = match ? Date.parse(match[1]) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new GraphRequestError(
      400,
      'BadRequest',
      `Invalid filter clause: '${filter}'. Only 'lastModifiedDateTime gt' is supported.`,
    );
  }
  return time;
}

/**
 * State tokens are opaque to clients; here they are base64url JSON naming the position (the last item
 * of the page) rather than an offset, so a link stays valid, and means the same, whatever was posted since.
 */
export function encodeState(kind: string, state: object): string {
  return Buffer.from(JSON.stringify({ kind, ...state })).toString('base64url');
}

export function decodeState<T>(token: string, kind: string): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== kind) {
    throw new GraphRequestError(400, 'BadRequest', 'The skip token or delta token is invalid.');
  }
  return value as T;
}

/** A message position: newest-first lists continue with what is strictly older. */
export interface Boundary {
  ms: number;
  id: string;
}
