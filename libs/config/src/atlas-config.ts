import { availableParallelism } from 'node:os';
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { normalizeHost, OutboundUrlPolicy, outboundUrlProblem } from '@atlas/outbound';

/** Every setting of Atlas Sync, read from the environment once at start (see README "Configuration"). */
export interface AtlasConfig {
  port: number;
  /** The address the HTTP server listens on (ATLAS_BIND_HOST): loopback unless told otherwise. */
  bindHost: string;
  natsUrl: string;
  mongodbUri: string | null;
  dataDir: string;
  importDir: string;
  /** The built web app the gateway serves at / (ATLAS_WEB_DIR, default apps/web/dist of the working dir). */
  webAppDir: string;
  /** Keys from ATLAS_API_KEYS; empty when unset (the all-in-one mode then generates one). */
  apiKeys: string[];
  /** 32-byte key from ATLAS_SECRET_KEY; null when unset (resolved from the data dir). */
  secretKey: Buffer | null;
  maxConcurrentSyncs: number;
  maxRetryAfterSeconds: number;
  /** Seconds a stage may hold a message without a sign of life before JetStream redelivers it. */
  ackWaitSeconds: number;
  /** Worker threads for local extraction and wiki pages, off the event loop that serves the API; 0 runs them on that loop. */
  workerThreads: number;
  /** How long a write answer waits for the read models to show it. */
  readYourWritesTimeoutMs: number;
  /** Largest file POST /api/imports accepts, in bytes. */
  maxUploadBytes: number;
  /** Largest total an uploaded archive may unpack to, in bytes: the zip-bomb guard. */
  maxImportUncompressedBytes: number;
  /** Requests one API key may make per minute on one gateway; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** File uploads (POST /api/imports) one API key may make per minute, within the above; 0 turns it off. */
  uploadRateLimitPerMinute: number;
  logLevel: LogLevel;
  logFormat: 'json' | 'text';
  /** Live progress (GET /api/sync/events): its heartbeats, the pace of its status events and its token's life. */
  syncEvents: SyncEventsConfig;
  /** Whether the all-in-one mode registers the demo Slack export (ATLAS_DEMO, default true). */
  demo: boolean;
  /** The OpenAI-compatible endpoint facts are extracted with; null (ATLAS_LLM_BASE_URL unset) keeps extraction local. */
  llm: LlmConfig | null;
  /** Where platform requests and LLM requests may go: https to public addresses unless allowed otherwise. */
  outboundUrls: OutboundUrlPolicy;
  /** Who may read `GET /metrics`, and where services without an HTTP API serve theirs. */
  metrics: MetricsConfig;
  /** How webhook deliveries are sent and retried (their URLs obey `outboundUrls`). */
  webhooks: WebhooksConfig;
}

export interface WebhooksConfig {
  /** ATLAS_WEBHOOK_TIMEOUT_MS: how long one delivery attempt waits for the receiver's answer. */
  timeoutMs: number;
  /** ATLAS_WEBHOOK_MAX_ATTEMPTS: attempts of one delivery before it is given up (`failed`). */
  maxAttempts: number;
  /** ATLAS_WEBHOOK_RETRY_BASE_MS: the wait after a first failed attempt; each further one doubles it. */
  retryBaseMs: number;
  /** ATLAS_WEBHOOK_RETRY_MAX_MS: the longest wait between two attempts. */
  retryMaxMs: number;
}

export interface MetricsConfig {
  /** ATLAS_METRICS_PUBLIC: /metrics answers without any key (for a scraper on a private network). */
  public: boolean;
  /** ATLAS_METRICS_TOKEN: a Bearer token that reads /metrics and nothing else; API keys read it too. Never logged. */
  token: string | null;
  /** ATLAS_METRICS_PORT: the port a service without an HTTP API (fetcher, extractor...) serves its /metrics on; null: none. */
  port: number | null;
}

export interface SyncEventsConfig {
  /** Seconds between heartbeat comments on an idle stream: proxies close connections that stay silent. */
  heartbeatSeconds: number;
  /** Least time between two status events of one stream: progress is coalesced, stage changes and ends are not. */
  statusIntervalMs: number;
  /** How long a token from POST /api/sync/events/token opens the stream (EventSource cannot send a key). */
  tokenTtlSeconds: number;
  /** Streams one API key may hold open on one gateway: each holds a consumer of the log on the NATS server. */
  maxStreamsPerKey: number;
}

/** How the LLM is asked for structured output: a JSON schema, or plain JSON for servers without schema support. */
export const LLM_JSON_MODES = ['json_schema', 'json_object'] as const;
export type LlmJsonMode = (typeof LLM_JSON_MODES)[number];

export interface LlmConfig {
  /** Base URL of the chat-completions API, without a trailing slash (`https://api.openai.com/v1`). */
  baseUrl: string;
  model: string;
  /** Sent as a Bearer token; null for local servers that need none. Never logged. */
  apiKey: string | null;
  timeoutMs: number;
  maxMessagesPerRequest: number;
  jsonMode: LlmJsonMode;
}

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
/** Upper bound of the size settings: beyond it a number of bytes is surely a typo. */
const MAX_SIZE_SETTING = 1024 * GIB;

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration; throws one ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AtlasConfig {
  const problems: string[] = [];
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const natsUrl = read('NATS_URL') ?? 'nats://127.0.0.1:4222';
  for (const server of natsUrl.split(',')) {
    if (!/^(nats|tls|ws|wss):\/\/[^\s/]+(:\d+)?\/?$/.test(server.trim())) {
      problems.push(`NATS_URL must be a nats:// URL or a comma-separated list of them (got "${natsUrl}")`);
      break;
    }
  }

  const mongodbUri = read('MONGODB_URI') ?? null;
  if (mongodbUri !== null && !/^mongodb(\+srv)?:\/\/\S+$/.test(mongodbUri)) {
    problems.push('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  }

  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  const dataDir = absolute(read('ATLAS_DATA_DIR') ?? './data');
  const importDir = absolute(read('ATLAS_IMPORT_DIR') ?? resolve(dataDir, 'imports'));

  const apiKeys = (read('ATLAS_API_KEYS') ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  const shortKey = apiKeys.find((key) => key.length < 16 || /\s/.test(key));
  if (shortKey !== undefined) {
    problems.push('ATLAS_API_KEYS must hold keys of at least 16 characters without spaces, separated by commas');
  }

  const secretHex = read('ATLAS_SECRET_KEY');
  let secretKey: Buffer | null = null;
  if (secretHex !== undefined) {
    if (/^[0-9a-fA-F]{64}$/.test(secretHex)) secretKey = Buffer.from(secretHex, 'hex');
    else problems.push('ATLAS_SECRET_KEY must be 32 bytes written as 64 hex characters (openssl rand -hex 32)');
  }

  const logLevel = (read('ATLAS_LOG_LEVEL') ?? 'log') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`ATLAS_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const logFormat = (read('ATLAS_LOG_FORMAT') ?? 'json') as AtlasConfig['logFormat'];
  if (logFormat !== 'json' && logFormat !== 'text') problems.push('ATLAS_LOG_FORMAT must be json or text');

  // An address, not a name: a name can resolve to several addresses, and the printed URL must say which one listens.
  const bindHost = (read('ATLAS_BIND_HOST') ?? '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
  if (isIP(bindHost) === 0) {
    problems.push(`ATLAS_BIND_HOST must be an IP address such as 127.0.0.1, 0.0.0.0 or :: (got "${bindHost}")`);
  }

  const demoRaw = (read('ATLAS_DEMO') ?? 'true').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(demoRaw)) problems.push('ATLAS_DEMO must be true or false');

  const outboundUrls = readOutboundUrlPolicy(read, problems);
  const metrics = readMetricsConfig(read, integer, problems);
  const llm = readLlmConfig(read, integer, problems, outboundUrls);
  const webhooks = readWebhooksConfig(integer, problems);

  const config: AtlasConfig = {
    port: integer('PORT', 3000, 1, 65535),
    bindHost,
    natsUrl,
    mongodbUri,
    dataDir,
    importDir,
    webAppDir: absolute(read('ATLAS_WEB_DIR') ?? 'apps/web/dist'),
    apiKeys,
    secretKey,
    maxConcurrentSyncs: integer('ATLAS_MAX_CONCURRENT_SYNCS', 4, 1, 1000),
    maxRetryAfterSeconds: integer('ATLAS_MAX_RETRY_AFTER_SECONDS', 300, 0, 86_400),
    ackWaitSeconds: integer('ATLAS_ACK_WAIT_SECONDS', 30, 1, 3600),
    workerThreads: integer('ATLAS_WORKER_THREADS', Math.max(1, availableParallelism() - 1), 0, 64),
    readYourWritesTimeoutMs: integer('ATLAS_READ_YOUR_WRITES_TIMEOUT_MS', 5000, 0, 60_000),
    maxUploadBytes: integer('ATLAS_MAX_UPLOAD_BYTES', 512 * MIB, 1024, MAX_SIZE_SETTING),
    maxImportUncompressedBytes: integer('ATLAS_MAX_IMPORT_UNCOMPRESSED_BYTES', 2 * GIB, 1024, MAX_SIZE_SETTING),
    rateLimitPerMinute: integer('ATLAS_RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000),
    uploadRateLimitPerMinute: integer('ATLAS_UPLOAD_RATE_LIMIT_PER_MINUTE', 30, 0, 1_000_000),
    syncEvents: {
      heartbeatSeconds: integer('ATLAS_SSE_HEARTBEAT_SECONDS', 15, 1, 300),
      statusIntervalMs: integer('ATLAS_SSE_STATUS_INTERVAL_MS', 250, 50, 60_000),
      tokenTtlSeconds: integer('ATLAS_SSE_TOKEN_TTL_SECONDS', 300, 10, 86_400),
      maxStreamsPerKey: integer('ATLAS_SSE_MAX_STREAMS_PER_KEY', 20, 1, 10_000),
    },
    logLevel,
    logFormat,
    demo: demoRaw === 'true' || demoRaw === '1',
    llm,
    outboundUrls,
    metrics,
    webhooks,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Webhook deliveries: one attempt's timeout, and the exponential backoff between attempts up to the last. */
function readWebhooksConfig(
  integer: (name: string, fallback: number, min: number, max: number) => number,
  problems: string[],
): WebhooksConfig {
  const retryBaseMs = integer('ATLAS_WEBHOOK_RETRY_BASE_MS', 10_000, 10, 3_600_000);
  const retryMaxMs = integer('ATLAS_WEBHOOK_RETRY_MAX_MS', 3_600_000, 10, 86_400_000);
  if (retryMaxMs < retryBaseMs) {
    problems.push(
      `ATLAS_WEBHOOK_RETRY_MAX_MS (${retryMaxMs}) must not be less than ATLAS_WEBHOOK_RETRY_BASE_MS (${retryBaseMs})`,
    );
  }
  return {
    timeoutMs: integer('ATLAS_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    maxAttempts: integer('ATLAS_WEBHOOK_MAX_ATTEMPTS', 10, 1, 50),
    retryBaseMs,
    retryMaxMs,
  };
}

/** Who may scrape /metrics: API keys by default, or a token of its own, or anyone (never both of the last two). */
function readMetricsConfig(
  read: (name: string) => string | undefined,
  integer: (name: string, fallback: number, min: number, max: number) => number,
  problems: string[],
): MetricsConfig {
  const publicRaw = (read('ATLAS_METRICS_PUBLIC') ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(publicRaw)) problems.push('ATLAS_METRICS_PUBLIC must be true or false');
  const isPublic = publicRaw === 'true' || publicRaw === '1';
  const token = read('ATLAS_METRICS_TOKEN') ?? null;
  // The token itself never goes into a problem: the error is printed at start.
  if (token !== null && (token.length < 16 || /\s/.test(token))) {
    problems.push('ATLAS_METRICS_TOKEN must be at least 16 characters without spaces');
  }
  if (token !== null && isPublic) {
    problems.push('ATLAS_METRICS_TOKEN and ATLAS_METRICS_PUBLIC=true contradict each other: set one of them');
  }
  const port = integer('ATLAS_METRICS_PORT', 0, 1, 65535);
  return { public: isPublic, token, port: port === 0 ? null : port };
}

/**
 * The LLM settings. Their numbers and mode are checked even while the LLM is off, so a typo shows at
 * start and not on the day someone sets the base URL.
 */
function readLlmConfig(
  read: (name: string) => string | undefined,
  integer: (name: string, fallback: number, min: number, max: number) => number,
  problems: string[],
  outboundUrls: OutboundUrlPolicy,
): LlmConfig | null {
  const timeoutMs = integer('ATLAS_LLM_TIMEOUT_MS', 60_000, 1000, 600_000);
  const maxMessagesPerRequest = integer('ATLAS_LLM_MAX_MESSAGES_PER_REQUEST', 40, 1, 500);
  const jsonMode = (read('ATLAS_LLM_JSON_MODE') ?? 'json_schema') as LlmJsonMode;
  if (!LLM_JSON_MODES.includes(jsonMode)) {
    problems.push(`ATLAS_LLM_JSON_MODE must be one of ${LLM_JSON_MODES.join(', ')} (got "${jsonMode}")`);
  }
  const apiKey = read('ATLAS_LLM_API_KEY') ?? null;
  // The key itself never goes into a problem: the error is printed at start.
  if (apiKey !== null && /\s/.test(apiKey)) problems.push('ATLAS_LLM_API_KEY must not contain spaces');

  const baseUrl = read('ATLAS_LLM_BASE_URL');
  const model = read('ATLAS_LLM_MODEL');
  if (baseUrl === undefined) return null;
  const urlProblem = httpUrlProblem(baseUrl);
  const policyProblem = urlProblem === null ? outboundUrlProblem(baseUrl, outboundUrls) : null;
  if (urlProblem !== null) problems.push(`ATLAS_LLM_BASE_URL ${urlProblem}`);
  else if (policyProblem !== null) problems.push(`ATLAS_LLM_BASE_URL ${policyProblem}`);
  if (model === undefined) problems.push('ATLAS_LLM_MODEL is required when ATLAS_LLM_BASE_URL is set');
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    model: model ?? '',
    apiKey,
    timeoutMs,
    maxMessagesPerRequest,
    jsonMode,
  };
}

/**
 * What outbound requests may reach. Off by default: platform URLs come from API callers, so without
 * these a caller could point the gateway (and a stored token) at the internal network.
 */
function readOutboundUrlPolicy(read: (name: string) => string | undefined, problems: string[]): OutboundUrlPolicy {
  const flag = (name: string) => {
    const raw = (read(name) ?? 'false').toLowerCase();
    if (!['true', 'false', '1', '0'].includes(raw)) problems.push(`${name} must be true or false`);
    return raw === 'true' || raw === '1';
  };
  const allowHttp = flag('ATLAS_ALLOW_HTTP_PLATFORM_URLS');
  const allowPrivateAddresses = flag('ATLAS_ALLOW_PRIVATE_PLATFORM_URLS');
  const allowedHosts: string[] = [];
  for (const entry of (read('ATLAS_ALLOWED_PLATFORM_HOSTS') ?? '').split(',')) {
    if (entry.trim() === '') continue;
    const host = normalizeHost(entry);
    if (host === null) {
      problems.push(
        `ATLAS_ALLOWED_PLATFORM_HOSTS must be a comma-separated list of host names or IP addresses, without scheme, port or path (got "${entry.trim()}")`,
      );
    } else allowedHosts.push(host);
  }
  return { allowHttp, allowPrivateAddresses, allowedHosts };
}

/** Why the value is not a usable base URL, or null. A URL with user:password in it is not echoed back. */
function httpUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be an http:// or https:// URL (got "${value}")`;
  }
  if (url.username !== '' || url.password !== '') return 'must not hold credentials: set ATLAS_LLM_API_KEY instead';
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `must be an http:// or https:// URL (got "${value}")`;
  return null;
}
