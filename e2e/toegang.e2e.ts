import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInNl } from '../src/platform/validation.js';
import { dossierTab, WAIT_MS, withAppAndBrowser } from './harness.js';

const e2e = withAppAndBrowser();
const login = e2e.login;
const today = todayInNl(new Date());

async function occupied(page: Page, facility: string): Promise<number> {
  await page.goto(`${e2e.app.url}/locaties`);
  await page.getByRole('link', { name: facility }).first().click();
  const summary = page.getByText(/\d+ bezet · \d+ vrij/);
  await summary.waitFor();
  return Number((await summary.textContent())!.match(/(\d+) bezet/)![1]);
}

describe('toegangsmedewerker: van aanmelding tot uitstroom in de browser', () => {
  it('registreert, besluit, plaatst, ziet het beddenbord veranderen en registreert uitstroom; een andere centrumgemeente vindt de persoon niet', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');
    // the start page shows what needs attention, counted by the same worklist the doorstroomoverleg uses
    const totalen = await page.evaluate(
      async () => (await (await fetch('/v1/werklijsten/doorstroomoverleg')).json()).totalen,
    );
    const aandacht = page.getByRole('region', { name: 'Aandacht nodig' });
    await aandacht
      .getByRole('link', {
        name: new RegExp(`^${totalen.bovenDoel} langer dan 91 dagen in de opvang \\(van ${totalen.inOpvang}\\)`),
      })
      .waitFor();
    expect(totalen.inOpvang).toBeGreaterThan(0);
    const before = await occupied(page, 'Crisisopvang Kromhout-Kasperspad');

    await page.goto(`${e2e.app.url}/clienten/nieuw`);
    await page.getByLabel('Voornaam').fill('Wilhelmina');
    await page.getByLabel('Achternaam').fill('Zonderland');
    await page.getByLabel('Geboortedatum').fill('1971-04-12');
    await page.getByLabel('Herkomst').selectOption({ label: 'Zwijndrecht' });
    await page.getByRole('button', { name: 'Cliënt registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wilhelmina Zonderland' }).waitFor();
    const clientUrl = page.url().split('?')[0]!; // issue 16: without the ?tab= of the dossier

    await page.getByRole('button', { name: 'Nieuwe aanmelding' }).click();
    const reg = page.getByRole('form', { name: 'Nieuwe aanmelding' });
    await reg.getByLabel('Datum').fill(today);
    await reg.getByLabel('Bron').selectOption({ label: 'Meldpunt Zorg & Overlast' });
    await reg.getByRole('button', { name: 'Aanmelding opslaan' }).click();
    // screening: the form checks before sending and says what is missing; then it is saved and closes
    await page.getByRole('button', { name: 'Screening vastleggen' }).click();
    const scr = page.getByRole('form', { name: 'Screening vastleggen' });
    await scr.getByRole('button', { name: 'Screening opslaan' }).click();
    await scr.getByText('Vul de bevindingen in.').first().waitFor();
    await scr
      .getByLabel('Bevindingen')
      .fill('Dakloos sinds twee weken, slaapt in de auto; geen netwerk dat kan opvangen.');
    await scr.getByRole('button', { name: 'Screening opslaan' }).click();
    await scr.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Besluit nemen' }).click();
    const dec = page.getByRole('form', { name: 'Besluit nemen' });
    await dec.getByRole('button', { name: 'Besluit opslaan' }).click();
    await dec.getByText('Kies de uitkomst van het besluit.').first().waitFor();
    await dec.getByLabel('Toegang', { exact: true }).check();
    await dec.getByLabel('Datum').fill(today);
    await dec.getByLabel('Jaren in de regio').fill('12');
    await dec.getByRole('button', { name: 'Besluit opslaan' }).click();
    await page.getByText('Toegang verleend').first().waitFor();

    await dossierTab(page, 'Toegang en verblijf'); // issue 16: the dossier in tabs
    await page.getByRole('button', { name: 'Plaatsen', exact: true }).click();
    const place = page.getByRole('form', { name: 'Cliënt plaatsen' });
    const locOption = place.getByLabel('Locatie').locator('option', { hasText: /^Crisisopvang Kromhout-Kasperspad/ });
    await locOption.waitFor({ state: 'attached' });
    await place.getByLabel('Locatie').selectOption((await locOption.getAttribute('value'))!);
    const free = place.getByLabel('Eenheid').locator('option', { hasText: 'vrij' }).first();
    await free.waitFor({ state: 'attached' });
    await place.getByLabel('Eenheid').selectOption((await free.getAttribute('value'))!);
    await place.getByLabel('Datum').fill(today);
    const unitName = (option: string) => option.split(' — ')[0]!.trim();
    const firstUnit = unitName((await free.textContent())!);
    await place.getByRole('button', { name: 'Plaatsing opslaan' }).click();
    await page.getByRole('heading', { name: 'Huidig verblijf' }).waitFor();

    // a move to another free unit in the same location: first without a unit (what is missing), then with one
    await page.getByRole('button', { name: 'Verhuizen' }).click();
    const move = page.getByRole('form', { name: 'Verhuizen naar een andere eenheid' });
    await move.getByRole('button', { name: 'Verhuizing opslaan' }).click();
    await move.getByText('Kies de nieuwe eenheid.').first().waitFor();
    const other = move
      .getByLabel('Eenheid')
      .locator('option', { hasText: 'vrij' })
      .filter({ hasNotText: new RegExp(`^${firstUnit} — `) })
      .first();
    await other.waitFor({ state: 'attached' });
    const otherUnit = unitName((await other.textContent())!);
    expect(otherUnit).not.toBe(firstUnit);
    await move.getByLabel('Eenheid').selectOption((await other.getAttribute('value'))!);
    await move.getByLabel('Datum').fill(today);
    await move.getByRole('button', { name: 'Verhuizing opslaan' }).click();
    await move.waitFor({ state: 'detached' });
    const current = page
      .locator('.onderdak-card')
      .filter({ has: page.getByRole('heading', { level: 3, name: 'Huidig verblijf' }) });
    await expect
      .poll(async () => (await current.textContent()) ?? '', { timeout: WAIT_MS })
      .toContain(`Eenheid${otherUnit}Sinds`);

    expect(await occupied(page, 'Crisisopvang Kromhout-Kasperspad')).toBe(before + 1);
    await expect(page.getByRole('link', { name: 'Wilhelmina Zonderland' }).count()).resolves.toBe(1);

    await page.goto(`${clientUrl}?tab=verblijf`);
    await page.getByRole('button', { name: 'Uitstroom registreren' }).click();
    const exit = page.getByRole('form', { name: 'Uitstroom registreren' });
    await exit.getByLabel('Datum').fill(today);
    await exit.getByLabel('Bestemming').selectOption({ label: 'Housing First' });
    await exit.getByRole('button', { name: 'Doorgaan' }).click();
    await page.getByRole('button', { name: 'Bevestig uitstroom' }).click();
    await dossierTab(page, 'Tijdlijn');
    await page.getByRole('list').filter({ hasText: 'Uitstroom' }).getByText('Housing First').first().waitFor();
    expect(await occupied(page, 'Crisisopvang Kromhout-Kasperspad')).toBe(before);

    // Another centrumgemeente's worker cannot find her.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByLabel('Gebruikersnaam').waitFor();
    await login(page, 'almere.toegang');
    await page.goto(`${e2e.app.url}/clienten?zoek=Zonderland`);
    await page.getByText('Geen cliënten gevonden').waitFor();
    await page.goto(clientUrl);
    await page
      .getByText(/niet gevonden/i)
      .first()
      .waitFor();
    expect(await page.getByText('Wilhelmina').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
