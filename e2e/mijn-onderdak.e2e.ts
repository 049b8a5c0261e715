import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { B1_MAX_LIX, B1_MIN_FLESCH_DOUMA, readability } from '../src/platform/readability.js';
import { axeViolations, rendered, settled, withAppAndBrowser } from './harness.js';
import { naarPaginaMet } from './paginas.js';

// Issue 16 — Mijn Onderdak in the browser, as the demo client, at 375 and 1366 px: the page has no internal field
// (no UUID, no BSN, no ZRM domain names, no cause of homelessness), reads at B1, has no axe violations (WCAG 2.1 AA),
// and a message goes to the trajecthouder's task list and comes back with an answer. Screenshots are kept in
// e2e/artefacten/ (not in git).
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });
const e2e = withAppAndBrowser();

const CLIENT = 'dordrecht.client';
const STAFF = 'dordrecht.toegang';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** The ZRM domain names that must never reach the client (domain.md §3). */
const ZRM_NAMES = [
  'Financiën',
  'Werk & opleiding',
  'Tijdsbesteding',
  'Huisvesting',
  'Huiselijke relaties',
  'Geestelijke gezondheid',
  'Lichamelijke gezondheid',
  'Middelengebruik',
  'Basale ADL',
  'Instrumentele ADL',
  'Sociaal netwerk',
  'Maatschappelijke participatie',
  'Justitie',
];

async function clientPage(width: number) {
  const context = await e2e.browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true }); // bypassCSP: only so axe can be injected
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await e2e.login(page, CLIENT);
  return { page, context, errors };
}

async function openPortal(page: Page) {
  await page.getByRole('heading', { level: 1, name: /^Hallo / }).waitFor();
  await settled(page);
}

/** What a staff member knows about the demo client and the client must never see. */
async function internalsOfDemoClient(): Promise<{ clientId: string; bsn: string | null; aanleiding: string | null }> {
  const context = await e2e.browser.newContext();
  const page = await context.newPage();
  await e2e.login(page, CLIENT);
  const clientId = await page.evaluate(
    async () => (await (await fetch('/v1/sessies/huidig')).json()).gebruiker.clientId as string,
  );
  await context.close();
  const staff = await e2e.browser.newContext();
  const sp = await staff.newPage();
  await e2e.login(sp, STAFF);
  const c = await sp.evaluate(async (id) => (await fetch(`/v1/clienten/${id}`)).json(), clientId);
  await staff.close();
  return { clientId, bsn: c.bsn ?? null, aanleiding: c.aanleidingLabel ?? c.aanleiding ?? null };
}

describe('Mijn Onderdak (issue 16)', () => {
  for (const width of [1366, 375]) {
    it(`op ${width} px: de startpagina is Mijn Onderdak, zonder interne velden, B1, axe 0 schendingen`, async () => {
      const internals = await internalsOfDemoClient();
      const { page, context, errors } = await clientPage(width);
      await page.goto(`${e2e.app.url}/`);
      await openPortal(page);
      expect(new URL(page.url()).pathname).toBe('/mijn-onderdak');
      // the client's menu: Mijn Onderdak, nothing of the staff
      const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await expect.poll(() => menu.getByRole('link').allInnerTexts()).toEqual(['Mijn Onderdak']);
      for (const section of [
        'Waar je slaapt',
        'Je contactpersoon',
        'Je afspraken',
        'Je plan',
        'Wie heeft je dossier bekeken?',
      ])
        await page.getByRole('heading', { level: 2, name: section }).waitFor();
      await page.screenshot({ path: `${ARTIFACTS}mijn-onderdak-${width}.png`, fullPage: true });

      // nothing internal on the page: not in the text, and no UUID anywhere in the markup either
      const text = await page.locator('body').innerText();
      const html = await page.content();
      expect(text).not.toMatch(UUID);
      expect(html).not.toMatch(UUID);
      expect(text).not.toMatch(/Terug naar cliënten|Cliëntnummer|BSN/);
      if (internals.bsn) expect(text).not.toContain(internals.bsn);
      if (internals.aanleiding) expect(text).not.toContain(internals.aanleiding);
      for (const name of ZRM_NAMES) expect(text).not.toContain(name);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/); // dates as Dutch text, never ISO
      expect(text).toMatch(
        /\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/,
      );

      // readability of what the client reads (the main content) is in the B1 range
      const r = readability(await page.locator('main').innerText());
      expect(r.words).toBeGreaterThan(100);
      expect(r.fleschDouma).toBeGreaterThanOrEqual(B1_MIN_FLESCH_DOUMA);
      expect(r.lix).toBeLessThanOrEqual(B1_MAX_LIX);

      expect(await axeViolations(page)).toEqual([]);
      // works at this width: no sideways scrolling
      await rendered(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      // the staff dossier of the own file sends the client back to Mijn Onderdak
      await page.goto(`${e2e.app.url}/clienten/${internals.clientId}`);
      await openPortal(page);
      expect(new URL(page.url()).pathname).toBe('/mijn-onderdak');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('bericht → taak voor de trajecthouder → antwoord, terug te lezen in Mijn Onderdak', async () => {
    const vraag = `Mag ik volgende week later komen? (test ${Date.now()})`;
    const antwoord = 'Ja, dat is goed. Kom dinsdag om 11 uur.';
    const { page, context, errors } = await clientPage(375);
    await page.goto(`${e2e.app.url}/mijn-onderdak`);
    await openPortal(page);
    // issue 16: the form opens with a button; the focus moves into it
    const schrijf = page.getByRole('button', { name: 'Schrijf een bericht' });
    expect(await schrijf.getAttribute('aria-expanded')).toBe('false');
    await schrijf.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('bericht-soort-soort-eerste');
    await page.getByRole('textbox', { name: 'Je bericht' }).fill(vraag);
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.getByRole('status').filter({ hasText: 'Je bericht is verstuurd' }).waitFor();
    const mine = page.locator('#berichten li').filter({ hasText: vraag });
    await mine.getByText('Nog geen antwoord').waitFor();

    // the trajecthouder sees it as a task and answers it in the dossier
    const staffContext = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const staff = await staffContext.newPage();
    await e2e.login(staff, STAFF);
    await staff.goto(`${e2e.app.url}/mijn-taken`);
    const task = staff.getByRole('row').filter({ hasText: vraag.slice(0, 40) });
    const taken = staff.getByRole('table', { name: /^Mijn taken op / });
    expect(await naarPaginaMet(staff, task, "Pagina's met taken", taken)).toBe(true);
    await task.getByRole('link').first().click();
    const item = staff.locator('li').filter({ hasText: vraag });
    await item.getByLabel('Antwoord aan de cliënt').fill(antwoord);
    await item.getByRole('button', { name: 'Antwoord versturen' }).click();
    await staff.locator('li').filter({ hasText: vraag }).getByText(`: ${antwoord}`).waitFor();
    await staff.goto(`${e2e.app.url}/mijn-taken`);
    await staff.getByRole('heading', { level: 1 }).waitFor();
    await settled(staff);
    // on none of the pages
    expect(
      await naarPaginaMet(
        staff,
        staff.getByRole('row').filter({ hasText: vraag.slice(0, 40) }),
        "Pagina's met taken",
        taken,
      ),
    ).toBe(false);
    await staffContext.close();

    // the client reads the answer
    await page.reload();
    await openPortal(page);
    await mine.getByText(antwoord).waitFor();
    await expect.poll(() => mine.innerText()).toMatch(/Antwoord van .+ op \d{1,2} \p{L}+ \d{4}/u);
    await page.screenshot({ path: `${ARTIFACTS}mijn-onderdak-antwoord-375.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // a correction request needs to say what is wrong (error summary linked to the field)
    await page.getByRole('button', { name: 'Schrijf een bericht' }).click();
    await page.getByLabel('Er klopt iets niet in mijn gegevens').check();
    await page.getByRole('textbox', { name: 'Je bericht' }).fill('Mijn telefoonnummer is veranderd.');
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Kies wat er niet klopt.' }).waitFor();
    await page.getByLabel('Wat klopt er niet?').selectOption({ label: 'Mijn telefoonnummer' });
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.locator('#berichten li').filter({ hasText: 'Mijn telefoonnummer is veranderd.' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
