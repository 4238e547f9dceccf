import { withAnsweredQuestion } from '../extraction/answer-context';
import { factOf, wikiInputOf } from '../testing/wiki-input';
import { ANA, BEN, CARLA, DEV, wikiMessage } from '../testing/wiki-scenario';
import { answerUnderQuestion } from './carried-question';
import { faqOf, isOpen, type FaqEntry } from './faq';
import { generateWikiPages } from './generate-wiki-pages';
import { WikiIndex } from './wiki-index';
import type { Fact } from '@atlas/events';
import type { NormalizedMessage } from '@atlas/events';

const faq = (facts: Fact[], messages: NormalizedMessage[]): FaqEntry[] =>
  faqOf(new WikiIndex(wikiInputOf(facts, messages)));
const answersTo = (entries: FaqEntry[], question: Fact) =>
  entries.find((entry) => entry.question?.id === question.id)?.answers.map((fact) => fact.text);

// The demo's #engineering and #product threads, as the extractor types their lines.
describe('FAQ: which replies answer which question', () => {
  const tilesQ = wikiMessage(
    '1741078500.161229',
    DEV,
    '2025-03-04T08:55:00.000Z',
    'The e2e suite keeps timing out loading map tiles. Has anyone seen this locally?',
    { replies: 2 },
  );
  const stub = wikiMessage(
    '1741080000.503220',
    ANA,
    '2025-03-04T09:20:00.000Z',
    "Can we stub the tile server in CI? We don't test the tiles themselves.",
    { parent: tilesQ.id },
  );
  const fixture = wikiMessage(
    '1741080268.613139',
    DEV,
    '2025-03-04T09:24:00.000Z',
    "Yes, I'll add a small fixture server that returns a blank tile. Should cut about 3 minutes off the suite too.",
    { parent: tilesQ.id },
  );
  const seen = factOf(tilesQ, { text: 'Has anyone seen this locally?', type: 'question' });
  const stubQ = factOf(stub, { text: 'Can we stub the tile server in CI?', type: 'question' });
  const stubBacking = factOf(stub, { text: "We don't test the tiles themselves.", type: 'answer', index: 1 });
  const fixtureTask = factOf(fixture, {
    text: 'Dev will add a small fixture server that returns a blank tile.',
    type: 'action_item',
    owner: `person:${DEV.id}`,
  });
  const fixtureAnswer = factOf(fixture, {
    text: 'Should cut about 3 minutes off the suite too.',
    type: 'answer',
    index: 1,
  });

  it('does not take what a message says after its own question as the answer to an earlier one', () => {
    const entries = faq([seen, stubQ, stubBacking], [tilesQ, stub]);
    expect(answersTo(entries, seen)).toEqual([]);
  });

  it('shows the task a reply takes on as part of its answer', () => {
    const entries = faq([seen, stubQ, stubBacking, fixtureTask, fixtureAnswer], [tilesQ, stub, fixture]);
    expect(answersTo(entries, stubQ)).toEqual([fixtureTask.text, fixtureAnswer.text]);
  });

  it('answers a question no answer fact replies to by the task of its first reply', () => {
    const weekdayQ = wikiMessage(
      '1741357879.099964',
      CARLA,
      '2025-03-07T14:31:00.000Z',
      'Can people choose the weekday the report goes out?',
      { replies: 1 },
    );
    const notYet = wikiMessage(
      '1741358437.165615',
      BEN,
      '2025-03-07T14:40:00.000Z',
      "Not yet, I'll add a weekday picker in v2.",
      { parent: weekdayQ.id },
    );
    const question = factOf(weekdayQ, { text: weekdayQ.text, type: 'question' });
    const task = factOf(notYet, {
      text: 'Not yet, Ben Okafor will add a weekday picker in v2.',
      type: 'action_item',
      owner: `person:${BEN.id}`,
    });
    const entries = faq([question, task], [weekdayQ, notYet]);
    expect(answersTo(entries, question)).toEqual([task.text]);
    expect(entries.filter(isOpen)).toEqual([]);
  });

  // #engineering 2025-03-19: Ana asks back before Chloé answers Dev's question.
  const safariQ = wikiMessage(
    '1742384442.833015',
    DEV,
    '2025-03-19T11:40:00.000Z',
    'Question: are we OK dropping support for Safari 15?',
    { replies: 2 },
  );
  const checkQ = wikiMessage(
    '1742385139.691245',
    ANA,
    '2025-03-19T11:52:00.000Z',
    'Should we check with the customers first?',
    { parent: safariQ.id },
  );
  const checked = wikiMessage('1742390130.256394', CARLA, '2025-03-19T13:15:00.000Z', 'Checked. OK to drop.', {
    parent: safariQ.id,
  });
  const safari = factOf(safariQ, { text: safariQ.text, type: 'question' });
  const check = factOf(checkQ, { text: checkQ.text, type: 'question' });
  const carried = factOf(checked, {
    text: withAnsweredQuestion('OK to drop.', { asker: 'Dev Patel', text: safariQ.text, kind: 'question' }),
    type: 'answer',
  });

  it('pairs an answer with the question it carries, not with a later one in the thread', () => {
    const entries = faq([safari, check, carried], [safariQ, checkQ, checked]);
    expect(answersTo(entries, safari)).toEqual([carried.text]);
    expect(answersTo(entries, check)).toEqual([]);
  });

  it('shows the answer under its question without repeating the question it carries', () => {
    const page = generateWikiPages(wikiInputOf([safari, carried], [safariQ, checked])).find(
      (candidate) => candidate.slug === 'faq',
    )!;
    expect(page.markdown).toContain('  - **A:** OK to drop. — ');
    expect(page.markdown).not.toContain('Answer to Dev');
    expect(answerUnderQuestion('Answer to bob\'s problem "my "share" won\'t mount": try smbmount')).toBe(
      'try smbmount',
    );
    expect(answerUnderQuestion('Not Q2. Answer later.')).toBe('Not Q2. Answer later.');
  });
});
