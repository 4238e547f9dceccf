import { PlatformError } from '../platform-error';
import { decodeOpaqueToken, encodeOpaqueToken } from '../opaque-token';

/** Where a thread's inline replies continue: after the reply with this creation time and id (newest first). */
export interface ReplyBoundary {
  at: string;
  id: string;
}

/**
 * One step of walking a Graph page of root messages: the roots themselves, then the replies of each
 * thread on the page, as Graph expanded them (`thread`), and for a thread longer than the expansion
 * the further reply pages (`overflow`), after which its root comes with the count (`root`).
 */
export type TeamsWalkStep =
  | { kind: 'roots' }
  | { kind: 'thread'; root: string; before: ReplyBoundary | null }
  | { kind: 'overflow'; root: string; url: string; counted: number }
  | { kind: 'root'; root: string; counted: number };

export interface TeamsWalkProgress {
  /** Messages yielded so far. */
  fetched: number;
  /** Creation times (ms) of the newest and oldest root walked so far. */
  newest: number | null;
  oldest: number | null;
}

export interface TeamsPagePosition {
  /** `history` lists the channel's messages; `delta` follows a delta round. */
  mode: 'history' | 'delta';
  /** Graph's clock when the fetch began: the `since` of the cursor it ends with. */
  startedAt: string;
  /** Delta walks: replies changed after this time are fetched. Null on history walks (all are). */
  changedAfter: string | null;
  /** URL of the Graph page of root messages being walked (a nextLink, a deltaLink or a first page). */
  page: string;
  step: TeamsWalkStep;
  progress: TeamsWalkProgress;
}

const TOKEN_VERSION = 1;

export function encodeTeamsPageToken(position: TeamsPagePosition): string {
  return encodeOpaqueToken({ v: TOKEN_VERSION, ...position });
}

export function decodeTeamsPageToken(token: string): TeamsPagePosition {
  const value = decodeOpaqueToken(token);
  if (value === null || value.v !== TOKEN_VERSION) throw invalidToken();
  const { mode, startedAt, changedAfter, page, step, progress } = value;
  if (mode !== 'history' && mode !== 'delta') throw invalidToken();
  if (!isTime(startedAt) || !(changedAfter === null || isTime(changedAfter)) || !isNonEmpty(page)) {
    throw invalidToken();
  }
  return { mode, startedAt, changedAfter, page, step: decodeStep(step), progress: decodeProgress(progress) };
}

function decodeStep(value: unknown): TeamsWalkStep {
  if (!isRecord(value)) throw invalidToken();
  switch (value.kind) {
    case 'roots':
      return { kind: 'roots' };
    case 'thread': {
      const { root, before } = value;
      if (!isNonEmpty(root)) break;
      if (before === null) return { kind: 'thread', root, before: null };
      if (isRecord(before) && isTime(before.at) && isNonEmpty(before.id)) {
        return { kind: 'thread', root, before: { at: before.at, id: before.id } };
      }
      break;
    }
    case 'overflow':
      if (isNonEmpty(value.root) && isNonEmpty(value.url) && isCount(value.counted)) {
        return { kind: 'overflow', root: value.root, url: value.url, counted: value.counted };
      }
      break;
    case 'root':
      if (isNonEmpty(value.root) && isCount(value.counted)) {
        return { kind: 'root', root: value.root, counted: value.counted };
      }
      break;
  }
  throw invalidToken();
}

function decodeProgress(value: unknown): TeamsWalkProgress {
  if (!isRecord(value) || !isCount(value.fetched)) throw invalidToken();
  const { newest, oldest } = value;
  if (!(newest === null || isCount(newest)) || !(oldest === null || isCount(oldest))) throw invalidToken();
  return { fetched: value.fetched, newest, oldest };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function invalidToken(): PlatformError {
  return new PlatformError('INTERNAL_ERROR', 'The Teams resume token is not one this connector wrote', {
    transient: false,
  });
}
