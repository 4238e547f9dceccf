import { AppError } from '@atlas/common';
import type { RecordTooLargeError } from '@atlas/platforms';

/** Why an upload was refused; every refusal is a 400 and leaves nothing behind. */
export type ImportRefusalCode =
  | 'FILE_REQUIRED'
  | 'UPLOAD_TOO_LARGE'
  | 'UNKNOWN_FORMAT'
  | 'MALFORMED_FILE'
  | 'RECORD_TOO_LARGE'
  | 'UNSAFE_ARCHIVE'
  | 'ARCHIVE_TOO_LARGE';

export class ImportRefusedError extends AppError {
  readonly status = 400;

  constructor(code: ImportRefusalCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

export const malformed = (message: string, details: Record<string, unknown> = {}) =>
  new ImportRefusedError('MALFORMED_FILE', message, details);

/** A record over the limit the connectors read with, named as the reader found it. */
export const recordTooLarge = (error: RecordTooLargeError) =>
  new ImportRefusedError('RECORD_TOO_LARGE', `The file's ${error.record} ${error.reason}`, {
    record: error.record,
    ...error.limit,
  });
