import type { NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';
import { chatMessage } from './chat-messages';

/**
 * A channel of IRC nicks for specs quoting the real set (eval/real/ubuntu-irc, CC BY 4.0): its extraction
 * context, and a writer of messages one second apart (or `minutesLater` more), as IRC logs them.
 */
export function ircChannel(nicks: readonly string[]): {
  context: ExtractionContext;
  irc: (nick: string, text: string, minutesLater?: number) => NormalizedMessage;
} {
  const context: ExtractionContext = {
    channel_id: 'C0ENG',
    channel_name: 'ubuntu',
    people: nicks.map((nick) => ({ id: `U-${nick}`, name: nick, aliases: [] })),
    thread_parents: new Map(),
  };
  let clock = Date.parse('2004-11-15T01:45:00Z');
  const irc = (nick: string, text: string, minutesLater = 0): NormalizedMessage => {
    clock += 1_000 + minutesLater * 60_000;
    const id = `${Math.floor(clock / 1000)}.000${nicks.indexOf(nick)}`;
    return chatMessage({
      id,
      text,
      author_id: `U-${nick}`,
      author_name: nick,
      timestamp: new Date(clock).toISOString(),
    });
  };
  return { context, irc };
}
