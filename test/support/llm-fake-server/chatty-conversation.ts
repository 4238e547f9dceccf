import type { NormalizedMessage } from '@atlas/events';
import { ANA, BRUNO, CARLA, channelMessage as message } from './recorded-conversation';

/*
 * A channel morning where most messages are chatter: a greeting, praise, a "well yes sorry" — each
 * more than the local small-talk filter catches, so all are sent — between three messages a teammate
 * would want to find later. One request carries them all; "selective-answer" gives facts for the
 * three, "rule-breaking-answer" gives the facts a careless model writes.
 */

export const CHATTY = {
  greeting: '1709629200.000100',
  migrationDone: '1709629260.000200',
  praise: '1709629320.000300',
  runbookRequest: '1709629380.000400',
  apology: '1709629440.000500',
  downtime: '1709629500.000600',
  laughter: '1709629560.000700',
} as const;

/** The messages sent to the model, in order; the laughter is small talk the local filter keeps back. */
export const CHATTY_REQUEST = [
  CHATTY.greeting,
  CHATTY.migrationDone,
  CHATTY.praise,
  CHATTY.runbookRequest,
  CHATTY.apology,
  CHATTY.downtime,
];

/** The messages that state something worth keeping. */
export const CHATTY_FACT_BEARING = [CHATTY.migrationDone, CHATTY.runbookRequest, CHATTY.downtime];

export function chattyConversation(): NormalizedMessage[] {
  return [
    message(CARLA, { id: CHATTY.greeting, text: 'Hey Ana! Good to see you back!' }),
    message(ANA, {
      id: CHATTY.migrationDone,
      text: 'The billing migration to Postgres finished last night, 0 errors.',
    }),
    message(BRUNO, { id: CHATTY.praise, text: 'Wow, amazing work everyone!' }),
    message(CARLA, {
      id: CHATTY.runbookRequest,
      mentions: [ANA],
      text: '@Ana Lima can you share the rollback runbook by Thursday?',
    }),
    message(ANA, { id: CHATTY.apology, text: 'well yes sorry' }),
    message(BRUNO, {
      id: CHATTY.downtime,
      text: 'Heads up: the staging cluster will be down on Saturday for the Kubernetes upgrade.',
    }),
    message(CARLA, { id: CHATTY.laughter, text: "haha that's so true" }),
  ];
}
