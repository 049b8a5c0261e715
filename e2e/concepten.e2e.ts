import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withAppAndBrowser } from './harness.js';

// Issue 16: a session that expires while typing keeps the draft and returns to the page after login. Drafts are
// generic (web/src/ui/concept.ts): every form in an <Uitklap> and every <Formulier concept=…> keeps what is typed.
// The session is ended on the server (DELETE /v1/sessies/huidig, as an expired or revoked session would be), then the
// user submits or reloads, logs in again on the login page, and finds the page with the form and the text.
const e2e = withAppAndBrowser();

/** Ends the session on the server, the way it expires: the page does not know yet. */
async function verloopSessie(page: Page): Promise<void> {
  const status = await page.evaluate(async () => {
    const s = await (await fetch('/v1/sessies/huidig')).json();
    const r = await fetch('/v1/sessies/huidig', { method: 'DELETE', headers: { 'X-CSRF-Token': s.csrfToken } });
    return r.status;
  });
  expect(status).toBe(204);
  const nu = await page.evaluate(async () => (await fetch('/v1/sessies/huidig')).status);
  expect(nu).toBe(401);
}

async function opnieuwInloggen(page: Page, gebruiker: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(gebruiker);
  await page.getByLabel('Wachtwoord').fill('Onderdak-demo-2026');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

describe('concepten van formulieren', () => {
  it('een verlopen sessie houdt het concept: na opnieuw inloggen terug op de pagina, formulier open met de tekst', async () => {
    const client = await e2e.loggedInPage('dordrecht.client');
    await client.page.getByRole('heading', { level: 1, name: /^Hallo / }).waitFor();
    const clientId = await client.page.evaluate(
      async () => (await (await fetch('/v1/sessies/huidig')).json()).gebruiker.clientId as string,
    );
    await client.page.close();

    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');
    await page.goto(`${e2e.app.url}/clienten/${clientId}?tab=journaal`);
    await page.getByRole('heading', { level: 2, name: 'Rapportage' }).waitFor();
    await page.getByRole('button', { name: 'Rapportage schrijven' }).click();
    const form = page.getByRole('region', { name: 'Rapportage schrijven' });
    await form.getByLabel('Soort').selectOption({ label: 'Contact' });
    const tekst = 'Lang gesprek over de woningzoektocht; volgende week samen naar Woonkeus.';
    await form.getByLabel('Wat gebeurde er?').fill(tekst);
    await form.getByLabel('De cliënt mag deze rapportage lezen').check();

    // the session ends on the server; the user presses Opslaan → the login page, with the way back
    await verloopSessie(page);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/inloggen\?terug=/);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('terug') ?? '')).toBe(
      `/clienten/${clientId}?tab=journaal`,
    );
    await opnieuwInloggen(page, 'dordrecht.toegang');

    // back on the dossier's journal tab, the form open with everything that was typed and chosen
    await page.waitForURL(new RegExp(`/clienten/${clientId}\\?tab=journaal$`));
    const terug = page.getByRole('region', { name: 'Rapportage schrijven' });
    await expect.poll(() => terug.getByLabel('Wat gebeurde er?').inputValue()).toBe(tekst);
    await expect.poll(() => terug.getByLabel('Soort').inputValue()).toBe('contact');
    expect(await terug.getByLabel('De cliënt mag deze rapportage lezen').isChecked()).toBe(true);

    // saving now works and ends the draft: after a reload the form is closed and empty
    await terug.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('rapportage').filter({ hasText: tekst }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Rapportage' }).waitFor();
    await page.getByRole('button', { name: 'Rapportage schrijven' }).waitFor();
    expect(await page.getByRole('region', { name: 'Rapportage schrijven' }).count()).toBe(0);
    expect(
      await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('onderdak-concept:'))),
    ).toEqual([]);

    // cancelling ends a draft too; Escape closes an open form
    await page.getByRole('button', { name: 'Rapportage schrijven' }).click();
    await page.getByRole('region', { name: 'Rapportage schrijven' }).getByLabel('Wat gebeurde er?').fill('Weg ermee');
    await page.getByRole('region', { name: 'Rapportage schrijven' }).getByRole('button', { name: 'Annuleren' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Rapportage schrijven' }).click();
    const leeg = page.getByRole('region', { name: 'Rapportage schrijven' });
    expect(await leeg.getByLabel('Wat gebeurde er?').inputValue()).toBe('');
    await leeg.getByLabel('Wat gebeurde er?').press('Escape');
    await page.getByRole('button', { name: 'Rapportage schrijven' }).waitFor();
    expect(await page.getByRole('region', { name: 'Rapportage schrijven' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('ook een los formulier (dienstoverdracht) houdt zijn concept na herladen zonder sessie; uitloggen wist het', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.locatie');
    const notitie = page.getByRole('textbox', { name: 'Notitie voor de volgende dienst' });
    await notitie.waitFor();
    const tekst = 'Bewoner kamer 4 komt laat terug van zijn werk, deur openhouden.';
    await notitie.fill(tekst);

    await verloopSessie(page);
    await page.reload(); // a navigation without a session → the login page
    await opnieuwInloggen(page, 'dordrecht.locatie');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Notitie voor de volgende dienst' }).inputValue())
      .toBe(tekst);

    // logging out removes every draft: the next login starts empty
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(
      await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('onderdak-concept:'))),
    ).toEqual([]);
    await opnieuwInloggen(page, 'dordrecht.locatie');
    await page.getByRole('textbox', { name: 'Notitie voor de volgende dienst' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Notitie voor de volgende dienst' }).inputValue()).toBe('');
    expect(errors).toEqual([]);
  });
});
