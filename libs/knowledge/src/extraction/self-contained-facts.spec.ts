import type { NormalizedMessage } from '@atlas/events';
import { ircChannel } from '../testing/irc-channel';
import { extractFacts } from './extract-facts';

/*
 * Real chat from the dev half of eval/real/ubuntu-irc (the #ubuntu IRC channel, 2004-11-15, 2007-01-11,
 * 2009-02-23 and 2011-05-29; CC BY 4.0, see that folder's README). A fact must be readable without the
 * chat around it: what only makes sense next to its question carries the question, and what cannot be
 * made to stand alone gives no fact.
 */
const NICKS = [
  'epod',
  'bob2',
  'EfaistOs',
  'hateball',
  'jaggy',
  'lino',
  'lev',
  'jief',
  'Pugio',
  'skrip',
  'ikonia',
  'kizza',
  'Incarus',
  'eper3z',
  'Seveas',
  'selah',
  'fooman2011',
  'Skunkwaffle',
];
const { context, irc } = ircChannel(NICKS);

function textsOf(batch: NormalizedMessage[], message: NormalizedMessage): string[] {
  return extractFacts(batch, context)
    .facts.filter((fact) => fact.message_id === message.id)
    .map((fact) => fact.text);
}

describe('facts that stand on their own', () => {
  it('gives a bare yes or no to a yes/no question as an answer that states the question', () => {
    const question = irc('EfaistOs', 'warty is stable ?');
    const yes = irc('bob2', 'EfaistOs: yes');
    expect(textsOf([question, yes], yes)).toEqual(['Answer to EfaistOs\'s question "warty is stable?": yes']);
  });

  it('gives no fact for a bare yes to an open question: it answers none', () => {
    const lines = [irc('EfaistOs', 'warty is stable ?'), irc('EfaistOs', 'and what is sid ?')];
    const yes = irc('bob2', 'EfaistOs: yes');
    expect(textsOf([...lines, yes], yes)).toEqual([]);
  });

  it('does not read a reply to someone as the answer to a question they asked a third person', () => {
    const question = irc('ikonia', "Skunkwaffle: you don't have the network manager applet any more?");
    const reply = irc('fooman2011', 'ikonia: wake up a PC from the network');
    expect(textsOf([question, reply], reply).join()).not.toContain('network manager applet');
  });

  it('leaves a bare yes to nobody in particular without a fact', () => {
    const question = irc('EfaistOs', 'warty is stable ?');
    const yes = irc('bob2', 'yes');
    expect(textsOf([question, yes], yes)).toEqual([]);
  });

  it('carries the question into an answer that only points at it', () => {
    const question = irc('hateball', 'Is there a way to "invert" ping replies?');
    const answer = irc('jaggy', 'hateball, try mtr.');
    expect(textsOf([question, answer], answer)).toEqual([
      'Answer to hateball\'s question "Is there a way to "invert" ping replies?": try mtr.',
    ]);
  });

  it('reads a problem someone tells as what a reply addressed to them answers', () => {
    // Adapted from the 2009-02-23 dev day: eper3z's samba share and the reply that diagnosed it.
    const problem = irc('EfaistOs', "my samba share doesn't mount at boot");
    const answer = irc('bob2', 'EfaistOs, might be nmbd starting too early');
    expect(textsOf([problem, answer], answer)).toEqual([
      "Answer to EfaistOs's problem \"EfaistOs's samba share doesn't mount at boot\": might be nmbd starting too early",
    ]);
    // Someone else's negation is no problem of theirs to answer.
    const remark = irc('EfaistOs', "XGL is a hack and isn't verry stable");
    const reply = irc('bob2', 'EfaistOs, might be nmbd starting too early');
    expect(textsOf([remark, reply], reply)).toEqual([]);
  });

  it('reads the "it" of a sentence as the one thing the sentence before it named', () => {
    const question = irc('hateball', 'Is there a way to "invert" ping replies?');
    const answer = irc('jaggy', "hateball, try mtr. It'll display questionmarks for things not received");
    expect(textsOf([question, answer], answer)[1]).toBe('mtr will display questionmarks for things not received');
  });

  it('gives no fact for what only the chat around it explains', () => {
    const lines = [
      irc('Pugio', 'how does that wiki work? ;/'),
      irc('jief', 'i know what sid means :p'),
      irc('lev', 'you need to put a / in front of join'),
      irc('bob2', 'or sid the character from Toy Story... :-)'),
      irc('epod', 'saves lot of space too'),
      irc('skrip', '/dev/sda5 32 2089 16525312 8e Linux LVM'),
    ];
    const facts = extractFacts(lines, context).facts;
    expect(facts.map((fact) => fact.text)).toEqual(['jief knows what sid means']);
  });

  it('keeps a thing posted under its name: a title, a colon, a link', () => {
    const line = irc('ikonia', 'Scheduled halt script fix: https://paste.ubuntu.com/12345/');
    expect(textsOf([line], line)).toEqual(['Scheduled halt script fix: https://paste.ubuntu.com/12345/']);
  });

  it('drops the openers that only tie a line to the one before', () => {
    const line = irc('jief', 'well, i often use vmware for testing');
    expect(textsOf([line], line)).toEqual(['jief often use vmware for testing']);
  });

  it('splits a sentence of two clauses that each stand alone into two facts', () => {
    const question = irc('epod', 'how do I get Beryl on dapper?');
    const answer = irc(
      'jaggy',
      "epod: You can still get Beryl on dapper using XGL, but XGL is a hack and isn't verry stable",
    );
    expect(textsOf([question, answer], answer)).toEqual([
      'epod can still get Beryl on dapper using XGL',
      "XGL is a hack and isn't verry stable",
    ]);
  });

  it('keeps two clauses together when the second points back at the first', () => {
    const line = irc('ikonia', 'I merged the fix for the halt script and lev deployed it');
    expect(textsOf([line], line)).toEqual(['ikonia merged the fix for the halt script and lev deployed it']);
  });

  it('states who told whom an instruction that answers no question the batch shows', () => {
    const lines = [
      irc('Incarus', 'kizza, install compiz'),
      irc('Incarus', 'kizza, "glxinfo | grep direct"'),
      irc('Seveas', 'eper3z, run this: echo /etc/init.d/samba restart | sudo tee /etc/network/if-up.d/samba'),
    ];
    expect(extractFacts(lines, context).facts.map((fact) => fact.text)).toEqual([
      'Incarus tells kizza: install compiz',
      'Incarus tells kizza: "glxinfo | grep direct"',
      'Seveas tells eper3z: run this: echo /etc/init.d/samba restart | sudo tee /etc/network/if-up.d/samba',
    ]);
  });

  it('gives no fact for an instruction that points at the chat around it', () => {
    const line = irc('epod', 'kizza: great, now use testdisk to save that');
    expect(textsOf([line], line)).toEqual([]);
  });

  it('keeps the question beside a short answer to a question that asks for a name', () => {
    const question = irc('EfaistOs', "bob2, ok but what's the name in ubuntu of the unstable ?");
    const answer = irc('bob2', 'EfaistOs: hoary');
    expect(textsOf([question, answer], answer)).toEqual([
      'Answer to EfaistOs\'s question "ok but what\'s the name in ubuntu of the unstable?": hoary',
    ]);
    // A yes/no question asks for no name: a word alone says nothing beside it.
    const yesNo = irc('EfaistOs', 'is hoary stable ?');
    const word = irc('bob2', 'EfaistOs: unstable');
    expect(textsOf([yesNo, word], word)).toEqual([]);
  });

  it('carries the first question of a message that stands alone', () => {
    const question = irc(
      'selah',
      "I've read that you shouldn't use all 3 either? Is it true that aptitude and apt-get clash?",
    );
    const answer = irc('jaggy', 'selah: No, they work fine together');
    expect(textsOf([question, answer], answer)).toEqual([
      'Answer to selah\'s question "Is it true that aptitude and apt-get clash?": No, they work fine together',
    ]);
  });

  it('keeps the original message beside the rewritten fact', () => {
    const line = irc('jief', 'well, i often use vmware for testing');
    const [fact] = extractFacts([line], context).facts;
    expect(fact.source.text).toBe('well, i often use vmware for testing');
  });
});
