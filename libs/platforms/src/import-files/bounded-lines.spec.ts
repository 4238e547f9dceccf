import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boundedLines } from './bounded-lines';
import { MAX_IMPORT_RECORD_BYTES, RecordTooLargeError } from './import-limits';

// Files of the record limit's size, on a machine shared with other suites.
jest.setTimeout(30_000);

describe('boundedLines', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'atlas-lines-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (content: string | Buffer) => {
    const path = join(dir, 'file.jsonl');
    writeFileSync(path, content);
    return path;
  };
  const read = async (path: string) => {
    const lines: Array<[number, string]> = [];
    for await (const { number, text } of boundedLines(path, 'file.jsonl')) lines.push([number, text]);
    return lines;
  };

  it('splits on \\n, \\r\\n and \\r as readline does, without a last empty line', async () => {
    expect(await read(write('a\nb\r\nc\rd\n\ne'))).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
      [5, ''],
      [6, 'e'],
    ]);
    expect(await read(write('a\n'))).toEqual([[1, 'a']]);
  });

  it('keeps characters whole across chunks, and a \\r\\n across chunks is one line break', async () => {
    const chunk = 64 * 1024;
    const euro = '€'.repeat(chunk);
    const crAtChunkEnd = `${'x'.repeat(chunk - 1)}\r\ny`;
    expect(await read(write(`${euro}\n`))).toEqual([[1, euro]]);
    expect(await read(write(crAtChunkEnd))).toEqual([
      [1, 'x'.repeat(chunk - 1)],
      [2, 'y'],
    ]);
  });

  it('reads a line of exactly the limit and refuses one byte more, naming the line', async () => {
    const longest = 'x'.repeat(MAX_IMPORT_RECORD_BYTES);
    expect((await read(write(`a\n${longest}\n`)))[1][1]).toHaveLength(MAX_IMPORT_RECORD_BYTES);
    const error = await read(write(`a\n${longest}x\nb\n`)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RecordTooLargeError);
    expect(error).toMatchObject({
      code: 'PLATFORM_ERROR',
      record: 'line 2',
      message: `file.jsonl: line 2 is longer than ${MAX_IMPORT_RECORD_BYTES} bytes (4 MiB), the most one record of an imported file may have`,
    });
  });
});
