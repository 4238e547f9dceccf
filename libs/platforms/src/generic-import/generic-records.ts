import { errorMessage } from '@atlas/common';
import { boundedLines } from '../import-files/bounded-lines';
import { openCsv } from '../import-files/csv-records';
import { importFailure, importReadFailure } from '../import-files/import-failure';
import { ImportMapping, mappedColumns } from './import-mapping';

export type GenericFormat = 'csv' | 'jsonl';

/** One record of the file, whichever its format. */
export interface GenericRecord {
  /** Names the record in error messages: `row 4 (line 5)` or `line 5`. */
  where: string;
  /** The value of a mapped column or field; undefined when the record lacks it. */
  get(column: string): unknown;
}

/** The records of a CSV or JSONL file, streamed one at a time. */
export async function* genericRecords(
  path: string,
  format: GenericFormat,
  mapping: ImportMapping,
  label: string,
  signal?: AbortSignal,
): AsyncGenerator<GenericRecord> {
  if (format === 'csv') yield* csvRecords(path, mapping, label, signal);
  else yield* jsonlRecords(path, label, signal);
}

async function* csvRecords(
  path: string,
  mapping: ImportMapping,
  label: string,
  signal?: AbortSignal,
): AsyncGenerator<GenericRecord> {
  const csv = await openCsv(path, label, signal);
  const missing = mappedColumns(mapping).filter(([, column]) => !csv.header.includes(column));
  if (missing.length > 0) {
    csv.close();
    const named = missing.map(([key, column]) => `"${column}" (${key})`).join(', ');
    throw importFailure(
      `${label} has no column ${named} named in the column mapping; its columns are ${csv.header.map((name) => `"${name}"`).join(', ')}`,
    );
  }
  for await (const row of csv.rows)
    yield { where: `row ${row.row} (line ${row.line})`, get: (column) => row.get(column) };
}

async function* jsonlRecords(path: string, label: string, signal?: AbortSignal): AsyncGenerator<GenericRecord> {
  try {
    for await (const { number, text: line } of boundedLines(path, label, signal)) {
      signal?.throwIfAborted();
      const text = number === 1 ? line.replace(/^\uFEFF/, '') : line;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw importFailure(`${label}, line ${number} is not JSON: ${errorMessage(error)}`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw importFailure(`${label}, line ${number} is not a JSON object`);
      }
      const record = value as Record<string, unknown>;
      yield { where: `line ${number}`, get: (column) => fieldOf(record, column) };
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    throw importReadFailure(error, label);
  }
}

/** A field by its name, or by a dotted path into nested objects (`user.name`) when no field has the name. */
function fieldOf(record: Record<string, unknown>, column: string): unknown {
  if (column in record) return record[column];
  let value: unknown = record;
  for (const key of column.split('.')) {
    if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
