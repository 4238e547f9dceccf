import type { NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';

/* Test data of the LLM specs: a channel, its people and messages. */

export const LLM_CHANNEL: ExtractionContext = {
  channel_id: 'C0ENG',
  channel_name: 'eng-platform',
  people: [
    { id: 'U0ANA', name: 'Ana Lima', aliases: ['ana.lima'] },
    { id: 'U0BRUNO', name: 'Bruno Costa', aliases: [] },
    { id: 'U0BEA', name: 'Beatriz Souza', aliases: ['bia'] },
  ],
  thread_parents: new Map(),
};

export function llmTestMessage(
  overrides: Partial<NormalizedMessage> & Pick<NormalizedMessage, 'id' | 'text'>,
): NormalizedMessage {
  return {
    channel_id: LLM_CHANNEL.channel_id,
    author_id: 'U0ANA',
    author_name: 'Ana Lima',
    timestamp: '2024-03-04T14:05:00.000Z',
    thread_parent_id: null,
    reply_count: 0,
    edited: false,
    edited_at: null,
    deleted: false,
    attachments: [],
    permalink: null,
    mentions: [],
    subtype: null,
    is_bot: false,
    ...overrides,
  };
}
