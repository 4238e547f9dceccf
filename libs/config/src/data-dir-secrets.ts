import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AtlasConfig, ConfigError } from './atlas-config';

export const API_KEY_FILE = 'api-key';
export const SECRET_KEY_FILE = 'secret.key';

export interface ResolvedSecrets {
  apiKeys: string[];
  /** Null only for a service that does not handle credentials. */
  secretKey: Buffer | null;
  /** Set when this start generated the API key, so the caller can print it once. */
  generatedApiKey: string | null;
}

/**
 * Resolves API keys and the credentials key: the environment first, then the files kept in the data
 * dir. Only the all-in-one mode may generate missing ones (and keeps them there, readable by its owner
 * only); a service started alone must be given them.
 */
export function resolveSecrets(
  config: AtlasConfig,
  options: { generateMissing: boolean; needApiKeys: boolean; needSecretKey: boolean },
): ResolvedSecrets {
  const problems: string[] = [];
  let generatedApiKey: string | null = null;

  let apiKeys = config.apiKeys;
  if (apiKeys.length === 0) {
    const stored = readIfPresent(join(config.dataDir, API_KEY_FILE));
    if (stored) apiKeys = [stored];
    else if (options.generateMissing) {
      generatedApiKey = `atl_${randomBytes(24).toString('base64url')}`;
      writeSecret(config.dataDir, API_KEY_FILE, generatedApiKey);
      apiKeys = [generatedApiKey];
    } else if (options.needApiKeys) {
      problems.push(`ATLAS_API_KEYS is not set and ${join(config.dataDir, API_KEY_FILE)} does not exist`);
    }
  }

  let secretKey = config.secretKey;
  if (secretKey === null) {
    const stored = readIfPresent(join(config.dataDir, SECRET_KEY_FILE));
    if (stored && /^[0-9a-f]{64}$/i.test(stored)) secretKey = Buffer.from(stored, 'hex');
    else if (stored) problems.push(`${join(config.dataDir, SECRET_KEY_FILE)} does not hold 64 hex characters`);
    else if (options.generateMissing) {
      secretKey = randomBytes(32);
      writeSecret(config.dataDir, SECRET_KEY_FILE, secretKey.toString('hex'));
    } else if (options.needSecretKey) {
      problems.push(`ATLAS_SECRET_KEY is not set and ${join(config.dataDir, SECRET_KEY_FILE)} does not exist`);
    }
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return { apiKeys, secretKey, generatedApiKey };
}

function readIfPresent(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8').trim() || null : null;
}

function writeSecret(dir: string, name: string, value: string): void {
  mkdirSync(dir, { recursive: true });
  // 'wx' refuses to overwrite: two processes generating at once cannot silently diverge.
  writeFileSync(join(dir, name), `${value}\n`, { mode: 0o600, flag: 'wx' });
}
