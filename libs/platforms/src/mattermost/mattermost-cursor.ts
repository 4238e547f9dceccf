import { isMattermostId } from './mattermost-ids';
import { decodeOpaqueToken, encodeOpaqueToken } from '../opaque-token';

/**
 * A point in a channel's changes: every post whose update_at is after `at`, or equal to it and not one
 * of `ids`, is still to come. `since` answers only what changed strictly after a time, and several
 * posts can change in the same millisecond, some seen and some not yet; so the next fetch asks from
 * `at` inclusive and drops the ones already seen.
 */
export interface ChangeMark {
  at: number;
  ids: string[];
}

const CURSOR_VERSION = 1;

export function encodeMattermostCursor(mark: ChangeMark): string {
  return encodeOpaqueToken({ v: CURSOR_VERSION, at: mark.at, ids: mark.ids });
}

/**
 * The mark a cursor names, or null when it is not one this connector wrote (another version, another
 * platform's): the fetch then walks the whole history again, which is slower but loses nothing.
 */
export function decodeMattermostCursor(cursor: string): ChangeMark | null {
  const candidate = decodeOpaqueToken(cursor);
  if (candidate === null || candidate.v !== CURSOR_VERSION) return null;
  return isChangeMark(candidate) ? { at: candidate.at, ids: [...candidate.ids] } : null;
}

export function isChangeMark(value: Record<string, unknown>): value is Record<string, unknown> & ChangeMark {
  return (
    Number.isSafeInteger(value.at) &&
    (value.at as number) >= 0 &&
    Array.isArray(value.ids) &&
    value.ids.every(isMattermostId)
  );
}

/** Whether a post that changed at `updateAt` comes after the mark. */
export function isAfterMark(mark: ChangeMark, post: { id: string; update_at: number }): boolean {
  return post.update_at > mark.at || (post.update_at === mark.at && !mark.ids.includes(post.id));
}

/** The mark once `posts` (in change order, all after `mark`) are seen too. */
export function advanceMark(mark: ChangeMark, posts: Array<{ id: string; update_at: number }>): ChangeMark {
  const last = posts.at(-1);
  if (!last) return mark;
  const seenAtLast = posts.filter((post) => post.update_at === last.update_at).map((post) => post.id);
  return { at: last.update_at, ids: last.update_at === mark.at ? [...mark.ids, ...seenAtLast] : seenAtLast };
}
