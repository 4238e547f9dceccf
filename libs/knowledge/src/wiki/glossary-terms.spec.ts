import type { NormalizedMessage } from '@atlas/events';
import { entity, factOf, wikiInputOf } from '../testing/wiki-input';
import { BEN, wikiMessage } from '../testing/wiki-scenario';
import { glossaryOf } from './glossary-terms';
import { WikiIndex } from './wiki-index';

function glossaryFor(texts: string[], entities: ReturnType<typeof entity>[][] = []) {
  const messages: NormalizedMessage[] = texts.map((text, i) =>
    wikiMessage(`17450000${i}0.000100`, BEN, `2025-03-0${i + 1}T09:00:00.000Z`, text),
  );
  const facts = messages.map((message, i) =>
    factOf(message, { type: 'observation', text: texts[i], entities: entities[i] ?? [] }),
  );
  return glossaryOf(new WikiIndex(wikiInputOf(facts, messages)));
}

describe('glossaryOf', () => {
  it.each([
    ['The RPO (recovery point objective) is 5 minutes.', 'RPO', 'recovery point objective'],
    ['Our Mean Time To Recovery (MTTR) went down.', 'MTTR', 'Mean Time To Recovery'],
    ['SRE stands for Site Reliability Engineering.', 'SRE', 'Site Reliability Engineering'],
    ['We track the Service Level Objectives (SLOs) weekly.', 'SLO', 'Service Level Objectives'],
  ])('finds what an acronym stands for in "%s"', (text, term, expansion) => {
    const [found] = glossaryFor([text]);
    expect(found).toMatchObject({ term, expansion, definition: { sentence: text } });
  });

  it('reads no definition in a sentence that supposes or measures ("If PDF is a lot of work")', () => {
    const [pdf] = glossaryFor(['If PDF is a lot of work it can follow a week later.', 'CSV and PDF.']);
    expect(pdf).toMatchObject({ term: 'PDF', definition: null });
    const [sla] = glossaryFor(['The SLA is a contract with the customer.']);
    expect(sla).toMatchObject({ term: 'SLA', definition: { sentence: 'The SLA is a contract with the customer.' } });
  });

  it('explains no date taken for a technology ("Wednesdays")', () => {
    const wednesdays = entity('technology', 'Wednesdays');
    const terms = glossaryFor(
      ['No internal meetings on Wednesdays.', 'The handoff is on Wednesdays.'],
      [[wednesdays], [wednesdays]],
    );
    expect(terms).toEqual([]);
  });

  it('keeps an undefined acronym only when several facts use it', () => {
    expect(glossaryFor(['The DB is slow.'])).toEqual([]);
    const [db] = glossaryFor(['The DB is slow.', 'Restart the DB after the deploy.']);
    expect(db).toMatchObject({ term: 'DB', expansion: null, definition: null });
    expect(db.facts).toHaveLength(2);
  });

  it('defines project terms by the sentence saying what they are, and merges their acronyms', () => {
    const atlas = entity('project', 'Atlas');
    const terms = glossaryFor(
      [
        'Atlas ships on Monday.',
        'Atlas is our knowledge base for team chat. It syncs hourly.',
        'The Atlas API is ready.',
      ],
      [[atlas], [atlas], [atlas]],
    );
    const term = terms.find((candidate) => candidate.term === 'Atlas');
    expect(term?.definition?.sentence).toBe('Atlas is our knowledge base for team chat.');
    expect(term?.entity?.type).toBe('project');
    expect(terms.map((candidate) => candidate.term)).toEqual(['Atlas']);
  });
});
