import { renderWikiMarkdown } from './wiki-markdown';

describe('wiki Markdown rendering', () => {
  it('renders headings, lists and citations as HTML', () => {
    const html = renderWikiMarkdown('# Decisions\n\n- Move billing to **Postgres** [1]\n');
    expect(html).toContain('<h1>Decisions</h1>');
    expect(html).toContain('<li>Move billing to <strong>Postgres</strong> [1]</li>');
  });

  // A page as the wiki writes it: chat text with its brackets escaped, citations not.
  const page = [
    '# \\#eng: Postgres',
    'People: [Ben](entity-ben) (2 facts) [2], **Ana** [1].',
    '- Move billing to Postgres [1][2]\n- Ana said \\[2\\] and [Ben [3]](entity-ben) — [7]',
    '## Sources',
    [
      '- [1] Ana, 2025-03-03 09:00 UTC: “Move billing? \\[1\\]” <https://acme.slack.com/archives/C1/p1>',
      '- [2] Ben, 2025-03-03 10:00 UTC: “Yes”',
      '- [3] Ben, 2025-03-04 10:00 UTC: “<b>bold</b>”',
    ].join('\n'),
  ].join('\n\n');

  it('links each [n] to the nth entry of the Sources list, which carries the anchor', () => {
    const html = renderWikiMarkdown(page);
    expect(html).toContain(
      '<li>Move billing to Postgres <a href="#source-1" class="citation">[1]</a><a href="#source-2" class="citation">[2]</a></li>',
    );
    expect(html).toContain(
      '(2 facts) <a href="#source-2" class="citation">[2]</a>, <strong>Ana</strong> <a href="#source-1"',
    );
    expect(html).toContain('<li id="source-1">[1] Ana, 2025-03-03 09:00 UTC:');
    expect(html).toContain('<li id="source-2">[2] Ben,');
    expect(html).toContain('<li id="source-3">[3] Ben,');
  });

  it('links no bracketed number from chat, none inside another link, none without a source, none in the Sources list', () => {
    const html = renderWikiMarkdown(page);
    expect(html).toContain('<li>Ana said [2] and <a href="entity-ben">Ben [3]</a> — [7]</li>');
    expect(html).toContain('“Move billing? [1]”');
    expect(html.match(/href="#source-/g)).toHaveLength(4);
    expect(html).toContain('“&lt;b&gt;bold&lt;/b&gt;”');
  });

  it('shows raw HTML from chat as text, never as markup', () => {
    const html = renderWikiMarkdown(
      'Ana said <script>alert("x")</script> and <img src=x onerror=alert(1)>\n\n<div onclick="steal()">block</div>\n',
    );
    expect(html).not.toMatch(/<script|<img|<div/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;div onclick=&quot;steal()&quot;&gt;block&lt;/div&gt;');
  });

  it('turns bare URLs and autolinks into links but refuses script URLs', () => {
    const html = renderWikiMarkdown(
      'See https://grafana.acme.io/d/billing and <https://acme.io/p1>. [x](javascript:alert(1))',
    );
    expect(html).toContain('<a href="https://grafana.acme.io/d/billing">https://grafana.acme.io/d/billing</a>');
    expect(html).toContain('<a href="https://acme.io/p1">https://acme.io/p1</a>');
    expect(html).not.toContain('href="javascript:');
  });

  it('keeps escaped Markdown characters as the text they stand for', () => {
    expect(renderWikiMarkdown('Use \\[2\\] and \\<b\\> literally')).toBe('<p>Use [2] and &lt;b&gt; literally</p>\n');
  });

  it('gives each section heading the anchor search links to, numbered when repeated', () => {
    const html = renderWikiMarkdown(
      '# Atlas\n\nIntro\n\n## Decisions & plans\n\nA\n\n### Open questions\n\nB\n\n## Decisions & plans\n',
    );
    expect(html).toContain('<h1>Atlas</h1>');
    expect(html).toContain('<h2 id="section-decisions-plans">Decisions &amp; plans</h2>');
    expect(html).toContain('<h3 id="section-open-questions">Open questions</h3>');
    expect(html).toContain('<h2 id="section-decisions-plans-2">');
  });
});
