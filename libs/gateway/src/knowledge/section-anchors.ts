import type { MarkdownIt, StateCore } from 'markdown-it';
import { sectionAnchors } from '@atlas/read-models';

/**
 * Gives each `##`/`###` heading of a wiki page its element id (sectionAnchors, the same function the search index
 * names sections with), so a search hit on a section links to it: /knowledge/<channel>/wiki/<slug>#<anchor>.
 */
export function sectionIds(md: MarkdownIt): void {
  md.core.ruler.push('section_ids', (state: StateCore) => {
    const headings = state.tokens.flatMap((token, i) =>
      token.type === 'heading_open' && (token.tag === 'h2' || token.tag === 'h3') ? [i] : [],
    );
    const anchors = sectionAnchors(headings.map((i) => state.tokens[i + 1]?.content ?? ''));
    headings.forEach((i, n) => state.tokens[i].attrSet('id', anchors[n]));
  });
}
