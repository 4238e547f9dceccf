import { createReadStream } from 'node:fs';
import { MAX_IMPORT_RECORD_BYTES, RecordTooLargeError } from './import-limits';

const LF = 0x0a;
const CR = 0x0d;

export interface TextLine {
  /** 1 for the first line. */
  number: number;
  text: string;
}

/**
 * The lines of a UTF-8 text file (`\n`, `\r\n` or `\r` ends a line, as for readline), read a chunk at a
 * time. Unlike readline, which gathers a line whatever its length, a line longer than
 * MAX_IMPORT_RECORD_BYTES stops the reading with a RecordTooLargeError as soon as it is: memory never
 * holds more than one line of that size.
 */
export async function* boundedLines(path: string, label: string, signal?: AbortSignal): AsyncGenerator<TextLine> {
  const stream = createReadStream(path);
  let parts: Buffer[] = [];
  let length = 0;
  let number = 1;
  let afterCr = false;
  const take = (part: Buffer) => {
    length += part.length;
    if (length > MAX_IMPORT_RECORD_BYTES) throw new RecordTooLargeError(label, `line ${number}`);
    if (part.length > 0) parts.push(part);
  };
  const finishLine = (): TextLine => {
    const line = { number, text: Buffer.concat(parts, length).toString('utf8') };
    parts = [];
    length = 0;
    number += 1;
    return line;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      let start = 0;
      // A `\r\n` split between two chunks ends one line, not two.
      if (afterCr && chunk[0] === LF) start = 1;
      afterCr = false;
      for (let index = start; index < chunk.length; index += 1) {
        const byte = chunk[index];
        if (byte !== LF && byte !== CR) continue;
        take(chunk.subarray(start, index));
        yield finishLine();
        if (byte === CR) {
          if (index + 1 === chunk.length) afterCr = true;
          else if (chunk[index + 1] === LF) index += 1;
        }
        start = index + 1;
      }
      take(chunk.subarray(start));
    }
    if (length > 0) yield finishLine();
  } finally {
    stream.destroy();
  }
}
