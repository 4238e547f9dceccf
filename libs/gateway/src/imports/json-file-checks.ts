import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { errorMessage } from '@atlas/common';
import { readHead } from './file-head';
import { malformed } from './import-errors';

/**
 * JSON documents up to this size are parsed whole and every message checked. A larger one would cost
 * the gateway several times its size in memory: only its header is checked here, and its messages are
 * read by the connector, which streams them.
 */
export const MAX_WHOLE_JSON_BYTES = 32 * 1024 * 1024;
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

/** Reads a whole JSON-lines file, streaming: every non-empty line must be a JSON object. */
export async function scanJsonLines(path: string): Promise<{ records: number; fields: Set<string> }> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  const fields = new Set<string>();
  let records = 0;
  let lineNumber = 0;
  try {
    for await (const raw of lines) {
      lineNumber++;
      const line = (lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
      if (line === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw malformed(`Line ${lineNumber} is not valid JSON: ${errorMessage(error)}`, { line: lineNumber });
      }
      if (!isJsonObject(value)) throw malformed(`Line ${lineNumber} is not a JSON object`, { line: lineNumber });
      records++;
      for (const key of Object.keys(value)) if (fields.size < MAX_FIELD_NAMES) fields.add(key);
    }
  } finally {
    lines.close();
  }
  if (records === 0) throw malformed('The JSON-lines file has no records');
  return { records, fields };
}

/** Mapped fields no record has (a dotted path is looked up by its first segment). */
export function checkMappedFields(mapping: Record<string, string>, fields: Set<string>): void {
  const missing = Object.entries(mapping).filter(([, path]) => !fields.has(path) && !fields.has(path.split('.')[0]));
  if (missing.length === 0) return;
  const names = missing.map(([field, path]) => `"${path}" (mapping.${field})`).join(', ');
  throw malformed(`No record of the file has the field ${names}`, { missing_fields: missing.map(([, path]) => path) });
}
