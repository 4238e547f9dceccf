import { chatMessage } from '../testing/chat-messages';
import { addressOf } from './addressee';
import { Gazetteer } from './gazetteer';

// Nicks and lines from the dev half of eval/real/ubuntu-irc (2011-05-29; CC BY 4.0, see its README); the
// non-addressed lines and the @mention form are those lines reworded.
const gazetteer = new Gazetteer(
  ['Skunkwaffle', '`alz1', 'jongbergs', 'ikonia'].map((nick) => ({ id: `U-${nick}`, name: nick, aliases: [] })),
);
const said = (text: string, author = 'jongbergs') =>
  addressOf(chatMessage({ id: '1306686362.008311', text, author_id: `U-${author}` }), gazetteer);

describe('addressOf', () => {
  it('finds the nick that opens an IRC reply, and what is said to them', () => {
    expect(said('Skunkwaffle: run: nm-applet &')).toEqual({
      personId: 'U-Skunkwaffle',
      said: 'run: nm-applet &',
      opening: 'Skunkwaffle:',
    });
    expect(said('`alz1: Hope this helps.. https://help.ubuntu.com/community/32bit_and_64bit')?.personId).toBe(
      'U-`alz1',
    );
    expect(said('skunkwaffle, can you re-add it from the applets menu ?')?.personId).toBe('U-Skunkwaffle');
  });

  it('addresses nobody when the opening word is not a person of the channel, or is the author', () => {
    expect(said("ok, so you don't have the network manager applet any more ?")).toBeNull();
    expect(said('https://help.ubuntu.com/community/32bit_and_64bit')).toBeNull();
    expect(said('run: nm-applet &')).toBeNull();
    expect(said('jongbergs: note to self', 'jongbergs')).toBeNull();
  });

  it('takes a leading @mention as the address', () => {
    const message = chatMessage({
      id: '1.1',
      text: '@ikonia yes we do',
      author_id: 'U-jongbergs',
      mentions: [{ id: 'U-ikonia', name: 'ikonia' }],
    });
    expect(addressOf(message, gazetteer)).toEqual({ personId: 'U-ikonia', said: 'yes we do', opening: '@ikonia' });
  });

  it('takes all of a mention written with a full name as the opening', () => {
    const message = chatMessage({
      id: '1.2',
      text: '@Bruno Costa can you review the migration PR by Friday?',
      author_id: 'U-jongbergs',
      mentions: [{ id: 'U-bruno', name: 'Bruno Costa' }],
    });
    expect(addressOf(message, gazetteer)).toEqual({
      personId: 'U-bruno',
      said: 'can you review the migration PR by Friday?',
      opening: '@Bruno Costa',
    });
  });
});
