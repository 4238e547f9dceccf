import { createHash, randomBytes } from 'node:crypto';

/** A random identifier with a readable prefix, e.g. `sync_4f1c0a9e2b7d4c31`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

/** A deterministic identifier derived from its parts: the same parts always give the same id. */
export function stableId(prefix: string, ...parts: Array<string | number>): string {
  return `${prefix}_${stableHash(...parts).slice(0, 20)}`;
}

export function stableHash(...parts: Array<string | number>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const text = String(part);
    // Length-prefixing keeps ("ab","c") and ("a","bc") apart.
    hash.update(`${text.length}:${text};`);
  }
  return hash.digest('hex');
}
