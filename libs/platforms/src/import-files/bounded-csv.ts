import { Options, parse, Parser } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MAX_CSV_FIELDS, MAX_IMPORT_RECORD_BYTES, RecordTooLargeError } from './import-limits';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * A csv-parse parser (comma-separated, the only kind imports take) over the file at `path` whose
 * records are at most MAX_IMPORT_RECORD_BYTES long and have at most MAX_CSV_FIELDS fields.
 * csv-parse's own `max_record_size` counts the characters of the fields only, so a line of 50 MB of
 * commas passes it while it builds an array of 50 million empty fields (a gigabyte, a quarter of a
 * minute): the bytes and the delimiters of each record are counted before csv-parse sees them, and a
 * record over a limit stops the reading with a RecordTooLargeError.
 */
export function parseBoundedCsv(path: string, options: Options, label: string): Parser {
  const parser = parse({ ...options, max_record_size: MAX_IMPORT_RECORD_BYTES });
  // A failure of any stream destroys the parser with it, so the reader of the records sees it.
  pipeline(createReadStream(path), new CsvRecordLimit(label), parser).catch(() => undefined);
  return parser;
}

/**
 * Counts the bytes of the current record: a line break ends a record unless it is inside quotes (a
 * doubled quote inside a quoted field toggles twice, so it needs no special case).
 */
class CsvRecordLimit extends Transform {
  private inQuotes = false;
  private recordBytes = 0;
  private recordFields = 1;
  private line = 1;
  private recordLine = 1;

  constructor(private readonly label: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index];
      if (byte === QUOTE) this.inQuotes = !this.inQuotes;
      else if (byte === LF) this.line += 1;
      if (!this.inQuotes && (byte === LF || byte === CR)) {
        this.recordBytes = 0;
        this.recordFields = 1;
        this.recordLine = this.line;
        continue;
      }
      this.recordBytes += 1;
      if (byte === COMMA && !this.inQuotes) this.recordFields += 1;
      if (this.recordBytes > MAX_IMPORT_RECORD_BYTES) {
        done(new RecordTooLargeError(this.label, this.record()));
        return;
      }
      if (this.recordFields > MAX_CSV_FIELDS) {
        done(RecordTooLargeError.tooManyFields(this.label, this.record()));
        return;
      }
    }
    done(null, chunk);
  }

  private record(): string {
    return `CSV record starting on line ${this.recordLine}`;
  }
}
