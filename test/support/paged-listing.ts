import type { ApiClient } from './api-client';

export interface WalkedListing<T> {
  items: T[];
  /** How many requests the walk took. */
  pages: number;
}

/**
 * Follows `next_cursor` from the first page of a listing to its last, collecting `field` of each answer.
 * Fails on any answer but 200, and on a listing that does not end.
 */
export async function walkListing<T = any>(
  api: ApiClient,
  path: string,
  field: string,
  limit: number,
  maxPages = 1000,
): Promise<WalkedListing<T>> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 1; pages <= maxPages; pages++) {
    const query: string = `limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const { status, body }: { status: number; body: any } = await api.get(
      `${path}${path.includes('?') ? '&' : '?'}${query}`,
    );
    if (status !== 200) throw new Error(`GET ${path} answered ${status}: ${JSON.stringify(body)}`);
    const page = body[field] as T[];
    if (page.length > limit) throw new Error(`GET ${path} answered ${page.length} items for limit ${limit}`);
    items.push(...page);
    cursor = body.next_cursor;
    if (cursor === null) return { items, pages };
    if (page.length === 0) throw new Error(`GET ${path} answered an empty page with a next_cursor`);
  }
  throw new Error(`GET ${path} did not end within ${maxPages} pages`);
}
