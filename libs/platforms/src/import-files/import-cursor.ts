import { PlatformError } from '../platform-error';

/**
 * Where a channel of an imported file was left: messages posted up to `messagesUntil` were fetched,
 * and so were edits and deletions made up to `changesUntil` (the time the export was taken, as far as
 * the file tells). A newer export of the same channel then yields only what is newer on either count.
 */
export interface ImportCursor {
  messagesUntil: number;
  changesUntil: number;
}

const CURSOR_VERSION = 1;

export function encodeImportCursor(cursor: ImportCursor): string {
  return JSON.stringify({
    v: CURSOR_VERSION,
    messages_until: new Date(cursor.messagesUntil).toISOString(),
    changes_until: new Date(cursor.changesUntil).toISOString(),
  });
}

export function decodeImportCursor(value: string): ImportCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw invalidCursor();
  }
  const candidate = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const messagesUntil = typeof candidate.messages_until === 'string' ? Date.parse(candidate.messages_until) : NaN;
  const changesUntil = typeof candidate.changes_until === 'string' ? Date.parse(candidate.changes_until) : NaN;
  if (candidate.v !== CURSOR_VERSION || Number.isNaN(messagesUntil) || Number.isNaN(changesUntil)) {
    throw invalidCursor();
  }
  return { messagesUntil, changesUntil };
}

/** A row's times as the first pass over a file needs them. */
export interface RowTimes {
  timeMs: number;
  /** When the row was last edited or deleted, when the file says. */
  changedMs: number | null;
  /** Precision the file writes times to (see ImportTime): 60000 when it writes whole minutes. */
  resolutionMs: number;
}

/**
 * Whether a row belongs in a fetch from `since`: posted after it, or changed after it. A row written to
 * the minute may have been posted up to a minute later than its time says, so it is fetched again
 * rather than missed when its minute reaches the cursor.
 */
export function isNewerThan(since: ImportCursor | null, row: RowTimes): boolean {
  if (since === null) return true;
  const slack = row.resolutionMs - 1;
  return (
    row.timeMs + slack > since.messagesUntil || (row.changedMs !== null && row.changedMs + slack > since.changesUntil)
  );
}

function invalidCursor(): PlatformError {
  return new PlatformError('INTERNAL_ERROR', 'The import cursor is not one this connector wrote', {
    transient: false,
  });
}
