import { wikiSections } from './wiki-sections';

describe('wikiSections', () => {
  // A page as PageBuilder writes it: escaped chat text, unescaped citations, a Sources list at the end.
  const page = [
    '# \\#eng: Postgres',
    'People: **Ana** [1], Ben [2].',
    '## Decisions',
    '- Move billing to Postgres [1][2]\n- Ana said \\[2\\] is \\*fine\\* [3]',
    '## Decisions',
    '- Again [2]',
    '## Sources',
    '- [1] Ana, 2025-03-03 09:00 UTC: “Move billing?”\n- [2] Ben: “Yes”\n- [3] Ana: “ok”',
  ].join('\n\n');

  it('cuts a page at its headings, without the Sources list, as plain text with the numbers each cites', () => {
    expect(wikiSections(page, '#eng: Postgres')).toEqual([
      { heading: '#eng: Postgres', anchor: null, text: 'People: Ana, Ben.', cited: [1, 2] },
      {
        heading: 'Decisions',
        anchor: 'section-decisions',
        text: 'Move billing to Postgres\nAna said [2] is *fine*',
        cited: [1, 2, 3],
      },
      { heading: 'Decisions', anchor: 'section-decisions-2', text: 'Again', cited: [2] },
    ]);
  });

  it('leaves out a section with nothing in it', () => {
    expect(wikiSections('# T\n\n## Empty\n\n## Full\n\nText [1]\n', 'T')).toEqual([
      { heading: 'Full', anchor: 'section-full', text: 'Text', cited: [1] },
    ]);
  });
});
