import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, todayInNl } from '../src/platform/validation.js';
import { dossierTab, openMenu, withAppAndBrowser } from './harness.js';
import { naarPaginaMet } from './paginas.js';

// Issue 12 (afronding) in the browser: a case handed over to a colleague stays on the colleague's task list until
// "Gezien", and the sender then sees when it was seen; an appointment is changed and cancelled with a reason, and
// its history shows both.
const e2e = withAppAndBrowser();
const today = todayInNl(new Date());
const PASSWORD = 'Onderdak-demo-2026';
const NEW_PASSWORD = 'Collega-overdracht-2026!';

/** JSON calls with the page's own session (CSRF token from the current session). */
function api(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const s = await (await fetch('/v1/sessies/huidig')).json();
      const r = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: await r.json() };
    },
    { method, url, body },
  );
}

describe('dagelijks werk in de browser', () => {
  it('overdracht aan een collega: op diens takenlijst tot "Gezien"; de overdrager ziet daarna wanneer', async () => {
    // a second toegang worker, made by the beheerder
    const { page: beheer, errors } = await e2e.loggedInPage('dordrecht.beheer');
    const u = await api(beheer, 'POST', '/v1/gebruikers', {
      gebruikersnaam: 'dordrecht.collega',
      naam: 'Collega Overdracht',
      rol: 'toegang',
      wachtwoord: PASSWORD,
    });
    expect(u.status, JSON.stringify(u.body)).toBe(201);

    // an admitted client of the demo trajecthouder
    const { page } = await e2e.loggedInPage('dordrecht.toegang', errors);
    const clientId = await page.evaluate(async (datum) => {
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
        voornaam: 'Olga',
        achternaam: 'Overdracht',
        geboortedatum: '1979-04-04',
        herkomstGemeentecode: '0505',
      });
      const a = await post('/v1/aanmeldingen', { clientId: c.id, datum, bron: 'zelf' });
      await post(`/v1/aanmeldingen/${a.id}/besluiten`, { uitkomst: 'toegang', datum });
      return c.id as string;
    }, today);
    await page.goto(`${e2e.app.url}/clienten/${clientId}`);
    await page.getByRole('heading', { level: 1, name: 'Olga Overdracht' }).waitFor();
    await page.getByRole('button', { name: 'Casus overdragen' }).click();
    const form = page.getByRole('region', { name: 'Casus overdragen aan een collega' });
    await form.getByLabel('Nieuwe trajecthouder').selectOption({ label: 'Collega Overdracht (0 cliënten)' });
    await form.getByLabel('Notitie voor de collega').fill('Olga belt liever na de middag.');
    await form.getByRole('button', { name: 'Overdragen' }).click();
    const samenvatting = page.getByTestId('dossiersamenvatting');
    await samenvatting.getByText(/Aan Collega Overdracht door .* nog niet gezien/).waitFor();

    // the colleague: first login asks for an own password; then the handover is on the task list
    const collega = await e2e.browser.newPage();
    collega.on('pageerror', (e) => errors.push(e.message));
    await collega.goto(`${e2e.app.url}/inloggen`);
    await collega.getByLabel('Gebruikersnaam').fill('dordrecht.collega');
    await collega.getByLabel('Wachtwoord').fill(PASSWORD);
    await collega.getByRole('button', { name: 'Inloggen' }).click();
    const kies = collega.getByRole('form', { name: 'Nieuw wachtwoord kiezen' });
    await kies.getByLabel('Huidig wachtwoord').fill(PASSWORD);
    await kies.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
    await kies.getByLabel('Nieuw wachtwoord nog een keer').fill(NEW_PASSWORD);
    await kies.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await collega.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await openMenu(collega, 'Mijn taken');
    await collega.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
    const rij = collega.getByRole('row').filter({ hasText: 'Olga Overdracht' }).filter({ hasText: 'Overgedragen' });
    const taken = collega.getByRole('table', { name: /^Mijn taken op / });
    expect(await naarPaginaMet(collega, rij, "Pagina's met taken", taken)).toBe(true);
    await rij.getByText('Olga belt liever na de middag.').waitFor();
    await rij.getByRole('button', { name: /Gezien/ }).click();
    await expect.poll(async () => rij.count()).toBe(0);

    // the sender sees that it was seen
    await page.reload();
    await samenvatting.getByText(/Aan Collega Overdracht door .*, gezien op /).waitFor();
    expect(errors).toEqual([]);
  });

  it('afspraak wijzigen en annuleren met een reden; de geschiedenis toont beide', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');
    await openMenu(page, 'Mijn cliënten');
    await page.getByRole('heading', { level: 1, name: 'Mijn cliënten' }).waitFor();
    const link = page.getByRole('table', { name: 'Mijn cliënten' }).getByRole('link').first();
    const naam = (await link.textContent())!.trim();
    await link.click();
    await page.getByRole('heading', { level: 1, name: naam }).waitFor();

    const morgen = addDays(today, 1);
    await dossierTab(page, 'Afspraken'); // issue 16: the dossier in tabs
    await page.getByRole('button', { name: 'Afspraak maken' }).click();
    const nieuw = page.getByRole('region', { name: 'Afspraak maken' });
    await nieuw.getByLabel('Datum').fill(morgen);
    await nieuw.getByLabel('Tijd').fill('10:15');
    await nieuw.getByLabel('Met wie').fill('Budgetcoach Wijzig');
    await nieuw.getByLabel('Waar').fill('Wijkcentrum Noord');
    await nieuw.getByRole('button', { name: 'Afspraak opslaan' }).click();
    const tabel = page.getByRole('table', { name: 'Afspraken, komende eerst' });
    const rij = tabel.getByRole('row').filter({ hasText: 'Budgetcoach Wijzig' });
    await rij.waitFor();

    await rij.getByRole('button', { name: /^Wijzigen/ }).click();
    const wijzig = page.getByRole('region', { name: 'Afspraak wijzigen' });
    await wijzig.getByLabel('Tijd').fill('11:30');
    await wijzig.getByLabel('Waar').fill('Stadskantoor');
    await wijzig.getByLabel('Reden van de wijziging').fill('Wijkcentrum gesloten');
    await wijzig.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await rij.getByRole('cell', { name: '11:30', exact: true }).waitFor();
    await rij.getByText('Geschiedenis (2)').click();
    await rij.getByText(/Tijd 10:15 → 11:30 \(reden: Wijkcentrum gesloten\)/).waitFor();

    await rij.getByRole('button', { name: /^Annuleren \(afspraak/ }).click();
    const annuleer = page.getByRole('region', { name: 'Afspraak annuleren' });
    await annuleer.getByRole('button', { name: 'Afspraak annuleren' }).click();
    await annuleer.getByText('Vermeld waarom de afspraak niet doorgaat.').first().waitFor();
    await annuleer.getByLabel('Reden van annuleren').fill('Cliënt heeft een sollicitatiegesprek');
    await annuleer.getByRole('button', { name: 'Afspraak annuleren' }).click();
    await rij.getByText('Geannuleerd').first().waitFor();
    await rij.getByText('(Cliënt heeft een sollicitatiegesprek)').waitFor();
    expect(await rij.getByRole('button', { name: /^Wijzigen/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
