import type { LogDestination } from '@atlas/runtime';

/** One JSON log line, as pino wrote it. */
export interface LogLine {
  level: string;
  time: string;
  message: string;
  [field: string]: any;
}

/** A log destination that keeps every line a service writes (ATLAS_LOG_FORMAT=json), to read in a test. */
export class CapturedLog implements LogDestination {
  readonly raw: string[] = [];

  write(chunk: string): void {
    for (const line of chunk.split('\n')) if (line !== '') this.raw.push(line);
  }

  get lines(): LogLine[] {
    return this.raw.map((line) => JSON.parse(line));
  }

  /** Everything written, as one text: for asserting what must never appear. */
  get text(): string {
    return this.raw.join('\n');
  }
}
