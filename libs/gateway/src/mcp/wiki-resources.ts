/** The URI template of the wiki's pages as MCP resources. */
export const WIKI_PAGE_TEMPLATE = 'atlas://wiki/{channel_id}/{slug}';

/** `atlas://wiki/C04K7Q1GN2A/entity-ana`: a page's resource URI (the channel id percent-encoded). */
export function wikiPageUri(channelId: string, slug: string): string {
  return `atlas://wiki/${encodeURIComponent(channelId)}/${encodeURIComponent(slug)}`;
}

/** A variable of the template as matched, decoded; a malformed escape is taken as written. */
export function uriVariable(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
