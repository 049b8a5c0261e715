import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInNl } from '../src/platform/validation.js';
import { axeViolations, dossierTab, openMenu, rendered, settled, withAppAndBrowser } from './harness.js';
import { naarPaginaMet } from './paginas.js';

// Issue 12 deel A in the browser: the journal (rapportage) of a client — written by the trajecthouder, shared with the
// client, found with the search, corrected with the original kept, read by the client in their own view — and the
// personal worklist (mijn taken) with its counts on the start page, updated after an appointment is made.
const e2e = withAppAndBrowser();
const today = todayInNl(new Date());

describe('casuswerk in de browser', () => {
  it('rapportage: schrijven, zoeken, corrigeren (origineel bewaard) en de cliënt leest alleen wat gedeeld is', async () => {
    // the demo client's own dossier: its id and name
    // issue 16: the client's own view is Mijn Onderdak; the staff open the client's dossier by id
    const client = await e2e.loggedInPage('dordrecht.client');
    await client.page.getByRole('heading', { level: 1, name: /^Hallo / }).waitFor();
    const clientId = await client.page.evaluate(
      async () => (await (await fetch('/v1/sessies/huidig')).json()).gebruiker.clientId as string,
    );
    const clientUrl = `${e2e.app.url}/clienten/${clientId}`;

    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');
    await page.goto(clientUrl);
    await page.getByRole('heading', { level: 2, name: 'Samenvatting' }).waitFor();
    await dossierTab(page, 'Journaal'); // issue 16: the dossier in tabs
    await page.getByRole('heading', { level: 2, name: 'Rapportage' }).waitFor();

    // a shared entry and an internal one; both appear without a reload
    const schrijf = async (soort: string, tekst: string, gedeeld: boolean) => {
      await page.getByRole('button', { name: 'Rapportage schrijven' }).click();
      const form = page.getByRole('region', { name: 'Rapportage schrijven' });
      await form.getByLabel('Soort').selectOption({ label: soort });
      await form.getByLabel('Wat gebeurde er?').fill(tekst);
      if (gedeeld) await form.getByLabel('De cliënt mag deze rapportage lezen').check();
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByTestId('rapportage').filter({ hasText: tekst }).waitFor();
    };
    // an empty form shows the error summary and writes nothing
    await page.getByRole('button', { name: 'Rapportage schrijven' }).click();
    await page.getByRole('region', { name: 'Rapportage schrijven' }).getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Schrijf wat er gebeurde.' }).waitFor();
    await page.getByRole('region', { name: 'Rapportage schrijven' }).getByRole('button', { name: 'Annuleren' }).click();

    await schrijf('Contact', 'Samen de inschrijving bij Woonkeus gedaan.', true);
    await schrijf('Observatie', 'Oogt vermoeid; volgende week navragen.', false);
    const eerste = page.getByTestId('rapportage').first();
    await expect(eerste.textContent()).resolves.toMatch(/Oogt vermoeid/);
    await expect(eerste.locator('time').textContent()).resolves.toMatch(/\d{2}:\d{2}/);

    // search
    await page.getByLabel('Zoeken in de tekst').fill('woonkeus');
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(async () => (await page.getByTestId('rapportage').allTextContents()).length).toBe(1);
    await page.getByLabel('Zoeken in de tekst').fill('');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.getByTestId('rapportage').filter({ hasText: 'Oogt vermoeid' }).waitFor();

    // correct the internal entry: the new text is shown, the original stays readable
    const regel = page.getByTestId('rapportage').filter({ hasText: 'Oogt vermoeid' });
    await regel.getByRole('button', { name: 'Corrigeren' }).click();
    await regel.getByLabel('Verbeterde tekst').fill('Oogt vermoeid; morgen bellen.');
    await regel.getByRole('button', { name: 'Correctie opslaan' }).click();
    const gecorrigeerd = page.getByTestId('rapportage').filter({ hasText: 'Oogt vermoeid; morgen bellen.' });
    await gecorrigeerd.waitFor();
    await gecorrigeerd.getByText('Gecorrigeerd — eerdere tekst bekijken').click();
    await gecorrigeerd.getByText(/Oogt vermoeid; volgende week navragen\./).waitFor();
    expect(errors).toEqual([]);

    // the client reads only the shared entry, in their own words
    await client.page.reload();
    const verslagen = client.page.getByRole('region', { name: 'Verslagen voor jou' });
    await verslagen.getByText('Samen de inschrijving bij Woonkeus gedaan.').waitFor();
    await settled(client.page);
    expect(await verslagen.innerText()).not.toContain('Oogt vermoeid');
    await expect(client.page.getByRole('button', { name: 'Rapportage schrijven' }).count()).resolves.toBe(0);
    expect(client.errors).toEqual([]);
  });

  it('mijn taken: tellingen op de startpagina, en een nieuwe afspraak staat meteen op de lijst en in de samenvatting', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');
    await page.getByRole('heading', { level: 2, name: 'Mijn taken' }).waitFor();
    const teller = page.getByRole('link', { name: /taken, waarvan \d+ urgent/ });
    const voor = Number((await teller.locator('.onderdak-teller__getal').textContent())!.trim());
    expect(voor).toBeGreaterThan(0);

    // one of my clients
    await openMenu(page, 'Mijn cliënten');
    await page.getByRole('heading', { level: 1, name: 'Mijn cliënten' }).waitFor();
    const link = page.getByRole('table', { name: 'Mijn cliënten' }).getByRole('link').first();
    const naam = (await link.textContent())!.trim();
    await link.click();
    await page.getByRole('heading', { level: 1, name: naam }).waitFor();

    await dossierTab(page, 'Afspraken');
    await page.getByRole('button', { name: 'Afspraak maken' }).click();
    const form = page.getByRole('region', { name: 'Afspraak maken' });
    await form.getByLabel('Datum').fill(today);
    await form.getByLabel('Tijd').fill('23:45');
    await form.getByLabel('Met wie').fill('Schuldhulp Drechtsteden');
    await form.getByLabel('Waar').fill('Stadskantoor Dordrecht');
    await form.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await page.getByRole('table', { name: 'Afspraken, komende eerst' }).getByText('Schuldhulp Drechtsteden').waitFor();
    // the summary at the top updates without a reload
    await page
      .getByTestId('dossiersamenvatting')
      .getByText(/om 23:45, Schuldhulp Drechtsteden/)
      .waitFor();

    await openMenu(page, 'Mijn taken');
    await page.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
    const rij = page
      .getByRole('row')
      .filter({ hasText: naam })
      .filter({ hasText: '23:45 met Schuldhulp Drechtsteden' });
    const taken = page.getByRole('table', { name: /^Mijn taken op / });
    expect(await naarPaginaMet(page, rij, "Pagina's met taken", taken)).toBe(true);
    await expect(rij.getByText('Urgent').isVisible()).resolves.toBe(true);

    await openMenu(page, 'Start');
    const na = page.getByRole('link', { name: /taken, waarvan \d+ urgent/ }).locator('.onderdak-teller__getal');
    await expect.poll(async () => Number((await na.textContent())!.trim())).toBe(voor + 1);
    expect(errors).toEqual([]);
  });

  it('na een plaatsing tonen de samenvatting en het perspectief meteen de plaatsing, zonder herladen', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');
    await page.goto(`${e2e.app.url}/clienten/nieuw`);
    await page.getByLabel('Voornaam').fill('Geertruida');
    await page.getByLabel('Achternaam').fill('Plaatsma');
    await page.getByLabel('Geboortedatum').fill('1983-02-11');
    await page.getByLabel('Herkomst').selectOption({ label: 'Zwijndrecht' });
    await page.getByRole('button', { name: 'Cliënt registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Geertruida Plaatsma' }).waitFor();
    await page.getByRole('button', { name: 'Nieuwe aanmelding' }).click();
    const reg = page.getByRole('form', { name: 'Nieuwe aanmelding' });
    await reg.getByLabel('Datum').fill(today);
    await reg.getByLabel('Bron').selectOption({ label: 'Meldpunt Zorg & Overlast' });
    await reg.getByRole('button', { name: 'Aanmelding opslaan' }).click();
    await reg.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Besluit nemen' }).click();
    const dec = page.getByRole('form', { name: 'Besluit nemen' });
    await dec.getByLabel('Toegang', { exact: true }).check();
    await dec.getByLabel('Datum').fill(today);
    await dec.getByLabel('Jaren in de regio').fill('3');
    await dec.getByRole('button', { name: 'Besluit opslaan' }).click();
    await page.getByText('Toegang verleend').first().waitFor();
    const samenvatting = page.getByTestId('dossiersamenvatting');
    await samenvatting.getByText('Toegelaten, wacht op een plek').waitFor();
    await dossierTab(page, 'Perspectief');
    const perspectief = page.getByRole('region', { name: 'Werken aan perspectief' });
    await perspectief.getByText('Nog niet geplaatst').first().waitFor();

    await dossierTab(page, 'Toegang en verblijf');
    await page.getByRole('button', { name: 'Plaatsen', exact: true }).click();
    const place = page.getByRole('form', { name: 'Cliënt plaatsen' });
    const locOption = place
      .getByLabel('Locatie')
      .locator('option', { hasText: /^Crisisopvang/ })
      .first();
    await locOption.waitFor({ state: 'attached' });
    await place.getByLabel('Locatie').selectOption((await locOption.getAttribute('value'))!);
    const free = place.getByLabel('Eenheid').locator('option', { hasText: 'vrij' }).first();
    await free.waitFor({ state: 'attached' });
    await place.getByLabel('Eenheid').selectOption((await free.getAttribute('value'))!);
    await place.getByLabel('Datum').fill(today);
    await place.getByRole('button', { name: 'Plaatsing opslaan' }).click();
    await page.getByRole('heading', { name: 'Huidig verblijf' }).waitFor();
    // no reload: the summary and the perspective section follow the placement
    await samenvatting.getByText('In de opvang', { exact: true }).waitFor();
    await samenvatting.getByText(/^0 van 91 dagen/).waitFor();
    await dossierTab(page, 'Perspectief');
    await perspectief.getByText('Nog binnen de termijn').first().waitFor();
    await expect(perspectief.getByText('Nog niet geplaatst').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('mijn taken, mijn cliënten en het eigen dossier van de cliënt hebben geen WCAG-schendingen (axe) en passen op 320 px', async () => {
    const found: Record<string, string[]> = {};
    const check = async (page: Page, path: string, ready: string) => {
      await page.goto(`${e2e.app.url}${path}`);
      await page.getByRole('heading', { level: 1, name: ready }).first().waitFor();
      await settled(page);
      const v = await axe(page);
      if (v.length) found[path] = v;
      await page.setViewportSize({ width: 320, height: 640 });
      await rendered(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) found[`${path} (320 px)`] = [`${width} px breed`];
      await page.setViewportSize({ width: 1280, height: 800 });
    };
    const toegang = await e2e.browser.newPage({ bypassCSP: true }); // only so axe can be injected
    await e2e.login(toegang, 'dordrecht.toegang');
    await check(toegang, '/mijn-taken', 'Mijn taken');
    await check(toegang, '/mijn-clienten', 'Mijn cliënten');
    const client = await e2e.browser.newPage({ bypassCSP: true });
    await e2e.login(client, 'dordrecht.client');
    await check(client, '/mijn-onderdak', 'Hallo'); // issue 16: the client's own view
    expect(found).toEqual({});
  });
});

/** WCAG 2.1 A/AA violations on the page (ids and the first nodes). */

/** axe's violations as short lines (rule: first places), for a readable failure. */
async function axe(page: Page): Promise<string[]> {
  return (await axeViolations(page)).map(
    (v) =>
      `${v.id}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}
