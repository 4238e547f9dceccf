import { open } from 'node:fs/promises';
import type { ImportRow } from '../import-files/import-channel-fetch';
import { importFailure, importReadFailure } from '../import-files/import-failure';
import { jsonArrayItems, parseJsonItem } from '../import-files/json-array-stream';
import { dceRepliesTo, dceTimeMs } from './dce-message';
import { DceMessage, dceMessageProblem } from './dce-types';

export interface DceJsonRow extends ImportRow {
  message: DceMessage;
}

/** DCE closes its file with `"messageCount": N }`: reading the last bytes counts a channel without parsing it. */
const TAIL_BYTES = 256;
const MESSAGE_COUNT_AT_END = /"messageCount"\s*:\s*(\d+)\s*\}\s*$/;

/** The messages of one export file, streamed: memory holds one message at a time, whatever the file's size. */
export async function* dceJsonRows(
  path: string,
  channelId: string,
  label: string,
  signal?: AbortSignal,
): AsyncGenerator<DceJsonRow> {
  let index = 0;
  for await (const raw of jsonArrayItems(path, 'messages', label, signal)) {
    const value = parseJsonItem(raw, label, index);
    const problem = dceMessageProblem(value);
    if (problem !== null) throw importFailure(`${label}: message ${index + 1} ${problem}`);
    const message = value as DceMessage;
    const timeMs = dceTimeMs(message.timestamp);
    if (timeMs === null) {
      throw importFailure(
        `${label}: message ${message.id} has a timestamp that is not ISO 8601 ("${message.timestamp}")`,
      );
    }
    // Discord writes times to the millisecond whatever the text shows, so every time counts to the millisecond.
    yield {
      id: message.id,
      timeMs,
      changedMs: dceTimeMs(message.timestampEdited),
      resolutionMs: 1,
      repliesTo: dceRepliesTo(message, channelId),
      message,
    };
    index += 1;
  }
}

/** The number of messages in a file: DCE's own count when it closes the file with one, else counted. */
export async function countDceJsonMessages(path: string, label: string, signal?: AbortSignal): Promise<number> {
  const declared = await declaredMessageCount(path, label);
  if (declared !== null) return declared;
  let count = 0;
  for await (const _raw of jsonArrayItems(path, 'messages', label, signal)) count += 1;
  return count;
}

async function declaredMessageCount(path: string, label: string): Promise<number | null> {
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, TAIL_BYTES);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const match = MESSAGE_COUNT_AT_END.exec(buffer.toString('utf8'));
      return match ? Number(match[1]) : null;
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw importReadFailure(error, label);
  }
}
