import { describe, expect, it } from 'vitest';
import { openMenu, WAIT_MS, withAppAndBrowser } from './harness.js';

// Issue 11 part B in the browser: the beheerder adds 50 rooms plus 10 reserve places in one go and closes one; the
// toegang moves a caseload in from a CSV file with a bad row (preview first, then 2 imported and 1 explained) and
// finds an imported client.
const e2e = withAppAndBrowser();

describe('de regio inrichten en de caseload overnemen', () => {
  it('beheerder maakt 50 kamers T01–T50 en 10 reserveplekken in één keer en sluit er een', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.beheer');
    await openMenu(page, 'Beheer');
    await page.getByRole('link', { name: 'Regio inrichten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regio inrichten' }).waitFor();
    const open = page.getByRole('button', { name: /^Eenheden toevoegen aan / }).first();
    const knop = (await open.textContent()) ?? '';
    const locatie = knop.replace('Eenheden toevoegen aan ', '');
    await open.click();
    await page.getByLabel('Voorvoegsel', { exact: true }).fill('T');
    await page.getByLabel('Van nummer').fill('1');
    await page.getByLabel('Tot en met nummer').fill('50');
    await page.getByLabel('Bedden per eenheid').fill('1');
    await page.getByLabel('Aantal reserveplekken erbij').fill('10');
    await page.getByLabel('Voorvoegsel reserveplekken').fill('TR');
    await page.getByText('Dit maakt 50 eenheden en 10 reserveplekken.').waitFor();
    await page.getByRole('button', { name: 'Eenheden aanmaken' }).click();
    await page.getByText(`60 eenheden aangemaakt bij ${locatie}.`).waitFor();
    // the table of the location shows the new units without a reload
    const tabel = page.getByRole('table', { name: `Eenheden van ${locatie}` });
    await tabel.getByRole('cell', { name: 'T50', exact: true }).waitFor();
    await tabel.getByRole('cell', { name: 'TR10', exact: true }).waitFor();
    // the same series again is refused with the names that exist
    await page.getByRole('button', { name: 'Eenheden aanmaken' }).click();
    await page.getByRole('alert').filter({ hasText: 'Deze namen bestaan al' }).waitFor();
    // close one empty unit
    await page.getByRole('button', { name: 'T50 sluiten' }).click();
    await page.getByRole('button', { name: 'Definitief sluiten' }).click();
    const rij = tabel.getByRole('row').filter({ has: page.getByRole('cell', { name: 'T50', exact: true }) });
    await expect.poll(() => rij.textContent(), { timeout: WAIT_MS }).toMatch(/Gesloten/);
    expect(errors).toEqual([]);
  });

  it('toegang neemt een CSV met een foute regel over: eerst de fouten, dan 2 overgenomen en 1 uitgelegd', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');
    await openMenu(page, 'Beheer');
    await page.getByRole('link', { name: 'Dossiers overnemen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossiers overnemen' }).waitFor();
    const csv = [
      'externId;voornaam;achternaam;geboortedatum;bsn;aanmelddatum;bron',
      'E2E-1;Wilhelmina;Overnamestra;12-04-1980;;2026-10-01;zelf',
      'E2E-2;Jozef;Foutenaar;1985-01-01;123456789;2026-10-01;zelf',
      'E2E-3;Karel;Overnamestra;1990-06-30;;;',
    ].join('\r\n');
    await page
      .getByLabel('CSV-bestand')
      .setInputFiles({ name: 'caseload.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8') });
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByText('2 regels zijn goed, 1 met fouten, 0 al eerder overgenomen.').waitFor();
    const fouten = page.getByRole('table', { name: 'Regels met fouten' });
    await fouten.getByRole('cell', { name: 'E2E-2' }).waitFor();
    expect(await fouten.textContent()).toMatch(/bsn: Dit BSN is ongeldig/);
    await page.getByRole('button', { name: '2 dossiers overnemen' }).click();
    await page
      .getByText('2 dossiers overgenomen, 1 regel met fouten niet overgenomen, 0 al eerder overgenomen.')
      .waitFor();
    // an imported client is found by the toegang
    await openMenu(page, 'Cliënten');
    await page.getByLabel('Zoek op naam').fill('Overnamestra');
    await page.getByRole('search', { name: 'Cliënten zoeken' }).getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('link', { name: 'Overnamestra, Wilhelmina' }).waitFor();
    await page.getByRole('link', { name: 'Overnamestra, Karel' }).waitFor();
    expect(errors).toEqual([]);
  });
});
