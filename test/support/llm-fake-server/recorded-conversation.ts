import type { NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '@atlas/knowledge';
import { normalizedMessage } from '../normalized-message';

/*
 * The conversation the recordings answer: with two messages per request, the extractor sends the
 * question thread first (valid-thread-answer) and the review request with the launch date second
 * (valid-requests-answer). Small talk, the bot and the deleted message are never sent.
 */

export const CHANNEL_ID = 'C0LLM';

export const ANA = { id: 'U0ANA', name: 'Ana Lima' };
export const BRUNO = { id: 'U0BRUNO', name: 'Bruno Costa' };
export const CARLA = { id: 'U0CARLA', name: 'Carla Diaz' };

export const MESSAGE = {
  question: '1709540100.000100',
  decision: '1709540200.000200',
  greeting: '1709540250.000250',
  reviewRequest: '1709540400.000400',
  launchDate: '1709540500.000500',
  deploy: '1709540600.000600',
  deleted: '1709540700.000700',
} as const;

/** The messages of the first request, then of the second. */
export const THREAD_REQUEST = [MESSAGE.question, MESSAGE.decision];
export const REQUESTS_REQUEST = [MESSAGE.reviewRequest, MESSAGE.launchDate];

export function extractionContext(): ExtractionContext {
  return {
    channel_id: CHANNEL_ID,
    channel_name: 'eng-platform',
    people: [
      { ...ANA, aliases: ['ana.lima', 'Ana'] },
      { ...BRUNO, aliases: ['bruno'] },
      { ...CARLA, aliases: [] },
    ],
    thread_parents: new Map(),
  };
}

/** A message of the channel by the author, timed by its id (Slack's ts is seconds since the epoch). */
export function channelMessage(
  author: { id: string; name: string },
  overrides: Partial<NormalizedMessage> & Pick<NormalizedMessage, 'id' | 'text'>,
): NormalizedMessage {
  const seconds = Number(overrides.id.split('.')[0]);
  return normalizedMessage({
    channel_id: CHANNEL_ID,
    author_id: author.id,
    author_name: author.name,
    timestamp: new Date(seconds * 1000).toISOString(),
    ...overrides,
  });
}

function message(
  overrides: Partial<NormalizedMessage> & Pick<NormalizedMessage, 'id' | 'text' | 'timestamp'>,
): NormalizedMessage {
  return normalizedMessage({
    channel_id: CHANNEL_ID,
    author_id: ANA.id,
    author_name: ANA.name,
    permalink: `https://acme.slack.com/archives/${CHANNEL_ID}/p${overrides.id.replace('.', '')}`,
    ...overrides,
  });
}

export function recordedConversation(): NormalizedMessage[] {
  return [
    message({
      id: MESSAGE.question,
      timestamp: '2024-03-04T08:15:00.000Z',
      author_id: BRUNO.id,
      author_name: BRUNO.name,
      reply_count: 1,
      text: 'Should we move the billing service to Postgres or keep it on MongoDB?',
    }),
    message({
      id: MESSAGE.decision,
      timestamp: '2024-03-04T08:16:40.000Z',
      thread_parent_id: MESSAGE.question,
      text: "We decided to go with Postgres for billing. I'll own the migration.",
    }),
    message({
      id: MESSAGE.greeting,
      timestamp: '2024-03-04T08:17:30.000Z',
      author_id: CARLA.id,
      author_name: CARLA.name,
      text: 'Good morning all! ☀️',
    }),
    message({
      id: MESSAGE.reviewRequest,
      timestamp: '2024-03-04T08:20:00.000Z',
      mentions: [BRUNO],
      text: '@Bruno Costa can you review the migration PR by Friday? https://github.com/acme/billing/pull/42',
    }),
    message({
      id: MESSAGE.launchDate,
      timestamp: '2024-03-04T08:21:40.000Z',
      author_id: CARLA.id,
      author_name: CARLA.name,
      edited: true,
      edited_at: '2024-03-04T09:00:00.000Z',
      text: 'Heads up: the Atlas v2 launch moves to March 15, tracked in OPS-142.',
    }),
    message({
      id: MESSAGE.deploy,
      timestamp: '2024-03-04T08:23:20.000Z',
      author_id: 'B0DEPLOY',
      author_name: 'deploybot',
      subtype: 'bot_message',
      is_bot: true,
      text: 'Deploy finished: billing-api v1.4.2',
    }),
    message({ id: MESSAGE.deleted, timestamp: '2024-03-04T08:25:00.000Z', deleted: true, text: '' }),
  ];
}
