import { describe, expect, it } from 'vitest';
import { axeViolations, openMenu, rendered, settled, WAIT_MS, withAppAndBrowser } from './harness.js';

// Issue 20 in the browser: the by-name list, veldwerk on the map of the region, the monthly flow with its chart, the
// street counts that give 122 and 153 buitenslapers, and the data-quality page where fixing a finding (a turn-away
// without where the person went) makes it disappear. Each page passes axe (WCAG 2.1 A/AA) and fits 375 px.
const e2e = withAppAndBrowser();

/** A page logged in as `user`, with bypassCSP only so axe can be injected; page errors land in `errors`. */
async function loggedIn(user: string) {
  const errors: string[] = [];
  const page = await e2e.browser.newPage({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await e2e.login(page, user);
  return { page, errors };
}

const tabs = (page: import('playwright-core').Page) =>
  page.getByRole('navigation', { name: 'Onderdelen van het hele beeld' });

async function noViolations(page: import('playwright-core').Page, where: string) {
  await settled(page);
  const v = await axeViolations(page);
  expect(v.map((x) => `${where}: ${x.id} ${x.help} ${JSON.stringify(x.nodes.map((n) => n.target))}`)).toEqual([]);
}

async function fitsNarrowScreen(page: import('playwright-core').Page) {
  await page.setViewportSize({ width: 375, height: 800 });
  await rendered(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1366, height: 900 });
  await rendered(page);
}

async function findingsOf(page: import('playwright-core').Page): Promise<number> {
  const text = await page.getByText(/bevindingen uit \d+ controles/).textContent();
  return Number(/: (\d+) bevindingen/.exec(text ?? '')![1]);
}

describe('het hele beeld in de browser', () => {
  it('toegang: namenlijst, veldwerk op de kaart, stroom en tellingen', async () => {
    const { page, errors } = await loggedIn('dordrecht.toegang');
    await page.setViewportSize({ width: 1366, height: 900 });
    await openMenu(page, 'Het hele beeld');
    await page.getByRole('heading', { name: 'Namenlijst van de regio' }).waitFor({ timeout: WAIT_MS });
    // issue 16: the list is paged ("1–25 van N personen"); people known only from veldwerk are on one of its pages
    const stand = page.getByText(/^\d+–\d+ van \d+ personen$/).first();
    await stand.waitFor({ timeout: WAIT_MS });
    const volgende = page
      .getByRole('navigation', { name: "Pagina's van de namenlijst" })
      .first()
      .getByRole('button', { name: 'Volgende' });
    while ((await page.getByText('alleen veldwerk').count()) === 0) {
      expect(await volgende.isDisabled()).toBe(false);
      const was = await stand.textContent();
      await volgende.click();
      await expect.poll(() => stand.textContent(), { timeout: WAIT_MS }).not.toBe(was);
    }
    await noViolations(page, 'namenlijst');
    await fitsNarrowScreen(page);

    await tabs(page).getByRole('link', { name: 'Veldwerk' }).click();
    await page.getByRole('img', { name: /Kaart van de regio met \d+ veldwerkcontacten/ }).waitFor({ timeout: WAIT_MS });
    await page.getByLabel('Beschrijving', { exact: true }).fill('Man, paarse sjaal, e2e');
    await page.getByLabel('Geschatte leeftijd (niet verplicht)').fill('52');
    await page.getByLabel('Plek', { exact: true }).selectOption('Station Dordrecht');
    await page.getByLabel('Nachtopvang', { exact: true }).check();
    await page.getByRole('button', { name: 'Contact vastleggen' }).click();
    await page.getByText('Contact met Man, paarse sjaal, e2e vastgelegd.').waitFor({ timeout: WAIT_MS });
    await page.getByRole('cell', { name: 'Man, paarse sjaal, e2e' }).waitFor({ timeout: WAIT_MS });
    await noViolations(page, 'veldwerk');
    await fitsNarrowScreen(page);

    await tabs(page).getByRole('link', { name: 'Stroom per maand' }).click();
    // issue 16: the figures per month are behind a summary with the number of months
    await page.locator('summary', { hasText: /^Cijfers per maand als tabel \(\d+ maanden\)$/ }).click();
    await page.getByRole('table', { name: /Instroom en uitstroom per maand/ }).waitFor({ timeout: WAIT_MS });
    // the chart (ECharts writes its own aria description on the container)
    await page.locator('.onderdak-chart svg').first().waitFor({ timeout: WAIT_MS });
    expect(await page.getByRole('link', { name: 'Download als CSV' }).getAttribute('href')).toMatch(/formaat=csv/);
    await noViolations(page, 'stroom');
    await fitsNarrowScreen(page);

    await tabs(page).getByRole('link', { name: 'Telling buitenslapers' }).click();
    const perJaar = page.getByRole('table', { name: /Buitenslapers per jaar/ });
    await perJaar.waitFor({ timeout: WAIT_MS });
    await expect.poll(() => perJaar.getByRole('row', { name: /^2017 122/ }).count(), { timeout: WAIT_MS }).toBe(1);
    expect(await perJaar.getByRole('row', { name: /^2018 153/ }).count()).toBe(1);
    await noViolations(page, 'tellingen');
    expect(errors).toEqual([]);
  });

  it('datakwaliteit: een bevinding herstellen laat haar verdwijnen', async () => {
    const { page, errors } = await loggedIn('dordrecht.toegang');
    await page.setViewportSize({ width: 1366, height: 900 });
    await openMenu(page, 'Datakwaliteit');
    await page.getByText(/bevindingen uit \d+ controles/).waitFor({ timeout: WAIT_MS });
    await page.getByLabel('Per controle').selectOption('AFW-01');
    await page
      .getByRole('table', { name: /Bevindingen/ })
      .getByRole('cell', { name: /Niet vastgelegd waar de persoon/ })
      .first()
      .waitFor({ timeout: WAIT_MS });
    const before = await findingsOf(page);
    expect(before).toBeGreaterThanOrEqual(1);
    await noViolations(page, 'datakwaliteit');
    await fitsNarrowScreen(page);

    await page
      .getByRole('link', { name: /^Herstel AFW-01/ })
      .first()
      .click();
    await page.waitForURL(/onderdeel=afgewezen&verzoek=/, { timeout: WAIT_MS });
    const id = new URL(page.url()).searchParams.get('verzoek')!;
    const select = page.locator(`#waar-${id}`);
    await select.waitFor({ timeout: WAIT_MS });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: WAIT_MS }).toBe(`waar-${id}`);
    await select.selectOption('andere_opvang');
    await page.locator('form', { has: select }).getByRole('button', { name: 'Vastleggen' }).click();
    await select.waitFor({ state: 'detached', timeout: WAIT_MS });
    await noViolations(page, 'afgewezen');

    await openMenu(page, 'Datakwaliteit');
    await page.getByText(/bevindingen uit \d+ controles/).waitFor({ timeout: WAIT_MS });
    await page.getByLabel('Per controle').selectOption('AFW-01');
    await expect.poll(() => findingsOf(page), { timeout: WAIT_MS }).toBe(before - 1);
    expect(await page.locator(`a[href$="verzoek=${id}"]`).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('beleid ziet de stroom en de tellingen, geen namenlijst', async () => {
    const { page, errors } = await loggedIn('dordrecht.beleid');
    await openMenu(page, 'Het hele beeld');
    await page.getByRole('heading', { name: 'Stroom per maand' }).waitFor({ timeout: WAIT_MS });
    expect(await tabs(page).getByRole('link').allTextContents()).toEqual(['Stroom per maand', 'Telling buitenslapers']);
    await page.getByText('Om niemand herkenbaar te maken').waitFor({ timeout: WAIT_MS });
    await noViolations(page, 'stroom (beleid)');
    expect(errors).toEqual([]);
  });
});
