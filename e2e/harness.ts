import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningApp, startApp } from './server.js';

export { type RunningApp, startApp } from './server.js';

/**
 * How long a page may take to show what a test waits for (data loaded, a form saved). Generous: CI runs on two busy
 * cores. A test that waits for something that never comes still fails, after this long.
 */
export const WAIT_MS = 60_000;

/** Chromium, where every page (and context) waits up to WAIT_MS for elements and navigations by default. */
async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const withTimeouts = <T extends BrowserContext | Page>(x: T): T => {
    x.setDefaultTimeout(WAIT_MS);
    x.setDefaultNavigationTimeout(WAIT_MS);
    return x;
  };
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = async (options) => withTimeouts(await newContext(options));
  browser.newPage = async (options) => withTimeouts(await newPage(options));
  return browser;
}

const DEMO_PASSWORD = 'Onderdak-demo-2026';

/** Logs in through the login page as a demo user and waits until the app shows the logout button. */
async function login(page: Page, app: RunningApp, user: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${app.url}/inloggen`);
  await page.getByLabel('Gebruikersnaam').fill(user);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

/** Opens a page through the main menu; exact, because dashboard links like "14 open preventiezaken" also contain the word. */
export async function openMenu(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  // issue 16: below 64em the menu sits behind a "Menu" button; pages of a group sit in a disclosure submenu
  const menuKnop = nav.getByRole('button', { name: 'Menu', exact: true });
  if ((await menuKnop.isVisible()) && (await menuKnop.getAttribute('aria-expanded')) === 'false')
    await menuKnop.click();
  const link = nav.getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) {
    const groep = nav
      .locator('.onderdak-nav__groep')
      .filter({ has: page.getByRole('link', { name, exact: true, includeHidden: true }) });
    const knop = groep.getByRole('button').first();
    if ((await knop.getAttribute('aria-expanded')) === 'false') await knop.click();
  }
  await link.click();
}

/** Issue 16: opens a tab of the client dossier ("Overzicht", "Aanmelding", "Verblijf", "Journaal", …). */
export async function dossierTab(page: Page, name: string): Promise<void> {
  await page
    .getByRole('tablist', { name: 'Onderdelen van het dossier' })
    .getByRole('tab', { name, exact: true })
    .click();
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

/**
 * For a test file: starts the app (on its own copy of the run's demo data dir) and chromium before its tests and
 * stops both after. The fields are set once beforeAll has run; `login` logs in as a demo user on this app.
 */
export function withAppAndBrowser(env: Record<string, string> = {}) {
  const e2e = {
    app: undefined as unknown as RunningApp,
    browser: undefined as unknown as Browser,
    login: (page: Page, user: string) => login(page, e2e.app, user),
    /** A new page logged in as `user`; uncaught errors in the page land in `errors` (tests expect it to stay empty). */
    loggedInPage: async (user: string, errors: string[] = []) => {
      const page = await e2e.browser.newPage({ bypassCSP: true }); // bypassCSP: only so axe can be injected
      page.on('pageerror', (e) => errors.push(e.message));
      await login(page, e2e.app, user);
      return { page, errors };
    },
  };
  beforeAll(async () => {
    // both at once; whichever started is stopped in afterAll even when the other failed
    const [app, browser] = await Promise.allSettled([startApp(env), launchBrowser()]);
    if (app.status === 'fulfilled') e2e.app = app.value;
    if (browser.status === 'fulfilled') e2e.browser = browser.value;
    if (app.status === 'rejected') throw app.reason;
    if (browser.status === 'rejected') throw browser.reason;
  });
  afterAll(async () => {
    // this file's copy of the data is thrown away: no need for a clean shutdown
    await Promise.all([e2e.browser?.close(), e2e.app?.stop({ discard: true })]);
  });
  return e2e;
}

/**
 * Waits until the page shows no loading indicator (the app's "… laden…" statuses: data, lazy charts and the map
 * are in) and the browser has rendered twice since, so what a check reads is what the user sees.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('.onderdak-loading, [role="status"]')].some((e) =>
        /laden…$/i.test((e.textContent ?? '').trim()),
      ),
    undefined,
    { timeout: WAIT_MS },
  );
  await rendered(page);
}

/** Waits until the browser has rendered two frames (after a resize: layout, resize handlers and paint are done). */
export async function rendered(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One WCAG 2.1 A/AA violation found by axe on the page, with at most five of its places. */
export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core on the current page for WCAG 2.1 A and AA and returns its violations (none means a pass). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
    };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}
