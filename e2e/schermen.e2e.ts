import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, dossierTab, rendered, settled, WAIT_MS, withAppAndBrowser } from './harness.js';
import { HOOFDPAGINAS, hoofdpaginaPad } from './hoofdpaginas.js';

// Issue 16, the screens: the main menu on one row at 1366 px and behind a "Menu" button at 375 px (disclosure
// pattern, Escape closes, focus back on the button); the dossier in tabs with the tab in the URL (links and Back
// work); no main page taller than 3 screen heights at 1366 × 768 for any role; the staff inzagelog is not there for a
// client. Screenshots are kept in e2e/artefacten/ (git-ignored).
const e2e = withAppAndBrowser();
const ARTEFACTEN = new URL('./artefacten/', import.meta.url).pathname;
mkdirSync(ARTEFACTEN, { recursive: true });
const DESKTOP = { width: 1366, height: 768 };
const MOBIEL = { width: 375, height: 800 };

async function newPage(browser: Browser, user: string, viewport = DESKTOP) {
  const errors: string[] = [];
  const page = await browser.newPage({ bypassCSP: true, viewport }); // bypassCSP: only to inject axe
  page.on('pageerror', (e) => errors.push(e.message));
  await e2e.login(page, user);
  return { page, errors };
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('schermen (issue 16)', () => {
  it('het hoofdmenu staat op 1366 px op één rij; groepen klappen uit met het toetsenbord en Escape sluit', async () => {
    const { page, errors } = await newPage(e2e.browser, 'dordrecht.toegang');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Start', exact: true }).waitFor();
    await settled(page);
    // one row: every top-level item has the same top, and the bar is one item high
    const tops = await nav
      .locator('.onderdak-nav__list > li')
      .evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().top));
    expect(tops.length).toBeGreaterThanOrEqual(4);
    expect(new Set(tops).size).toBe(1);
    expect((await nav.boundingBox())!.height).toBeLessThan(80);
    await expect(nav.getByRole('button', { name: 'Menu', exact: true }).isVisible()).resolves.toBe(false);

    // a group: closed, opened with Enter, its pages reachable; Escape closes it and the focus is back on the button
    const werk = nav.getByRole('button', { name: 'Werk' });
    expect(await werk.getAttribute('aria-expanded')).toBe('false');
    await expect(nav.getByRole('link', { name: 'Cliënten', exact: true }).isVisible()).resolves.toBe(false);
    await werk.focus();
    await page.keyboard.press('Enter');
    expect(await werk.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Cliënten', exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTEFACTEN}hoofdmenu-1366.png` });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await werk.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedText(page)).toBe('Werk');

    // choosing a page closes the submenu and marks the group as current
    await werk.click();
    await nav.getByRole('link', { name: 'Cliënten', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    expect(await werk.getAttribute('aria-expanded')).toBe('false');
    await expect(werk.getAttribute('class')).resolves.toContain('onderdak-nav__link--current');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('op 375 px zit het menu achter de knop "Menu" (aria-expanded); Escape sluit en zet de focus terug', async () => {
    const { page, errors } = await newPage(e2e.browser, 'dordrecht.toegang', MOBIEL);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const knop = nav.getByRole('button', { name: 'Menu', exact: true });
    await knop.waitFor();
    await settled(page);
    expect(await knop.getAttribute('aria-expanded')).toBe('false');
    await expect(nav.getByRole('link', { name: 'Start', exact: true }).isVisible()).resolves.toBe(false);
    // header and closed menu leave most of the screen for the page
    expect((await nav.boundingBox())!.y + (await nav.boundingBox())!.height).toBeLessThan(260);
    expect(await axeViolations(page)).toEqual([]);

    await knop.click();
    expect(await knop.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Start', exact: true }).waitFor();
    await nav.getByRole('button', { name: 'Doorstroom' }).click();
    await nav.getByRole('link', { name: 'Wachtlijsten', exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTEFACTEN}hoofdmenu-375-open.png` });
    // Escape closes the submenu first, then the menu, each time returning the focus to its button
    await page.keyboard.press('Escape');
    expect(await focusedText(page)).toBe('Doorstroom');
    await page.keyboard.press('Escape');
    expect(await knop.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedText(page)).toMatch(/Menu$/);
    await expect(nav.getByRole('link', { name: 'Start', exact: true }).isVisible()).resolves.toBe(false);

    // a page chosen from the open menu: the menu closes and the focus goes to the page content
    await knop.click();
    await nav.getByRole('button', { name: 'Werk' }).click();
    await nav.getByRole('link', { name: 'Mijn taken', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
    expect(await knop.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedId(page)).toBe('hoofdinhoud');
    // no sideways scrolling
    await rendered(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(MOBIEL.width);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('het dossier staat in tabbladen; het tabblad staat in de URL, zodat links en Terug werken', async () => {
    const { page, errors } = await newPage(e2e.browser, 'dordrecht.toegang');
    await page.goto(`${e2e.app.url}/mijn-clienten`);
    const link = page.getByRole('table', { name: 'Mijn cliënten' }).getByRole('link').first();
    const naam = (await link.textContent())!.trim();
    await link.click();
    await page.getByRole('heading', { level: 1, name: naam }).waitFor();
    const tabs = page.getByRole('tablist', { name: 'Onderdelen van het dossier' });
    await tabs.getByRole('tab', { name: 'Overzicht', selected: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Persoonsgegevens' }).waitFor();
    // all nine tabs on one row at 1366 px
    const tabTops = await tabs.getByRole('tab').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(tabTops.length).toBe(9);
    expect(new Set(tabTops).size).toBe(1);

    await dossierTab(page, 'Journaal');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('journaal');
    await page.getByRole('tabpanel', { name: 'Journaal' }).getByRole('heading', { level: 2 }).first().waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Persoonsgegevens' }).count()).toBe(0);
    // the arrow keys move between tabs (WAI-ARIA tabs pattern); only the selected tab is in the tab order
    await tabs.getByRole('tab', { name: 'Journaal' }).focus();
    await page.keyboard.press('ArrowRight');
    await tabs.getByRole('tab', { name: 'Afspraken', selected: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('afspraken');
    expect(await tabs.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);

    // Back returns to the previous tab; a link with ?tab= opens that tab
    await page.goBack();
    await tabs.getByRole('tab', { name: 'Journaal', selected: true }).waitFor();
    await page.goto(`${page.url().split('?')[0]}?tab=tijdlijn`);
    await page.getByRole('tab', { name: 'Tijdlijn', selected: true }).waitFor();
    await page.getByRole('list', { name: 'Tijdlijn, nieuwste eerst' }).waitFor();
    await expect(page.title()).resolves.toContain('Tijdlijn');
    await settled(page);
    await page.screenshot({ path: `${ARTEFACTEN}dossier-tijdlijn-1366.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('het inzagelog van de medewerkers is voor de cliënt niet te openen via de URL (niet gevonden)', async () => {
    const { page, errors } = await newPage(e2e.browser, 'dordrecht.client');
    await page.getByRole('heading', { level: 1, name: /^Hallo / }).waitFor();
    const clientId = await page.evaluate(
      async () => (await (await fetch('/v1/sessies/huidig')).json()).gebruiker.clientId as string,
    );
    await page.goto(`${e2e.app.url}/clienten/${clientId}/inzagelog`);
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    expect(await page.getByText(/NEN 7513|Gebruiker/).count()).toBe(0);
    const api = await page.evaluate(async (id) => (await fetch(`/v1/clienten/${id}/inzagelog`)).status, clientId);
    expect(api).toBe(403);
    expect(errors).toEqual([]);
    await page.close();
  });

  // The main pages of every role, each at most 3 screen heights at 1366 × 768 (2,304 px; stricter than the issue's
  // 1366 × 900) once the demo data is in: long lists are paged and secondary sections are closed behind a summary
  // that says what is inside. Every dossier tab is measured.
  for (const r of HOOFDPAGINAS) {
    it(`geen pagina van ${r.user} is hoger dan 3 schermen (1366 × 768)`, async () => {
      const { page, errors } = await newPage(e2e.browser, r.user);
      const te: Record<string, number> = {};
      for (const p of r.paths) {
        const path = await hoofdpaginaPad(page, e2e.app.url, p);
        await page.goto(`${e2e.app.url}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS });
        await settled(page);
        const { hoog, scherm } = await page.evaluate(() => ({
          hoog: document.documentElement.scrollHeight,
          scherm: window.innerHeight,
        }));
        const naam = `${r.user}${path.replace(/[/?=&]+/g, '_')}`.replace(/_[0-9a-f-]{36}/, '_id');
        if (hoog > 3 * scherm) {
          te[path] = hoog;
          await page.screenshot({ path: `${ARTEFACTEN}te-hoog-${naam}.png`, fullPage: true });
        }
      }
      expect(te, `hoger dan ${3 * DESKTOP.height} px`).toEqual({});
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
