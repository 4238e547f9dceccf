import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AtlasHarness, startAtlas, TEST_API_KEY, waitForJob } from '../support/atlas-harness';
import { walkListing } from '../support/paged-listing';
import { openSignedIn, seriousAxeViolations, SignedInBrowser } from './knowledge-browser';

jest.setTimeout(300_000);

/** #general of the demo export the all-in-one registers (demo/slack-export). */
const GENERAL = 'C04K7Q1GN2A';
const WEB_BUILD = join(process.cwd(), 'apps', 'web', 'dist', 'index.html');

/**
 * The Knowledge pages in Chromium against the real product: the demo channel synced, its wiki read with a
 * citation opened, its facts filtered by type, an entity's page with its graph; axe-core on each page.
 */
describe('knowledge pages in a browser', () => {
  let atlas: AtlasHarness;
  let web: SignedInBrowser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(WEB_BUILD)) throw new Error('the web app is not built: npm run web:build');
    atlas = await startAtlas({ env: { ATLAS_DEMO: 'true' } });
    const { status, body } = await atlas.api.post('/api/sync', { channel_id: GENERAL });
    expect(status).toBe(202);
    await waitForJob(atlas.api, GENERAL, body.job_id, ['completed'], 180_000);
    web = await openSignedIn(atlas.service.url!, TEST_API_KEY);
    page = web.page;
  });

  afterAll(async () => {
    await web?.close();
    await atlas?.close();
  });

  /** axe-core in the light and the dark palette. */
  const expectAccessible = async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect({ colorScheme, violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, violations: [] });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  };

  it('opens the wiki from the knowledge home and shows the source of a clicked citation', async () => {
    const { body: index } = await atlas.api.get(`/api/wiki/${GENERAL}`);
    const pages = await Promise.all(
      index.pages.map(async (summary: any) => (await atlas.api.get(`/api/wiki/${GENERAL}/pages/${summary.slug}`)).body),
    );
    const cited = pages.find(
      (wikiPage: any) => wikiPage.citations.length > 0 && wikiPage.html.includes('class="citation"'),
    );
    expect(cited).toBeDefined();

    await web.step('wiki-home', async () => {
      await page.goto('/knowledge');
      await page.getByRole('link', { name: 'Wiki of #general' }).click();
      await page
        .getByRole('navigation', { name: 'Wiki pages' })
        .getByRole('link', { name: cited.title, exact: true })
        .click();
      await page.locator('article.kn-article h1, article.kn-article h2').first().waitFor();
    });

    const citation = await web.step('wiki-citation', async () => {
      const link = page.locator('article.kn-article a.citation').first();
      const n = Number(/\d+/.exec((await link.textContent()) ?? '')?.[0]);
      await link.focus();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('dialog', { name: `Source [${n}]` });
      await panel.waitFor();
      return { panel, link, expected: cited.citations.find((c: any) => c.n === n) };
    });
    expect(citation.expected).toBeDefined();
    const panelText = await citation.panel.textContent();
    expect(panelText).toContain(citation.expected.author_name);
    expect(panelText).toContain(citation.expected.excerpt);
    await expectAccessible();

    await web.step('wiki-citation-close', async () => {
      await page.keyboard.press('Escape');
      await citation.panel.waitFor({ state: 'detached' });
    });
    expect(await citation.link.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('filters the facts explorer by type through the API', async () => {
    const all = (await walkListing(atlas.api, `/api/channels/${GENERAL}/facts`, 'facts', 200)).items;
    const counts = new Map<string, number>();
    for (const fact of all) counts.set(fact.type, (counts.get(fact.type) ?? 0) + 1);
    // The rarest type present: the filter visibly narrows the list.
    const [type, count] = [...counts].sort((a, b) => a[1] - b[1])[0];
    expect(count).toBeLessThan(all.length);
    const label = type.replace(/_/g, ' ');

    await web.step('facts-filter', async () => {
      await page.goto(`/knowledge/${GENERAL}/wiki`);
      await page.getByRole('navigation', { name: 'Channel knowledge' }).getByRole('link', { name: 'Facts' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /facts? shown/ })
        .waitFor();
      await page.getByRole('checkbox', { name: label, exact: true }).check();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL((url) => url.searchParams.get('type') === type);
      const shown = Math.min(count, 25);
      await page
        .getByRole('status')
        .filter({ hasText: `${shown} fact${shown === 1 ? '' : 's'} shown` })
        .waitFor();
    });
    const badges = await page.locator('.kn-fact-list .kn-fact-meta .kn-badge:first-child').allTextContents();
    expect(badges.length).toBe(Math.min(count, 25));
    expect(new Set(badges)).toEqual(new Set([label]));
    await expectAccessible();
  });

  it('shows an entity with its relations and graph, and opens a related entity', async () => {
    const { body } = await atlas.api.get(`/api/graph/entities?channel_id=${GENERAL}&limit=200`);
    let related: any;
    for (const entity of body.entities) {
      const detail = (await atlas.api.get(`/api/graph/entities/${entity.id}`)).body;
      if (detail.relations.some((relation: any) => relation.other.id !== entity.id)) {
        related = detail;
        break;
      }
    }
    expect(related).toBeDefined();
    const neighbours = new Set(
      related.relations.filter((r: any) => r.other.id !== related.entity.id).map((r: any) => r.other.id),
    );

    await web.step('entity-graph', async () => {
      await page.goto(`/knowledge/entities/${related.entity.id}?channel=${GENERAL}`);
      await page.getByRole('heading', { level: 1, name: related.entity.name }).waitFor();
      const graph = page.getByRole('img', { name: new RegExp(`^Graph of `) });
      await page.waitForFunction(() => Number(document.querySelector('.kn-graph')?.getAttribute('data-nodes')) > 0);
      expect(Number(await graph.getAttribute('data-nodes'))).toBe(1 + Math.min(neighbours.size, 30));
      expect(await graph.locator('canvas').count()).toBeGreaterThan(0);
    });
    await expectAccessible();

    const other = related.relations.find((r: any) => r.other.id !== related.entity.id).other;
    await web.step('entity-neighbour', async () => {
      await page.getByRole('table').getByRole('link', { name: other.name, exact: true }).first().click();
      await page.waitForURL((url) => url.pathname === `/knowledge/entities/${encodeURIComponent(other.id)}`);
      await page.getByRole('heading', { level: 1, name: other.name }).waitFor();
    });
  });

  it('shows a citation source as a sheet on a phone', async () => {
    const phone = await openSignedIn(atlas.service.url!, TEST_API_KEY, { width: 390, height: 844 });
    try {
      await phone.step('phone-citation', async () => {
        await phone.page.goto(`/knowledge/${GENERAL}/wiki`);
        const link = phone.page.locator('article.kn-article a.citation').first();
        await link.click();
        const panel = phone.page.getByRole('dialog');
        await panel.waitFor();
        const box = await panel.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(390 + 1);
        expect(box!.y + box!.height).toBeLessThanOrEqual(844 + 1);
      });
      expect(await seriousAxeViolations(phone.page)).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
