import type { NormalizedMessage } from '@atlas/events';
import { isWrittenByPerson } from '../extraction/message-filter';
import { isSmallTalk } from '../extraction/small-talk';

/** Longest text sent to the model; a longer one is a paste the local extractor judges (and refuses) alone. */
const MAX_SENT_TEXT_LENGTH = 40_000;

export interface MessagesToSend {
  /** In batch order, each message once (its latest version). */
  send: NormalizedMessage[];
  /**
   * Messages not worth a model's tokens: deleted ones, bots and system events, small talk, and input
   * the local extractor refuses (another channel, a NUL, a huge paste). The local extractor still
   * reads them, so that they end exactly as they would without the LLM: no facts, or a failure.
   */
  keepLocal: NormalizedMessage[];
}

export function messagesToSend(messages: readonly NormalizedMessage[], channelId: string): MessagesToSend {
  const latest = new Map<string, NormalizedMessage>();
  for (const message of messages) latest.set(message.id, message);
  const send: NormalizedMessage[] = [];
  const keepLocal: NormalizedMessage[] = [];
  for (const message of latest.values()) (isWorthSending(message, channelId) ? send : keepLocal).push(message);
  return { send, keepLocal };
}

function isWorthSending(message: NormalizedMessage, channelId: string): boolean {
  return (
    !message.deleted &&
    isWrittenByPerson(message) &&
    message.channel_id === channelId &&
    message.text.length <= MAX_SENT_TEXT_LENGTH &&
    !message.text.includes('\u0000') &&
    !isSmallTalk(message.text)
  );
}
