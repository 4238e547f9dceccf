import { Inject, Injectable } from '@nestjs/common';
import { UpstreamError, ValidationError } from '@atlas/common';
import type { AtlasConfig, ResolvedSecrets } from '@atlas/config';
import type { EncryptedSecret, Platform } from '@atlas/events';
import {
  CheckedSettings,
  checkPlatformSettings,
  createConnector,
  DiscoveredChannel,
  PlatformError,
  resolveImportPath,
  SecretBox,
} from '@atlas/platforms';
import { ATLAS_CONFIG, SECRETS } from '@atlas/runtime';

const DISCOVERY_TIMEOUT_MS = 60_000;
/** Creating or testing a connection should answer soon: a platform asking for a longer wait is reported. */
const MAX_RETRY_AFTER_SECONDS = 10;

/** HTTP status of the answer when a platform refuses a connection, by Sync API code. */
const STATUS_BY_CODE = {
  AUTH_ERROR: 400,
  CHANNEL_NOT_FOUND: 400,
  RATE_LIMIT: 429,
  PLATFORM_ERROR: 502,
  INTERNAL_ERROR: 502,
};

/**
 * What the gateway asks of a platform about a connection: are its settings complete, do its credentials
 * open it, which channels does it see. Credentials are sealed here and opened here, nowhere else in it.
 */
@Injectable()
export class PlatformProbe {
  constructor(
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
    @Inject(SECRETS) private readonly secrets: ResolvedSecrets,
  ) {}

  /** The settings checked against the platform's list, or a 400 naming every problem. */
  checkedSettings(
    platform: Platform,
    config: Record<string, unknown>,
    credentials: Record<string, string | undefined> | null,
  ): CheckedSettings {
    const problems: string[] = [];
    const strings: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
      if (typeof value === 'string') strings[key] = value;
      else problems.push(`config.${key} must be a string`);
    }
    const checked = checkPlatformSettings(platform, strings, credentials, (path) =>
      resolveImportPath(this.config.importDir, path),
    );
    problems.push(...checked.problems);
    if (problems.length > 0) {
      throw new ValidationError(problems[0], { problems });
    }
    return checked.settings;
  }

  /** Lists the channels the connection sees; a refusal becomes an UpstreamError with the Sync API code. */
  async discover(connectionId: string, platform: Platform, settings: CheckedSettings): Promise<DiscoveredChannel[]> {
    const connector = createConnector(
      { connection_id: connectionId, platform, config: settings.config, credentials: settings.credentials },
      { maxRetryAfterSeconds: MAX_RETRY_AFTER_SECONDS, importDir: this.config.importDir },
    );
    try {
      return await connector.discoverChannels(AbortSignal.timeout(DISCOVERY_TIMEOUT_MS));
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      const details = error.retryAfterSeconds === undefined ? {} : { retry_after: Math.ceil(error.retryAfterSeconds) };
      throw new UpstreamError(
        error.code,
        `The ${platform} platform refused the connection: ${error.message}`,
        details,
        STATUS_BY_CODE[error.code],
      );
    }
  }

  seal(credentials: Record<string, string>): EncryptedSecret {
    return this.secretBox().seal(credentials);
  }

  open(sealed: EncryptedSecret): Record<string, string> {
    return this.secretBox().open(sealed);
  }

  private secretBox(): SecretBox {
    if (!this.secrets.secretKey) throw new Error('the gateway has no ATLAS_SECRET_KEY to seal credentials with');
    return new SecretBox(this.secrets.secretKey);
  }
}
