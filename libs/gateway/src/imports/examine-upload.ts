import { extname, posix } from 'node:path';
import { checkMappedColumns, DISCORD_CSV_COLUMNS, isDiscordCsvHeader, scanCsv } from './csv-file-checks';
import { readHead } from './file-head';
import { ImportRefusedError, malformed } from './import-errors';
import type { ImportFormat, ImportOptions } from './import-formats';
import { importOptions, parseMapping, REQUIRED_MAPPING_FIELDS } from './import-options';
import type { ImportRequestDto } from './imports.dto';
import {
  checkMappedFields,
  discordExportProblem,
  discordMessagesProblem,
  isJsonObject,
  looksLikeDiscordExport,
  MAX_WHOLE_JSON_BYTES,
  readJsonDocument,
  readJsonHeaderBefore,
  scanJsonLines,
} from './json-file-checks';
import { readZipDirectory, ZipLimits } from './zip-inspection';

type Family = 'json' | 'jsonl' | 'csv';

const FAMILY: Record<Exclude<ImportFormat, 'slack_export'>, Family> = {
  discord_json: 'json',
  discord_csv: 'csv',
  csv: 'csv',
  jsonl: 'jsonl',
};

const HEAD_BYTES = 64 * 1024;
const FORMATS_HINT = 'slack_export (ZIP), discord_json, discord_csv, csv, jsonl';

export interface UploadToExamine {
  path: string;
  originalname: string;
  size: number;
}

/**
 * Finds out what an uploaded file is (the format asked for, or the one its content and name show) and
 * checks that it is one: parseable, with what its platform needs. A ZIP archive gets only its directory
 * checked here; its content is unpacked by `verifyZipContent` once the import is known to be new.
 */
export async function examineUpload(
  upload: UploadToExamine,
  request: ImportRequestDto,
  zipLimits: ZipLimits,
): Promise<ImportOptions> {
  const head = await readHead(upload.path, HEAD_BYTES);
  if (head.length === 0) throw malformed('The file is empty');
  if (isZip(head)) return examineZip(upload.path, request, zipLimits);
  if (request.format === 'slack_export')
    throw malformed('A Slack export must be a ZIP archive, and this file is not one');
  const family = request.format ? FAMILY[request.format] : guessFamily(head, upload.originalname);
  if (family === null) {
    throw new ImportRefusedError(
      'UNKNOWN_FORMAT',
      `The file's format cannot be recognised: send one of ${FORMATS_HINT}, or name it with the "format" field`,
    );
  }
  switch (family) {
    case 'json':
      return examineDiscordJson(upload, request);
    case 'csv':
      return examineCsv(upload, request);
    case 'jsonl':
      return examineJsonLines(upload, request);
  }
}

async function examineZip(path: string, request: ImportRequestDto, limits: ZipLimits): Promise<ImportOptions> {
  if (request.format !== undefined && request.format !== 'slack_export') {
    throw malformed(`The file is a ZIP archive, not a ${request.format} file`);
  }
  const { files } = await readZipDirectory(path, limits);
  const exportFiles = new Set(['channels.json', 'users.json']);
  if (!files.some((name) => exportFiles.has(posix.basename(name)))) {
    const message = 'The ZIP archive is not a Slack export: it has no channels.json or users.json';
    throw request.format ? malformed(message) : new ImportRefusedError('UNKNOWN_FORMAT', message);
  }
  return importOptions('slack_export', request);
}

async function examineDiscordJson(upload: UploadToExamine, request: ImportRequestDto): Promise<ImportOptions> {
  // The request is checked first: reading the file is the expensive part.
  const options = importOptions('discord_json', request, upload.originalname);
  const whole = upload.size <= MAX_WHOLE_JSON_BYTES;
  const document = whole ? await readJsonDocument(upload.path) : await readJsonHeaderBefore(upload.path, 'messages');
  if (!request.format && !looksLikeDiscordExport(document)) {
    throw new ImportRefusedError(
      'UNKNOWN_FORMAT',
      'The JSON file is not a Discord export (guild, channel, messages); for other JSON send JSON lines with format "jsonl"',
    );
  }
  if (document === null) {
    throw malformed('The file does not start like a Discord JSON export: guild and channel, then the messages');
  }
  const problem = discordExportProblem(document) ?? (whole ? null : await discordMessagesProblem(upload.path));
  if (problem) throw malformed(`The Discord JSON export ${problem}`);
  return options;
}

async function examineCsv(upload: UploadToExamine, request: ImportRequestDto): Promise<ImportOptions> {
  // A missing or malformed mapping is refused before the file is read.
  if (request.format === 'csv') importOptions('csv', request);
  const { header } = await scanCsv(upload.path);
  const format = request.format ?? (isDiscordCsvHeader(header) ? 'discord_csv' : 'csv');
  if (format === 'discord_csv' && !isDiscordCsvHeader(header)) {
    throw malformed(`A Discord CSV export starts with the columns ${DISCORD_CSV_COLUMNS.join(',')}`, { header });
  }
  const options = importOptions(format, request, upload.originalname);
  if (options.mapping !== null) checkMappedColumns(parseMapping(options.mapping), header);
  return options;
}

async function examineJsonLines(upload: UploadToExamine, request: ImportRequestDto): Promise<ImportOptions> {
  const options = importOptions('jsonl', request, upload.originalname);
  const { fields } = await scanJsonLines(upload.path);
  const mapping = parseMapping(options.mapping!);
  // Other fields may be absent from every record (a file without threads); these two cannot.
  const required = Object.fromEntries(REQUIRED_MAPPING_FIELDS.map((field) => [field, mapping[field]]));
  checkMappedFields(required, fields);
  return options;
}

/**
 * The extension decides first; without a known one, the content: JSON starts with `{` or `[` (one
 * object per line is JSON lines), CSV is text with a comma on its first line. Anything else, binary
 * in particular, is refused rather than guessed.
 */
export function guessFamily(head: Buffer, fileName: string): Family | null {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  if (extension === '.json') return 'json';
  if (extension === '.csv') return 'csv';
  if (extension === '.zip') throw malformed('The file is named .zip but is not a ZIP archive');
  if (head.includes(0)) return null;
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('[')) return 'json';
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (text.startsWith('{')) return isJsonLinesRecord(firstLine) ? 'jsonl' : 'json';
  return firstLine.includes(',') ? 'csv' : null;
}

function isJsonLinesRecord(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    // A whole export minified onto one line is a JSON document, not a first record.
    return isJsonObject(value) && !looksLikeDiscordExport(value);
  } catch {
    return false;
  }
}

/** Local file header, or the end record of an empty archive. */
function isZip(head: Buffer): boolean {
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) return false;
  return (head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6);
}
