import { chatMessage } from '../testing/chat-messages';
import { Gazetteer } from './gazetteer';
import { findNicks } from './nick-names';

/** Nicks of the #ubuntu IRC channel's dev sample, and a person whose name is an English word. */
const channel = new Gazetteer([
  { id: 'U1', name: 'epod', aliases: [] },
  { id: 'U2', name: 'bob2', aliases: [] },
  { id: 'U3', name: 'magez_', aliases: [] },
  { id: 'U4', name: 'ikonia', aliases: [] },
  { id: 'U5', name: 'Will', aliases: [] },
]);

function nicksOf(text: string, authorId = 'U9'): string[] {
  const message = chatMessage({ id: '1', text, author_id: authorId, author_name: 'jief' });
  return findNicks(text, message, channel.forMessage(message)).map(({ person, start, end }) => {
    return `${person.id}:${text.slice(start, end)}`;
  });
}

describe('findNicks', () => {
  it('names the addressee of a reply and handles later in the text', () => {
    expect(nicksOf('epod: add another instance of the applet')).toEqual(['U1:epod']);
    expect(nicksOf('magez_, how do you improve amsn again?')).toEqual(['U3:magez_']);
    expect(nicksOf('ask ikonia or bob2 about the halt command')).toEqual(['U4:ikonia', 'U2:bob2']);
  });

  it('never takes an English word, a stopword or the author for a person', () => {
    expect(nicksOf('I will check it')).toEqual([]);
    expect(nicksOf('ikonia: I think so', 'U4')).toEqual([]);
  });
});
