import type { NormalizedMessage } from '@atlas/events';
import { ircChannel } from '../testing/irc-channel';
import { extractFacts } from './extract-facts';

/*
 * Real chat from the dev half of eval/real/ubuntu-irc (the #ubuntu IRC channel, 2004-11-15 and
 * 2011-05-29; CC BY 4.0, see that folder's README). A reply opens with its addressee's nick.
 */
const NICKS = ['epod', 'bob2', 'lino', 'lev', 'trey', 'ana', 'MrGoodkat_', 'Incarus'];
const { context, irc } = ircChannel(NICKS);

function factsOf(message: NormalizedMessage) {
  return extractFacts([message], context).facts.filter((fact) => fact.message_id === message.id);
}

describe('fact text of an addressed message', () => {
  it('drops the leading address and names the addressee for "you"', () => {
    const facts = factsOf(irc('bob2', "epod: hrm, I think you'd need to file a bug, it'd require source changes"));
    expect(facts[0].text).toBe("bob2 thinks epod would need to file a bug, it'd require source changes");
  });

  it('drops the address in each of its forms: "nick: ", "|nick|, ", "@nick "', () => {
    expect(factsOf(irc('lev', 'lino: you need to put a / in front of join'))[0].text).toBe(
      'lino needs to put a / in front of join',
    );
    expect(factsOf(irc('lev', '|trey|, the installer needs 4 GB of free disk space'))[0].text).toBe(
      'the installer needs 4 GB of free disk space',
    );
    expect(factsOf(irc('lev', '@ana the installer needs 4 GB of free disk space'))[0].text).toBe(
      'the installer needs 4 GB of free disk space',
    );
  });

  it('keeps the grammar of a question by the author: "how do I" reads "how does <author>"', () => {
    expect(factsOf(irc('MrGoodkat_', 'Incarus, how do I install compiz?'))[0].text).toBe(
      'how does MrGoodkat_ install compiz?',
    );
  });

  it('reads "you" after a greeting as the person greeted', () => {
    // Adapted from the demo's #general: "Welcome Gus! Ping me whenever you want a tour of the admin tools."
    const [fact] = factsOf(irc('lev', 'Welcome trey! Ping me whenever you want a tour of the hoary installer.'));
    expect(fact.text).toContain('whenever trey wants a tour');
  });

  it('keeps a leading mention followed by its verb as the subject, not an address', () => {
    expect(factsOf(irc('lev', '@trey is the release captain for the hoary ISOs this week'))[0].text).toBe(
      'trey is the release captain for the hoary ISOs this week',
    );
  });

  it('leaves a "you" that addresses no one unresolved, and the message without a fact', () => {
    expect(factsOf(irc('lev', 'you need to put a / in front of join'))).toEqual([]);
  });
});
