import type { Document, Filter, IndexDescription } from 'mongodb';
import { checkCollection, checkSearchField, CollectionSpec } from '../collections';
import { sortKeys } from '../find-options';
import type { FindOptions, Where } from '../store';
import { Clause, parseWhere } from '../where';
import { matchesFilter } from './mongo-search';

/** Documents are stored under `_id` = their `id`, so lookups by id use the primary index. */
export interface MongoDocument {
  _id: string;
  [field: string]: unknown;
}

export function toFilter(collection: string, where?: Where): Filter<MongoDocument> {
  const name = checkCollection(collection);
  const filter: Document = {};
  for (const clause of parseWhere(where)) {
    if (clause.kind === 'matches') {
      // Its own top-level condition on the search words, not on the field: a collection has one searched field.
      checkSearchField(name, clause.path);
      Object.assign(filter, matchesFilter(clause.words));
    } else {
      filter[mongoPath(clause.path)] = fieldFilter(clause);
    }
  }
  return filter as Filter<MongoDocument>;
}

export function toSort(orderBy?: FindOptions['orderBy']): Record<string, 1 | -1> {
  const sort: Record<string, 1 | -1> = {};
  // An object holds each key once; the first direction given for a path is the one that decides the order
  // (`id` and `_id` are the same key here), so a later one must not overwrite it.
  for (const { path, direction } of sortKeys(orderBy)) sort[mongoPath(path)] ??= direction === 'asc' ? 1 : -1;
  return sort;
}

/**
 * The indexes of one collection, each with `_id` appended as its last key. Every find sorts by `_id` last (the
 * store's tie-break on `id`), and an index can only return documents in the order of `sort({a: 1, _id: 1})` if
 * `_id` follows `a` in it. Without it MongoDB reads every match and sorts them itself before returning even the
 * first page of a limited query.
 */
export function indexSpecs(spec: CollectionSpec): IndexDescription[] {
  return spec.indexes.map((fields) => ({
    key: Object.fromEntries([...fields.map((field) => [field, 1]), ['_id', 1]]),
  }));
}

/** The name MongoDB gives an index it is not given a name for: `field_1_other_-1`. */
export function indexNameOf(index: IndexDescription): string {
  if (index.name) return index.name;
  return Object.entries(index.key as Record<string, number>)
    .map(([field, direction]) => `${field}_${direction}`)
    .join('_');
}

function fieldFilter(clause: Exclude<Clause, { kind: 'matches' }>): Document {
  switch (clause.kind) {
    case 'equals':
      return { $eq: clause.value };
    case 'in':
      return { $in: clause.values };
    case 'notEquals':
      return { $ne: clause.value };
    case 'range':
      return Object.fromEntries(clause.bounds);
    case 'contains':
      // Equality on an array field matches arrays holding the value (and uses the multikey index).
      return { $eq: clause.value };
    case 'includes':
      return { $regex: clause.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
  }
}

function mongoPath(path: string): string {
  return path === 'id' ? '_id' : path;
}
