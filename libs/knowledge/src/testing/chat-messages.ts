import type { NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';

export const CHANNEL: ExtractionContext = {
  channel_id: 'C0ENG',
  channel_name: 'eng-platform',
  people: [],
  thread_parents: new Map(),
};

export const ANA = { id: 'U0ANA', name: 'Ana Lima' };
export const BRUNO = { id: 'U0BRUNO', name: 'Bruno Costa' };
export const CARLA = { id: 'U0CARLA', name: 'Carla Diaz' };

/** The test channel with Ana, Bruno and Carla as its people, and the thread parents outside the batch. */
export function engChannelContext(threadParents: NormalizedMessage[] = []): ExtractionContext {
  return {
    ...CHANNEL,
    people: [
      { id: ANA.id, name: ANA.name, aliases: ['ana'] },
      { id: BRUNO.id, name: BRUNO.name, aliases: ['bruno'] },
      { id: CARLA.id, name: CARLA.name, aliases: ['carla'] },
    ],
    thread_parents: new Map(threadParents.map((message) => [message.id, message])),
  };
}

/** A human message of the test channel, written by Ana unless overridden. */
export function chatMessage(
  overrides: Partial<NormalizedMessage> & Pick<NormalizedMessage, 'id' | 'text'>,
): NormalizedMessage {
  return {
    channel_id: CHANNEL.channel_id,
    author_id: ANA.id,
    author_name: ANA.name,
    timestamp: '2024-03-04T14:05:00.000Z',
    thread_parent_id: null,
    reply_count: 0,
    edited: false,
    edited_at: null,
    deleted: false,
    attachments: [],
    permalink: `https://acme.slack.com/archives/${CHANNEL.channel_id}/p${overrides.id.replace('.', '')}`,
    mentions: [],
    subtype: null,
    is_bot: false,
    ...overrides,
  };
}

/** The author fields of a message by the person. */
export function by(person: { id: string; name: string }): Pick<NormalizedMessage, 'author_id' | 'author_name'> {
  return { author_id: person.id, author_name: person.name };
}

/** A morning in #eng-platform: decisions, a thread, requests, announcements and the usual noise. */
export function engChannelConversation(): NormalizedMessage[] {
  return [
    chatMessage({ id: '1709540000.000100', timestamp: '2024-03-04T08:13:20.000Z', text: 'Good morning all! ☀️' }),
    chatMessage({
      id: '1709540100.000200',
      timestamp: '2024-03-04T08:15:00.000Z',
      ...by(BRUNO),
      reply_count: 2,
      text: 'Should we move the billing service to Postgres or keep it on MongoDB?',
    }),
    chatMessage({
      id: '1709540200.000300',
      timestamp: '2024-03-04T08:16:40.000Z',
      thread_parent_id: '1709540100.000200',
      text: 'We decided to go with Postgres for billing. The Redis cache stays for sessions.',
    }),
    chatMessage({
      id: '1709540300.000400',
      timestamp: '2024-03-04T08:18:20.000Z',
      thread_parent_id: '1709540100.000200',
      ...by(BRUNO),
      text: 'thanks! 🙏',
    }),
    chatMessage({
      id: '1709540400.000500',
      timestamp: '2024-03-04T08:20:00.000Z',
      mentions: [BRUNO],
      text: '@Bruno Costa can you review the migration PR by Friday? https://github.com/acme/billing/pull/42?utm_source=slack',
    }),
    chatMessage({
      id: '1709540500.000600',
      timestamp: '2024-03-04T08:21:40.000Z',
      ...by(CARLA),
      text: 'Heads up: the new Grafana dashboards are now live in #ops-alerts. See https://grafana.acme.io/d/billing/',
    }),
    chatMessage({ id: '1709540600.000700', timestamp: '2024-03-04T08:23:20.000Z', ...by(CARLA), text: 'lol 😂' }),
    chatMessage({
      id: '1709540700.000800',
      timestamp: '2024-03-04T08:25:00.000Z',
      author_id: 'U0DAN',
      author_name: 'Dan',
      subtype: 'channel_join',
      text: 'Dan has joined the channel',
    }),
    chatMessage({
      id: '1709540800.000900',
      timestamp: '2024-03-04T08:26:40.000Z',
      author_id: 'B0DEPLOY',
      author_name: 'deploybot',
      is_bot: true,
      subtype: 'bot_message',
      text: 'Deploy of billing v2.3.1 to production succeeded.',
    }),
    chatMessage({
      id: '1709540900.001000',
      timestamp: '2024-03-04T08:28:20.000Z',
      ...by(BRUNO),
      text: 'Who owns the on-call rotation for the AWS accounts?',
    }),
    chatMessage({
      id: '1709541000.001100',
      timestamp: '2024-03-04T08:30:00.000Z',
      ...by(CARLA),
      mentions: [ANA],
      text: 'TODO: rotate the k8s secrets before the audit.\nI talked to Ana about the SLA with Acme Corp, the API gateway is the bottleneck.',
    }),
  ];
}
