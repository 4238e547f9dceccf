import { chatMessage } from '../testing/chat-messages';
import { detectLanguages } from './language';

const none = new Map();

describe('detectLanguages', () => {
  it('reads English chat as English without guessing from names and jargon', () => {
    const messages = [
      chatMessage({
        id: '1',
        text: 'Rate limiter is in: token bucket per API key, backed by Redis, defaults 100 rps.',
      }),
      chatMessage({ id: '2', text: 'fixed, merging' }),
    ];
    expect([...detectLanguages(messages, none).values()]).toEqual(['en', 'en']);
  });

  it('reads a bulleted English list as English, which the detector calls Hungarian', () => {
    // Demo #product: bullets and arrows are no letters of another language.
    const digest = chatMessage({
      id: '1',
      text: 'Customer feedback digest, week 1:\n• 5 customers asked for weekly route reports by email\n• 3 reported that the CSV export times out on big date ranges\n• 2 asked for Spanish in the driver app',
    });
    expect(detectLanguages([digest], none).get('1')).toBe('en');
  });

  it('reads a shell command by its words, not by its paths and options', () => {
    // The IRC dev half (2009-02-23): with its paths and options, the detector reads this line as Italian.
    const command = chatMessage({
      id: '1',
      text: 'eper3z, run this: echo /etc/init.d/samba restart | sudo tee /etc/network/if-up.d/samba && sudo chmod +x /etc/network/if-up.d/samba',
    });
    expect(detectLanguages([command], none).get('1')).toBe('en');
  });

  it('reads a short plain line alone as its batch, not as the detector guesses', () => {
    // The IRC dev half: "selah, aptitude has better dependancy resolution" reads to tinyld as Indonesian.
    const batch = [
      chatMessage({ id: '1', text: 'What is the advantage of aptitude over apt get? I read about it in the wiki.' }),
      chatMessage({ id: '2', text: 'selah, aptitude has better dependancy resolution' }),
    ];
    expect(detectLanguages(batch, none).get('2')).toBe('en');
  });

  it('tells a message in another language by itself', () => {
    const german = chatMessage({ id: '1', text: 'Wir haben entschieden, Postgres für die Abrechnung zu verwenden.' });
    const english = chatMessage({
      id: '2',
      text: 'We decided to use Postgres for billing and the team is happy with it.',
    });
    const languages = detectLanguages([german, english], none);
    expect(languages.get('1')).toBe('de');
    expect(languages.get('2')).toBe('en');
  });

  it('gives a reply too short to tell the language of its thread, parent included', () => {
    const parent = chatMessage({ id: '1', text: '¿Alguien tiene las credenciales nuevas de la cuenta de pruebas?' });
    const reply = chatMessage({ id: '2', thread_parent_id: '1', text: '¡gracias!' });
    expect(detectLanguages([reply], new Map([['1', parent]])).get('2')).toBe('es');
  });

  it('takes a batch too short to tell for English', () => {
    expect(detectLanguages([chatMessage({ id: '1', text: 'lgtm' })], none).get('1')).toBe('en');
  });
});
