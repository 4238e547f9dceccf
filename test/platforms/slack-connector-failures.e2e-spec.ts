import { PlatformError } from '@atlas/platforms';
import { SlackEmulator } from '../support/slack-emulator';
import { callsBeforeHintedTime } from '../support/timed-calls';
import {
  addUsers,
  collectPages,
  idsOf,
  messagesOf,
  rejectionOf,
  request,
  seedLongChannel,
  slackConnector,
  THREAD_INDEXES,
} from './slack-fixtures';

describe('Slack connector failures', () => {
  let emulator: SlackEmulator;
  let topLevel: string[];

  beforeEach(async () => {
    emulator = await new SlackEmulator().start();
    addUsers(emulator.workspace);
    topLevel = seedLongChannel(emulator.workspace, 'C0LONG');
  });

  afterEach(() => emulator.stop());

  describe('rate limits', () => {
    it('waits out a short Retry-After and loses nothing', async () => {
      emulator.limitRate('conversations.history', { requests: 1, windowSeconds: 1 });
      const waits: number[] = [];

      const pages = await collectPages(slackConnector(emulator, { onWait: (ms) => waits.push(ms) }), request('C0LONG'));

      expect(messagesOf(pages).filter((message) => message.thread_parent_id === null)).toHaveLength(450);
      const limited = emulator.callsTo('conversations.history').filter((call) => call.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(1);
      expect(limited.every((call) => call.error === 'ratelimited')).toBe(true);
      expect(waits).toContain(1000);
      expect(callsBeforeHintedTime(emulator.calls, (a, b) => a.method === b.method)).toEqual([]);
    });

    it('fails with RATE_LIMIT and the Retry-After when the wait is longer than allowed', async () => {
      emulator.limitRate('conversations.history', { requests: 0, windowSeconds: 60, retryAfterSeconds: 30 });

      const error = await rejectionOf(
        collectPages(slackConnector(emulator, { maxRetryAfterSeconds: 5 }), request('C0LONG')),
      );

      expect(error).toBeInstanceOf(PlatformError);
      expect(error).toMatchObject({ code: 'RATE_LIMIT', transient: false, retryAfterSeconds: 30 });
      expect(emulator.callsTo('conversations.history')).toHaveLength(1);
    });

    it('stops waiting as soon as the fetch is cancelled', async () => {
      emulator.limitRate('conversations.history', { requests: 0, windowSeconds: 60, retryAfterSeconds: 4 });
      const controller = new AbortController();
      const cancelled = new Error('job cancelled');
      const connector = slackConnector(emulator, { onWait: () => setTimeout(() => controller.abort(cancelled), 50) });

      const startedAt = Date.now();
      const error = await rejectionOf(collectPages(connector, request('C0LONG', { signal: controller.signal })));

      expect(error).toBe(cancelled);
      expect(Date.now() - startedAt).toBeLessThan(2000);
    });
  });

  describe('authentication', () => {
    it('reports an invalid token as AUTH_ERROR before reading any history', async () => {
      const connector = slackConnector(emulator, {}, 'xoxb-revoked');

      const fetchError = await rejectionOf(collectPages(connector, request('C0LONG')));
      const discoverError = await rejectionOf(connector.discoverChannels());

      for (const error of [fetchError, discoverError]) {
        expect(error).toBeInstanceOf(PlatformError);
        expect(error).toMatchObject({
          code: 'AUTH_ERROR',
          transient: false,
          options: { platformCode: 'invalid_auth' },
        });
      }
      expect(emulator.callsTo('conversations.history')).toHaveLength(0);
    });

    it('reports a missing token as AUTH_ERROR (not_authed)', async () => {
      const error = await rejectionOf(collectPages(slackConnector(emulator, {}, ''), request('C0LONG')));
      expect(error).toMatchObject({ code: 'AUTH_ERROR', options: { platformCode: 'not_authed' } });
      expect(emulator.calls[0].token).toBeNull();
    });

    it('reports a missing scope as AUTH_ERROR naming the scope', async () => {
      emulator.injectFault('conversations.history', { times: 1, error: 'missing_scope' });
      const error = await rejectionOf(collectPages(slackConnector(emulator), request('C0LONG')));
      expect(error).toMatchObject({ code: 'AUTH_ERROR', message: 'Slack conversations.history failed: missing_scope' });
    });
  });

  it('reports an unknown channel as CHANNEL_NOT_FOUND', async () => {
    const error = await rejectionOf(collectPages(slackConnector(emulator), request('C0GONE')));
    expect(error).toMatchObject({
      code: 'CHANNEL_NOT_FOUND',
      transient: false,
      options: { platformCode: 'channel_not_found' },
    });
  });

  describe('server errors', () => {
    it('retries a few 5xx answers and carries on', async () => {
      emulator.injectFault('conversations.history', { times: 2, status: 503 });

      const pages = await collectPages(slackConnector(emulator), request('C0LONG'));

      expect(idsOf(messagesOf(pages)).filter((id) => topLevel.includes(id))).toHaveLength(450);
      expect(emulator.callsTo('conversations.history').map((call) => call.status)).toEqual([503, 503, 200, 200, 200]);
    });

    it('gives up after the retries with a transient PLATFORM_ERROR carrying the status', async () => {
      emulator.injectFault('conversations.replies', { times: 100, status: 500 });

      const pages = slackConnector(emulator).fetchMessages(request('C0LONG'));
      const received: string[] = [];
      const error = await rejectionOf(
        (async () => {
          for await (const page of pages) received.push(...idsOf(page.messages));
        })(),
      );

      expect(error).toBeInstanceOf(PlatformError);
      expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: true, options: { httpStatus: 500 } });
      // The first thread's replies were asked four times (the others were on their way ahead, and stopped).
      const firstThread = topLevel[THREAD_INDEXES.at(-1)!];
      expect(emulator.callsTo('conversations.replies').filter((call) => call.params.ts === firstThread)).toHaveLength(
        4,
      );
      // The history page before the failing thread was delivered.
      expect(received).toHaveLength(200);
    });

    it('treats Slack’s own "fatal" answer as transient', async () => {
      emulator.injectFault('conversations.history', { times: 1, error: 'fatal' });
      const error = await rejectionOf(collectPages(slackConnector(emulator), request('C0LONG')));
      expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: true, options: { platformCode: 'fatal' } });
    });
  });
});

describe('Slack channel discovery', () => {
  const emulator = new SlackEmulator();

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());

  it('lists public and private channels across pages, without archived ones', async () => {
    const workspace = emulator.workspace;
    workspace.addChannel({ id: 'C0GENERAL', name: 'general', topic: 'Company news', purpose: 'Everyone' });
    workspace.addChannel({ id: 'C0SECRET', name: 'leadership', isPrivate: true, purpose: 'Leads only' });
    workspace.addChannel({ id: 'C0OLD', name: 'old-project', isArchived: true });
    for (let index = 0; index < 210; index += 1) workspace.addChannel({ id: `C1${index}`, name: `team-${index}` });

    const channels = await slackConnector(emulator).discoverChannels();

    expect(channels).toHaveLength(212);
    expect(channels).toContainEqual({
      channel_id: 'C0GENERAL',
      name: 'general',
      topic: 'Company news',
      is_private: false,
      message_count_hint: null,
    });
    expect(channels).toContainEqual({
      channel_id: 'C0SECRET',
      name: 'leadership',
      topic: 'Leads only',
      is_private: true,
      message_count_hint: null,
    });
    expect(channels.map((channel) => channel.channel_id)).not.toContain('C0OLD');
    const listCalls = emulator.callsTo('conversations.list');
    expect(listCalls).toHaveLength(2);
    expect(listCalls[0].params).toMatchObject({
      types: 'public_channel,private_channel',
      exclude_archived: 'true',
      limit: '200',
    });
  });
});
