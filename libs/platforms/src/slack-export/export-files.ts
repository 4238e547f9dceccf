import { errorMessage } from '@atlas/common';
import { jsonArrayItemsIn, JsonShapeError } from '../import-files/json-array-stream';
import { PlatformError } from '../platform-error';
import { SlackUserSummary, summarizeSlackUser } from '../slack/slack-message';
import type { SlackChannel, SlackUser } from '../slack/slack-types';
import { ExportArchive, exportFailure } from './export-archive';
import { isExportEntry, SlackExportEntry } from './export-entries';

/** A channel of the export; its messages are in the folder named after it. */
export interface ExportChannel {
  id: string;
  name: string;
  topic: string | null;
  isPrivate: boolean;
}

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

/** Public channels are in channels.json, private ones (when the export has them) in groups.json. */
export async function readChannels(archive: ExportArchive): Promise<ExportChannel[]> {
  const publicChannels = await readJsonArray<SlackChannel>(archive, 'channels.json', isChannel);
  if (publicChannels === null) throw exportFailure(`${archive.label} is not a Slack export: it has no channels.json`);
  const privateChannels = (await readJsonArray<SlackChannel>(archive, 'groups.json', isChannel)) ?? [];
  return [
    ...publicChannels.map((channel) => toExportChannel(channel, false, archive)),
    ...privateChannels.map((channel) => toExportChannel(channel, true, archive)),
  ];
}

export async function readUsers(archive: ExportArchive): Promise<Map<string, SlackUserSummary>> {
  const users = (await readJsonArray<SlackUser>(archive, 'users.json', isUser)) ?? [];
  return new Map(users.map((user) => [user.id, summarizeSlackUser(user)]));
}

/** The channel's day files (`2025-03-04.json`), oldest first; null when the channel has no folder. */
export async function listDayFiles(archive: ExportArchive, channel: ExportChannel): Promise<string[] | null> {
  const files = await archive.listFiles(channel.name);
  return files && files.filter((name) => DAY_FILE.test(name)).sort();
}

/** A day file's entries: messages, and the edit and deletion events of exports that log them. */
export async function readDayFile(
  archive: ExportArchive,
  channel: ExportChannel,
  dayFile: string,
): Promise<SlackExportEntry[]> {
  const file = `${channel.name}/${dayFile}`;
  const messages = await readJsonArray<SlackExportEntry>(archive, file, isExportEntry);
  if (messages === null) throw exportFailure(`${file} disappeared from ${archive.label} while it was being read`);
  return messages;
}

/** The day a day file holds, as milliseconds since the epoch at its start (UTC). */
export function dayFileStart(dayFile: string): number {
  return Date.parse(`${dayFile.slice(0, 10)}T00:00:00Z`);
}

/**
 * An array of objects, each checked as it is parsed: a file of anything else fails at its first bad
 * item, before the rest is parsed (64 MiB of `{},` would otherwise parse to 22 million objects, 2 GB).
 */
async function readJsonArray<T>(
  archive: ExportArchive,
  file: string,
  isItem: (item: unknown) => boolean,
): Promise<T[] | null> {
  const content = await archive.read(file);
  if (content === null) return null;
  const label = `${file} in ${archive.label}`;
  const items: T[] = [];
  try {
    for (const raw of jsonArrayItemsIn(content, label)) {
      const item: unknown = JSON.parse(raw.toString('utf8'));
      if (!isItem(item)) throw exportFailure(`${label} has a malformed item at index ${items.length}`);
      items.push(item as T);
    }
  } catch (error) {
    if (error instanceof JsonShapeError) throw exportFailure(`${label} ${shapeProblem(error)}`);
    if (error instanceof PlatformError) throw error;
    throw exportFailure(`${label} is not valid JSON: ${errorMessage(error)}`);
  }
  return items;
}

function shapeProblem(error: JsonShapeError): string {
  if (error.problem === 'not-object') return `has a malformed item at index ${error.itemIndex}`;
  if (error.problem === 'not-array') return 'is not a JSON array';
  return 'is not valid JSON: it ends before its array is closed (the file is cut short)';
}

function toExportChannel(channel: SlackChannel, isPrivate: boolean, archive: ExportArchive): ExportChannel {
  // The name becomes a folder path: a name that is not a single plain segment could point anywhere.
  if (channel.name === '.' || channel.name === '..' || /[/\\]/.test(channel.name)) {
    throw exportFailure(`The channel list of ${archive.label} names an unusable folder: "${channel.name}"`);
  }
  return {
    id: channel.id,
    name: channel.name,
    topic: channel.topic?.value || channel.purpose?.value || null,
    isPrivate: isPrivate || channel.is_private === true,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isChannel(value: unknown): boolean {
  return isObject(value) && typeof value.id === 'string' && typeof value.name === 'string' && value.name !== '';
}

function isUser(value: unknown): boolean {
  return isObject(value) && typeof value.id === 'string';
}
