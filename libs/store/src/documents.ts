import type { StoredDocument } from './store';

export function checkIds(docs: StoredDocument[]): void {
  for (const doc of docs) {
    if (typeof doc?.id !== 'string' || doc.id === '') {
      throw new Error(`A stored document needs a non-empty string id, got ${JSON.stringify(doc?.id)}`);
    }
  }
}

/** What getMany returns: each found document once, in the order its id was first asked for, missing ids skipped. */
export function inRequestedOrder<T>(ids: string[], found: Map<string, T>): T[] {
  return [...new Set(ids)].flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
}
