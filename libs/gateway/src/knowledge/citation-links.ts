import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/** A citation as pages write it (libs/knowledge/src/wiki/page-builder.ts): "[n]", brackets unescaped. */
const CITATION = /\[(\d+)\]/g;
/** The heading of the list the numbers resolve to, each item opening with its "[n]". */
const SOURCES_HEADING = 'Sources';

/** The id of the nth item of the Sources list, and what its citations link to. */
export function sourceAnchor(n: number): string {
  return `source-${n}`;
}

/**
 * Links each "[n]" of a wiki page to the nth entry of its Sources list, which gets the id
 * `source-n`. It runs before markdown-it joins text: chat text reaches the page with its brackets
 * escaped ("\[2\]"), which markdown-it parses into separate escape tokens, so only the numbers the
 * page itself wrote become links, and only those its Sources list resolves. Tokens, not HTML, are
 * added: attributes are escaped by the renderer like any other.
 */
export function citationLinks(md: MarkdownIt): void {
  md.core.ruler.before('text_join', 'citation_links', (state: StateCore) => {
    const sources = markSources(state.tokens);
    if (sources.size === 0) return;
    let inSources = false;
    for (const [i, token] of state.tokens.entries()) {
      if (token.type === 'heading_open') inSources = isSourcesHeading(state.tokens, i);
      if (!inSources && token.type === 'inline' && token.children)
        token.children = linkCitations(token.children, sources, state);
    }
  });
}

/** Gives each Sources item its id; the numbers it found. */
function markSources(tokens: Token[]): Set<number> {
  const found = new Set<number>();
  let inSources = false;
  for (const [i, token] of tokens.entries()) {
    if (token.type === 'heading_open') inSources = isSourcesHeading(tokens, i);
    if (!inSources || token.type !== 'list_item_open') continue;
    const inline = tokens.slice(i + 1, i + 3).find((candidate) => candidate.type === 'inline');
    const first = inline?.children?.[0];
    const number = first?.type === 'text' ? /^\[(\d+)\]/.exec(first.content) : null;
    if (!number) continue;
    found.add(Number(number[1]));
    token.attrSet('id', sourceAnchor(Number(number[1])));
  }
  return found;
}

function isSourcesHeading(tokens: Token[], i: number): boolean {
  return tokens[i].tag === 'h2' && tokens[i + 1]?.type === 'inline' && tokens[i + 1].content === SOURCES_HEADING;
}

/** The inline tokens with each known "[n]" outside a link made a link to its source. */
function linkCitations(children: Token[], sources: ReadonlySet<number>, state: StateCore): Token[] {
  const linked: Token[] = [];
  let linkDepth = 0;
  for (const token of children) {
    if (token.type === 'link_open') linkDepth += 1;
    if (token.type === 'link_close') linkDepth -= 1;
    if (token.type !== 'text' || linkDepth > 0) {
      linked.push(token);
      continue;
    }
    let last = 0;
    for (const match of token.content.matchAll(CITATION)) {
      const n = Number(match[1]);
      if (!sources.has(n)) continue;
      if (match.index > last) linked.push(textToken(state, token.content.slice(last, match.index), token.level));
      const open = new state.Token('link_open', 'a', 1);
      open.attrSet('href', `#${sourceAnchor(n)}`);
      open.attrSet('class', 'citation');
      open.level = token.level;
      linked.push(open, textToken(state, match[0], token.level + 1));
      const close = new state.Token('link_close', 'a', -1);
      close.level = token.level;
      linked.push(close);
      last = match.index + match[0].length;
    }
    if (last === 0) linked.push(token);
    else if (last < token.content.length) linked.push(textToken(state, token.content.slice(last), token.level));
  }
  return linked;
}

function textToken(state: StateCore, content: string, level: number): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  token.level = level;
  return token;
}
