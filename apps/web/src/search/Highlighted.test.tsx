import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Highlighted, highlightParts } from './Highlighted';

describe('Highlighted', () => {
  it('marks each [start, end) of the snippet', () => {
    const { container } = render(
      <Highlighted
        text="Move billing to Postgres, then Postgres 17"
        highlights={[
          [16, 24],
          [31, 39],
        ]}
      />,
    );
    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Postgres', 'Postgres']);
    expect(container.textContent).toBe('Move billing to Postgres, then Postgres 17');
  });

  it('renders markup in the text as text, never as HTML', () => {
    const text = '<img src=x onerror=alert(1)> launch <b>now</b>';
    const { container } = render(<Highlighted text={text} highlights={[[29, 35]]} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('launch');
    expect(container.textContent).toBe(text);
  });

  it('skips offsets out of range, reversed or overlapping, and sorts the rest', () => {
    expect(
      highlightParts('abcdef', [
        [4, 6],
        [0, 2],
        [1, 3],
        [5, 4],
        [3, 99],
      ]),
    ).toEqual([
      { text: 'ab', mark: true },
      { text: 'cd', mark: false },
      { text: 'ef', mark: true },
    ]);
    expect(highlightParts('abc', [])).toEqual([{ text: 'abc', mark: false }]);
  });
});
