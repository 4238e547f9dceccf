import { matchesOf, type TextRange } from './text-ranges';

export interface UrlMatch extends TextRange {
  url: string;
}

export interface NormalizedLink {
  key: string;
  name: string;
}

const URL_CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"`|]+/giu;
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '’', '”', ']', '}', '*', '_', '~', '>']);
/** Parameters that only say where a click came from: two links differing by them are one link. */
const TRACKING_PARAMETERS = new Set(['fbclid', 'gclid', 'mc_cid', 'mc_eid', 'ref_src']);

/** URLs in chat text, without the punctuation that ends the sentence around them. */
export function findUrls(text: string): readonly UrlMatch[] {
  // Most chat has no link: a cheap test first, since every step of a fact's text asks.
  if (!/https?:\/\/|www\./i.test(text)) return NO_URLS;
  return Array.from(matchesOf(text, URL_CANDIDATE), (match) => {
    const url = trimTrailingPunctuation(match[0]);
    return { start: match.index, end: match.index + url.length, url };
  });
}

const NO_URLS: readonly UrlMatch[] = Object.freeze([]);

function trimTrailingPunctuation(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1);
    if (last === ')' && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
    else if (last !== undefined && TRAILING_PUNCTUATION.has(last)) url = url.slice(0, -1);
    else return url;
  }
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/**
 * The identity of a link: no scheme, `www.`, fragment, trailing slash or tracking parameters, host
 * lowercased (paths are case-sensitive, so they are kept). The name is host and path, for display.
 */
export function normalizeLink(url: string): NormalizedLink | null {
  let parsed: URL;
  try {
    parsed = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
  } catch {
    return null;
  }
  const host = parsed.host.toLowerCase().replace(/^www\./, '');
  if (host === '') return null;
  const path = parsed.pathname.replace(/\/+$/, '');
  const kept = [...parsed.searchParams].filter(([name]) => !isTrackingParameter(name));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  return { key: `link:${host}${path}${query}`, name: `${host}${path}` };
}

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMETERS.has(lower);
}
