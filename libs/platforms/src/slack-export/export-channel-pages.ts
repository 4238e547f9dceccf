import type { FetchedPage, FetchRequest } from '../connector';
import { normalizeSlackMessage, SlackMessageContext } from '../slack/slack-message';
import { compareTs, newerTs, tsToIso } from '../slack/slack-ts';
import type { SlackMessage } from '../slack/slack-types';
import type { ExportArchive } from './export-archive';
import { dayFileStart, ExportChannel, readDayFile } from './export-files';
import { decodeExportPageToken, encodeExportPageToken, ExportPagePosition } from './export-page-token';

export const EXPORT_PAGE_SIZE = 500;

/**
 * Day files are named by the exporting workspace's local date. Whatever its time zone, a day's last
 * message is less than this after the day's start in UTC, so older day files are skipped unread.
 */
const DAY_FILE_REACH_MS = 48 * 60 * 60 * 1000;

interface Chunk {
  position: ExportPagePosition;
  messages: SlackMessage[];
}

/**
 * A channel's messages oldest first: day files in date order, each sorted by ts and cut into pages of
 * at most 500. One chunk is read ahead so that the last page is known to be the last.
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
  let pending: Chunk | null = null;
  const toPage = (chunk: Chunk, next: ExportPagePosition | null): FetchedPage => {
    cursor = chunk.messages.reduce<string | null>((newest, message) => newerTs(newest, message.ts), cursor);
    const messages = chunk.messages.slice(skip).map((message) => normalizeSlackMessage(message, context));
    skip = 0;
    return { messages, nextToken: next && encodeExportPageToken(next), cursor };
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
  for (const dayFile of dayFiles) {
    if (start !== null && dayFile < start.dayFile) continue;
    if (sinceMs !== null && dayFileStart(dayFile) + DAY_FILE_REACH_MS <= sinceMs) continue;
    signal.throwIfAborted();
    const messages = (await readDayFile(archive, channel, dayFile))
      .filter((message) => since === null || compareTs(message.ts, since) > 0)
      .sort((a, b) => compareTs(a.ts, b.ts));
    const firstPart = start !== null && dayFile === start.dayFile ? start.part : 0;
    for (let part = firstPart; part * EXPORT_PAGE_SIZE < messages.length; part += 1) {
      const offset = part * EXPORT_PAGE_SIZE;
      yield { position: { dayFile, part }, messages: messages.slice(offset, offset + EXPORT_PAGE_SIZE) };
    }
  }
}
