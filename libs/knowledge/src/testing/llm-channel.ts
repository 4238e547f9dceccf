import type { NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';
import { chatMessage } from './chat-messages';

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

/** A message of the LLM specs' channel: a chat message without a permalink. */
export function llmTestMessage(
  overrides: Partial<NormalizedMessage> & Pick<NormalizedMessage, 'id' | 'text'>,
): NormalizedMessage {
  return chatMessage({ channel_id: LLM_CHANNEL.channel_id, permalink: null, ...overrides });
}
