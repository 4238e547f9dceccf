import type { FetchedPage, FetchRequest } from '../connector';
import type { SlackMessageContext } from '../slack/slack-message';
import { compareTs, newerTs, tsToIso } from '../slack/slack-ts';
import type { ExportArchive } from './export-archive';
import { entryEditTs, isNewerEntry, normalizeExportEntry, SlackExportEntry } from './export-entries';
import { dayFileStart, ExportChannel, readDayFile } from './export-files';
import { decodeExportPageToken, encodeExportPageToken, ExportPagePosition } from './export-page-token';

export const EXPORT_PAGE_SIZE = 500;

/**
 * Day files are named by the exporting workspace's local date. Whatever its time zone, a day's last
 * message is less than this after the day's start in UTC, so older day files are skipped unread.
 * What changed since in them is still found: an export with edit and deletion logs files each change
 * as an event under the day it was made, and a message's `edited.ts` is read in the day files read.
 */
const DAY_FILE_REACH_MS = 48 * 60 * 60 * 1000;

interface Chunk {
  position: ExportPagePosition;
  entries: SlackExportEntry[];
  /** Share of the day files to walk that this chunk completes, from 0 to 1. */
  walked: number;
}

/**
 * A channel's entries oldest first: day files in date order, each sorted by ts and cut into pages of
 * at most 500. One chunk is read ahead so that the last page is known to be the last.
 *
 * The cursor stays a plain ts: the newest ts of an entry walked (message or event). Edit and deletion
 * events have the ts of the change, so a later fetch from it finds the changes made since; the last
 * page's cursor also covers the edits it walked, which may be newer than any entry.
 */
export async function* exportChannelPages(
  archive: ExportArchive,
  channel: ExportChannel,
  dayFiles: string[],
  request: FetchRequest,
  context: SlackMessageContext,
): AsyncGenerator<FetchedPage> {
  let skip = request.resume?.skip ?? 0;
  let cursor = request.resume?.cursor ?? request.since;
  let latestEdit: string | null = null;
  let yielded = 0;
  let pending: Chunk | null = null;
  const toPage = (chunk: Chunk, next: ExportPagePosition | null): FetchedPage => {
    for (const entry of chunk.entries) {
      cursor = newerTs(cursor, entry.ts);
      latestEdit = newerTs(latestEdit, entryEditTs(entry));
    }
    const messages = chunk.entries.flatMap((entry) => normalizeExportEntry(entry, context) ?? []).slice(skip);
    skip = 0;
    yielded += messages.length;
    // Edits walked may be newer than entries still to come: only once all is walked may the cursor pass them.
    if (next === null) cursor = newerTs(cursor, latestEdit);
    // Day files of a channel hold similar numbers of messages, as far as an estimate needs.
    const estimatedTotal = next === null ? yielded : Math.max(yielded, Math.round(yielded / chunk.walked));
    return { messages, nextToken: next && encodeExportPageToken(next), cursor, estimatedTotal };
  };

  for await (const chunk of chunks(archive, channel, dayFiles, request)) {
    if (pending !== null) yield toPage(pending, chunk.position);
    pending = chunk;
  }
  if (pending !== null) yield toPage(pending, null);
}

async function* chunks(
  archive: ExportArchive,
  channel: ExportChannel,
  dayFiles: string[],
  request: FetchRequest,
): AsyncGenerator<Chunk> {
  const { since, signal } = request;
  const start = request.resume?.token ? decodeExportPageToken(request.resume.token) : null;
  const sinceMs = since === null ? null : Date.parse(tsToIso(since));
  const toWalk = dayFiles.filter(
    (dayFile) =>
      (start === null || dayFile >= start.dayFile) &&
      (sinceMs === null || dayFileStart(dayFile) + DAY_FILE_REACH_MS > sinceMs),
  );
  for (const [index, dayFile] of toWalk.entries()) {
    signal.throwIfAborted();
    const entries = (await readDayFile(archive, channel, dayFile))
      .filter((entry) => isNewerEntry(entry, since))
      .sort((a, b) => compareTs(a.ts, b.ts));
    const firstPart = start !== null && dayFile === start.dayFile ? start.part : 0;
    const parts = Math.ceil(entries.length / EXPORT_PAGE_SIZE);
    for (let part = firstPart; part < parts; part += 1) {
      const offset = part * EXPORT_PAGE_SIZE;
      const walked = (index + (part + 1 - firstPart) / (parts - firstPart)) / toWalk.length;
      yield { position: { dayFile, part }, entries: entries.slice(offset, offset + EXPORT_PAGE_SIZE), walked };
    }
  }
}
