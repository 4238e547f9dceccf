import type { NormalizedMessage } from '@atlas/events';
import { openCsv } from '../import-files/csv-records';
import type { KnownPeople } from '../import-files/known-people';
import { importFailure } from '../import-files/import-failure';
import type { ImportRow } from '../import-files/import-channel-fetch';
import { toIso } from '../import-files/import-timestamp';
import { OccurrenceCounter, rowId } from '../import-files/stable-id';
import { parseDceCsvDate } from './dce-csv-date';

/** Columns of DCE's CSV format; `Attachments` and `Reactions` may be missing from hand-made files. */
export const DCE_CSV_COLUMNS = ['AuthorID', 'Author', 'Date', 'Content'] as const;

export interface DceCsvRow extends ImportRow {
  authorId: string;
  author: string;
  content: string;
  attachments: string;
}

/** A CSV row has no id: it is a hash of the row, so the same row of a newer export keeps its id. */
export async function* dceCsvRows(
  path: string,
  label: string,
  signal?: AbortSignal,
  occurrences = new OccurrenceCounter(),
): AsyncGenerator<DceCsvRow> {
  const csv = await openCsv(path, label, signal);
  const missing = DCE_CSV_COLUMNS.filter((column) => !csv.header.includes(column));
  if (missing.length > 0) {
    csv.close();
    throw importFailure(
      `${label} is not a DiscordChatExporter CSV export: it has no ${missing.join(', ')} column (it has ${csv.header.join(', ')})`,
    );
  }
  for await (const row of csv.rows) {
    const authorId = row.get('AuthorID')!;
    const date = row.get('Date')!;
    const content = row.get('Content')!;
    const time = parseDceCsvDate(date);
    if (time === null) {
      throw importFailure(
        `${label}, row ${row.row} (line ${row.line}): the Date "${date}" is not a date this connector reads`,
      );
    }
    yield {
      id: rowId('dce-', occurrences, authorId, date, content),
      timeMs: time.ms,
      resolutionMs: time.resolutionMs,
      changedMs: null,
      repliesTo: null,
      authorId,
      author: row.get('Author')!,
      content,
      attachments: row.get('Attachments') ?? '',
    };
  }
}

export function normalizeDceCsvRow(row: DceCsvRow, channelId: string, people: KnownPeople): NormalizedMessage {
  return {
    id: row.id,
    channel_id: channelId,
    author_id: row.authorId || null,
    author_name: row.author || row.authorId || null,
    text: row.content,
    timestamp: toIso(row.timeMs),
    thread_parent_id: null,
    reply_count: 0,
    edited: false,
    edited_at: null,
    deleted: false,
    attachments: attachmentUrls(row.attachments).map((url) => ({
      name: fileNameOf(url),
      url,
      mime_type: null,
      size: null,
    })),
    permalink: null,
    mentions: people.mentionsIn(row.content),
    subtype: null,
    is_bot: false,
  };
}

/** DCE joins attachment URLs with commas; Discord's CDN URLs hold none. */
function attachmentUrls(value: string): string[] {
  return value
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
}

function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0];
  return decodeURIComponentSafe(path.slice(path.lastIndexOf('/') + 1)) || url;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
