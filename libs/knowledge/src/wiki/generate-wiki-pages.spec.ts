import 'reflect-metadata';
import { WikiPage } from '@atlas/events';
import type { Fact } from '@atlas/events';
import type { WikiInput } from '../contracts';
import { schemaViolations } from '../testing/schema';
import { entity, factOf, wikiInputOf } from '../testing/wiki-input';
import { ANA, BEN, DEV, wikiMessage, wikiScenario } from '../testing/wiki-scenario';
import { generateWikiPages, WIKI_TEMPLATE_VERSION } from './generate-wiki-pages';
import { escapeMarkdown } from './markdown';

function body(page: WikiPage): string {
  return page.markdown.slice(0, page.markdown.indexOf('\n## Sources'));
}
/** The numbers a page cites (escaped brackets are chat text, not citations). */
function citedNumbers(markdown: string): number[] {
  return Array.from(markdown.matchAll(/(?<!\\)\[(\d+)\](?!\()/g), (match) => Number(match[1]));
}
function pageOf(pages: WikiPage[], slug: string): WikiPage {
  const page = pages.find((candidate) => candidate.slug === slug);
  if (!page) throw new Error(`no ${slug} page among ${pages.map((p) => p.slug).join(', ')}`);
  return page;
}
function section(page: WikiPage, heading: string): string {
  const start = page.markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading} on ${page.slug}`);
  const end = page.markdown.indexOf('\n## ', start + 1);
  return page.markdown.slice(start, end);
}
/** The message a "[n]" on the page resolves to. */
function messageCitedAs(page: WikiPage, n: number): string | undefined {
  return page.citations.find((citation) => citation.n === n)?.message_id;
}
function lineWith(markdown: string, text: string): string {
  const line = markdown.split('\n').find((candidate) => candidate.includes(text));
  if (line === undefined) throw new Error(`no line with ${text}`);
  return line;
}
function citationsIn(page: WikiPage, line: string): string[] {
  return citedNumbers(line).map((n) => messageCitedAs(page, n) ?? 'unresolved');
}
function withFacts(input: WikiInput, change: (fact: Fact) => Fact): WikiInput {
  const facts = input.facts.map((fact) => change(fact));
  return wikiInputOf(facts, [...input.messages.values()], { channel: input.channel });
}

describe('generateWikiPages', () => {
  const scenario = wikiScenario();
  const { input, fact } = scenario;
  const pages = generateWikiPages(input);

  it('writes every page type: overview, topics and topic pages, people, decisions, action items, FAQ, glossary, timeline, entities', () => {
    const slugs = pages.map((page) => page.slug);
    expect(slugs.slice(0, 2)).toEqual(['overview', 'topics']);
    for (const slug of ['people', 'decisions', 'action-items', 'faq', 'glossary', 'timeline'])
      expect(slugs).toContain(slug);
    expect(slugs).toEqual(
      expect.arrayContaining(['topic-postgres-upgrade', 'topic-csv-export', 'topic-flaky-e2e-tests']),
    );
    expect(slugs).toEqual(expect.arrayContaining(['entity-ben-okafor', 'entity-postgres', 'entity-csv']));
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(pageOf(pages, 'topic-csv-export').title).toBe('#eng-platform: CSV export');
  });

  it('cites on every page, and every [n] resolves to a source message with its author, time, excerpt and permalink', () => {
    for (const page of pages) {
      const cited = citedNumbers(body(page));
      expect(cited.length).toBeGreaterThan(0);
      const firstUses = [...new Set(cited)];
      expect(firstUses).toEqual(firstUses.map((_, i) => i + 1));
      expect(page.citations.map((citation) => citation.n)).toEqual(firstUses);
      const sources = page.markdown.slice(page.markdown.indexOf('\n## Sources'));
      for (const citation of page.citations) {
        const message = input.messages.get(citation.message_id);
        if (!message) throw new Error(`${page.slug} cites unknown message ${citation.message_id}`);
        expect(citation.author_name).toBe(message.author_name);
        expect(citation.timestamp).toBe(message.timestamp);
        expect(citation.permalink).toBe(message.permalink);
        expect(citation.excerpt.length).toBeLessThanOrEqual(140);
        expect(message.text.replace(/\s+/g, ' ').startsWith(citation.excerpt.replace(/…$/, ''))).toBe(true);
        expect(sources).toContain(`- [${citation.n}] ${escapeMarkdown(citation.author_name ?? '')}, `);
        expect(sources).toContain(`<${citation.permalink}>`);
      }
    }
  });

  it('links pages to each other with relative links that all lead to a page of the wiki', () => {
    const slugs = new Set(pages.map((page) => page.slug));
    for (const page of pages) {
      for (const [, target] of page.markdown.matchAll(/\]\(([^)]+)\)/g)) expect(slugs).toContain(target);
    }
    expect(pageOf(pages, 'overview').markdown).toContain('[Postgres upgrade](topic-postgres-upgrade)');
    expect(pageOf(pages, 'topics').markdown).toContain('[CSV export](topic-csv-export): 6 facts');
  });

  it('pairs each question with the answers given in its thread, and lists unanswered ones as open', () => {
    const faq = pageOf(pages, 'faq');
    const answered = section(faq, 'Answered');
    const pairs: Array<[Fact, Fact]> = [
      [fact.rollbackQ, fact.rollbackA],
      [fact.freezeQ, fact.freezeA],
      [fact.flaky, fact.flakyA],
      [fact.stubQ, fact.stubA],
      [fact.csvQ, fact.csvA],
    ];
    for (const [question, answer] of pairs) {
      const lines = answered.split('\n');
      const at = lines.findIndex((line) => line.startsWith(`- **Q:** ${escapeMarkdown(question.text)}`));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(citationsIn(faq, lines[at])).toEqual([question.message_id]);
      expect(lines[at + 1]).toContain(`  - **A:** ${escapeMarkdown(answer.text)}`);
      expect(citationsIn(faq, lines[at + 1])).toEqual([answer.message_id]);
    }
    const open = section(faq, 'Open questions');
    expect(open).toContain('Are we OK dropping support for Safari 15?');
    expect(answered).not.toContain('Safari');
    expect(section(pageOf(pages, 'overview'), 'Open questions')).toContain('Safari 15');
  });

  it("pairs answers with their thread's opening message when it asked without yielding a question fact", () => {
    const opening = wikiMessage(
      '1742000000.000100',
      DEV,
      '2025-03-17T09:00:00.000Z',
      'Anyone know where the staging creds live?',
      {
        replies: 1,
      },
    );
    const reply = wikiMessage(
      '1742000100.000100',
      ANA,
      '2025-03-17T09:05:00.000Z',
      'In the vault, under team/staging.',
      {
        parent: opening.id,
      },
    );
    const answer = factOf(reply, {
      type: 'answer',
      text: 'The staging credentials are in the vault under team/staging.',
    });
    const faq = pageOf(generateWikiPages(wikiInputOf([answer], [opening, reply])), 'faq');
    const question = lineWith(faq.markdown, '**Q:** Anyone know where the staging creds live?');
    expect(citationsIn(faq, question)).toEqual([opening.id]);
    expect(faq.markdown).toContain('  - **A:** The staging credentials are in the vault under team/staging.');
  });

  it('gives each decision its date, owner and status: current, or superseded by the fact that replaced it', () => {
    const decisions = pageOf(pages, 'decisions');
    const current = section(decisions, 'Current');
    expect(current).toContain(`${escapeMarkdown(fact.moved.text)} — decided by Ana Souza, 2025-03-13`);
    expect(current).toContain(`${escapeMarkdown(fact.csvDecision.text)} — decided by Ben Okafor, 2025-03-10`);
    expect(current).not.toContain(`- ${escapeMarkdown(fact.decision.text)}`);
    // Its history: what the current decision replaced, cited and dated.
    const replacing = lineWith(current, fact.moved.text);
    expect(replacing).toMatch(/· current · replaces \[\d+\] \(2025-03-03\): “/);
    expect(citationsIn(decisions, replacing)).toEqual([fact.moved.message_id, fact.decision.message_id]);
    const superseded = lineWith(section(decisions, 'Superseded'), fact.decision.text);
    expect(superseded).toContain('decided by Ana Souza, 2025-03-03');
    expect(superseded).toMatch(/· superseded on 2025-03-13 by \[\d+\]/);
    expect(citationsIn(decisions, superseded)).toEqual([fact.decision.message_id, fact.moved.message_id]);
  });

  it('tells open action items (as they now stand) from done ones, citing what finished them', () => {
    const page = pageOf(pages, 'action-items');
    const open = section(page, 'Open');
    const reassigned = lineWith(open, fact.postmortemMoved.text);
    expect(reassigned).toContain('— Carla Diaz, due 2025-03-17, open since 2025-03-11');
    expect(citationsIn(page, reassigned)).toEqual([fact.postmortemMoved.message_id, fact.postmortemTask.message_id]);
    expect(open).not.toContain(`- ${escapeMarkdown(fact.postmortemTask.text)}`);
    const done = lineWith(section(page, 'Done'), fact.runbookTask.text);
    expect(done).toContain('— Ben Okafor, due 2025-03-05, opened 2025-03-03');
    expect(done).toContain(`done 2025-03-05 [`);
    expect(citationsIn(page, done)).toEqual([fact.runbookTask.message_id, fact.runbookDone.message_id]);
    expect(open).not.toContain(fact.runbookTask.text);
  });

  it('counts a task done when the reply finishing it reads like one more action item', () => {
    const ask = wikiMessage(
      '1742100000.000100',
      ANA,
      '2025-03-17T09:00:00.000Z',
      '@Dev Patel please add the PR template.',
      {
        replies: 1,
      },
    );
    const reply = wikiMessage('1742100100.000100', DEV, '2025-03-17T15:00:00.000Z', 'Done: routes-web#820', {
      parent: ask.id,
    });
    const subject = `task:${ask.id}:person:${DEV.id}`;
    const facts = [
      factOf(ask, { type: 'action_item', text: 'Dev Patel please add the PR template.', subject }),
      factOf(reply, { type: 'action_item', text: 'Done: routes-web#820', subject, reports_done: true }),
    ];
    const page = pageOf(generateWikiPages(wikiInputOf(facts, [ask, reply])), 'action-items');
    expect(page.markdown).toContain('0 open, 1 done.');
    const done = lineWith(section(page, 'Done'), 'Dev Patel please add the PR template.');
    expect(citationsIn(page, done)).toEqual([ask.id, reply.id]);
  });

  it("closes an owner's task with their later report on the same thing, and lists a report alone as done, never as open", () => {
    const task = wikiMessage(
      '1742000000.000100',
      ANA,
      '2025-03-14T09:00:00.000Z',
      '@Ben Okafor please do the cutover.',
    );
    const cutover = wikiMessage('1742100000.000100', BEN, '2025-03-16T06:42:00.000Z', 'Cutover done at 06:42 UTC.');
    const fixed = wikiMessage('1742200000.000100', BEN, '2025-03-17T10:40:00.000Z', 'Good catches, both fixed.');
    const promise = wikiMessage('1742300000.000100', BEN, '2025-03-17T11:00:00.000Z', 'Done by noon.');
    const postgres = entity('technology', 'Postgres');
    const ben = `person:${BEN.id}`;
    const facts = [
      factOf(task, { type: 'action_item', text: 'Ben Okafor please do the cutover.', topics: ['cutover'], owner: ben }),
      factOf(cutover, {
        type: 'action_item',
        text: 'Cutover done at 06:42 UTC.',
        entities: [postgres],
        topics: ['cutover'],
        owner: ben,
        reports_done: true,
      }),
      factOf(fixed, {
        type: 'action_item',
        text: 'Good catches, both fixed.',
        entities: [postgres],
        owner: ben,
        reports_done: true,
      }),
      factOf(promise, { type: 'action_item', text: 'Done by noon.', entities: [postgres], owner: ben }),
    ];
    const generated = generateWikiPages(wikiInputOf(facts, [task, cutover, fixed, promise]));

    const page = pageOf(generated, 'action-items');
    expect(page.markdown).toContain('1 open, 2 done.');
    const open = section(page, 'Open');
    expect(open).not.toContain('Cutover done');
    expect(open).not.toContain('both fixed');
    expect(open).not.toContain('please do the cutover');
    expect(open).toContain('Done by noon.');
    const done = section(page, 'Done');
    const cutoverLine = lineWith(done, 'Ben Okafor please do the cutover.');
    expect(cutoverLine).toContain('— Ben Okafor, opened 2025-03-14');
    expect(cutoverLine).toContain('· done 2025-03-16 [');
    expect(citationsIn(page, cutoverLine)).toEqual([task.id, cutover.id]);
    expect(citationsIn(page, lineWith(done, 'Good catches, both fixed.'))).toEqual([fixed.id]);

    const overview = section(pageOf(generated, 'overview'), 'Open action items');
    expect(overview).not.toContain('Cutover done');
    expect(overview).not.toContain('Ben Okafor please do the cutover.');
    expect(body(pageOf(generated, 'people'))).not.toContain('both fixed');
    const entityItems = section(pageOf(generated, 'entity-postgres'), 'Action items');
    expect(lineWith(entityItems, 'Good catches, both fixed.')).toContain('done by Ben Okafor');
    expect(lineWith(entityItems, 'Done by noon.')).toContain('— Ben Okafor, open since 2025-03-17');
    const topicItems = section(pageOf(generated, 'topic-cutover'), 'Action items');
    expect(lineWith(topicItems, 'Cutover done at 06:42 UTC.')).toContain('· done 2025-03-16');
  });

  it('explains acronyms and project terms with the sentence that defines or first uses them', () => {
    const glossary = pageOf(pages, 'glossary');
    const sla = lineWith(glossary.markdown, '**SLA**');
    expect(sla).toContain('**SLA**: Service Level Agreement — “The SLA (Service Level Agreement) with Acme Corp');
    expect(citationsIn(glossary, sla)).toEqual([fact.sla.message_id]);
    const csv = lineWith(glossary.markdown, '[CSV](entity-csv)');
    expect(csv).toContain('(technology): comma-separated values — “CSV stands for comma-separated values.”');
    expect(lineWith(glossary.markdown, '**UTC**')).toContain('Used in 3 facts.');
    const terms = Array.from(body(glossary).matchAll(/^- (?:\*\*([^*]+)\*\*|\[([^\]]+)\])/gm), (m) => m[1] ?? m[2]);
    expect(terms).toEqual([...terms].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });

  it('leaves chat shorthand and shouted words out of the glossary', () => {
    const messages = [1, 2, 3].map((i) =>
      wikiMessage(
        `174300000${i}.000100`,
        BEN,
        `2025-03-1${i}T09:00:00.000Z`,
        `OK, we do NOT ship on Fridays, not ever ${i}`,
      ),
    );
    const facts = messages.map((message) =>
      factOf(message, { type: 'observation', text: `OK, we do NOT ship on Fridays, not ever, it is not worth it.` }),
    );
    const glossary = pageOf(generateWikiPages(wikiInputOf(facts, messages)), 'glossary');
    expect(glossary.markdown).not.toContain('**OK**');
    expect(glossary.markdown).not.toContain('**NOT**');
  });

  it('files each topic page with its facts, including thread replies that name no topic themselves', () => {
    const postgres = pageOf(pages, 'topic-postgres-upgrade');
    const cited = new Set(postgres.citations.map((citation) => citation.message_id));
    for (const name of ['proposal', 'rollbackQ', 'rollbackA', 'freezeQ', 'freezeA', 'decision', 'moved'])
      expect(cited).toContain(fact[name].message_id);
    expect(cited).not.toContain(fact.csvQ.message_id);
    expect(postgres.markdown).toContain('Related topics: [CSV export](topic-csv-export) (1 shared fact)');
    expect(postgres.markdown).toMatch(/People: \[Ana Souza\]\(entity-ana-souza\) \(5 facts\)/);
  });

  it('writes entity pages with their facts by type and their relations with evidence', () => {
    const ben = pageOf(pages, 'entity-ben-okafor');
    const relation = lineWith(ben.markdown, 'works on');
    expect(relation).toBe(`- **Ben Okafor** works on [Postgres](entity-postgres) [${citedNumbers(relation)[0]}]`);
    expect(citationsIn(ben, relation)).toEqual([fact.proposal.message_id]);
    expect(section(ben, 'Answers')).toContain(fact.rollbackA.text);
    expect(section(ben, 'Decisions')).toContain(fact.csvDecision.text);
  });

  it('keeps a topic page’s inputs hash when unrelated facts change, and changes it when its own facts do', () => {
    const hashes = (pagesOf: WikiPage[]) => new Map(pagesOf.map((page) => [page.slug, page.inputs_hash]));
    const before = hashes(pages);
    const unrelated = generateWikiPages(
      withFacts(input, (f) => (f.id === fact.safari.id ? { ...f, text: 'Can we drop Safari 15 yet?' } : f)),
    );
    const after = hashes(unrelated);
    for (const slug of [
      'topic-postgres-upgrade',
      'topic-csv-export',
      'topic-code-review',
      'decisions',
      'entity-postgres',
    ])
      expect(after.get(slug)).toBe(before.get(slug));
    for (const slug of ['faq', 'overview', 'timeline', 'entity-dev-patel'])
      expect(after.get(slug)).not.toBe(before.get(slug));

    const related = hashes(
      generateWikiPages(
        withFacts(input, (f) => (f.id === fact.freezeA.id ? { ...f, text: 'No migrations that week.' } : f)),
      ),
    );
    expect(related.get('topic-postgres-upgrade')).not.toBe(before.get('topic-postgres-upgrade'));
    expect(related.get('topic-csv-export')).toBe(before.get('topic-csv-export'));
  });

  it('changes a page’s inputs hash whenever its content changes', () => {
    const variants: WikiInput[] = [
      withFacts(input, (f) => (f.id === fact.safari.id ? { ...f, text: 'Can we drop Safari 15 yet?' } : f)),
      withFacts(input, (f) => (f.id === fact.csvLive.id ? { ...f, type: 'observation' } : f)),
      withFacts(input, (f) => (f.id === fact.moved.id ? { ...f, subject: null } : f)),
      withFacts(input, (f) => (f.id === fact.template.id ? { ...f, topics: ['postgres upgrade'] } : f)),
      withFacts(input, (f) => (f.id === fact.proposal.id ? { ...f, relations: [] } : f)),
      { ...input, entities: input.entities.map((e) => (e.name === 'Postgres' ? { ...e, name: 'PostgreSQL' } : e)) },
      { ...input, channel: { ...input.channel, topic: 'Another topic' } },
    ];
    const before = new Map(pages.map((page) => [page.slug, page]));
    for (const variant of variants) {
      for (const page of generateWikiPages(variant)) {
        const earlier = before.get(page.slug);
        if (earlier && earlier.inputs_hash === page.inputs_hash) expect(page.markdown).toBe(earlier.markdown);
      }
    }
  });

  it('escapes chat text that would break the page or pose as a citation', () => {
    const overview = pageOf(pages, 'overview');
    expect(overview.markdown).toContain(
      'Heads up: \\`deploy.sh\\` now needs the \\*--force\\* flag \\[2\\] \\<b\\>really\\</b\\>',
    );
    expect(overview.markdown).not.toContain('<b>');
  });

  it('produces pages that satisfy the event model, stamped with the template version', () => {
    for (const page of pages) {
      expect(schemaViolations(WikiPage, page)).toEqual([]);
      expect(page.template_version).toBe(WIKI_TEMPLATE_VERSION);
      expect(page.channel_id).toBe(input.channel.channel_id);
      expect(page.inputs_hash).toMatch(/^[0-9a-f]{64}$/);
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

  it('writes readable fixed pages for a channel without facts', () => {
    const empty = generateWikiPages(wikiInputOf([], [], { channel: { ...input.channel, topic: null } }));
    expect(empty.map((page) => page.slug)).toEqual([
      'overview',
      'topics',
      'people',
      'decisions',
      'action-items',
      'faq',
      'glossary',
      'timeline',
    ]);
    for (const page of empty) {
      expect(page.citations).toEqual([]);
      expect(page.markdown).toMatch(/## Sources\n\nNo sources\.\n$/);
    }
  });

  it('caps topic and entity pages on a big channel, keeping the most discussed', () => {
    const messages = Array.from({ length: 600 }, (_, i) =>
      wikiMessage(
        `17440${String(i).padStart(5, '0')}.000100`,
        i % 2 ? ANA : BEN,
        new Date(Date.UTC(2025, 2, 1) + i * 600_000).toISOString(),
        `Note ${i}`,
      ),
    );
    const facts = messages.map((message, i) =>
      factOf(message, {
        type: 'observation',
        text: `Service${i % 60} talks to Gateway${i % 50}.`,
        topics: [`area ${i % 80}`],
        entities: [entity('project', `Service${i % 60}`), entity('technology', `Gateway${i % 50}`)],
      }),
    );
    const big = generateWikiPages(wikiInputOf(facts, messages));
    expect(big.filter((page) => page.slug.startsWith('topic-'))).toHaveLength(25);
    expect(big.filter((page) => page.slug.startsWith('entity-'))).toHaveLength(40);
    expect(big.map((page) => page.slug)).toContain('entity-ben-okafor');
    expect(pageOf(big, 'topics').markdown).toContain('…and ');
    for (const page of big) expect(page.citations.length).toBeLessThanOrEqual(200);
  });
});
