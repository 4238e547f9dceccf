import type { NormalizedMessage } from '@atlas/events';
import type { FetchedPage, FetchRequest } from '../connector';
import { decodeImportCursor, encodeImportCursor, ImportCursor, isNewerThan, RowTimes } from './import-cursor';
import { KnownPeople } from './known-people';
import { assertSameFiles, decodeImportPageToken, encodeImportPageToken } from './import-page-token';
import { ThreadIndex } from './thread-index';

/** Discord's own page size: pages of an imported channel are as large as the platform's. */
export const IMPORT_PAGE_SIZE = 100;

/** What the first pass over a channel needs of each row. */
export interface ImportRow extends RowTimes {
  id: string;
  /** The id of the message the row replies to. */
  repliesTo: string | null;
}

/** What normalizing a row needs to know of the rest of the channel. */
export interface ThreadPlace {
  parentId: string | null;
  replyCount: number;
  /** Everyone who wrote in the channel, for files that write mentions as plain `@Name`. */
  people: KnownPeople;
}

/** One channel of an imported file, read row by row as often as needed. */
export interface ImportChannelReader<Row extends ImportRow> {
  readonly label: string;
  /** Changes whenever one of the channel's files does. */
  readonly fingerprint: string;
  /** When the export was taken, if its files tell; else the newest time in them stands for it. */
  readonly exportedAtMs: number | null;
  /** Every row of the channel, in file order. */
  rows(signal: AbortSignal): AsyncIterable<Row>;
  /** The row's author, for the channel's directory of people (files with mention markup need none). */
  author?(row: Row): { id: string | null; name: string | null };
  /** Fails the fetch of a channel without a single row: for files where that means no such channel. */
  emptyChannelError?(): Error;
  normalize(row: Row, thread: ThreadPlace): NormalizedMessage;
}

interface Survey {
  threads: ThreadIndex;
  people: KnownPeople;
  /** Rows the fetch yields from its resume point on. */
  pending: number;
  /** Rows are in time order, so a page's last time is a safe cursor for the rows before it. */
  ascending: boolean;
  finalCursor: ImportCursor | null;
}

/**
 * Fetches one channel of an imported file in two passes over its rows: the first builds the thread
 * index (replies point back, so parents learn their reply count only from later rows), counts what the
 * fetch yields and works out the final cursor; the second yields pages of the rows posted or changed
 * after `since`. Pages start at a row position, so a token resumes in a fresh process on the same file.
 */
export async function* fetchImportChannel<Row extends ImportRow>(
  reader: ImportChannelReader<Row>,
  request: FetchRequest,
  pageSize = IMPORT_PAGE_SIZE,
): AsyncGenerator<FetchedPage> {
  const since = request.since === null ? null : decodeImportCursor(request.since);
  const start = request.resume?.token ? decodeImportPageToken(request.resume.token) : null;
  if (start !== null) assertSameFiles(start, reader.fingerprint, reader.label);
  const startPosition = start?.position ?? 0;
  const survey = await surveyChannel(reader, since, startPosition, request.signal);
  if (survey.finalCursor === null) return;
  const finalCursor = encodeImportCursor(survey.finalCursor);
  const resumedCursor = request.resume?.cursor ?? request.since;
  const base = resumedCursor === null ? null : decodeImportCursor(resumedCursor);

  const cursorAfter = (lastTimeMs: number): string | null => {
    if (!survey.ascending) return resumedCursor;
    const messagesUntil = Math.max(base?.messagesUntil ?? -Infinity, lastTimeMs - 1);
    // Rows changed since `since` sit among the old rows: until the walk is past them, they may be to come.
    const pastOldRows = since === null || lastTimeMs - 1 >= since.messagesUntil;
    const changesUntil = pastOldRows || base === null ? survey.finalCursor!.changesUntil : base.changesUntil;
    return encodeImportCursor({ messagesUntil, changesUntil });
  };

  let skip = request.resume?.skip ?? 0;
  let page: NormalizedMessage[] = [];
  let lastTimeMs = -Infinity;
  let yielded = false;
  const estimatedTotal = Math.max(0, survey.pending - skip);
  const toPage = (nextPosition: number | null): FetchedPage => {
    const messages = page.slice(skip);
    skip = 0;
    page = [];
    yielded = true;
    return {
      messages,
      nextToken:
        nextPosition === null
          ? null
          : encodeImportPageToken({ position: nextPosition, fingerprint: reader.fingerprint }),
      cursor: nextPosition === null ? finalCursor : cursorAfter(lastTimeMs),
      estimatedTotal,
    };
  };

  let position = -1;
  for await (const row of reader.rows(request.signal)) {
    position += 1;
    if (position < startPosition || !isNewerThan(since, row)) continue;
    if (page.length === pageSize) yield toPage(position);
    const parentId = survey.threads.parentOf(row.id);
    const replyCount = parentId ? 0 : survey.threads.replyCount(row.id);
    page.push(reader.normalize(row, { parentId, replyCount, people: survey.people }));
    lastTimeMs = row.timeMs;
  }
  if (page.length > 0) yield toPage(null);
  else if (!yielded && finalCursor !== request.since) yield { messages: [], nextToken: null, cursor: finalCursor };
}

async function surveyChannel<Row extends ImportRow>(
  reader: ImportChannelReader<Row>,
  since: ImportCursor | null,
  startPosition: number,
  signal: AbortSignal,
): Promise<Survey> {
  const threads = new ThreadIndex();
  const people = new KnownPeople();
  let pending = 0;
  let ascending = true;
  let previousMs = -Infinity;
  let newestMs = -Infinity;
  let latestChangeMs = -Infinity;
  let position = -1;
  for await (const row of reader.rows(signal)) {
    position += 1;
    if (row.repliesTo !== null) threads.addReply(row.id, row.repliesTo);
    if (reader.author) {
      const { id, name } = reader.author(row);
      people.add(id, name);
    }
    if (position >= startPosition && isNewerThan(since, row)) pending += 1;
    if (row.timeMs < previousMs) ascending = false;
    previousMs = row.timeMs;
    newestMs = Math.max(newestMs, row.timeMs);
    latestChangeMs = Math.max(latestChangeMs, row.changedMs ?? -Infinity);
  }
  if (position < 0 && reader.emptyChannelError) throw reader.emptyChannelError();
  if (position < 0 && since === null) return { threads, people, pending, ascending, finalCursor: null };
  // Without the export's time, the newest time in the file is the latest moment it surely reflects.
  const snapshotMs = reader.exportedAtMs ?? Math.max(newestMs, latestChangeMs);
  const finalCursor = {
    messagesUntil: Math.max(since?.messagesUntil ?? -Infinity, newestMs),
    changesUntil: Math.max(since?.changesUntil ?? -Infinity, snapshotMs),
  };
  if (!Number.isFinite(finalCursor.messagesUntil) || !Number.isFinite(finalCursor.changesUntil)) {
    return { threads, people, pending, ascending, finalCursor: since };
  }
  return { threads, people, pending, ascending, finalCursor };
}
