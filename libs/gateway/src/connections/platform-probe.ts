import { Inject, Injectable, Logger } from '@nestjs/common';
import { errorMessage, UpstreamError, ValidationError } from '@atlas/common';
import type { AtlasConfig, ResolvedSecrets } from '@atlas/config';
import type { EncryptedSecret, Platform } from '@atlas/events';
import {
  CheckedSettings,
  checkPlatformSettings,
  createConnector,
  DiscoveredChannel,
  PLATFORM_SETTINGS,
  PlatformError,
  resolveImportPath,
  SecretBox,
} from '@atlas/platforms';
import { ATLAS_CONFIG, SECRETS } from '@atlas/runtime';

const DISCOVERY_TIMEOUT_MS = 60_000;
/**
 * Creating or testing a connection should answer soon: a platform asking for a longer wait, or throttling
 * longer in all, is reported.
 */
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
  private readonly log = new Logger('PlatformProbe');

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
    const checked = checkPlatformSettings(platform, strings, credentials, {
      resolvePath: (path) => resolveImportPath(this.config.importDir, path),
      outboundPolicy: this.config.outboundUrls,
    });
    problems.push(...checked.problems);
    if (problems.length > 0) {
      throw new ValidationError(problems[0], { problems });
    }
    return checked.settings;
  }

  /**
   * Lists the channels the connection sees; a refusal becomes an UpstreamError with the Sync API code.
   * For a platform reached over the network, the answer says only what the platform meant (credentials
   * refused, team unknown, rate limited), never how the request failed: socket errors and HTTP statuses
   * would let a caller map the network the gateway sees. The cause goes to the log.
   */
  async discover(connectionId: string, platform: Platform, settings: CheckedSettings): Promise<DiscoveredChannel[]> {
    const connector = createConnector(
      { connection_id: connectionId, platform, config: settings.config, credentials: settings.credentials },
      {
        maxRetryAfterSeconds: MAX_RETRY_AFTER_SECONDS,
        retryPolicy: { budgetSeconds: MAX_RETRY_AFTER_SECONDS },
        importDir: this.config.importDir,
        outboundPolicy: this.config.outboundUrls,
      },
    );
    try {
      return await connector.discoverChannels(AbortSignal.timeout(DISCOVERY_TIMEOUT_MS));
    } catch (error) {
      if (PLATFORM_SETTINGS[platform].source === 'file') {
        if (!(error instanceof PlatformError)) throw error;
        throw new UpstreamError(
          error.code,
          `The ${platform} platform refused the connection: ${error.message}`,
          {},
          STATUS_BY_CODE[error.code],
        );
      }
      this.log.warn({
        message: 'platform probe failed',
        connection_id: connectionId,
        platform,
        code: error instanceof PlatformError ? error.code : null,
        http_status: error instanceof PlatformError ? (error.options.httpStatus ?? null) : null,
        cause: errorMessage(error),
      });
      throw probeFailure(platform, error);
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

/** What a caller is told of a failed probe of a networked platform: the platform's meaning, or a generic failure. */
function probeFailure(platform: Platform, error: unknown): UpstreamError {
  const code = error instanceof PlatformError ? error.code : null;
  switch (code) {
    case 'AUTH_ERROR':
      return new UpstreamError(code, `The ${platform} platform refused the connection's credentials`, {}, 400);
    case 'CHANNEL_NOT_FOUND':
      return new UpstreamError(
        code,
        `The ${platform} platform does not show the team, guild or channel the connection's settings name`,
        {},
        400,
      );
    case 'RATE_LIMIT': {
      const retryAfter = Math.ceil((error as PlatformError).retryAfterSeconds ?? MAX_RETRY_AFTER_SECONDS);
      return new UpstreamError(
        code,
        `The ${platform} platform is rate limiting the connection: retry after ${retryAfter} s`,
        { retry_after: retryAfter },
        429,
      );
    }
    default:
      return new UpstreamError(
        'PLATFORM_ERROR',
        `Could not reach the platform (${platform}); the cause is in the gateway's log`,
        {},
        502,
      );
  }
}
