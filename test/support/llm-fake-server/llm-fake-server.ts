import { readFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { LlmExtractorOptions } from '@atlas/knowledge';
import { closeServer, listenLocally } from '../local-http-server';
import { EMULATOR_OUTBOUND_POLICY } from '../outbound-allowances';

/** An answer recorded from a chat-completions API, replayed as it was sent. */
export interface Recording {
  description: string;
  status: number;
  headers?: Record<string, string>;
  /** JSON-encoded when an object; a string is sent as is. */
  body: unknown;
  /** How long the server stalls before answering. */
  delay_ms?: number;
}

export type RecordingName =
  | 'valid-thread-answer'
  | 'valid-requests-answer'
  | 'malformed-answer'
  | 'schema-violating-answer'
  | 'foreign-message-answer'
  | 'selective-answer'
  | 'rule-breaking-answer'
  | 'owned-work-answer'
  | 'truncated-answer'
  | 'server-error-500'
  | 'rate-limited-429'
  | 'unauthorized-401'
  | 'stalled-answer'
  | 'ask-supported-answer'
  | 'ask-unsupported-answer'
  | 'ask-malformed-answer';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; null when it was not JSON. */
  body: ChatCompletionsBody | null;
  /** Ids of the messages the user message asks about (not the context ones). */
  messageIds: string[];
  /** The recording answered, or null when none applied. */
  answeredWith: RecordingName | null;
}

export interface ChatCompletionsBody {
  model: string;
  temperature?: number;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; strict: boolean; schema: object } };
}

export type RequestMatcher = (request: ReceivedRequest) => boolean;

interface Rule {
  matcher: RequestMatcher;
  recording: RecordingName;
  timesLeft: number;
}

const RECORDINGS_DIR = join(__dirname, 'recordings');

export function loadRecording(name: RecordingName): Recording {
  return JSON.parse(readFileSync(join(RECORDINGS_DIR, `${name}.json`), 'utf8')) as Recording;
}

/**
 * A local stand-in for an OpenAI-compatible chat-completions API (POST /v1/chat/completions) that
 * replays recorded answers: those of matching rules first, then the queued ones in order. A request
 * nothing answers gets a 500 saying so. Every request is kept, for tests to assert on.
 */
/** Extractor options pointed at the fake server (json_schema mode, ten messages a request), with overrides. */
export function fakeServerOptions(
  fake: LlmFakeServer,
  overrides: Partial<LlmExtractorOptions> = {},
): LlmExtractorOptions {
  return {
    baseUrl: fake.baseUrl,
    model: 'gpt-4o-mini',
    apiKey: null,
    timeoutMs: 5000,
    maxMessagesPerRequest: 10,
    jsonMode: 'json_schema',
    outboundPolicy: EMULATOR_OUTBOUND_POLICY,
    ...overrides,
  };
}

export class LlmFakeServer {
  readonly requests: ReceivedRequest[] = [];
  private readonly queue: RecordingName[] = [];
  private readonly rules: Rule[] = [];
  private readonly server: Server = createServer((request, response) => {
    this.handle(request, response).catch((error: unknown) => response.writeHead(500).end(String(error)));
  });

  static async start(): Promise<LlmFakeServer> {
    const fake = new LlmFakeServer();
    await listenLocally(fake.server);
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** Answers the next requests no rule matches with these recordings, in order. */
  enqueue(...names: RecordingName[]): this {
    this.queue.push(...names);
    return this;
  }

  /** Answers the requests the matcher accepts with the recording, `times` times. */
  when(matcher: RequestMatcher, recording: RecordingName, times = Number.POSITIVE_INFINITY): this {
    this.rules.push({ matcher, recording, timesLeft: times });
    return this;
  }

  /** Forgets the queue, the rules and the requests, between tests. */
  reset(): void {
    this.queue.length = 0;
    this.rules.length = 0;
    this.requests.length = 0;
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const body = parseJson(text) as ChatCompletionsBody | null;
    const received: ReceivedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      body,
      messageIds: messageIdsOf(body),
      answeredWith: null,
    };
    this.requests.push(received);
    if (received.method !== 'POST' || received.path !== '/v1/chat/completions') {
      sendJson(response, 404, { error: { message: `llm-fake-server: no route ${received.method} ${received.path}` } });
      return;
    }
    const name = this.pick(received);
    if (name === null) {
      sendJson(response, 500, { error: { message: 'llm-fake-server: no recording left for this request' } });
      return;
    }
    received.answeredWith = name;
    const recording = loadRecording(name);
    if (recording.delay_ms) {
      const stalled = await waitOrClose(recording.delay_ms, response);
      if (!stalled) return;
    }
    const payload = typeof recording.body === 'string' ? recording.body : JSON.stringify(recording.body);
    response.writeHead(recording.status, { 'content-type': 'application/json', ...recording.headers });
    response.end(payload);
  }

  private pick(request: ReceivedRequest): RecordingName | null {
    const rule = this.rules.find((candidate) => candidate.timesLeft > 0 && candidate.matcher(request));
    if (rule) {
      rule.timesLeft -= 1;
      return rule.recording;
    }
    return this.queue.shift() ?? null;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The ids of the user message's `messages`, when it is the JSON the extractor sends. */
function messageIdsOf(body: ChatCompletionsBody | null): string[] {
  const user = body?.messages?.find((message) => message.role === 'user');
  const prompt = user ? (parseJson(user.content) as { messages?: Array<{ id?: unknown }> } | null) : null;
  return (prompt?.messages ?? []).map((message) => String(message.id));
}

function sendJson(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Waits, unless the client gives up first (a timeout): false then, and nothing is sent. */
function waitOrClose(ms: number, response: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    response.once('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}
