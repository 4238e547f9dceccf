import { PlatformError } from '../platform-error';
import { ChangeMark, isChangeMark } from './mattermost-cursor';
import { isMattermostId } from './mattermost-ids';
import { decodeOpaqueToken, encodeOpaqueToken } from '../opaque-token';

/**
 * A page of the history walk: the posts created before `before` (the newest ones when null), page
 * `page` of them, without `skipIds`. Naming a post instead of a page number keeps the position when new
 * posts arrive during a long fetch; `skipIds` are the posts of the previous page created in the same
 * millisecond as its last one, which `before` (strictly older) cannot tell apart, so the walk anchors on
 * an older post and skips them. Only a page all of one millisecond falls back to a page number.
 */
export interface HistoryPosition {
  kind: 'history';
  before: string | null;
  page: number;
  skipIds: string[];
}

/** A page of the changes walk: the changes after `after`, in change order; `emitted` so far. */
export interface ChangesPosition {
  kind: 'changes';
  after: ChangeMark;
  emitted: number;
}

export type MattermostPagePosition = HistoryPosition | ChangesPosition;

const TOKEN_VERSION = 1;

export function encodeMattermostPageToken(position: MattermostPagePosition): string {
  return encodeOpaqueToken({ v: TOKEN_VERSION, ...position });
}

export function decodeMattermostPageToken(token: string): MattermostPagePosition {
  const candidate = decodeOpaqueToken(token);
  if (candidate === null || candidate.v !== TOKEN_VERSION) throw invalidToken();
  if (candidate.kind === 'history' && isHistory(candidate)) {
    return { kind: 'history', before: candidate.before, page: candidate.page, skipIds: [...candidate.skipIds] };
  }
  if (candidate.kind === 'changes' && isChanges(candidate)) {
    const { at, ids } = candidate.after;
    return { kind: 'changes', after: { at, ids: [...ids] }, emitted: candidate.emitted };
  }
  throw invalidToken();
}

function isHistory(value: Record<string, unknown>): value is Record<string, unknown> & HistoryPosition {
  return (
    (value.before === null || isMattermostId(value.before)) &&
    isCount(value.page) &&
    Array.isArray(value.skipIds) &&
    value.skipIds.every(isMattermostId)
  );
}

function isChanges(value: Record<string, unknown>): value is Record<string, unknown> & ChangesPosition {
  const after = value.after;
  return (
    typeof after === 'object' &&
    after !== null &&
    isChangeMark(after as Record<string, unknown>) &&
    isCount(value.emitted)
  );
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function invalidToken(): PlatformError {
  return new PlatformError('INTERNAL_ERROR', 'The Mattermost resume token is not one this connector wrote', {
    transient: false,
  });
}
