import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WikiCitation } from '../types';
import { WikiArticle } from './WikiArticle';

/** HTML as the gateway renders a page (libs/gateway/src/knowledge/citation-links.ts). */
const HTML = `<h1>Billing</h1>
<p>We moved billing to Postgres <a href="#source-1" class="citation">[1]</a> and froze the API <a href="#source-2" class="citation">[2]</a>.</p>
<p>See <a href="https://example.com/spec">the spec</a>.</p>
<h2>Sources</h2>
<ul><li id="source-1">[1] Ana Lima</li><li id="source-2">[2] Bo Chen</li></ul>`;

const CITATIONS: WikiCitation[] = [
  {
    n: 1,
    message_id: 'm1',
    author_name: 'Ana Lima',
    timestamp: '2025-03-04T10:15:00.000Z',
    excerpt: 'Decided: billing goes to Postgres next sprint',
    permalink: 'https://acme.slack.com/archives/C1/p1',
  },
  {
    n: 2,
    message_id: 'm2',
    author_name: null,
    timestamp: '2025-03-05T08:00:00.000Z',
    excerpt: 'API frozen until launch',
    permalink: null,
  },
];

describe('WikiArticle', () => {
  afterEach(cleanup);

  it('opens the source message of a clicked citation: author, time, excerpt, permalink', () => {
    render(<WikiArticle html={HTML} citations={CITATIONS} title="Billing" />);
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: '[1]' }));
    const panel = screen.getByRole('dialog', { name: 'Source [1]' });
    expect(panel.textContent).toContain('Ana Lima');
    expect(panel.textContent).toContain('Decided: billing goes to Postgres next sprint');
    expect(panel.querySelector('time')?.getAttribute('datetime')).toBe('2025-03-04T10:15:00.000Z');
    expect(screen.getByRole('link', { name: 'Open the message where it was posted' }).getAttribute('href')).toBe(
      'https://acme.slack.com/archives/C1/p1',
    );
    // Focus moves into the panel, so a keyboard user lands on what opened.
    expect(document.activeElement?.textContent).toBe('Source [1]');
  });

  it('switches to another citation, says when there is no permalink, and gives focus back on Escape', () => {
    render(<WikiArticle html={HTML} citations={CITATIONS} title="Billing" />);
    fireEvent.click(screen.getByRole('link', { name: '[1]' }));
    const second = screen.getByRole('link', { name: '[2]' });
    fireEvent.click(second);
    const panel = screen.getByRole('dialog', { name: 'Source [2]' });
    expect(panel.textContent).toContain('Unknown author');
    expect(panel.textContent).toContain('has no link to its platform');
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(second);
  });

  it('leaves other links alone and opens them in a new tab without access to this one', () => {
    render(<WikiArticle html={HTML} citations={CITATIONS} title="Billing" />);
    const spec = screen.getByRole('link', { name: 'the spec' });
    expect(spec.getAttribute('target')).toBe('_blank');
    expect(spec.getAttribute('rel')).toContain('noopener');
    fireEvent.click(spec);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('drops script and event handlers the HTML should never have held', () => {
    const hostile = '<p>x<img src="x" onerror="window.hacked = 1"><script>window.hacked = 2</script></p>';
    const { container } = render(<WikiArticle html={hostile} citations={[]} title="Hostile" />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')?.getAttribute('onerror')).toBeNull();
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });
});
