import type { ReadModelStore } from '@atlas/store';
import type { StoredEvent } from '@atlas/messaging';
import type { Projected } from '../documents';

/** Applies one event of the log to the read models it concerns. */
export type Projection = (tx: ReadModelStore, stored: StoredEvent) => Promise<void>;

/**
 * Updates one document with an event unless the document has already seen that event (or a later
 * one). `update` gets the current document (null when there is none) and returns the new one, or
 * null to delete it.
 */
export async function applyOnce<D extends Projected>(
  tx: ReadModelStore,
  collection: string,
  id: string,
  seq: number,
  update: (current: D | null) => Omit<D, 'last_seq' | 'id'> | null | undefined,
): Promise<void> {
  const current = await tx.get<D>(collection, id);
  if (current && current.last_seq >= seq) return;
  const next = update(current);
  if (next === undefined) return;
  if (next === null) await tx.delete(collection, id);
  else await tx.put(collection, { ...next, id, last_seq: seq });
}

/**
 * applyOnce for many documents of one collection, read and written in one round each. An id that
 * appears twice in `items` is updated twice, the second time on top of the first.
 */
export async function applyOnceToEach<D extends Projected, T>(
  tx: ReadModelStore,
  collection: string,
  seq: number,
  items: T[],
  idOf: (item: T) => string,
  update: (item: T, current: D | null) => Omit<D, 'last_seq' | 'id'>,
): Promise<void> {
  const current = new Map((await tx.getMany<D>(collection, items.map(idOf))).map((doc) => [doc.id, doc]));
  const written = new Map<string, D>();
  for (const item of items) {
    const id = idOf(item);
    const doc = written.get(id) ?? current.get(id) ?? null;
    if (doc && doc.last_seq >= seq && !written.has(id)) continue;
    written.set(id, { ...update(item, doc), id, last_seq: seq } as D);
  }
  if (written.size > 0) await tx.putMany(collection, [...written.values()]);
}
