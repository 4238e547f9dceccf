import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's Chromium (.ci/run installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where a failed browser step leaves its screenshot (gitignored). */
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'web');
const WEB_BUILD = join(process.cwd(), 'apps', 'web', 'dist', 'index.html');

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
