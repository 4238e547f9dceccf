/** Part of every page's hashes: a new template rewrites every page even when no fact changed. */
export const WIKI_TEMPLATE_VERSION = 'wiki-5';
