import 'reflect-metadata';
import { WikiPage } from '@atlas/events';
import type { WikiInput } from '../contracts';
import { ANA, BRUNO, chatMessage, engChannelConversation } from '../testing/chat-messages';
import { schemaViolations } from '../testing/schema';
import { wikiInputFrom } from '../testing/wiki-input';
import { generateWikiPages, WIKI_TEMPLATE_VERSION } from './generate-wiki-pages';
import { escapeMarkdown } from './markdown';

/** The page without its Sources list, and the numbers it cites (escaped brackets are chat text, not citations). */
function body(page: WikiPage): string {
  return page.markdown.slice(0, page.markdown.indexOf('\n## Sources'));
}
function citedNumbers(page: WikiPage): number[] {
  return Array.from(body(page).matchAll(/(?<!\\)\[(\d+)\]/g), (match) => Number(match[1]));
}
function pageOf(pages: WikiPage[], slug: string): WikiPage {
  const page = pages.find((candidate) => candidate.slug === slug);
  if (!page) throw new Error(`no ${slug} page`);
  return page;
}
function section(page: WikiPage, heading: string): string {
  const start = page.markdown.indexOf(`## ${heading}\n`);
  const end = page.markdown.indexOf('\n## ', start + 1);
  return page.markdown.slice(start, end);
}
function bullets(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('- '));
}

function manyDecisions(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(3, '0');
    return chatMessage({
      id: `1709600${n}.000100`,
      timestamp: new Date(Date.UTC(2024, 2, 1) + i * 60_000).toISOString(),
      text: `We decided to retire Service${n} and move its traffic to Gateway${n}.`,
    });
  });
}

describe('generateWikiPages', () => {
  const input = wikiInputFrom(engChannelConversation());
  const pages = generateWikiPages(input);

  it('writes the overview, people, topics, decisions and action items pages', () => {
    expect(pages.map((page) => page.slug)).toEqual(['overview', 'people', 'topics', 'decisions', 'action-items']);
    expect(pageOf(pages, 'overview').title).toBe('#eng-platform: Overview');
  });

  it('gives every [n] of a page a citation and uses every citation, numbered in order of first use', () => {
    for (const page of pages) {
      const cited = citedNumbers(page);
      expect(cited.length).toBeGreaterThan(0);
      const firstUses = [...new Set(cited)];
      expect(firstUses).toEqual(firstUses.map((_, i) => i + 1));
      expect(page.citations.map((citation) => citation.n)).toEqual(firstUses);
    }
  });

  it('ends every page with a Sources list that resolves each number to its message', () => {
    for (const page of pages) {
      const sources = page.markdown.slice(page.markdown.indexOf('\n## Sources'));
      for (const citation of page.citations) {
        const message = input.messages.get(citation.message_id);
        expect(message).toBeDefined();
        expect(citation.author_name).toBe(message?.author_name);
        expect(citation.permalink).toBe(message?.permalink);
        expect(citation.excerpt.length).toBeLessThanOrEqual(140);
        expect(citation.excerpt).not.toMatch(/\s{2}|\n/);
        expect(sources).toContain(`- [${citation.n}] ${escapeMarkdown(citation.author_name ?? '')}, `);
        expect(sources).toContain(`<${citation.permalink}>`);
      }
    }
    expect(pageOf(pages, 'decisions').markdown).toContain(
      '- [1] Ana Lima, 2024-03-04 08:16 UTC: “We decided to go with Postgres for billing.',
    );
  });

  it('summarizes what the channel is about from its topic and most discussed topics', () => {
    const about = section(pageOf(pages, 'overview'), 'About');
    expect(about).toContain('Channel topic: Billing platform: infra, CI and on-call');
    expect(about).toMatch(/Most discussed topics: \*\*Postgres\*\* \(2 facts\) \[\d+\]/);
    expect(about).toMatch(/8 facts from 6 messages by 3 people, from 2024-03-04 \[1\] to 2024-03-04 \[2\]\./);
  });

  it('lists as open only the questions nobody answered in their thread', () => {
    const open = section(pageOf(pages, 'overview'), 'Open questions');
    expect(open).toContain('Who owns the on-call rotation for the AWS accounts?');
    expect(open).not.toContain('Should we move the billing service');
  });

  it('writes nothing but facts in its lists: each bullet is a fact text with its citation', () => {
    const decisionTexts = input.facts
      .filter((fact) => fact.type === 'decision')
      .map((fact) => escapeMarkdown(fact.text));
    const decisionBullets = bullets(body(pageOf(pages, 'decisions')));
    expect(decisionBullets).toHaveLength(decisionTexts.length);
    for (const bullet of decisionBullets) {
      expect(decisionTexts.some((text) => bullet.startsWith(`- ${text} — `))).toBe(true);
      expect(bullet).toMatch(/ \[\d+\]$/);
    }
  });

  it('tells for each person how much they said, about what, and what they decided or owe', () => {
    const people = pageOf(pages, 'people');
    const anaSection = section(people, ANA.name);
    expect(anaSection).toMatch(/Wrote 3 facts, latest \[\d+\]; mentioned in 2 facts, latest \[\d+\]\./);
    expect(anaSection).toContain('We decided to go with Postgres for billing.');
    // Bruno is asked to review: the action item is his to follow even though Ana wrote it.
    expect(section(people, BRUNO.name)).toContain('can you review the migration PR by Friday?');
  });

  it('lists each topic with its facts and what it is discussed with', () => {
    const postgres = section(pageOf(pages, 'topics'), 'Postgres');
    expect(postgres).toContain('Named in 2 facts.');
    expect(postgres).toMatch(/Discussed with: \*\*MongoDB\*\* \(1 fact\) \[\d+\]/);
    expect(bullets(postgres)).toHaveLength(2);
  });

  it('produces pages that satisfy the event model, hashed with the template version', () => {
    for (const page of pages) {
      expect(schemaViolations(WikiPage, page)).toEqual([]);
      expect(page.template_version).toBe(WIKI_TEMPLATE_VERSION);
      expect(page.channel_id).toBe(input.channel.channel_id);
    }
  });

  it('is deterministic: the same input, in any order, gives byte-identical pages', () => {
    const shuffled: WikiInput = {
      ...input,
      facts: [...input.facts].reverse(),
      entities: [...input.entities].reverse(),
      relations: [...input.relations].reverse(),
      messages: new Map([...input.messages].reverse()),
    };
    expect(generateWikiPages(input)).toEqual(pages);
    expect(generateWikiPages(shuffled)).toEqual(pages);
  });

  it('changes the hash of exactly the pages whose content changed', () => {
    const edited = {
      ...input,
      facts: input.facts.map((fact) =>
        fact.type === 'announcement' ? { ...fact, text: `${fact.text} Edited.` } : fact,
      ),
    };
    const changed = generateWikiPages(edited)
      .filter((page, i) => page.content_hash !== pages[i].content_hash)
      .map((page) => page.slug);
    // The people page cites Carla's announcement but does not quote it.
    expect(changed).toEqual(['overview', 'topics']);
  });

  it('escapes chat text that would break the page or pose as a citation', () => {
    const messages = [
      chatMessage({ id: '1709550000.000100', text: '# Decision: we go with [42] *Option B* `forever </div> | really' }),
      chatMessage({ id: '1709550100.000200', text: '1. We decided to ship the <script>alert(1)</script> fix.' }),
    ];
    const [overview] = generateWikiPages(wikiInputFrom(messages));
    expect(overview.markdown).toContain(
      '\\# Decision: we go with \\[42\\] \\*Option B\\* \\`forever \\</div\\> \\| really',
    );
    expect(overview.markdown).not.toContain('<script>');
    expect(
      overview.markdown
        .split('\n')
        .filter((line) => line.startsWith('#'))
        .every((line) => /^#{1,3} /.test(line)),
    ).toBe(true);
    expect(citedNumbers(overview).every((n) => overview.citations.some((citation) => citation.n === n))).toBe(true);
  });

  it('keeps pages bounded on a huge channel and says how much was left out', () => {
    const big = generateWikiPages(wikiInputFrom(manyDecisions(120)));
    const decisions = bullets(body(pageOf(big, 'decisions')));
    expect(decisions).toHaveLength(51);
    expect(decisions[50]).toBe('- …and 70 more.');
    expect(decisions[0]).toContain('Service119');
    expect(section(pageOf(big, 'overview'), 'Key decisions')).toContain('- …and 110 more on the Decisions page.');
    const topics = pageOf(big, 'topics');
    expect(topics.markdown.match(/^## (?!Sources)/gm)).toHaveLength(25);
    expect(topics.markdown).toContain('…and 215 more topics.');
    for (const page of big) expect(page.citations.length).toBeLessThanOrEqual(150);
  });

  it('writes readable pages for a channel without facts', () => {
    const empty = generateWikiPages(wikiInputFrom([], null));
    expect(empty).toHaveLength(5);
    for (const page of empty) {
      expect(page.citations).toEqual([]);
      expect(page.markdown).toMatch(/## Sources\n\nNo sources\.\n$/);
    }
    expect(empty[0].markdown).toContain('No facts have been extracted from this channel yet.');
  });

  it('cites a fact whose message is not provided from the fact itself', () => {
    const withoutMessages = { ...input, messages: new Map() };
    const decisions = pageOf(generateWikiPages(withoutMessages), 'decisions');
    expect(decisions.citations[0]).toMatchObject({
      author_name: ANA.name,
      excerpt: 'We decided to go with Postgres for billing.',
    });
  });
});
