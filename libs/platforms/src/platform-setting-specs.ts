/*
 * Plain data with no imports: the gateway checks connections against it (platform-settings.ts) and the web
 * app generates its connection forms from it (apps/web), so both always agree on what a platform takes.
 */

/** `endpoint`: a URL requests are sent to, checked against the outbound URL policy; `url`: a link only. */
export type SettingKind = 'endpoint' | 'url' | 'text' | 'import_path' | 'positive_number' | 'json_object' | 'choice';

export interface SettingSpec {
  kind: SettingKind;
  required?: boolean;
  /** For `choice`. */
  choices?: readonly string[];
  /**
   * Changing it changes where the credentials are sent (the host, or the tenant whose token endpoint
   * receives the client secret): a change must come with the credentials, never reuse the stored ones.
   */
  credentialDestination?: boolean;
}

export interface PlatformSpec {
  /** Settings read from files in the import folder rather than from a service. */
  source: 'api' | 'file';
  config: Record<string, SettingSpec>;
  /** Accepted sets of credentials: one of them must be given in full (none for files). */
  credentials: ReadonlyArray<readonly string[]>;
  /** Config keys a credentials set needs besides itself (Teams' client secret needs its tenant and client). */
  credentialConfig?: Record<string, readonly string[]>;
}

export const SLACK_RATE_PROFILES = ['standard', 'non_marketplace_2025'] as const;

const url = { kind: 'url' } as const;
const endpoint = { kind: 'endpoint', credentialDestination: true } as const;
const text = { kind: 'text' } as const;
const importPath = { kind: 'import_path', required: true } as const;
const positive = { kind: 'positive_number' } as const;

/**
 * The settings each platform's connection takes: which config keys, which credentials. The gateway
 * checks every new or updated connection against it, so a connector never meets a setting it does
 * not know, and a missing one is named in a 400 instead of failing a sync later.
 */
export const PLATFORM_SETTINGS = {
  slack: {
    source: 'api',
    config: {
      base_url: endpoint,
      workspace_url: url,
      rate_profile: { kind: 'choice', choices: SLACK_RATE_PROFILES },
      requests_per_minute: positive,
      edit_lookback_days: positive,
    },
    credentials: [['token']],
  },
  slack_export: { source: 'file', config: { path: importPath, workspace_url: url }, credentials: [] },
  discord: {
    source: 'api',
    config: { guild_id: { kind: 'text', required: true }, base_url: endpoint, edit_lookback_days: positive },
    credentials: [['token']],
  },
  discord_export: {
    source: 'file',
    config: {
      path: importPath,
      format: { kind: 'choice', choices: ['json', 'csv'] },
      channel_id: text,
      channel_name: text,
    },
    credentials: [],
  },
  mattermost: {
    source: 'api',
    config: { base_url: { ...endpoint, required: true }, team_id: text },
    credentials: [['token']],
  },
  teams: {
    source: 'api',
    config: {
      team_id: { kind: 'text', required: true },
      base_url: endpoint,
      auth_url: endpoint,
      // The token endpoint is {auth_url}/{tenant_id}/oauth2/v2.0/token: the tenant is part of where the secret goes.
      tenant_id: { kind: 'text', credentialDestination: true },
      client_id: text,
    },
    credentials: [['token'], ['client_secret']],
    credentialConfig: { client_secret: ['tenant_id', 'client_id'] },
  },
  generic_import: {
    source: 'file',
    config: {
      path: importPath,
      format: { kind: 'choice', choices: ['csv', 'jsonl'] },
      mapping: { kind: 'json_object', required: true },
      channel_name: text,
    },
    credentials: [],
  },
} as const satisfies Record<string, PlatformSpec>;
