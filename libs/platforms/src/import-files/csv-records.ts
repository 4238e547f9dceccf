import { CsvError } from 'csv-parse';
import { parseBoundedCsv } from './bounded-csv';
import { importFailure, importReadFailure } from './import-failure';

/** A data row of a CSV file: its fields by header name, and where it is in the file. */
export interface CsvRow {
  /** 1 for the first row after the header. */
  row: number;
  /** The file line the row ends on (a quoted field may span lines). */
  line: number;
  get(column: string): string | undefined;
}

export interface CsvFile {
  header: string[];
  rows: AsyncIterable<CsvRow>;
  /** Stops reading; needed only when the rows are not read to the end. */
  close(): void;
}

/**
 * Streams a CSV file with csv-parse, one row at a time: memory holds a row (at most
 * MAX_IMPORT_RECORD_BYTES), never the file. The first
 * row is the header; a byte-order mark is dropped; rows may have fewer or more fields than the header.
 */
export async function openCsv(path: string, label: string, signal?: AbortSignal): Promise<CsvFile> {
  const parser = parseBoundedCsv(
    path,
    { bom: true, info: true, relax_column_count: true, skip_empty_lines: true },
    label,
  );
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ info: { lines: number }; record: string[] }>;
  const first = await next(records, label);
  if (first.done) {
    parser.destroy();
    throw importFailure(`${label} is empty: a CSV file starts with a header row`);
  }
  const header = first.value.record.map((name) => name.trim());
  const indexes = new Map<string, number>();
  header.forEach((name, index) => {
    if (!indexes.has(name)) indexes.set(name, index);
  });

  async function* rows(): AsyncGenerator<CsvRow> {
    try {
      for (let row = 1; ; row += 1) {
        signal?.throwIfAborted();
        const result = await next(records, label);
        if (result.done) return;
        const { record, info } = result.value;
        yield {
          row,
          line: info.lines,
          get: (column) => {
            const index = indexes.get(column);
            return index === undefined ? undefined : (record[index] ?? '');
          },
        };
      }
    } finally {
      parser.destroy();
    }
  }
  return { header, rows: rows(), close: () => parser.destroy() };
}

async function next<T>(records: AsyncIterator<T>, label: string): Promise<IteratorResult<T>> {
  try {
    return await records.next();
  } catch (error) {
    if (error instanceof CsvError) throw importFailure(`${label} is not valid CSV: ${error.message}`);
    throw importReadFailure(error, label);
  }
}
