import { describe, expect, it } from 'vitest';
import { addDays, todayInNl } from '../src/platform/validation.js';
import { axeViolations, openMenu, rendered, settled, WAIT_MS, withAppAndBrowser } from './harness.js';

// Issue 17 in the browser: the public page of Kromhout-Kasperspad without login (375 px), a melding through its form,
// the melding on the worklist of the gemeente, a reply, the reply on the reporter's view; the business case
// recomputes when an assumption changes; axe finds no WCAG 2.1 AA violations on these pages.
const e2e = withAppAndBrowser();

async function staffPage(user: string, errors: string[]) {
  const page = await e2e.browser.newPage({ bypassCSP: true }); // bypassCSP: only to inject axe
  page.on('pageerror', (e) => errors.push(e.message));
  await e2e.login(page, user);
  return page;
}

describe('buurt: openbare pagina, melding, werklijst en business case', () => {
  it('takes a melding without login, shows it on the worklist and the reply on the reporter view', async () => {
    const errors: string[] = [];
    const anon = await e2e.browser.newPage({ bypassCSP: true, viewport: { width: 375, height: 800 } }); // bypassCSP: only to inject axe
    anon.on('pageerror', (e) => errors.push(e.message));
    await anon.goto(`${e2e.app.url}/openbaar/kromhout-kasperspad`);
    await anon
      .getByRole('heading', { level: 1, name: 'Crisisopvang Kromhout-Kasperspad' })
      .waitFor({ timeout: WAIT_MS });
    await settled(anon);
    await anon.getByText('Elke avond een ronde door de buurt').waitFor();
    expect(await axeViolations(anon)).toEqual([]);
    expect(await anon.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    const unique = `Glasscherven bij de ingang ${Date.now()} <script>alert(1)</script>`;
    const form = anon.getByRole('form', { name: 'Overlast melden' });
    await form.getByLabel('Wat voor overlast?').selectOption({ label: 'Afval of vervuiling' });
    await form.getByLabel('Wat gebeurde er?').fill(unique);
    await form.getByLabel('Waar was het?').fill('Kasperspad 3');
    await anon.waitForTimeout(3500); // the server refuses a form sent within 3 seconds of loading
    await form.getByRole('button', { name: 'Melding versturen' }).click();
    await anon.getByText('Bedankt, uw melding is ontvangen').waitFor({ timeout: WAIT_MS });
    await anon.getByRole('link', { name: 'Mijn melding volgen' }).click();
    await anon.getByRole('heading', { level: 1, name: 'Mijn melding' }).waitFor();
    await settled(anon);
    await anon.getByText(unique).waitFor(); // shown as text, not run as script
    const trackingUrl = anon.url();
    expect(await axeViolations(anon)).toEqual([]);

    const page = await staffPage('dordrecht.toegang', errors);
    await page.goto(`${e2e.app.url}/buurt/meldingen`);
    const card = page.locator('li.onderdak-kaart').filter({ hasText: unique });
    await card.waitFor({ timeout: WAIT_MS });
    await card.getByLabel('Reactie aan de melder').fill('Dank u, de scherven zijn opgeruimd.');
    await card.getByRole('button', { name: 'Reactie versturen' }).click();
    await card.getByText('Reactie aan de melder: Dank u, de scherven zijn opgeruimd.').waitFor({ timeout: WAIT_MS });
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);

    await anon.goto(trackingUrl);
    await anon.getByTestId('reactie').waitFor({ timeout: WAIT_MS });
    expect(await anon.getByTestId('reactie').textContent()).toBe('Dank u, de scherven zijn opgeruimd.');
    await anon.getByText('In behandeling').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('recomputes the business case when an assumption changes, and the pages pass axe', async () => {
    const errors: string[] = [];
    const page = await staffPage('dordrecht.beleid', errors);
    await page.goto(`${e2e.app.url}/buurt/locaties`);
    await page.getByRole('heading', { level: 1, name: 'Kandidaat-locaties' }).waitFor({ timeout: WAIT_MS });
    await settled(page);
    const section = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { level: 2, name: 'Leegstaand schoolgebouw' }) });
    const avoided = section.getByTestId(/-vermedenOpvangkosten$/);
    const before = await avoided.textContent();
    await section.getByLabel('Kosten van een nacht in de opvang (euro)').fill('170');
    await expect.poll(async () => avoided.textContent(), { timeout: WAIT_MS }).not.toBe(before);
    await section.getByRole('button', { name: 'Aannames opslaan' }).click();
    await expect
      .poll(async () => section.getByRole('button', { name: 'Aannames opslaan' }).isDisabled(), { timeout: WAIT_MS })
      .toBe(true);
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);

    for (const path of ['/buurt', '/buurt/monitor']) {
      await page.goto(`${e2e.app.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS });
      await settled(page);
      await rendered(page);
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.getByRole('heading', { level: 1, name: /^Leefbaarheidsmonitor/ }).waitFor();
    expect(errors).toEqual([]);
  });
  it('beleid changes the public page and judges an agreement; the neighbours see it without login', async () => {
    const errors: string[] = [];
    const page = await staffPage('dordrecht.beleid', errors);
    await page.setViewportSize({ width: 1366, height: 900 });
    await openMenu(page, "Openbare pagina's");
    await page.getByRole('heading', { level: 1, name: "Openbare pagina's" }).waitFor({ timeout: WAIT_MS });
    await page.getByRole('link', { name: 'Crisisopvang Kromhout-Kasperspad' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Openbare pagina: Crisisopvang Kromhout-Kasperspad' })
      .waitFor({ timeout: WAIT_MS });
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);

    const meeting = addDays(todayInNl(new Date()), 30);
    const place = `Buurthuis Het Kasperspad, zaal ${Date.now() % 1000}`;
    await page.getByRole('button', { name: 'Pagina wijzigen' }).click();
    const form = page.getByRole('form', { name: 'Openbare pagina wijzigen' });
    await form.getByLabel('Volgende bijeenkomst met de buurt').fill(meeting);
    await form.getByLabel('Plaats van de bijeenkomst').fill(place);
    await form.getByRole('button', { name: 'Pagina opslaan' }).click();
    await page.getByText('De openbare pagina is opgeslagen.').waitFor({ timeout: WAIT_MS });

    const what = `Maandelijks een inloopspreekuur voor de buurt ${Date.now()}`;
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    const af = page.getByRole('form', { name: 'Afspraak toevoegen' });
    await af.getByRole('button', { name: 'Afspraak vastleggen' }).click(); // empty: Dutch errors, nothing stored
    await page.getByText('Beschrijf de afspraak.').first().waitFor({ timeout: WAIT_MS });
    await af.getByLabel('Afspraak', { exact: true }).fill(what);
    await af.getByLabel('Wie voert de afspraak uit').fill('Leger des Heils');
    await af.getByRole('button', { name: 'Afspraak vastleggen' }).click();
    await page.getByText(`De afspraak "${what}" is vastgelegd`).waitFor({ timeout: WAIT_MS });
    await page.getByRole('button', { name: `Nagekomen: ${what}`, exact: true }).click();
    await page.getByText(`De afspraak "${what}" is beoordeeld als nagekomen.`).waitFor({ timeout: WAIT_MS });
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);

    const anon = await e2e.browser.newPage({ viewport: { width: 375, height: 800 } });
    anon.on('pageerror', (e) => errors.push(e.message));
    await anon.goto(`${e2e.app.url}/openbaar/kromhout-kasperspad`);
    await anon.getByText(what).waitFor({ timeout: WAIT_MS });
    expect(await anon.locator('li').filter({ hasText: what }).textContent()).toContain('Nagekomen.');
    await anon.getByText(place).waitFor();
    await anon.close();
    await page.close();
    expect(errors).toEqual([]);
  });
});
