import type { ImportFile, ImportSource } from '../import-files/import-source';
import { baseNameOf } from '../import-files/import-source';
import { importFailure } from '../import-files/import-failure';
import { readJsonHeader } from '../import-files/json-array-stream';
import { parseImportTimestamp } from '../import-files/import-timestamp';
import { stableId } from '../import-files/stable-id';
import { isDceHeader } from './dce-types';

export type DceFormat = 'json' | 'csv';

/** A channel of the export, with its file (or the partitions DCE split it into, in order). */
export interface DceChannelFiles {
  channelId: string;
  name: string;
  topic: string | null;
  isPrivate: boolean;
  /** Null for CSV, which does not name the server. */
  guildId: string | null;
  format: DceFormat;
  files: ImportFile[];
  /** The earliest `exportedAt` of the files: edits after it may be missing from them. */
  exportedAtMs: number | null;
}

interface FileIdentity {
  channel: Omit<DceChannelFiles, 'files' | 'exportedAtMs'>;
  part: number;
  exportedAtMs: number | null;
}

/** `Guild - Category - channel [123456789012345678] [part 2]`: DCE's default file name. */
const DCE_FILE_NAME = /^(.*) \[(\d{1,20})\](?: \[part (\d+)\])?$/;
const PRIVATE_KINDS = new Set(['GuildPrivateThread', 'DirectTextChat', 'DirectGroupTextChat']);

export interface DceSourceOptions {
  /** `config.format`; by default each file's extension decides. */
  format?: DceFormat;
  /** `config.channel_id` / `config.channel_name`, for a single CSV file (CSV does not name its channel). */
  channelId?: string;
  channelName?: string;
}

/**
 * The channels of an export: one per file, except that the partitions of a channel (same channel id)
 * make one. A JSON file names its channel in its header, read without reading the messages; a CSV
 * file is named by the connection's settings or by its file name.
 */
export async function readDceChannels(source: ImportSource, options: DceSourceOptions): Promise<DceChannelFiles[]> {
  const channels = new Map<string, DceChannelFiles & { parts: number[] }>();
  for (const file of source.files) {
    const identity = await identify(file, source, options);
    const existing = channels.get(identity.channel.channelId);
    if (!existing) {
      channels.set(identity.channel.channelId, {
        ...identity.channel,
        files: [file],
        parts: [identity.part],
        exportedAtMs: identity.exportedAtMs,
      });
      continue;
    }
    if (existing.format !== identity.channel.format) {
      throw importFailure(
        `${source.label} holds both a JSON and a CSV export of channel ${existing.channelId}: keep one, or set the format`,
      );
    }
    const at = existing.parts.findIndex((part) => part > identity.part);
    const index = at < 0 ? existing.files.length : at;
    existing.files.splice(index, 0, file);
    existing.parts.splice(index, 0, identity.part);
    existing.exportedAtMs = earliest(existing.exportedAtMs, identity.exportedAtMs);
  }
  return [...channels.values()].map(({ parts: _parts, ...channel }) => channel);
}

export function fileLabel(source: ImportSource, file: ImportFile): string {
  return source.isFolder ? `${file.name} in ${source.label}` : source.label;
}

async function identify(file: ImportFile, source: ImportSource, options: DceSourceOptions): Promise<FileIdentity> {
  const format = options.format ?? formatOf(file, source);
  const named = DCE_FILE_NAME.exec(baseNameOf(file));
  const part = named?.[3] ? Number(named[3]) : 1;
  if (format === 'csv') return { channel: csvChannel(file, source, options, named), part, exportedAtMs: null };

  const label = fileLabel(source, file);
  const header = await readJsonHeader(file.path, 'messages', label);
  if (!isDceHeader(header)) {
    throw importFailure(`${label} is not a DiscordChatExporter JSON export: it does not name its guild and channel`);
  }
  const { channel, guild } = header;
  return {
    channel: {
      channelId: channel.id,
      name: channel.name || channel.id,
      topic: channel.topic || null,
      isPrivate: PRIVATE_KINDS.has(channel.type ?? ''),
      guildId: guild.id,
      format,
    },
    part,
    exportedAtMs: header.exportedAt ? parseImportTimestamp(header.exportedAt) : null,
  };
}

function csvChannel(
  file: ImportFile,
  source: ImportSource,
  options: DceSourceOptions,
  named: RegExpExecArray | null,
): FileIdentity['channel'] {
  const single = !source.isFolder;
  const baseName = baseNameOf(file);
  // Partitions share everything but the part number: the channel's name must not depend on it.
  const nameWithoutPart = baseName.replace(/ \[part \d+\]$/, '');
  const channelId =
    (single && options.channelId) || named?.[2] || stableId('dce-csv-', [nameWithoutPart.toLowerCase()]);
  const channelName = (single && options.channelName) || (named ? lastSegment(named[1]) : nameWithoutPart);
  return { channelId, name: channelName, topic: null, isPrivate: false, guildId: null, format: 'csv' };
}

function formatOf(file: ImportFile, source: ImportSource): DceFormat {
  if (file.extension === 'json' || file.extension === 'csv') return file.extension;
  throw importFailure(`${fileLabel(source, file)} is neither .json nor .csv: set the format (config.format)`);
}

/** DCE joins guild, category and channel with ` - `; the channel's name is the last of them. */
function lastSegment(prefix: string): string {
  const segments = prefix.split(' - ');
  return segments[segments.length - 1] || prefix;
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  return Math.min(a, b);
}
