import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInNl } from '../src/platform/validation.js';
import { axeViolations, settled, WAIT_MS, withAppAndBrowser } from './harness.js';

// Issue 16: the locatie start page is the shift view (handover, presence check "wie sliep hier"), the compact bed
// board (grid/list, "alleen vrij", place someone from an empty room, "bezet" not in an alarm colour) and the
// corporatie start page (offers awaiting an answer, homes to confirm) — at 1366 and 375 px, axe at 0 violations.
// Screenshots are kept as test artefacts in e2e/artefacten/ (git-ignored).
const e2e = withAppAndBrowser();
const today = todayInNl(new Date());
const ARTEFACTEN = new URL('./artefacten/', import.meta.url).pathname;
mkdirSync(ARTEFACTEN, { recursive: true });
const WIDTHS = [
  { width: 1366, height: 900 },
  { width: 375, height: 800 },
];

/** At both widths: a screenshot kept as artefact and axe at 0 violations. */
async function checkWidths(page: Page, name: string) {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await settled(page);
    await page.screenshot({ path: `${ARTEFACTEN}${name}-${size.width}.png`, fullPage: true });
    expect(await axeViolations(page), `${name} at ${size.width} px`).toEqual([]);
  }
  await page.setViewportSize(WIDTHS[0]!);
}

async function newPage(user: string, errors: string[]) {
  const page = await e2e.browser.newPage({ bypassCSP: true, viewport: WIDTHS[0] }); // bypassCSP: only to inject axe
  page.on('pageerror', (e) => errors.push(e.message));
  await e2e.login(page, user);
  return page;
}

describe('de dienst op een locatie in de browser', () => {
  it('de startpagina van de locatie is het dienstoverzicht: overdracht schrijven en aanwezigheid bevestigen', async () => {
    const errors: string[] = [];
    const loc = await newPage('dordrecht.locatie', errors);
    await loc.getByRole('heading', { level: 1, name: /^Dienst / }).waitFor({ timeout: WAIT_MS });
    for (const h of [
      'Aankomsten en vertrekken',
      'Vrije kamers',
      'Bewoners met een signaal',
      'Journaal en incidenten van vandaag',
    ])
      await loc.getByRole('heading', { level: 2, name: h }).waitFor();

    // a handover note to the next shift, shown with author and time
    await loc.getByRole('textbox', { name: 'Notitie voor de volgende dienst' }).fill('Kamer 3 heeft een kapotte lamp.');
    await loc.getByRole('button', { name: 'Notitie opslaan' }).click();
    await loc
      .getByRole('status')
      .getByText('De notitie staat klaar voor de volgende dienst.')
      .waitFor({ timeout: WAIT_MS });
    await loc.getByText('Kamer 3 heeft een kapotte lamp.').waitFor({ timeout: WAIT_MS });

    // the presence check: everyone slept here, saved for tonight
    const aanwezig = loc.getByRole('region', { name: 'Wie sliep hier? (aanwezigheid)' });
    await aanwezig.getByRole('button', { name: 'Iedereen sliep hier' }).click();
    await aanwezig.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
    await aanwezig
      .getByRole('status')
      .getByText(/Aanwezigheid van \d+ bewoners? opgeslagen/)
      .waitFor({ timeout: WAIT_MS });
    await aanwezig
      .getByText(/^Bevestigd door /)
      .first()
      .waitFor({ timeout: WAIT_MS });
    await checkWidths(loc, 'locatie-dienst');
    expect(errors).toEqual([]);
  });

  it('compact bedbord: raster of lijst, alleen vrij, bezet in neutraal grijs, iemand plaatsen vanuit een lege kamer', async () => {
    const errors: string[] = [];
    const loc = await newPage('dordrecht.locatie', errors);
    const locatieId = await loc.evaluate(
      async () => (await (await fetch('/v1/sessies/huidig')).json()).gebruiker.locatieId as string,
    );
    // the toegang refers an admitted client to this location (as in verwijzing.e2e.ts)
    const t = await newPage('dordrecht.toegang', errors);
    await t.evaluate(
      async ({ datum, locatieId }) => {
        const s = await (await fetch('/v1/sessies/huidig')).json();
        const post = async (url: string, body: unknown) =>
          (
            await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
              body: JSON.stringify(body),
            })
          ).json();
        const c = await post('/v1/clienten', {
          voornaam: 'Lotte',
          achternaam: 'Legekamer',
          geboortedatum: '1990-01-02',
          herkomstGemeentecode: '0505',
        });
        const a = await post('/v1/aanmeldingen', { clientId: c.id, datum, bron: 'zelf' });
        await post(`/v1/aanmeldingen/${a.id}/besluiten`, { uitkomst: 'toegang', datum });
        await post(`/v1/clienten/${c.id}/verwijzingen`, { locatieId, datum });
      },
      { datum: today, locatieId },
    );

    await loc.goto(`${e2e.app.url}/locaties/${locatieId}`);
    const eenheden = loc.getByRole('region', { name: 'Eenheden' });
    await eenheden.getByRole('button', { name: 'Raster' }).waitFor({ timeout: WAIT_MS });
    // "bezet" is a neutral badge, never the alarm colour
    const bezet = eenheden.locator('.utrecht-status-badge', { hasText: /^Bezet$/ });
    expect(await bezet.count()).toBeGreaterThan(0);
    expect(await eenheden.locator('.utrecht-status-badge--danger', { hasText: /^Bezet$/ }).count()).toBe(0);
    await checkWidths(loc, 'bedbord-raster');
    const allUnits = await eenheden.locator('li.onderdak-eenheid').count();

    // "alleen vrij": only rooms with a place, each offering "Plaats iemand in …"
    await eenheden.getByLabel('Alleen vrij').check();
    const vrij = eenheden.locator('li.onderdak-eenheid');
    const n = await vrij.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(allUnits);
    expect(await vrij.locator('.utrecht-status-badge', { hasText: /^Bezet$/ }).count()).toBe(0);

    // list view: a table, one row per free room
    await eenheden.getByRole('button', { name: 'Lijst' }).click();
    expect(await eenheden.getByRole('button', { name: 'Lijst' }).getAttribute('aria-pressed')).toBe('true');
    await eenheden.getByRole('table').waitFor();
    expect(await eenheden.getByRole('table').locator('tbody tr').count()).toBe(n);
    await checkWidths(loc, 'bedbord-lijst');

    // place the referred client from the first empty room
    const knop = eenheden.getByRole('button', { name: /^Plaats iemand in / }).first();
    const kamer = ((await knop.textContent()) ?? '').replace('Plaats iemand in ', '').trim();
    await knop.click();
    const form = loc.getByRole('form', { name: `Iemand plaatsen in ${kamer}` });
    const optie = form.getByLabel('Wie plaatst u?').locator('option', { hasText: 'Lotte Legekamer' });
    await optie.waitFor({ state: 'attached', timeout: WAIT_MS });
    await form.getByLabel('Wie plaatst u?').selectOption((await optie.getAttribute('value'))!);
    await form.getByRole('button', { name: 'Plaatsen' }).click();
    await loc.getByRole('status').getByText(`Lotte Legekamer is geplaatst in ${kamer}.`).waitFor({ timeout: WAIT_MS });
    // the "Verwezen naar onze locatie" placement form no longer offers full rooms
    await eenheden.getByLabel('Alleen vrij').uncheck();
    await loc.getByRole('link', { name: 'Lotte Legekamer' }).waitFor({ timeout: WAIT_MS });
    expect(errors).toEqual([]);
  });
});

describe('de startpagina van de corporatie', () => {
  it('toont aanbiedingen die op antwoord wachten en woningen om te bevestigen; knoppen blijven in beeld op 375 px', async () => {
    const errors: string[] = [];
    const c = await newPage('dordrecht.corporatie', errors);
    await c
      .getByRole('heading', { level: 2, name: 'Aanbiedingen die wachten op antwoord' })
      .waitFor({ timeout: WAIT_MS });
    await c.getByRole('heading', { level: 2, name: 'Woningen om te bevestigen' }).waitFor();
    await checkWidths(c, 'corporatie-start');
    // at 375 px every button on the page lies within the viewport
    await c.setViewportSize(WIDTHS[1]!);
    await settled(c);
    const outside = await c.evaluate(
      () =>
        [...document.querySelectorAll('main button')]
          .map((b) => b.getBoundingClientRect())
          .filter((r) => r.width > 0 && (r.left < 0 || r.right > window.innerWidth)).length,
    );
    expect(outside).toBe(0);
    // homes can be withdrawn from the list of woonplekken, with a confirmation
    await c.setViewportSize(WIDTHS[0]!);
    await c.goto(`${e2e.app.url}/wonen?onderdeel=woonplekken`);
    const intrekken = c.getByRole('button', { name: /^Intrekken: / }).first();
    await intrekken.waitFor({ timeout: WAIT_MS });
    const adres = ((await intrekken.textContent()) ?? '').replace('Intrekken: ', '').trim();
    await intrekken.click();
    await c.getByRole('status').getByText(`${adres} is ingetrokken.`).waitFor({ timeout: WAIT_MS });
    await c.getByRole('button', { name: `Weer beschikbaar: ${adres}` }).waitFor({ timeout: WAIT_MS });
    expect(errors).toEqual([]);
  });
});
