import { describe, expect, it } from 'vitest';
import { todayInNl } from '../src/platform/validation.js';
import { dossierTab, settled, withAppAndBrowser } from './harness.js';

// Issue 12 part B in the browser: search by "Leeuwen, Patrick" and by birth date, a correction with its history,
// a printed beschikking, and a warm handover Dordrecht → Almere accepted in Almere.
const e2e = withAppAndBrowser();
const today = todayInNl(new Date());

describe('toegang: zoeken, corrigeren, beschikking en warme overdracht', () => {
  it('vindt, corrigeert, drukt de beschikking af en draagt warm over; Almere accepteert', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');
    await page.goto(`${e2e.app.url}/clienten/nieuw`);
    await page.getByLabel('Voornaam').fill('Patrick');
    await page.getByLabel('Achternaam').fill('van Leeuwen');
    await page.getByLabel('Geboortedatum').fill('1985-03-12');
    await page.getByLabel('Herkomst').selectOption({ label: 'Zwijndrecht' });
    await page.getByRole('button', { name: 'Cliënt registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Patrick van Leeuwen' }).waitFor();
    const clientUrl = page.url().split('?')[0]!; // issue 16: without the ?tab= of the dossier
    const clientId = new URL(clientUrl).pathname.split('/').pop()!;

    // search in the list's own format, and by birth date
    for (const zoek of ['Leeuwen, Patrick', '12-03-1985']) {
      await page.goto(`${e2e.app.url}/clienten`);
      await page.getByLabel('Zoek op naam, geboortedatum of cliëntnummer').fill(zoek);
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      // the demo region has another Patrick van Leeuwen: rows tell them apart (birth date, status, last contact)
      const row = page.getByRole('row').filter({ has: page.locator(`a[href="/clienten/${clientId}"]`) });
      await row.getByRole('link', { name: 'van Leeuwen, Patrick' }).waitFor();
      await row.getByText('12 maart 1985').waitFor();
      await settled(page);
      expect(await page.getByRole('columnheader', { name: 'Laatste contact' }).count()).toBe(1);
    }

    // a correction with a reason; the history shows old, new and the reason
    await page.goto(clientUrl);
    await page.getByRole('button', { name: 'Gegevens corrigeren' }).click(); // issue 16: on the Overzicht tab
    const corr = page.getByRole('form', { name: 'Persoonsgegevens corrigeren' });
    await corr.getByLabel('Telefoon').fill('06-11223344');
    await corr.getByRole('button', { name: 'Correctie opslaan' }).click();
    await corr.getByText('Vul de reden van de correctie in.').first().waitFor();
    await corr.getByLabel('Reden van de correctie').fill('Nieuw nummer doorgegeven door de cliënt');
    await corr.getByRole('button', { name: 'Correctie opslaan' }).click();
    await corr.waitFor({ state: 'detached' });
    await dossierTab(page, 'Correcties');
    const history = page.getByRole('table', { name: 'Geschiedenis van correcties' });
    await history.getByText('Nieuw nummer doorgegeven door de cliënt').waitFor();
    expect(await history.getByText('06-11223344').count()).toBe(1);

    // registration and a decision: weak regional tie, Almere best placed, with the client's consent
    await dossierTab(page, 'Toegang en verblijf');
    await page.getByRole('button', { name: 'Nieuwe aanmelding' }).click();
    const reg = page.getByRole('form', { name: 'Nieuwe aanmelding' });
    await reg.getByLabel('Datum').fill(today);
    await reg.getByLabel('Bron').selectOption({ label: 'Zelfmelder' });
    await reg.getByRole('button', { name: 'Aanmelding opslaan' }).click();
    await reg.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Besluit nemen' }).click();
    const dec = page.getByRole('form', { name: 'Besluit nemen' });
    await dec.getByLabel('Toegang', { exact: true }).check();
    await dec.getByLabel('Datum').fill(today);
    await dec.getByLabel('Reden').fill('Netwerk en werk in Almere');
    await dec.getByLabel('Jaren in de regio').fill('0');
    await dec.getByLabel('Wens cliënt').selectOption({ label: 'Andere regio' });
    await dec.getByLabel('Andere centrumgemeente').selectOption({ label: 'Centrumgemeente Almere' });
    await dec.getByRole('button', { name: 'Besluit opslaan' }).click();
    await dec.getByText('Een warme overdracht kan alleen met toestemming van de cliënt').first().waitFor();
    await dec.getByLabel('De cliënt geeft toestemming voor warme overdracht').check();
    await dec.getByRole('button', { name: 'Besluit opslaan' }).click();
    await page.getByText('warme overdracht aan Centrumgemeente Almere aangeboden').first().waitFor();
    expect(await page.getByText('Toegang verleend', { exact: true }).count()).toBe(0);

    // the printed beschikking
    await page.getByRole('link', { name: 'Beschikking afdrukken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beschikking maatschappelijke opvang (Wmo 2015)' }).waitFor();
    await page.getByText(/binnen 6 weken na de datum van dit besluit bezwaar maken/).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await page.getByText('Patrick van Leeuwen').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // Almere: the incoming handover with minimal data; accepted, Almere has the client
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByLabel('Gebruikersnaam').waitFor();
    await e2e.login(page, 'almere.toegang');
    await page.goto(`${e2e.app.url}/overdrachten`);
    const card = page.getByRole('article', { name: /Patrick van Leeuwen — van Centrumgemeente Dordrecht/ });
    await card.waitFor();
    await card.getByRole('button', { name: 'Overdracht accepteren' }).click();
    await card.getByText('Overgenomen.').waitFor();
    await card.getByRole('link', { name: 'Open het dossier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Patrick van Leeuwen' }).waitFor();
    await dossierTab(page, 'Toegang en verblijf');
    await page
      .getByText(/Warme overdracht vanuit Centrumgemeente Dordrecht/)
      .first()
      .waitFor();

    // Dordrecht: the case closed with that destination
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByLabel('Gebruikersnaam').waitFor();
    await e2e.login(page, 'dordrecht.toegang');
    await page.goto(`${clientUrl}?tab=verblijf`);
    await page.getByText('Overgedragen aan Centrumgemeente Almere (noodopvang verleend)').first().waitFor();
    expect(errors).toEqual([]);
  });
});
