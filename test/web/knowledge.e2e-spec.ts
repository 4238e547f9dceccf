import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { AtlasHarness } from '../support/atlas-harness';
import { walkListing } from '../support/paged-listing';
import { readZipEntries } from '../support/zip-reader';
import {
  DEMO_GENERAL,
  seriousAccessibilityViolations,
  signedInPage,
  startDemoWithGeneralSynced,
  step,
} from './browser';

jest.setTimeout(300_000);

const GENERAL = DEMO_GENERAL;
const PHONE = { width: 390, height: 844 };

/**
 * The Knowledge pages in Chromium against the real product: the demo channel synced, its wiki read with a
 * citation opened, its facts filtered by type, an entity's page with its graph; axe-core on each page.
 */
describe('knowledge pages in a browser', () => {
  let atlas: AtlasHarness;
  let browser: Browser;
  let page: Page;

  /** Uncaught errors and Content Security Policy refusals seen on any page of the run: there must be none. */
  const pageProblems: string[] = [];

  beforeAll(async () => {
    ({ atlas, browser } = await startDemoWithGeneralSynced());
    page = await signedInPage(browser, atlas, pageProblems);
  });

  afterAll(async () => {
    await browser?.close();
    await atlas?.close();
  });

  /** axe-core in the light and the dark palette. */
  const expectAccessible = async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect({ colorScheme, violations: await seriousAccessibilityViolations(page) }).toEqual({
        colorScheme,
        violations: [],
      });
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

    await step(page, 'wiki-home', async () => {
      await page.goto('/knowledge');
      await page.getByRole('link', { name: 'Wiki of #general' }).click();
      await page
        .getByRole('navigation', { name: 'Wiki pages' })
        .getByRole('link', { name: cited.title, exact: true })
        .click();
      await page.locator('article.kn-article h1, article.kn-article h2').first().waitFor();
    });

    const link = page.locator('article.kn-article a.citation').first();
    const n = Number(/\d+/.exec((await link.textContent()) ?? '')?.[0]);
    const expected = cited.citations.find((c: any) => c.n === n);
    expect(expected).toBeDefined();
    const panel = page.getByRole('dialog', { name: `Source [${n}]` });
    await step(page, 'wiki-citation', async () => {
      await link.focus();
      await page.keyboard.press('Enter');
      await panel.waitFor();
      const panelText = await panel.textContent();
      expect(panelText).toContain(expected.author_name);
      expect(panelText).toContain(expected.excerpt);
      await expectAccessible();
    });

    await step(page, 'wiki-citation-close', async () => {
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
    });
  });

  it('downloads the wiki as a ZIP from the Export button, fetched with the key (a link could not send it)', async () => {
    const { body: index } = await atlas.api.get(`/api/wiki/${GENERAL}`);
    await step(page, 'wiki-export', async () => {
      await page.goto(`/knowledge/${GENERAL}/wiki`);
      await page.getByRole('navigation', { name: 'Wiki pages' }).getByRole('link').first().waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export Markdown' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('general-wiki.zip');
      const files = await readZipEntries(readFileSync((await download.path())!));
      expect([...files.keys()].sort()).toEqual(index.pages.map((summary: any) => `general/${summary.slug}.md`).sort());
    });
  });

  it('filters the facts explorer by type through the API', async () => {
    const all = (await walkListing(atlas.api, `/api/channels/${GENERAL}/facts`, 'facts', 200)).items;
    const counts = new Map<string, number>();
    for (const fact of all) counts.set(fact.type, (counts.get(fact.type) ?? 0) + 1);
    // The rarest type present: the filter visibly narrows the list.
    const [type, count] = [...counts].sort((a, b) => a[1] - b[1])[0];
    expect(count).toBeLessThan(all.length);
    const label = type.replace(/_/g, ' ');

    await step(page, 'facts-filter', async () => {
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

    await step(page, 'entity-graph', async () => {
      await page.goto(`/knowledge/entities/${related.entity.id}?channel=${GENERAL}`);
      await page.getByRole('heading', { level: 1, name: related.entity.name }).waitFor();
      const graph = page.getByRole('img', { name: new RegExp(`^Graph of `) });
      await page.waitForFunction(() => Number(document.querySelector('.kn-graph')?.getAttribute('data-nodes')) > 0);
      expect(Number(await graph.getAttribute('data-nodes'))).toBe(1 + Math.min(neighbours.size, 30));
      expect(await graph.locator('canvas').count()).toBeGreaterThan(0);
    });
    await expectAccessible();

    const other = related.relations.find((r: any) => r.other.id !== related.entity.id).other;
    await step(page, 'entity-neighbour', async () => {
      await page.getByRole('table').getByRole('link', { name: other.name, exact: true }).first().click();
      await page.waitForURL((url) => url.pathname === `/knowledge/entities/${encodeURIComponent(other.id)}`);
      await page.getByRole('heading', { level: 1, name: other.name }).waitFor();
    });
  });

  it('shows a citation source as a sheet on a phone', async () => {
    const phone = await signedInPage(browser, atlas, pageProblems, PHONE);
    try {
      await step(phone, 'phone-citation', async () => {
        await phone.goto(`/knowledge/${GENERAL}/wiki`);
        const link = phone.locator('article.kn-article a.citation').first();
        await link.click();
        const panel = phone.getByRole('dialog');
        await panel.waitFor();
        const box = await panel.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width + 1);
        expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height + 1);
        // Nothing wider than the screen: no sideways scrolling.
        expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      });
      expect(await seriousAccessibilityViolations(phone)).toEqual([]);
    } finally {
      await phone.context().close();
    }
  });

  it('raised no uncaught error and no Content Security Policy refusal on any page', () => {
    expect(pageProblems).toEqual([]);
  });
});
