import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { stableId } from '@atlas/common';
import { Fact } from '@atlas/events';
import type { NormalizedMessage } from '@atlas/events';
import { extractFacts, LLM_EXTRACTOR_VERSION, LlmFactExtractor } from '@atlas/knowledge';
import type { ExtractionContext, ExtractionResult, LlmExtractorOptions } from '@atlas/knowledge';
import { STRICT_OUTBOUND_POLICY } from '@atlas/outbound';
import { freePort } from '../support/free-port';
import {
  ANA,
  BRUNO,
  CHANNEL_ID,
  extractionContext,
  fakeServerOptions,
  LlmFakeServer,
  loadRecording,
  MESSAGE,
  recordedConversation,
  REQUESTS_REQUEST,
  THREAD_REQUEST,
  type RecordingName,
} from '../support/llm-fake-server';

const API_KEY = 'sk-atlas-test-key-never-logged';

/** The tokens a recording reports, as the extractor must count them. */
function tokensOf(...names: RecordingName[]): { prompt_tokens: number; completion_tokens: number } {
  return names.reduce(
    (sum, name) => {
      const usage = (loadRecording(name).body as { usage?: { prompt_tokens: number; completion_tokens: number } })
        .usage;
      return {
        prompt_tokens: sum.prompt_tokens + (usage?.prompt_tokens ?? 0),
        completion_tokens: sum.completion_tokens + (usage?.completion_tokens ?? 0),
      };
    },
    { prompt_tokens: 0, completion_tokens: 0 },
  );
}

/** The local extractor, noting which messages each call got. */
function watchedLocalExtractor() {
  const calls: string[][] = [];
  const fallback = (messages: NormalizedMessage[], context: ExtractionContext): ExtractionResult => {
    calls.push(messages.map((message) => message.id));
    return extractFacts(messages, context);
  };
  return { calls, fallback };
}

function messagesWithIds(ids: readonly string[]): NormalizedMessage[] {
  return recordedConversation().filter((message) => ids.includes(message.id));
}

function factsOf(result: ExtractionResult, ids: readonly string[]): Fact[] {
  return result.facts.filter((fact) => ids.includes(fact.message_id));
}

const NOT_SENT = [MESSAGE.greeting, MESSAGE.deploy, MESSAGE.deleted];

describe('LlmFactExtractor against a recorded chat-completions API', () => {
  let fake: LlmFakeServer;
  beforeAll(async () => (fake = await LlmFakeServer.start()));
  afterAll(() => fake.close());
  afterEach(() => fake.reset());

  const options = (overrides: Partial<LlmExtractorOptions> = {}): LlmExtractorOptions =>
    fakeServerOptions(fake, { apiKey: API_KEY, maxMessagesPerRequest: 2, maxRetryWaitMs: 2000, ...overrides });

  it('turns valid answers into facts with their types, entities, relations, subjects and ids, and counts the tokens', async () => {
    fake.enqueue('valid-thread-answer', 'valid-requests-answer');
    const local = watchedLocalExtractor();
    const context = extractionContext();
    const { result, run, rejected } = await new LlmFactExtractor(options(), local.fallback).extract(
      recordedConversation(),
      context,
    );

    expect(run).toEqual({
      extractor: 'llm',
      fallback_reason: null,
      ...tokensOf('valid-thread-answer', 'valid-requests-answer'),
    });
    expect(rejected).toEqual([]);
    expect(fake.requests.map((request) => request.messageIds)).toEqual([THREAD_REQUEST, REQUESTS_REQUEST]);
    // Small talk, the bot and the deleted message cost no tokens: the local extractor judges them alone.
    expect(local.calls).toEqual([NOT_SENT]);
    expect(factsOf(result, NOT_SENT)).toEqual(extractFacts(messagesWithIds(NOT_SENT), context).facts);

    const llmFacts = result.facts.filter((fact) => fact.extractor_version === LLM_EXTRACTOR_VERSION);
    expect(llmFacts.map((fact) => [fact.message_id, fact.index, fact.type])).toEqual([
      [MESSAGE.question, 0, 'question'],
      [MESSAGE.decision, 0, 'decision'],
      [MESSAGE.decision, 1, 'announcement'],
      [MESSAGE.reviewRequest, 0, 'action_item'],
      [MESSAGE.launchDate, 0, 'announcement'],
    ]);
    for (const fact of llmFacts) {
      expect(fact.id).toBe(stableId('fact', CHANNEL_ID, fact.message_id, LLM_EXTRACTOR_VERSION, fact.index));
      expect(fact.language).toBe('en');
      expect(validateSync(plainToInstance(Fact, fact), { forbidUnknownValues: true })).toEqual([]);
    }
    const [question, decision, ownership, review, launch] = llmFacts;

    expect(question.entities.map((entity) => entity.key)).toEqual([
      'person:U0BRUNO',
      'project:billing service',
      'technology:postgres',
      'technology:mongodb',
    ]);
    expect(question.relations).toEqual([
      { type: 'asked', source: 'person:U0BRUNO', target: 'project:billing service' },
    ]);
    expect(question.topics).toEqual(['billing migration', 'databases']);
    expect(question.source).toEqual({
      message_id: MESSAGE.question,
      author_id: BRUNO.id,
      author_name: BRUNO.name,
      timestamp: '2024-03-04T08:15:00.000Z',
      thread_id: MESSAGE.question,
      permalink: `https://acme.slack.com/archives/${CHANNEL_ID}/p1709540100000100`,
      text: 'Should we move the billing service to Postgres or keep it on MongoDB?',
    });

    expect(decision.relations).toEqual([
      { type: 'decided', source: 'person:U0ANA', target: 'decision:move billing to postgres' },
      { type: 'uses', source: 'project:billing service', target: 'technology:postgres' },
    ]);

    // "Ana" is Ana Lima by her first name; "Dmitri" is nobody the channel knows: dropped, relation and all.
    expect(ownership.entities).toEqual([
      { key: 'person:U0ANA', name: ANA.name, type: 'person', kind: null },
      { key: 'project:billing migration', name: 'billing migration', type: 'project', kind: null },
    ]);
    expect(ownership.relations).toEqual([
      { type: 'owns', source: 'person:U0ANA', target: 'project:billing migration' },
    ]);
    expect(ownership.subject).toBe('owner:project:billing migration');
    expect(ownership.source.thread_id).toBe(MESSAGE.question);

    expect(review.entities.map((entity) => [entity.key, entity.kind])).toEqual([
      ['person:U0ANA', null],
      ['person:U0BRUNO', null],
      ['artifact:ticket:github.com/acme/billing/pull/42', 'ticket'],
    ]);
    expect(review.subject).toBe(`task:${MESSAGE.reviewRequest}:person:U0BRUNO`);
    expect([review.owner, review.reports_done]).toEqual(['person:U0BRUNO', false]);
    expect([launch.owner, launch.reports_done]).toEqual([null, false]);
    // The thread's answer predates owners: left out, they read as nobody's and nothing done.
    expect([ownership.owner, ownership.reports_done]).toEqual([null, false]);
    expect(review.due_at).toBe('2024-03-08');

    expect(launch.entities.map((entity) => entity.key)).toEqual(['project:atlas v2', 'artifact:ticket:ops-142']);
    expect(launch.relations).toEqual([
      { type: 'depends_on', source: 'project:atlas v2', target: 'artifact:ticket:ops-142' },
    ]);
    expect(launch.subject).toBe('deadline:project:atlas v2');
    expect(launch.due_at).toBe('2024-03-15');
    expect(launch.valid_at).toBe('2024-03-04T09:00:00.000Z'); // edited: it holds from the edit
  });

  it('asks for the schema with the model and the Bearer key, temperature 0', async () => {
    fake.enqueue('valid-thread-answer', 'valid-requests-answer');
    await new LlmFactExtractor(options()).extract(recordedConversation(), extractionContext());

    const [first] = fake.requests;
    expect(first.method).toBe('POST');
    expect(first.path).toBe('/v1/chat/completions');
    expect(first.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(first.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0 });
    expect(first.body?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'atlas_facts', strict: true, schema: { type: 'object', required: ['facts'] } },
    });
    const schema = first.body?.response_format?.json_schema?.schema as {
      properties: { facts: { items: { properties: { type: { enum: string[] } } } } };
    };
    const factSchema = schema.properties.facts.items;
    expect(factSchema.properties.type.enum).toEqual([
      'decision',
      'action_item',
      'question',
      'answer',
      'announcement',
      'opinion',
      'observation',
    ]);
    expect(first.body?.messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(first.body?.messages[0].content).toMatch(/self-contained/);

    const prompt = JSON.parse(fake.requests[1].body!.messages[1].content);
    expect(prompt.channel).toBe('eng-platform');
    expect(prompt.people).toContainEqual({ id: BRUNO.id, name: BRUNO.name });
    expect(prompt.messages).toEqual([
      {
        id: MESSAGE.reviewRequest,
        author: ANA.name,
        author_id: ANA.id,
        time: '2024-03-04T08:20:00.000Z',
        thread_parent: null,
        text: '@Bruno Costa can you review the migration PR by Friday? https://github.com/acme/billing/pull/42',
      },
      expect.objectContaining({ id: MESSAGE.launchDate, time: '2024-03-04T09:00:00.000Z' }),
    ]);
  });

  it('shows a reply the thread parent it answers when the parent is in another request', async () => {
    fake.enqueue('malformed-answer', 'malformed-answer', 'malformed-answer', 'malformed-answer');
    await new LlmFactExtractor(options({ maxMessagesPerRequest: 1 })).extract(
      recordedConversation(),
      extractionContext(),
    );
    const second = JSON.parse(fake.requests[1].body!.messages[1].content);
    expect(second.messages.map((message: { id: string }) => message.id)).toEqual([MESSAGE.decision]);
    expect(second.context).toEqual([
      expect.objectContaining({
        id: MESSAGE.question,
        text: expect.stringContaining('Postgres or keep it on MongoDB'),
      }),
    ]);
  });

  it('asks servers without schema support for a JSON object, with the schema in the prompt, and sends no key it lacks', async () => {
    fake.enqueue('valid-thread-answer', 'valid-requests-answer');
    const { run } = await new LlmFactExtractor(options({ jsonMode: 'json_object', apiKey: null })).extract(
      recordedConversation(),
      extractionContext(),
    );
    expect(run.fallback_reason).toBeNull();
    const [first] = fake.requests;
    expect(first.body?.response_format).toEqual({ type: 'json_object' });
    expect(first.body?.messages[0].content).toContain('"required":["facts"]');
    expect(first.headers.authorization).toBeUndefined();
  });

  describe.each<[string, RecordingName[], RegExp]>([
    ['an answer that is not JSON', ['malformed-answer'], /^request 2 of 2: the answer content is not JSON$/],
    [
      'JSON that breaks the schema',
      ['schema-violating-answer'],
      /^request 2 of 2: the answer does not match the schema: (?=.*facts\.0\.notes: property notes should not exist)(?=.*facts\.0\.type: type must be one of)/,
    ],
    [
      'a truncated answer',
      ['truncated-answer'],
      /^request 2 of 2: the answer was truncated \(finish_reason "length"\)$/,
    ],
    [
      'two HTTP 500s',
      ['server-error-500', 'server-error-500'],
      /^request 2 of 2: HTTP 500 Internal Server Error: The server had an error/,
    ],
    [
      'two HTTP 429s',
      ['rate-limited-429', 'rate-limited-429'],
      /^request 2 of 2: HTTP 429 Too Many Requests: Rate limit reached/,
    ],
    ['an HTTP 401', ['unauthorized-401'], /^request 2 of 2: HTTP 401 Unauthorized: Incorrect API key/],
  ])('on %s', (_kind, failure, reason) => {
    it('hands that request alone to the local extractor, says why and still counts the tokens', async () => {
      fake.enqueue('valid-thread-answer', ...failure);
      const local = watchedLocalExtractor();
      const context = extractionContext();
      const { result, run } = await new LlmFactExtractor(options(), local.fallback).extract(
        recordedConversation(),
        context,
      );

      expect(run.extractor).toBe('llm');
      expect(run.fallback_reason).toMatch(reason);
      expect({ prompt_tokens: run.prompt_tokens, completion_tokens: run.completion_tokens }).toEqual(
        tokensOf('valid-thread-answer', ...failure),
      );
      expect(fake.requests).toHaveLength(1 + failure.length);
      expect(local.calls).toEqual([NOT_SENT, REQUESTS_REQUEST]);
      expect(factsOf(result, REQUESTS_REQUEST)).toEqual(extractFacts(messagesWithIds(REQUESTS_REQUEST), context).facts);
      const threadFacts = factsOf(result, THREAD_REQUEST);
      expect(threadFacts).toHaveLength(3);
      expect(threadFacts.every((fact) => fact.extractor_version === LLM_EXTRACTOR_VERSION)).toBe(true);
    });
  });

  it('drops a fact citing a message the request did not send, says so, and keeps the request with the model', async () => {
    fake.enqueue('valid-thread-answer', 'foreign-message-answer');
    const local = watchedLocalExtractor();
    const { result, run, rejected } = await new LlmFactExtractor(options(), local.fallback).extract(
      recordedConversation(),
      extractionContext(),
    );
    expect(run).toMatchObject({ extractor: 'llm', fallback_reason: null });
    expect(local.calls).toEqual([NOT_SENT]);
    expect(rejected).toEqual([
      {
        message_id: MESSAGE.question,
        text: 'Bruno Costa asked whether the billing service should move to Postgres.',
        type: 'question',
        reason: 'message_not_sent',
        detail: MESSAGE.question,
      },
    ]);
    // The question keeps the one fact of the request that sent it; the second request's answer gave none.
    expect(factsOf(result, [MESSAGE.question])).toHaveLength(1);
    expect(factsOf(result, REQUESTS_REQUEST)).toEqual([]);
  });

  it('falls back for the request the matcher picks, wherever it is in the batch', async () => {
    fake
      .when((request) => request.messageIds.includes(MESSAGE.question), 'truncated-answer')
      .enqueue('valid-requests-answer');
    const local = watchedLocalExtractor();
    const { result, run } = await new LlmFactExtractor(options(), local.fallback).extract(
      recordedConversation(),
      extractionContext(),
    );
    expect(run.fallback_reason).toMatch(/^request 1 of 2: the answer was truncated/);
    expect(local.calls).toEqual([NOT_SENT, THREAD_REQUEST]);
    expect(factsOf(result, REQUESTS_REQUEST).map((fact) => fact.extractor_version)).toEqual([
      LLM_EXTRACTOR_VERSION,
      LLM_EXTRACTOR_VERSION,
    ]);
  });

  it('waits out a short Retry-After and retries once', async () => {
    fake.enqueue('valid-thread-answer', 'rate-limited-429', 'valid-requests-answer');
    const started = Date.now();
    const { run } = await new LlmFactExtractor(options()).extract(recordedConversation(), extractionContext());
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(run).toEqual({
      extractor: 'llm',
      fallback_reason: null,
      ...tokensOf('valid-thread-answer', 'valid-requests-answer'),
    });
    expect(fake.requests.map((request) => request.answeredWith)).toEqual([
      'valid-thread-answer',
      'rate-limited-429',
      'valid-requests-answer',
    ]);
  });

  it('does not wait out a Retry-After longer than it may, and falls back at once', async () => {
    fake.enqueue('valid-thread-answer', 'rate-limited-429', 'valid-requests-answer');
    const { run } = await new LlmFactExtractor(options({ maxRetryWaitMs: 500 })).extract(
      recordedConversation(),
      extractionContext(),
    );
    expect(run.fallback_reason).toMatch(/^request 2 of 2: HTTP 429 .*Retry-After of 1 s is longer than the 0.5 s/);
    expect(fake.requests).toHaveLength(2);
  });

  it('falls back when the server does not answer in time', async () => {
    fake.enqueue('valid-thread-answer', 'stalled-answer');
    const started = Date.now();
    const { run } = await new LlmFactExtractor(options({ timeoutMs: 300 })).extract(
      recordedConversation(),
      extractionContext(),
    );
    expect(run.fallback_reason).toBe('request 2 of 2: no answer within 300 ms');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('falls back when nothing listens at the base URL', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}/v1`;
    const { result, run } = await new LlmFactExtractor(options({ baseUrl: nowhere })).extract(
      recordedConversation(),
      extractionContext(),
    );
    expect(run).toMatchObject({ extractor: 'rules', prompt_tokens: 0, completion_tokens: 0 });
    expect(run.fallback_reason).toMatch(/^request 1 of 2: the request failed: .*; request 2 of 2: the request failed/);
    expect(result.facts.every((fact) => fact.extractor_version !== LLM_EXTRACTOR_VERSION)).toBe(true);
  });

  it('sends nothing to an endpoint the outbound URL policy refuses, and falls back', async () => {
    const { result, run } = await new LlmFactExtractor(options({ outboundPolicy: STRICT_OUTBOUND_POLICY })).extract(
      recordedConversation(),
      extractionContext(),
    );
    expect(fake.requests).toHaveLength(0);
    expect(run).toMatchObject({ extractor: 'rules', prompt_tokens: 0, completion_tokens: 0 });
    expect(run.fallback_reason).toMatch(
      /^request 1 of 2: the request was not sent: http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions must be an https:\/\/ URL/,
    );
    expect(result.facts.every((fact) => fact.extractor_version !== LLM_EXTRACTOR_VERSION)).toBe(true);
  });

  it("calls the batch the local rules' work when every request fell back", async () => {
    fake.enqueue('malformed-answer', 'truncated-answer');
    const context = extractionContext();
    const { result, run } = await new LlmFactExtractor(options()).extract(recordedConversation(), context);
    expect(run).toEqual({
      extractor: 'rules',
      fallback_reason: expect.stringMatching(/^request 1 of 2: .*not JSON; request 2 of 2: .*truncated/),
      ...tokensOf('malformed-answer', 'truncated-answer'),
    });
    expect(result.facts).toEqual(extractFacts(recordedConversation(), context).facts);
  });

  it('never repeats the API key, even when the server echoes it', async () => {
    fake.enqueue('unauthorized-401', 'unauthorized-401');
    const echoedKey = 'sk-wrong-key-for-tests';
    const { run } = await new LlmFactExtractor(options({ apiKey: echoedKey })).extract(
      recordedConversation(),
      extractionContext(),
    );
    expect(run.fallback_reason).toContain('Incorrect API key provided: [redacted]');
    expect(run.fallback_reason).not.toContain(echoedKey);
    const extractor = new LlmFactExtractor(options({ apiKey: echoedKey }));
    expect(JSON.stringify(extractor)).not.toContain(echoedKey);
  });

  it('stops, without falling back, when the job is cancelled', async () => {
    fake.enqueue('stalled-answer');
    const controller = new AbortController();
    const cancelled = new Error('job cancelled');
    setTimeout(() => controller.abort(cancelled), 100);
    const local = watchedLocalExtractor();
    await expect(
      new LlmFactExtractor(options(), local.fallback).extract(
        messagesWithIds(THREAD_REQUEST),
        extractionContext(),
        controller.signal,
      ),
    ).rejects.toBe(cancelled);
    expect(local.calls).toEqual([]);
  });
});
