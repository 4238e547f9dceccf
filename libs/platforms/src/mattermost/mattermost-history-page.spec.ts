import { MATTERMOST_MAX_PER_PAGE } from './mattermost-api-client';
import { nextHistoryPosition } from './mattermost-history-page';
import type { HistoryPosition } from './mattermost-page-token';
import type { MattermostPost } from './mattermost-types';

const id = (n: number) => `p${String(n).padStart(25, '0')}`;
const post = (n: number, createAt: number): MattermostPost => ({
  id: id(n),
  create_at: createAt,
  update_at: createAt,
  edit_at: 0,
  delete_at: 0,
  user_id: 'u',
  channel_id: 'c',
  root_id: '',
  message: '',
  type: '',
});
/** A full page, newest first, one post a millisecond from `newest` down. */
const fullPage = (newest: number) =>
  Array.from({ length: MATTERMOST_MAX_PER_PAGE }, (_, index) => post(index, newest - index));
const start: HistoryPosition = { kind: 'history', before: null, page: 0, skipIds: [] };

describe('nextHistoryPosition', () => {
  it('anchors the next page on the last post', () => {
    const page = fullPage(10_000);
    expect(nextHistoryPosition(start, page, id(900))).toEqual({
      kind: 'history',
      before: page[198].id,
      page: 0,
      skipIds: [page[199].id],
    });
  });

  it('anchors on an older millisecond when the page ends inside one, skipping what was seen of it', () => {
    const page = fullPage(10_000);
    page[198] = post(198, page[199].create_at);
    page[197] = post(197, page[199].create_at);
    expect(nextHistoryPosition(start, page, id(900))).toEqual({
      kind: 'history',
      before: page[196].id,
      page: 0,
      skipIds: [page[197].id, page[198].id, page[199].id],
    });
  });

  it('falls back to the next page number when the whole page is one millisecond', () => {
    const page = fullPage(10_000).map((_, index) => post(index, 5));
    const position: HistoryPosition = { kind: 'history', before: id(999), page: 2, skipIds: [id(998)] };
    expect(nextHistoryPosition(position, page, id(900))).toEqual({ ...position, page: 3 });
  });

  it('stops after a short page, and after an empty one', () => {
    expect(nextHistoryPosition(start, fullPage(10_000).slice(0, 50), '')).toBeNull();
    expect(nextHistoryPosition(start, [], '')).toBeNull();
  });

  it('goes on after a short page when the server says older posts exist (a lower per_page clamp)', () => {
    const page = fullPage(10_000).slice(0, 60);
    expect(nextHistoryPosition(start, page, id(900))?.before).toBe(page[58].id);
  });
});
