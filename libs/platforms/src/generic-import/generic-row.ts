import type { NormalizedMessage } from '@atlas/events';
import { authorIdOf } from '../import-files/author-id';
import type { ImportRow, ThreadPlace } from '../import-files/import-channel-fetch';
import { importFailure } from '../import-files/import-failure';
import { ImportTime, parseImportTime, toIso } from '../import-files/import-timestamp';
import { OccurrenceCounter, rowId } from '../import-files/stable-id';
import type { GenericRecord } from './generic-records';
import type { ImportMapping } from './import-mapping';

export interface GenericRow extends ImportRow {
  /** The channel column's value; null when the mapping has no channel column. */
  channel: string | null;
  authorId: string | null;
  authorName: string | null;
  text: string;
  deleted: boolean;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '']);

/**
 * Reads the mapped columns of one record, or fails naming the record and the column. Rows without an
 * id column get a hash of author, time as written, text and occurrence: the same row of a newer file
 * keeps its id (an edited row does not: edits need an id column).
 */
export function toGenericRow(
  record: GenericRecord,
  mapping: ImportMapping,
  occurrences: OccurrenceCounter,
  label: string,
): GenericRow {
  const fail = (problem: string) => importFailure(`${label}, ${record.where}: ${problem}`);
  const text = (key: keyof ImportMapping, required: boolean): string | null => {
    const column = mapping[key];
    if (column === undefined) return null;
    const value = record.get(column);
    if (value === undefined || value === null || value === '') {
      if (required) throw fail(absent(key, column, value));
      return null;
    }
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw fail(`the ${key} ("${column}") is not text`);
  };
  const time = (key: 'timestamp' | 'edited_at', required: boolean): ImportTime | null => {
    const column = mapping[key]!;
    const value = record.get(column);
    if (value === undefined || value === null || value === '') {
      if (required) throw fail(absent(key, column, value));
      return null;
    }
    const parsed = parseImportTime(value);
    if (parsed === null) {
      throw fail(`the ${key} "${String(value)}" ("${column}") is neither ISO 8601 nor epoch seconds or milliseconds`);
    }
    return parsed;
  };

  const timestamp = time('timestamp', true)!;
  const editedAt = mapping.edited_at ? time('edited_at', false) : null;
  const authorId = text('author_id', false);
  const authorName = text('author', false);
  if (authorId === null && authorName === null) throw fail('the author is empty');
  const body = text('text', false) ?? '';
  const rawTime = String(record.get(mapping.timestamp));
  return {
    id: text('id', true) ?? rowId('row-', occurrences, authorId ?? authorName ?? '', rawTime, body),
    timeMs: timestamp.ms,
    changedMs: editedAt?.ms ?? null,
    resolutionMs: Math.max(timestamp.resolutionMs, editedAt?.resolutionMs ?? 1),
    repliesTo: text('thread_parent_id', false),
    channel: text('channel', true),
    authorId,
    authorName,
    text: body,
    deleted: mapping.deleted ? isTrue(record.get(mapping.deleted), mapping.deleted, fail) : false,
  };
}

/** A row without an author id is written by a person of the connection known by name (see nameOnlyAuthorId). */
export function normalizeGenericRow(
  row: GenericRow,
  channelId: string,
  thread: ThreadPlace,
  connectionId: string,
): NormalizedMessage {
  return {
    id: row.id,
    channel_id: channelId,
    author_id: authorIdOf(connectionId, row.authorId, row.authorName),
    author_name: row.authorName ?? row.authorId,
    text: row.deleted ? '' : row.text,
    timestamp: toIso(row.timeMs),
    thread_parent_id: thread.parentId,
    reply_count: thread.replyCount,
    edited: row.changedMs !== null && !row.deleted,
    edited_at: row.changedMs !== null && !row.deleted ? toIso(row.changedMs) : null,
    deleted: row.deleted,
    attachments: [],
    permalink: null,
    mentions: row.deleted ? [] : thread.people.mentionsIn(row.text),
    subtype: null,
    is_bot: false,
  };
}

function absent(key: string, column: string, value: unknown): string {
  return `the ${key} ("${column}") is ${value === undefined ? 'missing' : 'empty'}`;
}

function isTrue(value: unknown, column: string, fail: (problem: string) => Error): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  const word = String(value).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw fail(`the deleted flag "${String(value)}" ("${column}") is neither true nor false`);
}
