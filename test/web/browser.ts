import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { AtlasHarness, startAtlas, TEST_API_KEY, waitForJob } from '../support/atlas-harness';

/** Debian's Chromium (.ci/run installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where a failed browser step leaves its screenshot (gitignored). */
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'web');
const WEB_BUILD = join(process.cwd(), 'apps', 'web', 'dist', 'index.html');
/** #general of the demo export the all-in-one registers (demo/slack-export). */
export const DEMO_GENERAL = 'C04K7Q1GN2A';
export const DESKTOP = { width: 1280, height: 900 };

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(WEB_BUILD)) {
    throw new Error(`The web app is not built (${WEB_BUILD}): run npm run web:build first (npm test does).`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  // Root in CI and containers: Chromium's sandbox needs user namespaces it may not have there.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** Runs a browser step; when it fails, a full-page screenshot named after it is saved before the error goes on. */
export async function step(page: Page, name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, `${name.replace(/[^\w-]+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    (error as Error).message += `\n(screenshot: ${file})`;
    throw error;
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's serious and critical violations on the page as it is now (all its rules, or `rules`). */
export async function seriousAccessibilityViolations(
  page: Page,
  rules?: string[],
): Promise<Array<{ id: string; help: string; targets: string[] }>> {
  // Evaluated over the DevTools protocol, not added as a <script>: the app's Content Security Policy refuses
  // inline scripts, as it should.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async (only) => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const options = only ? { resultTypes: ['violations'], runOnly: only } : { resultTypes: ['violations'] };
    return (await axe.run(document, options)).violations;
  }, rules ?? null);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** Records the page's uncaught errors and Content Security Policy refusals in `problems`: a run must see none. */
export function recordPageProblems(page: Page, problems: string[]): Page {
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  return page;
}

/**
 * A page of the product whose tab already holds the key, as the sign-in page leaves it (web-app.e2e-spec.ts tests
 * signing in), its problems recorded.
 */
export async function signedInPage(
  browser: Browser,
  atlas: AtlasHarness,
  problems: string[],
  viewport: { width: number; height: number } = DESKTOP,
): Promise<Page> {
  const context = await browser.newContext({ baseURL: atlas.service.url!, viewport });
  await context.addInitScript((key) => sessionStorage.setItem('atlas.apiKey', key), TEST_API_KEY);
  return recordPageProblems(await context.newPage(), problems);
}

/** The all-in-one with the demo export, its #general synced, and Chromium. */
export async function startDemoWithGeneralSynced(): Promise<{ atlas: AtlasHarness; browser: Browser }> {
  const [atlas, browser] = await Promise.all([startAtlas({ env: { ATLAS_DEMO: 'true' } }), launchChromium()]);
  const { status, body } = await atlas.api.post('/api/sync', { channel_id: DEMO_GENERAL });
  if (status !== 202) throw new Error(`the demo sync did not start: ${status} ${JSON.stringify(body)}`);
  await waitForJob(atlas.api, DEMO_GENERAL, body.job_id, ['completed'], 180_000);
  return { atlas, browser };
}
