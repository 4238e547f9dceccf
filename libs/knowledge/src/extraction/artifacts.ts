import type { ArtifactKind } from '@atlas/events';
import { findUrls, normalizeLink } from './links';
import { maskRanges, matchesOf } from './text-ranges';

export interface ArtifactMatch {
  kind: ArtifactKind;
  /** Normalized identity: the key's part after `artifact:<kind>:`. */
  id: string;
  name: string;
  start: number;
  end: number;
}

/** Issue keys of Jira, Linear and the like: ABC-123. Names with a version number are not tickets. */
const TICKET_KEY = /(?<![\p{L}\p{N}_/.-])([A-Z][A-Z0-9]{1,9})-(\d{1,6})(?![\p{L}\p{N}_-]|\.\d)/gu;
const NOT_TICKET_PREFIXES = new Set([
  'UTF',
  'ISO',
  'SHA',
  'GPT',
  'MD',
  'COVID',
  'RFC',
  'TLS',
  'SSL',
  'HTTP',
  'IPV',
  'P',
]);
const RFC = /(?<![\p{L}\p{N}_/.-])RFC[- ]?(\d{1,5})\b/gu;
/** "#127", "PR #42": a pull request or issue number of the channel's repository. */
const ISSUE_NUMBER = /(?<![\p{L}\p{N}_/&#-])#(\d{1,6})(?![\p{L}\p{N}_-])/gu;
/** "Dry run #2", "option #3": a count, not an issue. */
const COUNTED_BEFORE =
  /\b(?:run|round|step|phase|item|option|attempt|day|week|sprint|take|try|version|part|test|batch|wave|number|no|rank|place|room)\s*$/i;
/**
 * "/etc/init.d/samba", "~/.bashrc": a file path under a system folder or a home folder is a document. Devices
 * and mount points (/dev, /mnt, /media) are places on a machine, and "/v1/invoices" is an API route.
 */
const FILE_PATH =
  /(?<![\p{L}\p{N}_.:/=~-])(?:~|\/(?:etc|usr|var|home|boot|opt|lib|lib64|bin|sbin|srv|root|tmp|run))(?:\/[\p{L}\p{N}_.+@-]+)+/gu;
const REPO_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org']);
const DOCUMENT_HOSTS =
  /^(?:docs\.google\.com|drive\.google\.com|[\w-]+\.notion\.site|(?:www\.)?notion\.so|dropbox\.com|paper\.dropbox\.com|quip\.com|[\w-]+\.sharepoint\.com|onedrive\.live\.com|coda\.io|hackmd\.io)$/;
const DOCUMENT_PATH =
  /\.(?:pdf|md|markdown|docx?|pptx?|xlsx?|odt|rtf|txt|key|pages)$|\/wiki\/|\/confluence\/|\/display\/|\/rfcs?\/|\/adr|design[-_]?doc|\/docs?\//i;
const TICKET_PATH = /\/browse\/([A-Z][A-Z0-9]{1,9}-\d+)\b|\/issue\/([A-Z][A-Z0-9]{1,9}-\d+)\b/;

/**
 * Artifacts the text names: each URL as a repository, ticket, document or plain link, then issue
 * keys ("OPS-142"), RFC numbers and file paths written outside URLs. A repository is only ever a URL: chat writes
 * alternatives with a slash ("kde/gnome", "Hoary/universe"), and an owner/name pair cannot be told from them.
 */
export function findArtifacts(text: string): ArtifactMatch[] {
  const urls = findUrls(text);
  const found: ArtifactMatch[] = [];
  for (const url of urls) {
    const artifact = artifactOfUrl(url.url);
    if (artifact) found.push({ ...artifact, start: url.start, end: url.end });
  }
  const prose = maskRanges(text, urls, ' ');
  for (const match of matchesOf(prose, TICKET_KEY)) {
    if (NOT_TICKET_PREFIXES.has(match[1])) continue;
    found.push({ kind: 'ticket', id: match[0].toLowerCase(), name: match[0], ...rangeOf(match) });
  }
  for (const match of matchesOf(prose, ISSUE_NUMBER)) {
    if (COUNTED_BEFORE.test(prose.slice(0, match.index))) continue;
    found.push({ kind: 'ticket', id: `#${match[1]}`, name: `#${match[1]}`, ...rangeOf(match) });
  }
  for (const match of matchesOf(prose, FILE_PATH)) {
    const path = match[0].replace(/[.:]+$/, '');
    found.push({ kind: 'document', id: path, name: path, start: match.index, end: match.index + path.length });
  }
  for (const match of matchesOf(prose, RFC)) {
    found.push({ kind: 'document', id: `rfc-${match[1]}`, name: `RFC ${match[1]}`, ...rangeOf(match) });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** What a URL points at, from its host and path alone. */
export function artifactOfUrl(url: string): Omit<ArtifactMatch, 'start' | 'end'> | null {
  const link = normalizeLink(url);
  if (link === null) return null;
  const address = link.key.slice('link:'.length);
  const [host, ...segments] = link.name.split('/');
  const path = `/${segments.join('/')}`;
  const ticketKey = TICKET_PATH.exec(path);
  if (ticketKey) {
    const key = ticketKey[1] ?? ticketKey[2];
    return { kind: 'ticket', id: key.toLowerCase(), name: key };
  }
  if (REPO_HOSTS.has(host) && segments.length >= 2) {
    const repo = `${segments[0]}/${segments[1]}`;
    const number = /^(?:pull|issues|-\/merge_requests|-\/issues|pull-requests)\/(\d+)/.exec(
      segments.slice(2).join('/'),
    );
    if (number) {
      const sub = segments[2] === '-' ? `-/${segments[3]}` : segments[2];
      return { kind: 'ticket', id: `${host}/${repo}/${sub}/${number[1]}`.toLowerCase(), name: link.name };
    }
    if (segments.length === 2 || /^(?:tree|blob|-)$/.test(segments[2])) {
      if (segments.length === 2 || !DOCUMENT_PATH.test(path)) {
        return { kind: 'repo', id: `${host}/${repo}`.toLowerCase(), name: `${host}/${repo}` };
      }
    }
  }
  if (DOCUMENT_HOSTS.test(host) || /atlassian\.net$|confluence/.test(host) || DOCUMENT_PATH.test(path)) {
    return { kind: 'document', id: address, name: link.name };
  }
  return { kind: 'link', id: address, name: link.name };
}

function rangeOf(match: RegExpMatchArray): { start: number; end: number } {
  const start = match.index ?? 0;
  return { start, end: start + match[0].length };
}
