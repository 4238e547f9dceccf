import { ExportedPage, obsidianPage, pageFileName } from './obsidian-page';

/** A page as the wiki writes it: chat text with its brackets escaped, citations and page links not. */
const page: ExportedPage = {
  channel_id: 'C0ENG',
  slug: 'entity-postgres',
  title: 'Postgres: "the" DB',
  version: 3,
  updated_at: '2025-03-05T10:00:00.000Z',
  markdown:
    [
      '# Postgres: "the" DB',
      'People: [Ben](entity-ben) (2 facts) [2], **Ana** [1].',
      '- Move billing to Postgres [1][2]\n- Ana said \\[2\\] and \\\\[3] on [C\\# \\[tips\\]](topic-c-sharp) — [7]',
      'See <https://grafana.acme.io/d/1> and [Decisions](decisions).',
      '## Sources',
      [
        '- [1] Ana, 2025-03-03 09:00 UTC: “Move billing? \\[1\\]” <https://acme.slack.com/archives/C1/p1>',
        '- [2] Ben, 2025-03-03 10:00 UTC: “Yes”',
        '- [3] Ben, 2025-03-04 10:00 UTC: “\\<b\\>bold\\</b\\>”',
      ].join('\n'),
    ].join('\n\n') + '\n',
};

describe('a wiki page as an Obsidian note', () => {
  const note = obsidianPage(page, 'eng');
  const [, frontMatter, body] = note.split(/^---$/m);

  it('opens with YAML front matter: title, channel, slug, version and time, strings quoted', () => {
    expect(note.startsWith('---\n')).toBe(true);
    expect(frontMatter.trim().split('\n')).toEqual([
      'title: "Postgres: \\"the\\" DB"',
      'aliases: ["Postgres: \\"the\\" DB"]',
      'channel_id: "C0ENG"',
      'channel: "eng"',
      'slug: "entity-postgres"',
      'version: 3',
      'updated_at: "2025-03-05T10:00:00.000Z"',
    ]);
    expect(obsidianPage(page, null)).not.toContain('\nchannel: ');
  });

  it('links other pages as [[slug|text]], each to the file the export writes for it', () => {
    expect(body).toContain('People: [[entity-ben|Ben]] (2 facts)');
    expect(body).toContain('on [[topic-c-sharp|C# (tips)]]');
    expect(body).toContain('See <https://grafana.acme.io/d/1> and [[decisions|Decisions]].');
    expect(body).not.toMatch(/\]\((entity|topic)-/);
    expect(pageFileName('entity-ben')).toBe('entity-ben.md');
  });

  it('turns each citation the Sources list resolves into a footnote; chat brackets and unknown numbers stay text', () => {
    expect(body).toContain('(2 facts) [^2], **Ana** [^1].');
    expect(body).toContain('- Move billing to Postgres [^1][^2]');
    // Escaped by the wiki (chat text): kept as written. "\\[3]" is an escaped backslash, then a citation.
    expect(body).toContain('Ana said \\[2\\] and \\\\[^3] on');
    expect(body).toContain('— [7]');
  });

  it('ends with the Sources as footnote definitions, with author, time, excerpt and permalink', () => {
    expect(note).not.toContain('## Sources');
    expect(note.trimEnd().split('\n').slice(-3)).toEqual([
      '[^1]: Ana, 2025-03-03 09:00 UTC: “Move billing? \\[1\\]” <https://acme.slack.com/archives/C1/p1>',
      '[^2]: Ben, 2025-03-03 10:00 UTC: “Yes”',
      '[^3]: Ben, 2025-03-04 10:00 UTC: “\\<b\\>bold\\</b\\>”',
    ]);
  });

  it('keeps the page title heading and writes a page without sources without footnotes', () => {
    expect(body.trimStart().startsWith('# Postgres: "the" DB\n')).toBe(true);
    const bare = obsidianPage({ ...page, markdown: '# Empty\n\nNothing yet.\n\n## Sources\n\nNo sources.\n' }, 'eng');
    expect(bare.endsWith('---\n\n# Empty\n\nNothing yet.\n')).toBe(true);
  });
});
