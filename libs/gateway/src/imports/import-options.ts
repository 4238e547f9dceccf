import { extname } from 'node:path';
import { ValidationError } from '@atlas/common';
import { importMappingProblems } from '@atlas/platforms';
import { assertJsonDepth } from '../http/json-depth';
import { FORMAT_SPECS, ImportFormat, ImportOptions } from './import-formats';
import type { ImportRequestDto } from './imports.dto';

/** Fields every record must have: a message has no meaning without its text and its time. */
export const REQUIRED_MAPPING_FIELDS = ['text', 'timestamp'] as const;

const MAPPING_EXAMPLE = '{"text":"body","timestamp":"sent_at","author":"user"}';

/** DiscordChatExporter names its files `Guild - Category - channel [channel id]` (`[part N]` when split). */
const DCE_FILE_NAME = /^(.*) \[(\d{1,20})\](?: \[part \d+\])?$/;

/**
 * The request's options checked against the format of the file. A file that holds one channel and
 * does not name it (CSV, JSON lines) is named after the uploaded file unless the request names it:
 * it is stored under its hash, which would make a poor channel name.
 */
export function importOptions(format: ImportFormat, request: ImportRequestDto, fileName = ''): ImportOptions {
  const spec = FORMAT_SPECS[format];
  if (request.channel_name !== undefined && !spec.takesChannelName) {
    throw refused(`channel_name does not apply to ${format} files: they name their channels themselves`);
  }
  if (!spec.takesMapping && request.mapping !== undefined) {
    throw refused(`mapping applies only to csv and jsonl files, not to ${format}`);
  }
  if (spec.takesMapping && request.mapping === undefined) {
    throw refused(`mapping is required for ${format} files: a JSON object such as ${MAPPING_EXAMPLE}`);
  }
  const mapping = request.mapping === undefined ? null : canonicalMapping(parseMapping(request.mapping));
  if (!spec.takesChannelName) return { format, mapping, channelName: null, channelId: null };

  const baseName = fileName
    .slice(0, fileName.length - extname(fileName).length)
    .trim()
    .slice(0, 200);
  const dce = format === 'discord_csv' ? DCE_FILE_NAME.exec(baseName) : null;
  const namedInFile = dce ? (dce[1].split(' - ').at(-1) ?? dce[1]) : baseName;
  return {
    format,
    mapping,
    channelName: request.channel_name ?? (namedInFile || null),
    channelId: dce ? dce[2] : null,
  };
}

/** A mapping from message field (`text`, `timestamp`, `author`...) to the column or field of the file. */
export function parseMapping(raw: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw refused(`mapping is not valid JSON: send a JSON object such as ${MAPPING_EXAMPLE}`);
  }
  // JSON inside a form field gets the same cap as a JSON body.
  assertJsonDepth(value, 'mapping');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw refused(`mapping must be a JSON object such as ${MAPPING_EXAMPLE}`);
  }
  // The generic_import connector's own rules, so an upload is refused exactly when its sync would fail.
  const problems = importMappingProblems(value);
  if (problems.length > 0) throw new ValidationError(problems[0], { problems });
  return value as Record<string, string>;
}

export function canonicalMapping(mapping: Record<string, string>): string {
  const sorted = Object.keys(mapping)
    .sort()
    .map((field) => [field, mapping[field]]);
  return JSON.stringify(Object.fromEntries(sorted));
}

function refused(message: string): ValidationError {
  return new ValidationError(message, { problems: [message] });
}
