import { PlatformError } from '../platform-error';

const MIB = 1024 * 1024;

/**
 * The limits on imported files, shared by the upload checks of the gateway and the connectors that
 * read the files at sync, so that a file accepted at upload is readable at sync and the other way round.
 * Why each value: docs/PLATFORMS.md, "File imports".
 */

/**
 * One record: a CSV row (delimiters and quotes included), a JSON line, a DiscordChatExporter message,
 * an item of a Slack export file (a #general listing 100,000 members in channels.json is about 2 MB).
 * The longest chat messages (Slack: 40,000 characters) with their metadata stay far below it; memory
 * holds one record at a time, never more than a few times this.
 */
export const MAX_IMPORT_RECORD_BYTES = 4 * MIB;

/**
 * Fields of one CSV record. Chat exports have a handful of columns; csv-parse spends about half a
 * microsecond and a pointer on each field, so a record of commas is stopped by this long before the
 * byte limit (4 MiB of commas would be 4 million fields).
 */
export const MAX_CSV_FIELDS = 10_000;

/**
 * One file of a Slack export (a channel's day, users.json, channels.json): each is read whole. A day of
 * about 40,000 messages (one every two seconds) or a users.json of about 25,000 members fits.
 */
export const MAX_EXPORT_FILE_BYTES = 64 * MIB;

/** Files of an archive: a Slack export holds one per channel and day with messages, and a few more. */
export const MAX_ARCHIVE_ENTRIES = 100_000;

/**
 * Largest compression ratio of an entry, and of the whole archive, once it unpacks to more than
 * `COMPRESSION_RATIO_FLOOR_BYTES`: chat JSON deflates about 5 to 20 times; 100 is a bomb.
 */
export const MAX_COMPRESSION_RATIO = 100;
export const COMPRESSION_RATIO_FLOOR_BYTES = MIB;

/** A record longer than MAX_IMPORT_RECORD_BYTES (or with more than MAX_CSV_FIELDS fields): refused unparsed. */
export class RecordTooLargeError extends PlatformError {
  /**
   * `record` names it after the file: `line 4`, `CSV record starting on line 4`, `item 12 of the "messages" array`;
   * `reason` ends the sentence.
   */
  constructor(
    label: string,
    readonly record: string,
    readonly reason = recordTooLongReason(),
    readonly limit: { limit_bytes: number } | { limit_fields: number } = { limit_bytes: MAX_IMPORT_RECORD_BYTES },
  ) {
    super('PLATFORM_ERROR', `${label}: ${record} ${reason}`, { transient: false });
    this.name = 'RecordTooLargeError';
  }

  static tooManyFields(label: string, record: string): RecordTooLargeError {
    const reason = `has more than ${MAX_CSV_FIELDS} fields, the most one record of an imported file may have`;
    return new RecordTooLargeError(label, record, reason, { limit_fields: MAX_CSV_FIELDS });
  }
}

function recordTooLongReason(): string {
  return `is longer than ${MAX_IMPORT_RECORD_BYTES} bytes (${MAX_IMPORT_RECORD_BYTES / MIB} MiB), the most one record of an imported file may have`;
}
