import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, launchBrowser, type RunningApp } from './harness.js';

let app: RunningApp;
let browser: Browser;
const PASSWORD = 'Onderdak-demo-2026';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function login(page: Page, user: string) {
  await page.goto(`${app.url}/inloggen`);
  await page.getByLabel('Gebruikersnaam').fill(user);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

describe('toegang: vroegsignalering met een CSV-bestand', () => {
  it('uploadt een CSV met één foute regel, ziet de fout in de voorvertoning, verwerkt en ziet de goede signalen op de werklijst', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, 'dordrecht.toegang');
    await page.getByRole('link', { name: 'Preventie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Preventie: vroegsignalering' }).waitFor();

    const csv = [
      'bron;bronnaam;referentie;datum;voornaam;achternaam;geboortedatum;bsn;postcode;huisnummer;bedrag;maanden',
      `corporatie;Trivire;E2E-1;${today};Geertruida;Vroegsignaal;;;3311 AB;12;1.250,00;3`,
      `energie;Eneco;E2E-2;${today};Fout;Regelman;;123456789;3311AB;4;95,00;1`,
      `water;Evides;E2E-3;${today};Hendrika;Achterstand;;;3312CD;8;95,40;2`,
    ].join('\n');
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'signalen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Voorvertoning maken' }).click();

    const warning = page.getByRole('alert').filter({ hasText: 'Regel 3' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('elfproef');
    const preview = page.getByRole('table', { name: 'Regels van signalen.csv' });
    await preview.waitFor();
    const badRow = preview.getByRole('row').filter({ hasText: 'Regelman' });
    expect(await badRow.textContent()).toMatch(/Fout.*BSN: Dit BSN is ongeldig/);
    expect(await preview.getByRole('row').count()).toBe(4); // header + 3

    await page.getByRole('button', { name: /Verwerken: 2 signalen opslaan/ }).click();
    const done = page.getByRole('status').filter({ hasText: 'Bestand verwerkt' });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/2 signalen opgeslagen.*1 afgewezen \(regel 3\)/);

    const worklist = page.getByRole('table', { name: /Preventiezaken/ });
    await worklist.getByRole('link', { name: 'Geertruida Vroegsignaal' }).waitFor();
    await worklist.getByRole('link', { name: 'Hendrika Achterstand' }).waitFor();
    expect(await worklist.getByText('Fout Regelman').count()).toBe(0);

    // The case opens with its signal; a first step moves it on.
    await worklist.getByRole('link', { name: 'Geertruida Vroegsignaal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Preventiezaak Geertruida Vroegsignaal' }).waitFor();
    expect(await page.getByText('3311AB 12').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
