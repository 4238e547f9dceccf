/** Where the app shows search results: /search?q=…&kind=…&channel_id=… */
export function searchPath(q: string, filters: { kind?: string; channel_id?: string } = {}): string {
  const query = new URLSearchParams({ q });
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.channel_id) query.set('channel_id', filters.channel_id);
  return `/search?${query.toString()}`;
}
