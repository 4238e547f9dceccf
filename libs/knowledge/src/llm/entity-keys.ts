import type { ArtifactKind, EntityType } from '@atlas/events';
import { normalizeName } from '../names';

/** Parameters that only say where a click came from: two links differing by them are one artifact. */
const TRACKING_PARAMETER = /^(?:utm_.*|fbclid|gclid|mc_cid|mc_eid|ref_src)$/i;

/**
 * The key of a named entity other than a person, by the key rules every extractor shares:
 * `<type>:<normalized name>`, and an artifact's `artifact:<kind>:<normalized id>`. Null when the name
 * normalizes to nothing.
 */
export function entityKey(type: Exclude<EntityType, 'person'>, name: string): string | null {
  const normalized = normalizeName(name.trim());
  return normalized === '' ? null : `${type}:${normalized}`;
}

export function artifactKey(kind: ArtifactKind, identifier: string): string | null {
  const id = artifactId(identifier);
  return id === '' ? null : `artifact:${kind}:${id}`;
}

/**
 * A URL without scheme, `www.`, fragment, trailing slash or tracking parameters, host lowercased (a
 * path is case-sensitive, so it is kept): `https://www.GitHub.com/acme/atlas/` → `github.com/acme/atlas`.
 * Anything else (a ticket id, a file name) by its normalized name: `OPS-142` → `ops-142`.
 */
export function artifactId(identifier: string): string {
  const trimmed = identifier.trim();
  const url = asUrl(trimmed);
  if (url === null) return normalizeName(trimmed);
  const host = url.host.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  const kept = [...url.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  return `${host}${path}${query}`;
}

/** An identifier written as a URL, with or without its scheme (`github.com/acme/atlas`). */
function asUrl(identifier: string): URL | null {
  const schemeless = /^(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d+)?(?:[/?#]|$)/u.test(identifier);
  if (!/^https?:\/\//i.test(identifier) && !schemeless) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(identifier) ? identifier : `https://${identifier}`);
    return url.host === '' ? null : url;
  } catch {
    return null;
  }
}
