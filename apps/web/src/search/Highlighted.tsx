import type { ReactNode } from 'react';

/**
 * A search hit's snippet with its matched words in <mark>: the API gives plain text and [start, end) offsets into it,
 * so the text is only ever rendered as text (no HTML from chat reaches the DOM). Offsets out of range, reversed or
 * overlapping an earlier one are skipped.
 */
export function highlightParts(
  text: string,
  highlights: ReadonlyArray<readonly number[]>,
): Array<{ text: string; mark: boolean }> {
  const parts: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  const sorted = [...highlights].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of sorted) {
    if (!(Number.isInteger(start) && Number.isInteger(end)) || start < at || end <= start || end > text.length)
      continue;
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    parts.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

export function Highlighted({ text, highlights }: { text: string; highlights: ReadonlyArray<readonly number[]> }) {
  const nodes: ReactNode[] = highlightParts(text, highlights).map((part, i) =>
    part.mark ? <mark key={i}>{part.text}</mark> : part.text,
  );
  return <>{nodes}</>;
}
