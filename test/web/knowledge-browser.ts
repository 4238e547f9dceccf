import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium (.ci/run installs it when missing); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where a failed step leaves its screenshot. */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'web');

export interface SignedInBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Runs one step of a scenario; on failure saves a screenshot named after it, then fails. */
  step<T>(name: string, run: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Chromium, headless, on a page of the product whose tab already holds the API key (sessionStorage, as the
 * sign-in page leaves it), so a scenario starts at the page it is about.
 */
export async function openSignedIn(baseUrl: string, apiKey: string, viewport = { width: 1280, height: 900 }) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install chromium`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  const context = await browser.newContext({ baseURL: baseUrl, viewport });
  await context.addInitScript((key) => sessionStorage.setItem('atlas.apiKey', key), apiKey);
  const page = await context.newPage();
  const signedIn: SignedInBrowser = {
    browser,
    context,
    page,
    async step(name, run) {
      try {
        return await run();
      } catch (error) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = join(SCREENSHOT_DIR, `${name.replace(/[^\w-]+/g, '-')}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        (error as Error).message += `\n(screenshot: ${file})`;
        throw error;
      }
    },
    close: () => browser.close(),
  };
  return signedIn;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) }));
}
