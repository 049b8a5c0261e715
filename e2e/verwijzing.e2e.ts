import { describe, expect, it } from 'vitest';
import { todayInNl } from '../src/platform/validation.js';
import { WAIT_MS, withAppAndBrowser } from './harness.js';

// Issue 14: de toegang verwijst een toegelaten cliënt vanuit het dossier naar een locatie; de locatiemedewerker ziet
// hem onder "Verwezen naar onze locatie" en plaatst hem daar, zonder de pagina te herladen.
const e2e = withAppAndBrowser();
const today = todayInNl(new Date());

describe('verwijzen en plaatsen in de browser', () => {
  it('toegang verwijst vanuit het dossier; de locatie ziet de verwijzing en plaatst de cliënt', async () => {
    const { page: loc, errors } = await e2e.loggedInPage('dordrecht.locatie');
    const { locatieId, naam } = await loc.evaluate(async () => {
      const s = await (await fetch('/v1/sessies/huidig')).json();
      const b = await (await fetch(`/v1/locaties/${s.gebruiker.locatieId}/bezetting`)).json();
      return { locatieId: s.gebruiker.locatieId as string, naam: b.locatie.naam as string };
    });

    const { page: t } = await e2e.loggedInPage('dordrecht.toegang', errors);
    const clientId = await t.evaluate(async (datum) => {
      const s = await (await fetch('/v1/sessies/huidig')).json();
      const post = async (url: string, body: unknown) => {
        const r = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
          body: JSON.stringify(body),
        });
        return r.json();
      };
      const c = await post('/v1/clienten', {
        voornaam: 'Verona',
        achternaam: 'Verwezen',
        geboortedatum: '1984-03-02',
        herkomstGemeentecode: '0505',
      });
      const a = await post('/v1/aanmeldingen', { clientId: c.id, datum, bron: 'zelf' });
      await post(`/v1/aanmeldingen/${a.id}/besluiten`, { uitkomst: 'toegang', datum });
      return c.id as string;
    }, today);

    await t.goto(`${e2e.app.url}/clienten/${clientId}?tab=verblijf`); // issue 16: the dossier in tabs
    await t.getByRole('heading', { level: 2, name: 'Verwijzing naar een locatie' }).waitFor({ timeout: WAIT_MS });
    await t.getByRole('button', { name: 'Verwijzen naar een locatie' }).click();
    const form = t.getByRole('form', { name: 'Verwijzen naar een locatie' });
    await form.getByRole('button', { name: 'Verwijzing opslaan' }).click();
    await form.getByText('Kies een locatie.').first().waitFor();
    const option = form
      .getByLabel('Locatie', { exact: true })
      .locator('option', { hasText: new RegExp(`^${naam} \\(`) });
    await option.waitFor({ state: 'attached' });
    await form.getByLabel('Locatie', { exact: true }).selectOption((await option.getAttribute('value'))!);
    await form.getByLabel('Toelichting voor de locatie').fill('Liefst een kamer op de begane grond.');
    await form.getByRole('button', { name: 'Verwijzing opslaan' }).click();
    await t.getByText('Wacht op plaatsing').waitFor({ timeout: WAIT_MS });
    await t.getByRole('button', { name: /^Intrekken/ }).waitFor();

    await loc.goto(`${e2e.app.url}/locaties/${locatieId}`);
    const section = loc.getByRole('region', { name: 'Verwezen naar onze locatie' });
    await section.getByRole('heading', { name: 'Verona Verwezen' }).waitFor({ timeout: WAIT_MS });
    await section.getByText('Liefst een kamer op de begane grond.').waitFor();
    await section.getByRole('button', { name: 'Plaatsen: Verona Verwezen' }).click();
    const place = loc.getByRole('form', { name: 'Verona Verwezen plaatsen' });
    const free = place.getByLabel('Eenheid').locator('option', { hasText: / vrij/ }).first();
    await free.waitFor({ state: 'attached' });
    await place.getByLabel('Eenheid').selectOption((await free.getAttribute('value'))!);
    await place.getByRole('button', { name: 'Plaatsing opslaan' }).click();
    await loc
      .getByRole('status')
      .getByText(/Verona Verwezen is geplaatst in/)
      .waitFor({ timeout: WAIT_MS });
    // the list and the bed board updated without a reload: the client is now a resident
    await section.getByText('Er wacht nu niemand op een plek bij deze locatie.').waitFor({ timeout: WAIT_MS });
    await loc.getByRole('link', { name: 'Verona Verwezen' }).waitFor({ timeout: WAIT_MS });
    expect(errors).toEqual([]);
  });
});
