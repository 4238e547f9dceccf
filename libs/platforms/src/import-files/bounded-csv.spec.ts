import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBoundedCsv } from './bounded-csv';
import { MAX_CSV_FIELDS, MAX_IMPORT_RECORD_BYTES, RecordTooLargeError } from './import-limits';

// Files of the record limit's size, on a machine shared with other suites.
jest.setTimeout(30_000);

describe('parseBoundedCsv', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'atlas-csv-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (content: string) => {
    const path = join(dir, 'file.csv');
    writeFileSync(path, content);
    return path;
  };
  const read = async (path: string) => {
    const records: string[][] = [];
    for await (const record of parseBoundedCsv(path, { relax_column_count: true }, 'file.csv')) records.push(record);
    return records;
  };
  const refusal = (path: string) =>
    read(path).then(
      () => null,
      (thrown: unknown) => thrown as RecordTooLargeError,
    );

  it('reads records, quoted line breaks and doubled quotes included', async () => {
    expect(await read(write('a,b\n"x\ny","say ""hi"""\n'))).toEqual([
      ['a', 'b'],
      ['x\ny', 'say "hi"'],
    ]);
  });

  it('refuses a record of more fields than MAX_CSV_FIELDS before csv-parse builds them, and reads one of that many', async () => {
    const error = await refusal(write(`a,b\n${','.repeat(MAX_CSV_FIELDS)}\n`));
    expect(error).toBeInstanceOf(RecordTooLargeError);
    expect(error?.message).toBe(
      `file.csv: CSV record starting on line 2 has more than ${MAX_CSV_FIELDS} fields, the most one record of an imported file may have`,
    );
    expect(error?.limit).toEqual({ limit_fields: MAX_CSV_FIELDS });
    const records = await read(write(`a,b\n"x,y",${','.repeat(MAX_CSV_FIELDS - 2)}\n`));
    expect(records[1]).toHaveLength(MAX_CSV_FIELDS);
  });

  it('refuses a record longer than the limit, delimiters included', async () => {
    // The field alone is within csv-parse's max_record_size; its delimiter makes the record one byte too long.
    const long = await refusal(write(`a,b\n${'x'.repeat(MAX_IMPORT_RECORD_BYTES)},\n`));
    expect(long).toBeInstanceOf(RecordTooLargeError);
    expect(long?.message).toBe(
      `file.csv: CSV record starting on line 2 is longer than ${MAX_IMPORT_RECORD_BYTES} bytes (4 MiB), the most one record of an imported file may have`,
    );
    expect(long?.limit).toEqual({ limit_bytes: MAX_IMPORT_RECORD_BYTES });
  });

  it('counts a quoted field over many lines as one record, and names the line it starts on', async () => {
    const lines = '\n'.repeat(10) + 'y'.repeat(MAX_IMPORT_RECORD_BYTES);
    const error = await refusal(write(`a\nb\n"${lines}"\n`));
    expect(error).toMatchObject({ record: 'CSV record starting on line 3' });
  });

  it('reads a record of exactly the limit', async () => {
    const field = 'z'.repeat(MAX_IMPORT_RECORD_BYTES - 2);
    const records = await read(write(`a\n"${field}"\n`));
    expect(records[1][0]).toHaveLength(MAX_IMPORT_RECORD_BYTES - 2);
  });
});
