/**
 * A wiki page cut into the sections search indexes: the text under each `##`/`###` heading (the part under the
 * title is the page's first section), without the Sources list. Pages are written by libs/knowledge's PageBuilder:
 * citations are an unescaped "[n]", chat text comes escaped ("\[2\]" is text, not a citation).
 */
export interface WikiSection {
  /** The heading as the page writes it, unescaped; the page title for the part under the title. */
  heading: string;
  /** The heading's element id on the rendered page (see sectionAnchors); null for the part under the title. */
  anchor: string | null;
  /** What the section says, as plain text: no Markdown escapes, list marks or citation numbers. */
  text: string;
  /** The citation numbers it cites, in first-use order. */
  cited: number[];
}

const SECTION_HEADING = /^(#{2,3}) (.*)$/;
const SOURCES_HEADING = 'Sources';
const CITATION = /(?<!\\)\[(\d+)\](?!\()/g;

export function wikiSections(markdown: string, title: string): WikiSection[] {
  const lines = markdown.split('\n');
  const raw: Array<{ heading: string | null; lines: string[] }> = [{ heading: null, lines: [] }];
  for (const line of lines) {
    const heading = SECTION_HEADING.exec(line);
    if (heading) raw.push({ heading: heading[2], lines: [] });
    else if (!/^# /.test(line)) raw[raw.length - 1].lines.push(line);
  }
  const anchors = sectionAnchors(raw.slice(1).map((section) => section.heading!));
  return raw.flatMap((section, i) => {
    if (section.heading !== null && unescapeMarkdown(section.heading) === SOURCES_HEADING) return [];
    const body = section.lines.join('\n');
    const cited = [...new Set([...body.matchAll(CITATION)].map((match) => Number(match[1])))];
    const text = plainText(body);
    if (text === '') return [];
    return [
      {
        heading: section.heading === null ? title : unescapeMarkdown(section.heading),
        anchor: section.heading === null ? null : anchors[i - 1],
        text,
        cited,
      },
    ];
  });
}

/**
 * The element ids of a page's `##`/`###` headings, given as the Markdown writes them, in page order: `section-`
 * and the heading's words in lower case joined by `-`, numbered from the second use on. The rendered page
 * (libs/gateway wiki-markdown.ts) gives its headings exactly these ids, so a search hit links to its section.
 */
export function sectionAnchors(headings: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headings.map((heading) => {
    const words = unescapeMarkdown(heading)
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu);
    const base = `section-${(words ?? ['untitled']).join('-')}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

function unescapeMarkdown(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

function plainText(body: string): string {
  return body
    .split('\n')
    .map((line) =>
      unescapeMarkdown(
        line
          .replace(CITATION, '')
          .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
          .replace(/\*\*|__/g, ''),
      ),
    )
    .map((line) =>
      line
        .replace(/\s+/g, ' ')
        .replace(/ ([,.;:!?])(?=\s|$)/g, '$1')
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n');
}
