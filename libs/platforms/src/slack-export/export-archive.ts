import { stat } from 'node:fs/promises';
import { errorMessage } from '@atlas/common';
import { MAX_EXPORT_FILE_BYTES } from '../import-files/import-limits';
import { PlatformError } from '../platform-error';

/** The files of a Slack export, whether an unpacked folder or a ZIP archive. Paths use `/`. */
export interface ExportArchive {
  /** Names the export in error messages, as the user gave it. */
  readonly label: string;
  /** Names of the files directly inside `folder`; null when there is no such folder. */
  listFiles(folder: string): Promise<string[] | null>;
  /** A file's content; null when there is no such file. */
  read(file: string): Promise<Buffer | null>;
  close(): Promise<void>;
}

export function exportFailure(message: string): PlatformError {
  return new PlatformError('PLATFORM_ERROR', message, { transient: false });
}

/** Larger files are refused unread: each is parsed whole. */
export function assertReadableSize(size: number, file: string, label: string): void {
  if (size > MAX_EXPORT_FILE_BYTES) {
    throw exportFailure(
      `${file} in ${label} is ${size} bytes, more than an export file can be (${MAX_EXPORT_FILE_BYTES})`,
    );
  }
}

/** Why a file could not be read, as the PlatformError a job fails with. */
export function readFailure(error: unknown, file: string, label: string): PlatformError {
  if (error instanceof PlatformError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  return exportFailure(`${file} in ${label} cannot be read: ${typeof code === 'string' ? code : errorMessage(error)}`);
}

export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path)).isDirectory();
}
