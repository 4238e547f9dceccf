import { errorMessage } from '@atlas/common';
import { parseBoundedCsv, RecordTooLargeError } from '@atlas/platforms';
import { malformed, recordTooLarge } from './import-errors';

/**
 * The columns DiscordChatExporter's CSV export starts with (it writes
 * `AuthorID,Author,Date,Content,Attachments,Reactions`; hand-made files may lack the last two).
 */
export const DISCORD_CSV_COLUMNS = ['AuthorID', 'Author', 'Date', 'Content'];

/**
 * Reads a whole CSV file, streaming: the first record is its header, and every record must parse and
 * have as many columns as the header, within the record limit the connectors read with.
 */
export async function scanCsv(path: string): Promise<{ header: string[]; rows: number }> {
  const parser = parseBoundedCsv(path, { bom: true, skip_empty_lines: true }, 'The file');
  let header: string[] | null = null;
  let rows = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (header === null) header = record;
      else rows++;
    }
  } catch (error) {
    if (error instanceof RecordTooLargeError) throw recordTooLarge(error);
    throw malformed(`The file is not valid CSV: ${errorMessage(error)}`);
  }
  if (header === null) throw malformed('The CSV file is empty: it needs a header row naming its columns');
  const problem = headerProblem(header);
  if (problem) throw malformed(`The CSV header (first row) ${problem}`, { header });
  return { header, rows };
}

export function isDiscordCsvHeader(header: string[]): boolean {
  return DISCORD_CSV_COLUMNS.every((column, i) => header[i] === column);
}

/** Mapped columns the CSV header lacks: usually a file without a header, whose first row is data. */
export function checkMappedColumns(mapping: Record<string, string>, header: string[]): void {
  const columns = new Set(header);
  const missing = Object.entries(mapping).filter(([, column]) => !columns.has(column));
  if (missing.length === 0) return;
  const names = missing.map(([field, column]) => `"${column}" (mapping.${field})`).join(', ');
  throw malformed(`The CSV header (first row) has no column ${names}: the first row must name the columns`, {
    missing_columns: missing.map(([, column]) => column),
    header,
  });
}

function headerProblem(header: string[]): string | null {
  const blank = header.findIndex((name) => name.trim() === '');
  if (blank >= 0) return `has no name for column ${blank + 1}`;
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) return `names the column "${name}" twice`;
    seen.add(name);
  }
  return null;
}
