import { SNIPPET_LENGTH, snippetOf } from './snippet';

const marked = ({ snippet, highlights }: { snippet: string; highlights: Array<[number, number]> }) =>
  highlights.map(([start, end]) => snippet.slice(start, end));

describe('snippetOf', () => {
  it('highlights every word a (folded) term begins, whole, as offsets into the text', () => {
    const result = snippetOf('Ana moves the Atlas launch; launching is on Friday at the Café', ['launch', 'cafe']);
    expect(result.snippet).toBe('Ana moves the Atlas launch; launching is on Friday at the Café');
    expect(result.highlights).toEqual([
      [20, 26],
      [28, 37],
      [58, 62],
    ]);
    expect(marked(result)).toEqual(['launch', 'launching', 'Café']);
  });

  it('highlights nothing inside a word, and keeps markup as plain text', () => {
    const result = snippetOf('<b>relaunch</b> the <script>launch</script>', ['launch']);
    expect(result.snippet).toBe('<b>relaunch</b> the <script>launch</script>');
    expect(marked(result)).toEqual(['launch']);
  });

  it('cuts a long text around its first match, at spaces, marking the cuts with …', () => {
    const text = `${'early words '.repeat(30)}the launch moves to Friday ${'later words '.repeat(30)}`;
    const result = snippetOf(text, ['launch', 'friday']);
    expect(result.snippet.startsWith('…')).toBe(true);
    expect(result.snippet.endsWith('…')).toBe(true);
    expect(result.snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(result.snippet).toContain('the launch moves to Friday');
    expect(marked(result)).toEqual(['launch', 'Friday']);
  });

  it('shows the start of a long text when nothing in it matches', () => {
    const result = snippetOf('word '.repeat(100), ['zebra']);
    expect(result.snippet.startsWith('word')).toBe(true);
    expect(result.highlights).toEqual([]);
  });
});
