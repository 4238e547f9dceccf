import type { NormalizedMessage } from '@atlas/events';
import { factOf, wikiInputOf } from '../testing/wiki-input';
import { ANA, BEN, CARLA, DEV, wikiMessage } from '../testing/wiki-scenario';
import { faqOf, isOpen, type FaqEntry } from './faq';
import { WikiIndex } from './wiki-index';

const GUS = { id: 'U0GUS', name: 'Gus Moreau' };
const question = (message: NormalizedMessage) => factOf(message, { text: message.text, type: 'question' });
const answer = (message: NormalizedMessage) => factOf(message, { text: message.text, type: 'answer' });

function faqFor(pairs: Array<[NormalizedMessage, 'question' | 'answer']>): FaqEntry[] {
  const facts = pairs.map(([message, type]) => (type === 'question' ? question(message) : answer(message)));
  return faqOf(
    new WikiIndex(
      wikiInputOf(
        facts,
        pairs.map(([message]) => message),
      ),
    ),
  );
}
const asked = (entry: FaqEntry) => entry.question?.message_id ?? entry.questionMessage?.id;
const answerIds = (entry: FaqEntry) => entry.answers.map((fact) => fact.message_id);

describe('FAQ pairs', () => {
  // #general, 2025-03-19: the status-page thread, where the last reply asks Ben for something else.
  const statusQ = wikiMessage('1742393520.000100', GUS, '2025-03-19T14:12:00.000Z', 'Do we have a status page?', {
    replies: 1,
  });
  const statusA = wikiMessage(
    '1742394000.000100',
    BEN,
    '2025-03-19T14:20:00.000Z',
    'We do: https://status.fernway.io',
    {
      parent: statusQ.id,
    },
  );
  // Slack gives the @mention with the message, whether or not Ben wrote anything the wiki shows.
  const aside = {
    ...wikiMessage(
      '1742394300.000100',
      ANA,
      '2025-03-19T14:25:00.000Z',
      '@Ben can you add a link to it in the app footer as well? Small ticket, no rush.',
      { parent: statusQ.id },
    ),
    mentions: [{ id: BEN.id, name: 'Ben' }],
  };

  it('pairs a thread reply with the question, but not a reply in the thread addressed to someone else', () => {
    const [entry] = faqFor([
      [statusQ, 'question'],
      [statusA, 'answer'],
      [aside, 'answer'],
    ]);
    expect(asked(entry)).toBe(statusQ.id);
    expect(answerIds(entry)).toEqual([statusA.id]);
  });

  it('leaves a question open when its only reply in the thread speaks to someone else', () => {
    const entries = faqFor([
      [statusQ, 'question'],
      [aside, 'answer'],
    ]);
    expect(entries.filter(isOpen).map(asked)).toEqual([statusQ.id]);
    expect(entries.flatMap(answerIds)).toEqual([]);
  });

  it('never pairs the asker’s own reply as the answer', () => {
    const own = wikiMessage('1742394600.000100', GUS, '2025-03-19T14:30:00.000Z', 'Found it, it is status.fernway.io', {
      parent: statusQ.id,
    });
    const entries = faqFor([
      [statusQ, 'question'],
      [own, 'answer'],
    ]);
    expect(entries.flatMap(answerIds)).toEqual([]);
    expect(entries.filter(isOpen).map(asked)).toEqual([statusQ.id]);
  });

  // Chat without threads marks a reply by addressing the asker, as on IRC: "trey: that is a new feature".
  const ircQ = wikiMessage('1100000000.000100', DEV, '2004-11-09T10:00:00.000Z', 'how do I mount an iso?');
  const noise = wikiMessage('1100000060.000100', CARLA, '2004-11-09T10:01:00.000Z', 'anyone using hoary yet?');

  it('pairs a message addressed to the asker shortly after the question', () => {
    const reply = wikiMessage('1100000120.000100', BEN, '2004-11-09T10:02:00.000Z', 'dev: mount -o loop file.iso /mnt');
    const entries = faqFor([
      [ircQ, 'question'],
      [noise, 'question'],
      [reply, 'answer'],
    ]);
    expect(entries.find((entry) => asked(entry) === ircQ.id)?.answers.map((fact) => fact.message_id)).toEqual([
      reply.id,
    ]);
    expect(entries.find((entry) => asked(entry) === noise.id)?.answers).toEqual([]);
  });

  it('does not pair an addressed message long after the question, nor an unaddressed one', () => {
    const late = wikiMessage('1100007200.000100', BEN, '2004-11-09T12:00:00.000Z', 'dev: mount -o loop file.iso /mnt');
    const unaddressed = wikiMessage('1100000180.000100', ANA, '2004-11-09T10:03:00.000Z', 'mount -o loop works');
    const entries = faqFor([
      [ircQ, 'question'],
      [unaddressed, 'answer'],
      [late, 'answer'],
    ]);
    expect(entries.flatMap(answerIds)).toEqual([]);
    expect(entries.filter(isOpen).map(asked)).toEqual([ircQ.id]);
  });
});
