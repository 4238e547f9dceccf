/** What the Markdown export writes of one page (a current wiki page of the read model). */
export interface ExportedPage {
  channel_id: string;
  slug: string;
  title: string;
  version: number;
  updated_at: string;
  markdown: string;
}

/** The heading of the list a page's citations resolve to (libs/knowledge/src/wiki/page-builder.ts). */
const SOURCES_HEADING = '\n## Sources\n';
/** A link the wiki writes to another of its pages (`pageLink`): `[Billing migration](topic-billing-migration)`. */
const PAGE_LINK = /\[((?:\\.|[^\\[\]])*)\]\(([a-z0-9][a-z0-9-]*)\)/y;
/** A citation as the page writes it; chat text reaches the page with its brackets escaped. */
const CITATION = /\[(\d+)\]/y;
/** An item of the Sources list: `- [n] Ana, 2025-03-03 09:00 UTC: “…” <permalink>`. */
const SOURCE_ITEM = /^- \[(\d+)\] (.*)$/;

/** The file a page is exported to, and what an Obsidian link to it names. */
export function pageFileName(slug: string): string {
  return `${slug}.md`;
}

/**
 * A wiki page as an Obsidian note: YAML front matter (title, channel, slug, version, time), the page with its
 * links to other pages as `[[slug|text]]` and its citations `[n]` as footnotes `[^n]`, and the Sources list as
 * the footnotes' definitions (author, time, excerpt, permalink), as the wiki wrote them.
 */
export function obsidianPage(page: ExportedPage, channelName: string | null): string {
  const cut = page.markdown.lastIndexOf(SOURCES_HEADING);
  const body = cut === -1 ? page.markdown : page.markdown.slice(0, cut);
  const sources = cut === -1 ? '' : page.markdown.slice(cut + SOURCES_HEADING.length);
  const footnotes = new Map<number, string>();
  for (const line of sources.split('\n')) {
    const item = SOURCE_ITEM.exec(line);
    if (item) footnotes.set(Number(item[1]), item[2]);
  }
  const definitions = [...footnotes].map(([n, text]) => `[^${n}]: ${text}`);
  return (
    [
      frontMatter(page, channelName),
      convertBody(body.trimEnd(), footnotes),
      ...(definitions.length > 0 ? [definitions.join('\n')] : []),
    ].join('\n\n') + '\n'
  );
}

function frontMatter(page: ExportedPage, channelName: string | null): string {
  // JSON strings are YAML double-quoted scalars: any title or name is quoted safely.
  const text = (value: string) => JSON.stringify(value);
  return [
    '---',
    `title: ${text(page.title)}`,
    `aliases: [${text(page.title)}]`,
    `channel_id: ${text(page.channel_id)}`,
    ...(channelName === null ? [] : [`channel: ${text(channelName)}`]),
    `slug: ${text(page.slug)}`,
    `version: ${page.version}`,
    `updated_at: ${text(page.updated_at)}`,
    '---',
  ].join('\n');
}

/**
 * Rewrites the page's own links and citations, walking the text once so an escaped `\[2\]` from chat stays text:
 * a backslash and the character after it are copied as they are.
 */
function convertBody(body: string, footnotes: ReadonlyMap<number, string>): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const char = body[i];
    if (char === '\\') {
      out += body.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char === '[') {
      PAGE_LINK.lastIndex = i;
      const link = PAGE_LINK.exec(body);
      if (link) {
        out += wikiLink(link[2], unescape(link[1]));
        i += link[0].length;
        continue;
      }
      CITATION.lastIndex = i;
      const citation = CITATION.exec(body);
      if (citation && footnotes.has(Number(citation[1]))) {
        out += `[^${citation[1]}]`;
        i += citation[0].length;
        continue;
      }
    }
    out += char;
    i += 1;
  }
  return out;
}

/** `[[slug|text]]`; an alias cannot hold `[`, `]` or `|`, which would end it. */
function wikiLink(slug: string, text: string): string {
  const alias = text.replace(/\[/g, '(').replace(/\]/g, ')').replace(/\|/g, '/').trim();
  return alias === '' || alias === slug ? `[[${slug}]]` : `[[${slug}|${alias}]]`;
}

/** The link text as read: Markdown escapes removed. */
function unescape(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1');
}
