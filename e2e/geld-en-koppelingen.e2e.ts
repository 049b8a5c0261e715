import { describe, expect, it } from 'vitest';
import { todayInNl } from '../src/platform/validation.js';
import { axeViolations, dossierTab, settled, WAIT_MS, withAppAndBrowser } from './harness.js';

// Issue 19 in the browser: a BRP lookup (fake BRP in the demo) fills the registration form; the eigen bijdrage on the
// dossier; the monthly overview for the administration; the beheerder sees the aanmelding arrive in the (fake)
// zaaksysteem and makes a purge dry run. Every page passes axe (WCAG 2.1 AA), at 1366 and 375 px.
const e2e = withAppAndBrowser();
const today = todayInNl(new Date());

describe('geld en koppelingen', () => {
  it('BRP opzoeken vult de registratie; eigen bijdrage op het dossier; aanmelding gaat naar het zaaksysteem', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${e2e.app.url}/clienten/nieuw`);
    const brp = page.getByRole('form', { name: 'Opzoeken in de BRP' });
    await brp.getByLabel('BSN').fill('123');
    await brp.getByRole('button', { name: 'Opzoeken in de BRP' }).click();
    await brp.getByText('Dit is geen geldig BSN').first().waitFor();
    await brp.getByLabel('BSN').fill('999900006');
    await brp.getByRole('button', { name: 'Opzoeken in de BRP' }).click();
    await brp.getByText('Gevonden in de BRP').waitFor();
    await expect.poll(() => page.getByLabel('Voornaam').inputValue(), { timeout: WAIT_MS }).toBe('Johannes');
    expect(await page.getByLabel('Achternaam').inputValue()).toBe('Visser');
    expect(await page.getByLabel('Geboortedatum').inputValue()).toBe('1979-03-14');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Herkomst').selectOption({ label: 'Dordrecht' });
    await page.getByRole('button', { name: 'Cliënt registreren' }).click();
    const dubbel = page.getByRole('button', { name: 'Toch nieuwe cliënt aanmaken' });
    const heading = page.getByRole('heading', { level: 1, name: 'Johannes Visser' });
    await Promise.race([heading.waitFor(), dubbel.waitFor().then(() => dubbel.click())]);
    await heading.waitFor();

    await page.getByRole('button', { name: 'Nieuwe aanmelding' }).click();
    const reg = page.getByRole('form', { name: 'Nieuwe aanmelding' });
    await reg.getByLabel('Datum').fill(today);
    await reg.getByLabel('Bron').selectOption({ label: 'Meldpunt Zorg & Overlast' });
    await reg.getByRole('button', { name: 'Aanmelding opslaan' }).click();
    await reg.waitFor({ state: 'detached' });

    await dossierTab(page, 'Eigen bijdrage'); // issue 16: its own tab of the dossier
    const eb = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Eigen bijdrage' }) });
    await eb.getByText('Nachten geteld').waitFor();
    await eb.getByRole('button', { name: 'Betaling vastleggen' }).click(); // issue 16: forms open on request
    const pay = page.getByRole('form', { name: 'Betaling vastleggen' });
    await pay.getByLabel('Bedrag in euro').fill('veel');
    await pay.getByRole('button', { name: 'Betaling opslaan' }).click();
    await pay.getByText('Vul een bedrag groter dan 0 in').first().waitFor();
    await pay.getByLabel('Bedrag in euro').fill('12,50');
    await pay.getByRole('button', { name: 'Betaling opslaan' }).click();
    await pay.getByText('De betaling is opgeslagen.').waitFor();
    await expect.poll(async () => (await eb.textContent()) ?? '', { timeout: WAIT_MS }).toContain('12,50');
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'e2e/artefacten/geld-dossier.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('het maandoverzicht en het budget voor de administratie, ook op 375 px', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');
    await page.goto(`${e2e.app.url}/geld`);
    await page.getByRole('heading', { level: 1, name: 'Eigen bijdrage en budget' }).waitFor();
    await page.getByRole('link', { name: /downloaden \(CSV voor Excel\)/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Kosten tegen het regionale budget' }).waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('beheer: de aanmelding staat in het zaaksysteem; proefrun bewaartermijnen', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.beheer');
    await page.goto(`${e2e.app.url}/beheer/koppelingen-en-bewaartermijnen`);
    await page.getByRole('heading', { level: 1, name: 'Koppelingen en bewaartermijnen' }).waitFor();
    const zs = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Zaaksysteem' }) });
    // the dispatcher delivers the zaak and its first status in the background
    await expect
      .poll(async () => zs.getByRole('cell', { name: 'Verzonden' }).count(), { timeout: WAIT_MS })
      .toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Proefrun: welke dossiers zijn verlopen?' }).click();
    await page.getByText(/^Proefrun op .*dossiers te vernietigen$/).waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'e2e/artefacten/geld-beheer.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
