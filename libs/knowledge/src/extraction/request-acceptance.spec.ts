import 'reflect-metadata';
import type { NormalizedMessage } from '@atlas/events';
import { ANA, BRUNO, CARLA, by, chatMessage, engChannelContext } from '../testing/chat-messages';
import { extractFacts } from './extract-facts';

const context = engChannelContext();
const BRUNO_KEY = `person:${BRUNO.id}`;

function reply(id: string, author: { id: string; name: string }, text: string, minute: number): NormalizedMessage {
  return chatMessage({
    id,
    ...by(author),
    text,
    thread_parent_id: '1741691395.000100',
    timestamp: new Date(Date.UTC(2025, 2, 11, 11, minute)).toISOString(),
  });
}

const ask = chatMessage({
  id: '1741691395.000100',
  ...by(ANA),
  text: 'Thanks Bruno. @bruno can you write a short postmortem by Friday?',
  mentions: [{ id: BRUNO.id, name: 'bruno' }],
  timestamp: '2025-03-11T11:00:00.000Z',
  reply_count: 1,
});

describe('a request asked as a question, and the yes that makes it a task', () => {
  it('keeps the request a question, owned by the person asked', () => {
    // Given Ana's request phrased as a question
    const { facts } = extractFacts([ask], context);
    // Then it is a question (never an action item), owned by Bruno, on his task in the thread
    const request = facts.find((fact) => fact.text.includes('postmortem'))!;
    expect([request.type, request.owner, request.subject]).toEqual([
      'question',
      BRUNO_KEY,
      `task:${ask.id}:${BRUNO_KEY}`,
    ]);
  });

  it("makes the reply saying yes the owner's action item, saying what was taken on", () => {
    // Given Bruno's short yes in the thread
    const yes = reply('1741691444.000100', BRUNO, 'Yes, draft by Thursday.', 1);
    // When extracted
    const accepted = extractFacts([ask, yes], context).facts.find((fact) => fact.message_id === yes.id)!;
    // Then it is his action item, self-contained, on the same task as the request
    expect(accepted).toMatchObject({
      type: 'action_item',
      owner: BRUNO_KEY,
      subject: `task:${ask.id}:${BRUNO_KEY}`,
      reports_done: false,
      text: 'Bruno Costa agreed to write a short postmortem by Friday: Yes, draft by Thursday.',
    });
  });

  it('makes even a bare "will do" an action item when it accepts a request', () => {
    const willDo = reply('1741691444.000100', BRUNO, 'Will do, Monday morning.', 1);
    const accepted = extractFacts([ask, willDo], context).facts.find((fact) => fact.message_id === willDo.id)!;
    expect([accepted.type, accepted.owner]).toEqual(['action_item', BRUNO_KEY]);
    expect(accepted.text).toBe('Bruno Costa agreed to write a short postmortem by Friday: Will do, Monday morning.');
  });

  it('reads a yes by someone else than the person asked as no acceptance', () => {
    const other = reply('1741691444.000100', CARLA, 'Yes, good idea.', 1);
    const facts = extractFacts([ask, other], context).facts.filter((fact) => fact.message_id === other.id);
    expect(facts.filter((fact) => fact.type === 'action_item')).toEqual([]);
  });

  it("reads the asker reporting the owner's work done in the thread as closing the owner's task", () => {
    // Given Ana, who asked, reporting in the thread that Bruno did it
    const done = reply('1741700000.000100', ANA, 'Bruno sent it round this morning, done.', 30);
    // When extracted
    const report = extractFacts([ask, done], context).facts.find((fact) => fact.message_id === done.id)!;
    // Then it reports Bruno's task done, on the task's subject
    expect(report).toMatchObject({ reports_done: true, owner: BRUNO_KEY, subject: `task:${ask.id}:${BRUNO_KEY}` });
  });

  it('marks the owner posting the thing later as a report of work done, owned by them', () => {
    // Given the postmortem posted as a new message two days later
    const posted = chatMessage({
      id: '1741884330.000100',
      ...by(BRUNO),
      text: 'Postmortem for the latency incident on Tuesday: https://docs.example.io/postmortems/2025-03-11',
      timestamp: '2025-03-13T09:00:00.000Z',
    });
    // When extracted
    const [report] = extractFacts([posted], context).facts;
    // Then it reports work done by Bruno (the read model matches it to his open postmortem task)
    expect([report.reports_done, report.owner]).toEqual([true, BRUNO_KEY]);
  });
});
