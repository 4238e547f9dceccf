import { ANA, BRUNO, chatMessage } from '../testing/chat-messages';
import { extractFactEntities } from './entities';
import { Gazetteer } from './gazetteer';

const people = new Gazetteer([
  { id: ANA.id, name: ANA.name, aliases: ['ana'] },
  { id: BRUNO.id, name: BRUNO.name, aliases: ['bruno'] },
  { id: 'U0JANE', name: 'Jane Doe', aliases: [] },
]);

function entitiesOf(text: string, authorId = ANA.id) {
  const message = chatMessage({ id: '1', text, author_id: authorId });
  return extractFactEntities(text, message, [], people.forMessage(message), {
    knownProjects: new Set(),
    withPurpose: false,
  })
    .filter((entity) => entity.start >= 0)
    .map(({ key, name, type }) => `${type} ${key}=${name}`);
}

describe('places, relatives and pets', () => {
  it('reads the places compromise knows as places, never as technologies', () => {
    expect(entitiesOf('We moved to California last year')).toEqual(['place place:california=California']);
    expect(entitiesOf('Met the folks in London, then flew to Oregon.')).toEqual([
      'place place:london=London',
      'place place:oregon=Oregon',
    ]);
    expect(entitiesOf("New York's office opens in May")).toEqual(['place place:new york=New York']);
  });

  it('makes a named pet a person of the author, not a technology', () => {
    expect(entitiesOf('my dog Max hates the rain')).toEqual([`person person:${ANA.id}/dog/max=Max`]);
    expect(entitiesOf('Max is my dog')).toEqual([`person person:${ANA.id}/dog/max=Max`]);
    expect(entitiesOf("We adopted a dog named Max, and my cat's name is Tom")).toEqual([
      `person person:${ANA.id}/dog/max=Max`,
      `person person:${ANA.id}/cat/tom=Tom`,
    ]);
  });

  it('makes a named family member a person of the author, never a colleague of the same first name', () => {
    expect(entitiesOf('my sister Jane visits from Lisbon')).toEqual([
      `person person:${ANA.id}/sister/jane=Jane`,
      'place place:lisbon=Lisbon',
    ]);
    expect(entitiesOf('my sister Jane is here', BRUNO.id)).toEqual([`person person:${BRUNO.id}/sister/jane=Jane`]);
    expect(entitiesOf('Jane will review it')).toEqual(['person person:U0JANE=Jane Doe']);
  });

  it('does not take a verb after a relation word for a name', () => {
    expect(entitiesOf('and my son Said no')).toEqual([]);
  });

  it('makes no team of "support" joined to a common word by "and"', () => {
    expect(entitiesOf('Thanks for all the love and support!')).toEqual([]);
    expect(entitiesOf('ask Bruno and support.')).toEqual([
      `person person:${BRUNO.id}=Bruno Costa`,
      'team team:support=Support team',
    ]);
  });
});

describe('technologies of a support channel (lines of the #ubuntu IRC channel)', () => {
  const technologies = (text: string) =>
    entitiesOf(text)
      .filter((entity) => entity.startsWith('technology'))
      .map((entity) => entity.split('=')[1]);

  it('knows desktop, system and package tools by name', () => {
    expect(technologies('is there a way to use fluxbox instead of metacity but still use the rest of GNOME?')).toEqual([
      'Fluxbox',
      'Metacity',
      'GNOME',
    ]);
    expect(technologies('What is the advantage of aptitude over apt get?')).toEqual(['aptitude', 'apt-get']);
    expect(technologies('eper3z, are you accessing the windows machine by name or by ip?')).toEqual(['Windows']);
  });

  it('takes commands and packages from how the line writes them', () => {
    expect(technologies('skrip: sudo modprobe b43  and it should spring to life')).toEqual(['modprobe', 'b43']);
    expect(technologies('anybody here using ssmtp?')).toEqual(['ssmtp']);
  });

  it('does not read a film, a release or a menu after "from" or "on" as a tool', () => {
    expect(technologies('or sid the character from Toy Story... :-)')).toEqual([]);
    expect(technologies('I just did an update on Lucid today')).toEqual([]);
    expect(technologies('so Iam building it')).toEqual([]);
  });

  it('makes a file path under a system folder a document, not a device or an API route', () => {
    const artifacts = (text: string) => entitiesOf(text).filter((entity) => entity.startsWith('artifact'));
    expect(artifacts('In my /etc/init/r/halt file i put NETDOWN to "no"')).toEqual([
      'artifact artifact:document:/etc/init/r/halt=/etc/init/r/halt',
    ]);
    expect(artifacts('mount /dev/sda1 on /mnt/boot and call /v1/invoices')).toEqual([]);
  });
});
