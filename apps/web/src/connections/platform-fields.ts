import { PLATFORM_SETTINGS } from '../../../../libs/platforms/src/platform-setting-specs';
import type { SettingSpec } from '../../../../libs/platforms/src/platform-setting-specs';
import type { Platform } from '../api/types';

/**
 * The connection forms are generated from the same list of settings the gateway checks connections
 * against (libs/platforms/src/platform-setting-specs.ts), so a form never lacks or invents a setting.
 */
export interface SettingField {
  key: string;
  spec: SettingSpec;
  required: boolean;
}

export const PLATFORM_KEYS = Object.keys(PLATFORM_SETTINGS) as Platform[];

export function configFields(platform: Platform): SettingField[] {
  return Object.entries(PLATFORM_SETTINGS[platform].config as Record<string, SettingSpec>).map(([key, spec]) => ({
    key,
    spec,
    required: spec.required === true,
  }));
}

/** The accepted sets of credentials (Teams: a token, or a client secret); empty for file imports. */
export function credentialSets(platform: Platform): string[][] {
  return PLATFORM_SETTINGS[platform].credentials.map((set) => [...set]);
}

export function isFileSource(platform: Platform): boolean {
  return PLATFORM_SETTINGS[platform].source === 'file';
}

export const SETTING_HINTS: Record<string, string> = {
  path: 'A file or folder inside the server’s import folder (ATLAS_IMPORT_DIR), e.g. acme',
  base_url: 'https:// address of the platform’s API',
  workspace_url: 'Used for permalinks, e.g. https://acme.slack.com',
  mapping: 'JSON: message field → column, e.g. {"text":"body","timestamp":"sent_at","author":"user"}',
  requests_per_minute: 'Cap on requests a minute',
  edit_lookback_days: 'Days re-read for edits on each incremental sync',
  token: 'Kept encrypted on the server, never shown again',
  client_secret: 'Kept encrypted on the server, never shown again',
};

/**
 * Which field a problem of a 400 VALIDATION_ERROR is about: the API names them `config.<key>`,
 * `credentials.<key>` or the top-level field; anything else belongs to the whole form.
 */
export function fieldOfProblem(problem: string): string | null {
  const named = /^(config|credentials)\.(\w+)/.exec(problem);
  if (named) return `${named[1]}.${named[2]}`;
  const top = /^(name|platform|config|credentials)\b/.exec(problem);
  return top ? top[1] : null;
}
