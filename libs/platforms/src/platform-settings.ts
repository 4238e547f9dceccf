import type { Platform } from '@atlas/events';
import { OutboundUrlPolicy, outboundUrlProblem } from '@atlas/outbound';
import { PLATFORM_SETTINGS as SPECS, PlatformSpec, SettingSpec } from './platform-setting-specs';

export { SLACK_RATE_PROFILES } from './platform-setting-specs';

/**
 * The settings each platform's connection takes: which config keys, which credentials. The gateway
 * checks every new or updated connection against it, so a connector never meets a setting it does
 * not know, and a missing one is named in a 400 instead of failing a sync later.
 */
export const PLATFORM_SETTINGS: Record<Platform, PlatformSpec> = SPECS;

export interface CheckedSettings {
  config: Record<string, string>;
  credentials: Record<string, string> | null;
}

export interface SettingsCheckOptions {
  /** Turns an import path into the real path inside the import folder, or throws with the reason. */
  resolvePath: (path: string) => string;
  /** What `endpoint` settings may point at. */
  outboundPolicy: OutboundUrlPolicy;
}

/**
 * Checks a connection's settings against its platform: unknown keys, missing required ones, malformed
 * values (endpoints the outbound URL policy refuses included) and incomplete credentials are all listed.
 */
export function checkPlatformSettings(
  platform: Platform,
  config: Record<string, string | undefined>,
  credentials: Record<string, string | undefined> | null,
  options: SettingsCheckOptions,
): { settings: CheckedSettings; problems: string[] } {
  const spec = PLATFORM_SETTINGS[platform];
  const problems: string[] = [];
  const checked: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined) continue;
    const setting = spec.config[key];
    if (!setting) {
      problems.push(
        `config.${key} is not a setting of ${platform} connections (known: ${Object.keys(spec.config).join(', ')})`,
      );
      continue;
    }
    const problem = checkValue(setting, value, options.outboundPolicy);
    if (problem) problems.push(`config.${key} ${problem}`);
    else checked[key] = value;
  }
  for (const [key, setting] of Object.entries(spec.config)) {
    if (setting.required && config[key] === undefined)
      problems.push(`config.${key} is required for ${platform} connections`);
  }
  if (checked.path !== undefined) {
    try {
      checked.path = options.resolvePath(checked.path);
    } catch (error) {
      problems.push(`config.path: ${(error as Error).message}`);
    }
  }

  const given = Object.fromEntries(
    Object.entries(credentials ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    ),
  );
  if (spec.credentials.length === 0) {
    if (Object.keys(given).length > 0) problems.push(`${platform} connections take no credentials`);
    return { settings: { config: checked, credentials: null }, problems };
  }
  const known = new Set(spec.credentials.flat());
  for (const key of Object.keys(given)) {
    if (!known.has(key)) problems.push(`credentials.${key} is not a credential of ${platform} connections`);
  }
  const complete = spec.credentials.find((set) => set.every((key) => given[key] !== undefined));
  if (!complete) {
    problems.push(
      `${platform} connections need credentials: ${spec.credentials.map((set) => set.join(' + ')).join(', or ')}`,
    );
  } else {
    for (const key of complete.flatMap((credential) => spec.credentialConfig?.[credential] ?? [])) {
      if (checked[key] === undefined)
        problems.push(`config.${key} is required with credentials.${complete.join(', ')}`);
    }
  }
  return { settings: { config: checked, credentials: given }, problems };
}

/**
 * The settings whose change between `before` and `after` sends the credentials somewhere else: such a
 * change needs the credentials given again (see SettingSpec.credentialDestination).
 */
export function credentialDestinationChanges(
  platform: Platform,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  return Object.entries(PLATFORM_SETTINGS[platform].config)
    .filter(([key, setting]) => setting.credentialDestination && (before[key] ?? null) !== (after[key] ?? null))
    .map(([key]) => key);
}

function checkValue(setting: SettingSpec, value: string, outboundPolicy: OutboundUrlPolicy): string | null {
  if (value.length > 2000) return 'is longer than 2000 characters';
  switch (setting.kind) {
    case 'endpoint':
      return checkValue({ kind: 'url' }, value, outboundPolicy) ?? outboundUrlProblem(value, outboundPolicy);
    case 'url':
      return /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value) ? null : 'must be an http(s) URL';
    case 'positive_number':
      return /^\d+(\.\d+)?$/.test(value) && Number(value) > 0 ? null : 'must be a positive number';
    case 'choice':
      return setting.choices!.includes(value) ? null : `must be one of ${setting.choices!.join(', ')}`;
    case 'json_object':
      try {
        const parsed: unknown = JSON.parse(value);
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? null : 'must be a JSON object';
      } catch {
        return 'must be a JSON object';
      }
    case 'import_path':
    case 'text':
      return value.trim() === '' ? 'must not be empty' : null;
  }
}
