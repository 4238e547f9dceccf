import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTRACTOR_VERSION, LLM_EXTRACTOR_VERSION } from '@atlas/knowledge';
import { AtlasHarness, startAtlas, waitForJob } from '../support/atlas-harness';
import {
  LlmFakeServer,
  loadRecording,
  MESSAGE,
  recordedConversation,
  REQUESTS_REQUEST,
  THREAD_REQUEST,
} from '../support/llm-fake-server';

jest.setTimeout(60_000);

const MAPPING = {
  id: 'id',
  author: 'author',
  text: 'text',
  timestamp: 'timestamp',
  thread_parent_id: 'thread_parent_id',
  edited_at: 'edited_at',
};

const sameIds = (expected: readonly string[]) => (request: { messageIds: string[] }) =>
  request.messageIds.length === expected.length && expected.every((id) => request.messageIds.includes(id));

/**
 * A whole sync with the LLM extractor on, against a local chat-completions server replaying recorded
 * answers: one request is answered well, the other with something that is not JSON. The job keeps
 * the model's facts for the first, the local extractor's for the second, and counts the tokens of both.
 */
describe('a sync through the LLM extractor, with a fallback for one request', () => {
  let llm: LlmFakeServer;
  let atlas: AtlasHarness;

  beforeAll(async () => {
    llm = await LlmFakeServer.start();
    llm.when(sameIds(THREAD_REQUEST), 'valid-thread-answer').when(sameIds(REQUESTS_REQUEST), 'malformed-answer');
    atlas = await startAtlas({
      env: {
        ATLAS_LLM_BASE_URL: llm.baseUrl,
        ATLAS_LLM_MODEL: 'recorded-model',
        ATLAS_LLM_API_KEY: 'sk-test-recorded',
        ATLAS_LLM_MAX_MESSAGES_PER_REQUEST: '2',
      },
    });
    // The recorded conversation as a JSONL export; the bot's and the deleted message are not rows a person wrote.
    const rows = recordedConversation()
      .filter((m) => !m.is_bot && !m.deleted)
      .map((m) =>
        JSON.stringify({
          id: m.id,
          author: m.author_name,
          text: m.text,
          timestamp: m.timestamp,
          thread_parent_id: m.thread_parent_id ?? '',
          edited_at: m.edited_at ?? '',
        }),
      );
    mkdirSync(join(atlas.importDir, 'llm'), { recursive: true });
    writeFileSync(join(atlas.importDir, 'llm', 'chat.jsonl'), `${rows.join('\n')}\n`);
  });

  afterAll(async () => {
    await atlas?.close();
    await llm?.close();
  });

  it('keeps the model facts it could use, falls back for the rest, and counts the tokens per job', async () => {
    const created = await atlas.api.post('/api/connections', {
      name: 'LLM chat',
      platform: 'generic_import',
      config: { path: 'llm/chat.jsonl', mapping: JSON.stringify(MAPPING), channel_name: 'eng-platform' },
    });
    expect(created.status).toBe(201);
    const [{ channel_id: channelId }] = created.body.channels;

    const { body } = await atlas.api.post('/api/sync', { channel_id: channelId });
    const job = await waitForJob(atlas.api, channelId, body.job_id, ['completed', 'failed'], 30_000);
    expect(job.status).toBe('completed');

    expect(llm.requests.map((r) => r.answeredWith).sort()).toEqual(['malformed-answer', 'valid-thread-answer']);
    expect(llm.requests.every((r) => r.headers.authorization === 'Bearer sk-test-recorded')).toBe(true);
    const usage = (name: 'valid-thread-answer' | 'malformed-answer') =>
      (loadRecording(name).body as { usage: { prompt_tokens: number; completion_tokens: number } }).usage;
    const status = await atlas.api.get(`/api/sync/status?channel_id=${channelId}&job_id=${body.job_id}`);
    expect(status.body.knowledge.llm).toEqual({
      prompt_tokens: usage('valid-thread-answer').prompt_tokens + usage('malformed-answer').prompt_tokens,
      completion_tokens: usage('valid-thread-answer').completion_tokens + usage('malformed-answer').completion_tokens,
      fallback_batches: 1,
    });

    const facts = await atlas.service.runtime.store.find<any>('facts', { where: { channel_id: channelId } });
    const versionsOf = (messageId: string) =>
      new Set(facts.filter((fact) => fact.message_id === messageId).map((fact) => fact.extractor_version));
    for (const id of THREAD_REQUEST) expect(versionsOf(id)).toEqual(new Set([LLM_EXTRACTOR_VERSION]));
    expect(versionsOf(MESSAGE.reviewRequest)).toEqual(new Set([EXTRACTOR_VERSION]));
    expect(versionsOf(MESSAGE.greeting).size).toBe(0);
    const decision = facts.find((fact) => fact.message_id === MESSAGE.decision && fact.type === 'decision');
    expect(decision?.text).toMatch(/Postgres/);
  });
});
