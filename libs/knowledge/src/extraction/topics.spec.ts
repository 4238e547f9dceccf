import { chatMessage } from '../testing/chat-messages';
import { extractFactEntities } from './entities';
import { Gazetteer } from './gazetteer';
import { tagWords } from './nlp';
import { isContentPhrase, isDateWords } from './topics';

function topicsOf(text: string): string[] {
  const message = chatMessage({ id: '1741000000.000100', text });
  return extractFactEntities(text, message, [], new Gazetteer([]).forMessage(message), {
    knownProjects: new Set(),
    withPurpose: true,
  })
    .filter((entity) => entity.type === 'topic')
    .map((entity) => entity.name);
}

describe('date words are never topics', () => {
  it('knows a phrase that only says when', () => {
    for (const when of ['Wednesdays', 'Thursdays', 'today', 'tomorrow', 'the weekend', 'next week', 'March 27th'])
      expect([when, isDateWords(when)]).toEqual([when, true]);
    for (const when of ['end of Q2', 'Friday 14th', '16:00', '2025-03-27', 'mid-April'])
      expect([when, isDateWords(when)]).toEqual([when, true]);
  });

  it('keeps a phrase that names something besides its date', () => {
    for (const what of ['Wednesday standup', 'Q2 roadmap', 'on-call rotation', 'March release', 'Postgres 16'])
      expect([what, isDateWords(what)]).toEqual([what, false]);
  });

  it('turns down a date phrase whatever rule found it', () => {
    const text = 'The deadline moves to next week';
    const start = text.indexOf('next week');
    expect(isContentPhrase({ name: 'next week', start, end: start + 9 }, tagWords(text))).toBe(false);
  });

  it('finds no topic in a date a sentence opens with, and keeps the subject of one that has one', () => {
    expect(topicsOf('Friday moves to Monday, sorry all.')).toEqual([]);
    expect(topicsOf('Thursdays are set for demos from now on.')).toEqual([]);
    expect(topicsOf('The billing migration moves to March 27.')).toEqual(['billing migration']);
  });
});
