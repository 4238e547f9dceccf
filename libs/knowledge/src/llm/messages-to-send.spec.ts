import { LLM_CHANNEL, llmTestMessage } from '../testing/llm-channel';
import { messagesToSend } from './messages-to-send';

describe('messagesToSend', () => {
  it('sends what people said, once each, and keeps the rest for the local extractor', () => {
    const decision = llmTestMessage({ id: 'm1', text: 'We go with Postgres for billing.' });
    const edited = llmTestMessage({ id: 'm1', text: 'We go with Postgres for billing and sessions.', edited: true });
    const kept = [
      llmTestMessage({ id: 'm2', text: 'thanks all! 🙏' }),
      llmTestMessage({ id: 'm3', text: '', deleted: true }),
      llmTestMessage({ id: 'm4', text: 'Deploy done', is_bot: true, subtype: 'bot_message' }),
      llmTestMessage({ id: 'm5', text: 'Dan has joined the channel', subtype: 'channel_join' }),
      llmTestMessage({ id: 'm6', text: 'From elsewhere: we ship Friday', channel_id: 'C0OTHER' }),
      llmTestMessage({ id: 'm7', text: `binary\u0000data` }),
      llmTestMessage({ id: 'm8', text: 'x'.repeat(40_001) }),
    ];
    const shared = llmTestMessage({ id: 'm9', text: 'Release notes are up', subtype: 'thread_broadcast' });

    const { send, keepLocal } = messagesToSend([decision, ...kept, shared, edited], LLM_CHANNEL.channel_id);
    expect(send).toEqual([edited, shared]);
    expect(keepLocal.map((message) => message.id)).toEqual(['m2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']);
  });
});
