import { AppError } from '@atlas/common';

/** Why an upload was refused; every refusal is a 400 and leaves nothing behind. */
export type ImportRefusalCode =
  'FILE_REQUIRED' | 'UPLOAD_TOO_LARGE' | 'UNKNOWN_FORMAT' | 'MALFORMED_FILE' | 'UNSAFE_ARCHIVE' | 'ARCHIVE_TOO_LARGE';

export class ImportRefusedError extends AppError {
  readonly status = 400;

  constructor(code: ImportRefusalCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

export const malformed = (message: string, details: Record<string, unknown> = {}) =>
  new ImportRefusedError('MALFORMED_FILE', message, details);
