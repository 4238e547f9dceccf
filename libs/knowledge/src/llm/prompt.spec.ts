import { LLM_CHANNEL, llmTestMessage } from '../testing/llm-channel';
import { PeopleOfBatch } from './people-of-batch';
import { systemPrompt, userMessage } from './prompt';

describe('the prompt', () => {
  const parent = llmTestMessage({ id: 'p1', text: 'Who owns the billing migration?', author_id: 'U0BRUNO' });
  const reply = llmTestMessage({
    id: 'r1',
    text: 'I do.',
    thread_parent_id: 'p1',
    edited_at: '2024-03-04T15:00:00.000Z',
    mentions: [{ id: 'U0CARLA', name: 'Carla Diaz' }],
  });

  it('gives the messages as compact JSON, with the people and the thread parents they reply to', () => {
    const context = { ...LLM_CHANNEL, thread_parents: new Map([['p1', parent]]) };
    const people = new PeopleOfBatch([reply], context).list();
    const prompt = JSON.parse(userMessage([reply], new Map(), context, people));
    expect(prompt).toEqual({
      channel: 'eng-platform',
      people: [
        { id: 'U0ANA', name: 'Ana Lima' },
        { id: 'U0BRUNO', name: 'Bruno Costa' },
        { id: 'U0BEA', name: 'Beatriz Souza' },
        { id: 'U0CARLA', name: 'Carla Diaz' },
      ],
      context: [expect.objectContaining({ id: 'p1', text: 'Who owns the billing migration?' })],
      messages: [
        {
          id: 'r1',
          author: 'Ana Lima',
          author_id: 'U0ANA',
          time: '2024-03-04T15:00:00.000Z',
          thread_parent: 'p1',
          text: 'I do.',
        },
      ],
    });
  });

  it('shows no parent twice: one sent along is not context', () => {
    const prompt = JSON.parse(userMessage([parent, reply], new Map(), LLM_CHANNEL, []));
    expect(prompt.context).toEqual([]);
  });

  it('writes the schema into the instructions only when the server cannot take it in response_format', () => {
    expect(systemPrompt('json_schema')).not.toContain('"additionalProperties"');
    expect(systemPrompt('json_object')).toContain('"additionalProperties":false');
    expect(systemPrompt('json_schema')).toMatch(/self-contained/);
  });
});
