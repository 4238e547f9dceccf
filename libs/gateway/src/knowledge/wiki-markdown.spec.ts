import { renderWikiMarkdown } from './wiki-markdown';

describe('wiki Markdown rendering', () => {
  it('renders headings, lists and citations as HTML', () => {
    const html = renderWikiMarkdown('# Decisions\n\n- Move billing to **Postgres** [1]\n');
    expect(html).toContain('<h1>Decisions</h1>');
    expect(html).toContain('<li>Move billing to <strong>Postgres</strong> [1]</li>');
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
});
