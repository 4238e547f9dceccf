import type { Platform } from '@atlas/events';

/** What an uploaded file can be. */
export const IMPORT_FORMATS = ['slack_export', 'discord_json', 'discord_csv', 'csv', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

interface FormatSpec {
  platform: Platform;
  /** Extension of the stored file. */
  extension: string;
  /** The platform's `config.format`, for platforms that read several kinds of file. */
  platformFormat: string | null;
  /** Generic files need to be told which column or field holds what. */
  takesMapping: boolean;
  /** Slack and Discord JSON exports name their channels themselves; the other files do not. */
  takesChannelName: boolean;
}

export const FORMAT_SPECS: Record<ImportFormat, FormatSpec> = {
  slack_export: {
    platform: 'slack_export',
    extension: 'zip',
    platformFormat: null,
    takesMapping: false,
    takesChannelName: false,
  },
  discord_json: {
    platform: 'discord_export',
    extension: 'json',
    platformFormat: 'json',
    takesMapping: false,
    takesChannelName: false,
  },
  discord_csv: {
    platform: 'discord_export',
    extension: 'csv',
    platformFormat: 'csv',
    takesMapping: false,
    takesChannelName: true,
  },
  csv: {
    platform: 'generic_import',
    extension: 'csv',
    platformFormat: 'csv',
    takesMapping: true,
    takesChannelName: true,
  },
  jsonl: {
    platform: 'generic_import',
    extension: 'jsonl',
    platformFormat: 'jsonl',
    takesMapping: true,
    takesChannelName: true,
  },
};

/** The options an import was made with, already checked against its format. */
export interface ImportOptions {
  format: ImportFormat;
  /** Canonical JSON (keys sorted), so the same mapping always gives the same connection. */
  mapping: string | null;
  channelName: string | null;
  /** Discord CSV: the channel id DiscordChatExporter wrote into the file's name. */
  channelId: string | null;
}

/** The connection config of an imported file stored at `path` (relative to the import folder). */
export function connectionConfig(options: ImportOptions, path: string): Record<string, string> {
  const spec = FORMAT_SPECS[options.format];
  const config: Record<string, string> = { path };
  if (spec.platformFormat !== null) config.format = spec.platformFormat;
  if (options.mapping !== null) config.mapping = options.mapping;
  if (options.channelName !== null) config.channel_name = options.channelName;
  if (options.channelId !== null) config.channel_id = options.channelId;
  return config;
}
