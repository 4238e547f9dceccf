import type { NormalizedMessage } from '@atlas/events';
import { ANA, BRUNO, CARLA, channelMessage as message } from './recorded-conversation';

/*
 * A request, its owner's reply posting the work, and a task given to someone the channel does not
 * know: one request carries them all, and "owned-work-answer" gives the owner and the report of work
 * done of each fact.
 */

export const OWNED_WORK = {
  runbookRequest: '1709715600.000100',
  runbookPosted: '1709719200.000200',
  handover: '1709722800.000300',
} as const;

export const RUNBOOK_URL = 'https://wiki.acme.dev/runbooks/billing-rollback';

export function ownedWorkConversation(): NormalizedMessage[] {
  return [
    message(CARLA, {
      id: OWNED_WORK.runbookRequest,
      mentions: [ANA],
      reply_count: 1,
      text: '@Ana Lima can you share the rollback runbook by Thursday?',
    }),
    message(ANA, {
      id: OWNED_WORK.runbookPosted,
      thread_parent_id: OWNED_WORK.runbookRequest,
      text: `Done: ${RUNBOOK_URL}`,
    }),
    message(BRUNO, {
      id: OWNED_WORK.handover,
      text: 'Dmitri takes over on-call from Monday, handover in the London office.',
    }),
  ];
}
