import { readFile } from 'node:fs/promises';
import { errorMessage } from '@atlas/common';
import {
  boundedLines,
  jsonArrayItems,
  MAX_IMPORT_RECORD_BYTES,
  PlatformError,
  RecordTooLargeError,
} from '@atlas/platforms';
import { readHead } from './file-head';
import { malformed, recordTooLarge } from './import-errors';

/**
 * JSON documents no larger than one record are parsed whole. A larger one would cost the gateway many
 * times its size in memory (32 MB of `{},` parse to a gigabyte of objects): its header is read from its
 * beginning, then its messages one at a time, each within the record limit the connector reads with.
 */
export const MAX_WHOLE_JSON_BYTES = MAX_IMPORT_RECORD_BYTES;
/** Where a large document's header (everything before its `messages` array) must end. */
const MAX_HEADER_BYTES = 1024 * 1024;
/** Field names of a JSON-lines file remembered for the mapping check; more are not chat messages. */
const MAX_FIELD_NAMES = 10_000;
/** Discord ids are snowflakes: decimal numbers of up to 20 digits. */
const SNOWFLAKE = /^\d{1,20}$/;

type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function readJsonDocument(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw malformed(`The file is not valid JSON: ${errorMessage(error)}`);
  }
}

/**
 * The members of a JSON object that come before its `key` array, read from the file's beginning only;
 * null when the beginning is not such an object. The array itself is given as empty.
 */
export async function readJsonHeaderBefore(path: string, key: string): Promise<JsonObject | null> {
  const head = (await readHead(path, MAX_HEADER_BYTES)).toString('utf8').replace(/^\uFEFF/, '');
  // A quote inside a JSON string is escaped, so `"key": [` unescaped can only be a member name.
  for (const match of head.matchAll(new RegExp(`"${key}"\\s*:\\s*\\[`, 'g'))) {
    const members = head.slice(0, match.index).trimEnd().replace(/,$/, '');
    try {
      const value: unknown = JSON.parse(`${members}}`);
      if (isJsonObject(value)) return { ...value, [key]: [] };
    } catch {
      // Not the top level yet: try the next occurrence.
    }
  }
  return null;
}

/** The top-level members of a DiscordChatExporter JSON export. */
export function looksLikeDiscordExport(value: unknown): boolean {
  return isJsonObject(value) && 'guild' in value && 'channel' in value && 'messages' in value;
}

/** What a Discord JSON export lacks that its connector needs, or null. */
export function discordExportProblem(value: unknown): string | null {
  if (!isJsonObject(value)) return 'is not a JSON object';
  if (!isJsonObject(value.guild) || typeof value.guild.id !== 'string') return 'has no "guild" object with an id';
  if (!isJsonObject(value.channel) || !isSnowflake(value.channel.id)) {
    return 'has no "channel" object with a numeric id';
  }
  if (!Array.isArray(value.messages)) return 'has no "messages" array';
  const bad = value.messages.findIndex((message) => discordMessageProblem(message) !== null);
  return bad < 0 ? null : `has a malformed message at index ${bad}: it ${discordMessageProblem(value.messages[bad])}`;
}

function discordMessageProblem(value: unknown): string | null {
  if (!isJsonObject(value)) return 'is not an object';
  if (!isSnowflake(value.id)) return 'has no numeric "id"';
  if (typeof value.timestamp !== 'string' || Number.isNaN(Date.parse(value.timestamp))) {
    return 'has no ISO 8601 "timestamp"';
  }
  if (!isJsonObject(value.author) || typeof value.author.id !== 'string') return 'has no "author" with an id';
  return null;
}

function isSnowflake(value: unknown): boolean {
  return typeof value === 'string' && SNOWFLAKE.test(value);
}

/** Reads a whole JSON-lines file, streaming: every non-empty line must be a JSON object within the record limit. */
export async function scanJsonLines(path: string): Promise<{ records: number; fields: Set<string> }> {
  const fields = new Set<string>();
  let records = 0;
  try {
    for await (const { number, text } of boundedLines(path, 'The file')) {
      const line = (number === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
      if (line === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw malformed(`Line ${number} is not valid JSON: ${errorMessage(error)}`, { line: number });
      }
      if (!isJsonObject(value)) throw malformed(`Line ${number} is not a JSON object`, { line: number });
      records++;
      for (const key of Object.keys(value)) if (fields.size < MAX_FIELD_NAMES) fields.add(key);
    }
  } catch (error) {
    if (error instanceof RecordTooLargeError) throw recordTooLarge(error);
    throw error;
  }
  if (records === 0) throw malformed('The JSON-lines file has no records');
  return { records, fields };
}

/**
 * Checks every message of a Discord JSON export too large to parse whole, streaming (with the
 * connector's reader): memory holds one message, never the document.
 */
export async function discordMessagesProblem(path: string): Promise<string | null> {
  let index = 0;
  try {
    for await (const raw of jsonArrayItems(path, 'messages', 'The file')) {
      let message: unknown;
      try {
        message = JSON.parse(raw.toString('utf8'));
      } catch (error) {
        return `has a message at index ${index} that is not valid JSON: ${errorMessage(error)}`;
      }
      const problem = discordMessageProblem(message);
      if (problem !== null) return `has a malformed message at index ${index}: it ${problem}`;
      index++;
    }
  } catch (error) {
    if (error instanceof RecordTooLargeError) throw recordTooLarge(error);
    if (error instanceof PlatformError) throw malformed(error.message);
    throw error;
  }
  return null;
}

/** Mapped fields no record has (a dotted path is looked up by its first segment). */
export function checkMappedFields(mapping: Record<string, string>, fields: Set<string>): void {
  const missing = Object.entries(mapping).filter(([, path]) => !fields.has(path) && !fields.has(path.split('.')[0]));
  if (missing.length === 0) return;
  const names = missing.map(([field, path]) => `"${path}" (mapping.${field})`).join(', ');
  throw malformed(`No record of the file has the field ${names}`, { missing_fields: missing.map(([, path]) => path) });
}
