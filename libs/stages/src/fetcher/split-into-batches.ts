import type { NormalizedMessage } from '@atlas/events';

/** Events stay well under NATS's default 1 MiB payload limit, whatever the messages hold. */
export const MAX_BATCH_MESSAGES = 200;
export const MAX_BATCH_BYTES = 512 * 1024;
/** Longer texts are cut (and say so): one message must always fit in a batch. */
export const MAX_TEXT_CHARS = 40_000;

/** Splits a page's messages into batches bounded by count and by serialized size. */
export function splitIntoBatches(messages: NormalizedMessage[]): NormalizedMessage[][] {
  const batches: NormalizedMessage[][] = [];
  let current: NormalizedMessage[] = [];
  let bytes = 0;
  for (const original of messages) {
    const message = boundedMessage(original);
    const size = Buffer.byteLength(JSON.stringify(message), 'utf8');
    if (current.length > 0 && (current.length >= MAX_BATCH_MESSAGES || bytes + size > MAX_BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function boundedMessage(message: NormalizedMessage): NormalizedMessage {
  if (message.text.length <= MAX_TEXT_CHARS && message.attachments.length <= 50 && message.mentions.length <= 100) {
    return message;
  }
  return {
    ...message,
    text: message.text.length > MAX_TEXT_CHARS ? `${message.text.slice(0, MAX_TEXT_CHARS)} […truncated]` : message.text,
    attachments: message.attachments.slice(0, 50),
    mentions: message.mentions.slice(0, 100),
  };
}
