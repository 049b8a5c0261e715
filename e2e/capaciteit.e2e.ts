import { describe, expect, it } from 'vitest';
import { addDays, todayInNl } from '../src/platform/validation.js';
import { dossierTab, WAIT_MS, withAppAndBrowser } from './harness.js';

// Issue 13B in the browser: a bed for the night on a registration during screening, a date correction of the stay
// (reason required, the server's Dutch errors at the field), access granted (the stay stays), and the exit
// "Vertrokken, bestemming onbekend".
const e2e = withAppAndBrowser();
const today = todayInNl(new Date());

describe('bed voor de nacht, datumcorrectie en vertrokken met onbekende bestemming', () => {
  it('geeft een bed voor de nacht tijdens de screening en registreert daarna een vertrek zonder bekende bestemming', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');
    await page.goto(`${e2e.app.url}/clienten/nieuw`);
    await page.getByLabel('Voornaam').fill('Nachtje');
    await page.getByLabel('Achternaam').fill('Overbrugging');
    await page.getByLabel('Geboortedatum').fill('1990-02-03');
    await page.getByLabel('Herkomst').selectOption({ label: 'Dordrecht' });
    await page.getByRole('button', { name: 'Cliënt registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nachtje Overbrugging' }).waitFor();

    await page.getByRole('button', { name: 'Nieuwe aanmelding' }).click();
    const reg = page.getByRole('form', { name: 'Nieuwe aanmelding' });
    await reg.getByLabel('Datum').fill(today);
    await reg.getByLabel('Bron').selectOption({ label: 'Meldpunt Zorg & Overlast' });
    await reg.getByRole('button', { name: 'Aanmelding opslaan' }).click();
    await reg.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Bed voor de nacht' }).click();
    const bed = page.getByRole('form', { name: 'Bed voor de nacht geven' });
    const loc = bed.getByLabel('Locatie').locator('option', { hasText: /^Crisisopvang Kromhout-Kasperspad/ });
    await loc.waitFor({ state: 'attached' });
    await bed.getByLabel('Locatie').selectOption((await loc.getAttribute('value'))!);
    const free = bed.getByLabel('Eenheid').locator('option', { hasText: 'vrij' }).first();
    await free.waitFor({ state: 'attached' });
    await bed.getByLabel('Eenheid').selectOption((await free.getAttribute('value'))!);
    await bed.getByLabel('Eerste nacht').fill(today);
    await bed.getByRole('button', { name: 'Bed voor de nacht opslaan' }).click();
    await bed.waitFor({ state: 'detached' });
    const current = page
      .locator('.onderdak-card')
      .filter({ has: page.getByRole('heading', { level: 3, name: 'Huidig verblijf' }) });
    await expect
      .poll(async () => (await current.textContent()) ?? '', { timeout: WAIT_MS })
      .toContain('Bed voor de nacht (vóór het toegangsbesluit)');

    // a date correction: the reason is required, and a future date is refused at the field
    await page.getByRole('button', { name: 'Datums van verblijven corrigeren' }).click();
    await page.getByRole('button', { name: 'Datum corrigeren' }).click();
    const cor = page.getByRole('form', { name: /^Datum corrigeren: / });
    await cor.getByRole('button', { name: 'Correctie opslaan' }).click();
    await cor.getByText('Geef de reden van de correctie.').first().waitFor();
    await cor.getByLabel('Begindatum (plaatsingsdatum)').fill(addDays(today, 1));
    await cor.getByLabel('Reden van de correctie').fill('Verkeerd ingevoerd');
    await cor.getByRole('button', { name: 'Correctie opslaan' }).click();
    await cor.getByText('De datum mag niet in de toekomst liggen.').first().waitFor();
    await cor
      .getByRole('button', { name: /Annuleren|Sluiten/ })
      .first()
      .click();

    // access granted: the bed for the night becomes the trajectory's stay
    await page.getByRole('button', { name: 'Besluit nemen' }).click();
    const dec = page.getByRole('form', { name: 'Besluit nemen' });
    await dec.getByLabel('Toegang', { exact: true }).check();
    await dec.getByLabel('Datum').fill(today);
    await dec.getByLabel('Jaren in de regio').fill('3');
    await dec.getByRole('button', { name: 'Besluit opslaan' }).click();
    await page.getByText('Toegang verleend').first().waitFor();
    await expect
      .poll(async () => (await current.textContent()) ?? '', { timeout: WAIT_MS })
      .not.toContain('vóór het toegangsbesluit');

    await page.getByRole('button', { name: 'Uitstroom registreren' }).click();
    const exit = page.getByRole('form', { name: 'Uitstroom registreren' });
    await exit.getByLabel('Datum').fill(today);
    await exit.getByLabel('Bestemming').selectOption({ label: 'Vertrokken, bestemming onbekend' });
    await exit.getByRole('button', { name: 'Doorgaan' }).click();
    await page.getByRole('button', { name: 'Bevestig uitstroom' }).click();
    await dossierTab(page, 'Tijdlijn'); // issue 16: the dossier in tabs
    await page
      .getByRole('list')
      .filter({ hasText: 'Uitstroom' })
      .getByText('Vertrokken, bestemming onbekend')
      .first()
      .waitFor();
    expect(errors).toEqual([]);
  });
});
