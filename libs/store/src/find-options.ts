import type { FindOptions, SortDirection } from './store';
import { checkedPath } from './where';

export interface SortKey {
  path: string;
  direction: SortDirection;
}

/** The keys of `orderBy`, checked, ending with the `id` tie-break the store promises unless `id` is already one of them. */
export function sortKeys(orderBy: FindOptions['orderBy'] = []): SortKey[] {
  const keys = orderBy.map(([path, direction]): SortKey => {
    if (direction !== 'asc' && direction !== 'desc')
      throw new Error(`Sort direction must be asc or desc, got "${direction}"`);
    return { path: checkedPath(path), direction };
  });
  return keys.some((key) => key.path === 'id') ? keys : [...keys, { path: 'id', direction: 'asc' }];
}

export function checkLimit(limit: number | undefined): void {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw new Error(`limit must be a non-negative integer, got ${limit}`);
  }
}
