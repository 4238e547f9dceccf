import type { NormalizedMessage } from '@atlas/events';
import { ircChannel } from '../testing/irc-channel';
import { extractFacts } from './extract-facts';

/*
 * Real chat from the dev half of eval/real/ubuntu-irc (the #ubuntu IRC channel, 2004-11-15 and
 * 2009-02-23; CC BY 4.0, see that folder's README). IRC has no threads: a reply names its addressee.
 */
const NICKS = ['epod', 'bob2', 'jief', 'lino', 'lev', 'EfaistOs', 'kizza', 'Incarus'];
const { context, irc } = ircChannel(NICKS);

function typesOf(messages: NormalizedMessage[], message: NormalizedMessage): string[] {
  return extractFacts(messages, context)
    .facts.filter((fact) => fact.message_id === message.id)
    .map((fact) => fact.type);
}

describe('answers recognised by addressing', () => {
  const question = irc('epod', 'Is there a way to add another location to the gnome panel weather applet?');
  const noise = irc('jief', 'well, i often use vmware for testing');
  const instruction = irc('bob2', 'epod: add another instance of the applet');
  const diagnosis = irc('bob2', "epod: hrm, I think you'd need to file a bug, it'd require source changes");
  // Adapted from a real line of the same day addressed to another asker ("kizza, have you got a panel …").
  const counterQuestion = irc('jief', 'epod, have you got a panel on the top of the screen?');

  it('types a statement or instruction addressed to a recent asker as an answer', () => {
    const batch = [question, noise, instruction, diagnosis];
    expect(typesOf(batch, instruction)).toEqual(['answer']);
    expect(typesOf(batch, diagnosis)).toEqual(['answer']);
  });

  it('does not make an addressed question an answer', () => {
    expect(typesOf([question, counterQuestion], counterQuestion)).toEqual(['question']);
  });

  it('does not make a message addressed to someone who asked nothing an answer', () => {
    const command = irc('lino', 'join #ubuntu-it');
    const pointer = irc('lev', 'lino: you need to put a / in front of join');
    expect(typesOf([command, pointer], pointer)).not.toContain('answer');
    // The same text addressed to the asker answers: the asker's question is what makes it one.
    const asked = irc('lino', 'how do i join #ubuntu-it?');
    const reply = irc('lev', 'lino: you need a / there, that is /join #ubuntu-it');
    expect(typesOf([asked, reply], reply)).toEqual(['answer']);
  });

  it('accepts the nick in any case, with IRC decorations, or as a leading @mention', () => {
    const asked = irc('EfaistOs', 'and what is sid ?');
    const replies = [
      irc('bob2', 'EfaistOs: sid is part of Debian, not ubuntu'),
      irc('jief', 'efaistos, sid is for debian, meaning "still in development"'),
      irc('bob2', '|EfaistOs|: sid is the unstable branch of Debian'),
      irc('jief', '_efaistos_, sid is the unstable branch of Debian'),
      irc('bob2', '@EfaistOs sid is the unstable branch of Debian'),
    ];
    for (const reply of replies) expect(typesOf([asked, reply], reply)).toEqual(['answer']);
  });

  it('leaves a greeting addressed to someone without a fact, even to an asker', () => {
    const asked = irc('kizza', 'it said yes to glxinfo | grep direct, so what now?');
    const acknowledgement = irc('Incarus', 'kizza, thats good');
    expect(typesOf([asked, acknowledgement], acknowledgement)).toEqual([]);
    const greeting = irc('bob2', 'kizza: hi');
    expect(typesOf([asked, greeting], greeting)).toEqual([]);
  });

  it('only counts a question asked shortly before, within the batch and in order', () => {
    const later = irc('bob2', 'epod: add another instance of the applet', 45);
    expect(typesOf([question, later], later)).not.toContain('answer');
    // A question asked after the reply does not make the reply an answer.
    const before = irc('bob2', 'epod: add another instance of the applet');
    const afterwards = irc('epod', 'Is there a way to add another location to the gnome panel weather applet?');
    expect(typesOf([before, afterwards], before)).not.toContain('answer');
  });

  it('does not let the asker answer themselves by naming themselves', () => {
    const asked = irc('epod', 'Is there a way to add another location to the weather applet?');
    const self = irc('epod', 'epod: I want to add my city to it');
    expect(typesOf([asked, self], self)).not.toContain('answer');
  });
});
