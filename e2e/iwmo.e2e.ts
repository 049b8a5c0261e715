import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readBericht, write305, write307, write315, write323 } from '../src/areas/iwmo/messages.js';
import { datumTekst } from '../src/platform/dates.js';
import { addDays, daysBetween, todayInNl } from '../src/platform/validation.js';
import { axeViolations, openMenu, settled, withAppAndBrowser } from './harness.js';

// Issue 19 in the browser: the toegang (the role that may toewijzen and work the iWmo worklist, src/rights/rights.ts)
// downloads the 301 of a demo placement, reads in the provider's 305, 307, a wrong 323 and a 315 as files (built here
// from the same writers the unit tests use), sees them matched to the stay, the declaratie flagged with the
// difference in nights, answers the 315 with a 319, and gets a clear Dutch reason for a file that is not iWmo XML.
const e2e = withAppAndBrowser();
const today = todayInNl(new Date());

const tag = (xml: string, name: string) => {
  const m = new RegExp(`<(?:\\w+:)?${name}>([^<]*)</`).exec(xml);
  if (!m) throw new Error(`${name} ontbreekt in het bericht`);
  return m[1]!;
};

async function upload(page: Page, bestandsnaam: string, inhoud: string) {
  await page.getByLabel('XML-bestand (305, 307, 315, 317 of 323)').setInputFiles({
    name: bestandsnaam,
    mimeType: 'application/xml',
    buffer: Buffer.from(inhoud, 'utf8'),
  });
  await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
}

/**
 * Issue 16: "Alle berichten" is paged (newest first). From page 1, pages on until `rij` is in view; fails with the
 * usual wait when it is on no page.
 */
async function zoekInAlleBerichten(page: Page, rij: ReturnType<Page['locator']>) {
  const alle = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Alle berichten' }) });
  const stand = alle.getByText(/^\d+–\d+ van \d+ berichten$/).first();
  const knop = (naam: string) =>
    alle.getByRole('navigation', { name: "Pagina's van alle berichten" }).first().getByRole('button', { name: naam });
  await stand.waitFor();
  while (await knop('Vorige').isEnabled()) await knop('Vorige').click();
  for (let i = 0; i < 50 && !(await rij.count()) && (await knop('Volgende').isEnabled()); i++) {
    const was = await stand.textContent();
    await knop('Volgende').click();
    await expect.poll(() => stand.textContent()).not.toBe(was);
  }
  await rij.first().waitFor();
}

describe('iWmo-berichten', () => {
  it('301 downloaden; 305, 307, 323 en 315 inlezen; verschil afhandelen; 315 beantwoorden met een 319', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${e2e.app.url}/iwmo`);
    await page.getByRole('heading', { level: 1, name: 'iWmo-berichten' }).waitFor();
    const alle = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Alle berichten' }) });
    const rij301 = alle.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '301 toewijzing' }) });
    await zoekInAlleBerichten(page, rij301);
    await rij301.first().waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);

    // the 301 as the provider downloads it: XML, message code 414 (= 301), sent by the gemeente to the AGB code
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rij301
        .first()
        .getByRole('link', { name: /^Download/ })
        .click(),
    ]);
    const xml301 = fs.readFileSync((await download.path())!, 'utf8');
    expect(xml301.startsWith('<?xml')).toBe(true);
    const gelezen = readBericht(xml301);
    if (gelezen.soort !== '301') throw new Error(`verwacht een 301, kreeg ${gelezen.soort}`);
    expect(gelezen.header.berichtcode).toBe('414');
    expect(download.suggestedFilename()).toMatch(/^WMO301_\d{4}_\d{8}_.+\.xml$/);
    const gemeente = gelezen.header.afzender;
    const agbCode = gelezen.header.ontvanger;
    const toewijzingNummer = Number(tag(xml301, 'ToewijzingNummer'));
    const categorie = tag(xml301, 'Categorie');
    const ingang = tag(xml301, 'Ingangsdatum');
    const client = gelezen.client;
    const naam = `${client.voornamen} ${client.achternaam}`;
    let seq = 0;
    const vanAanbieder = () => ({ agbCode, gemeente, identificatie: `E2E${++seq}`, dagtekening: today });
    const inlezen = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'Bestand van de zorgaanbieder inlezen' }),
    });

    // errors first: no file, then a file that is not iWmo XML — each with a Dutch reason
    await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
    await inlezen.getByText('Kies eerst een XML-bestand van de zorgaanbieder.').waitFor();
    await upload(page, 'notities.txt', 'Dit is een notitie, geen bericht.');
    const weigering = inlezen.getByRole('alert').filter({ hasText: 'Het bestand is niet ingelezen' });
    await weigering.getByText(/geen geldige XML/).waitFor();
    await upload(page, 'factuur.xml', '<?xml version="1.0"?><factuur><regel/></factuur>');
    await weigering.getByText(/hoofdelement is geen Bericht/).waitFor();

    // 305 on the first day of the toewijzing: matched to the stay without a difference; focus moves to the outcome
    const bsnClient = { ...client };
    await upload(
      page,
      'start.xml',
      write305({
        ...vanAanbieder(),
        client: bsnClient,
        starts: [{ toewijzingNummer, categorie, toewijzingIngangsdatum: ingang, begindatum: ingang }],
      }),
    );
    const start = inlezen.getByRole('status').filter({ hasText: '305 start zorg ingelezen' });
    await start.waitFor();
    expect(await start.textContent()).toContain('305 start zorg ingelezen: Verwerkt');
    expect(await start.textContent()).not.toContain('met verschillen');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('305 start zorg ingelezen');
    expect(await page.getByLabel('XML-bestand (305, 307, 315, 317 of 323)').inputValue()).toBe('');

    // 307 while the client still stays: matched, and the difference lands on the worklist
    await upload(
      page,
      'stop.xml',
      write307({
        ...vanAanbieder(),
        client: bsnClient,
        stops: [
          {
            toewijzingNummer,
            categorie,
            toewijzingIngangsdatum: ingang,
            begindatum: ingang,
            einddatum: today,
            reden: '19',
          },
        ],
      }),
    );
    await inlezen
      .getByRole('status')
      .filter({ hasText: '307 stop zorg ingelezen: Verwerkt, met verschillen' })
      .waitFor();
    const verschillen = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'Verschillen om uit te zoeken' }),
    });
    const verschil = verschillen.getByRole('listitem').filter({ hasText: `307 stop zorg — ${naam}` });
    await verschil.first().waitFor();
    const open = await verschillen.getByRole('listitem').count();
    await verschil.first().getByLabel('Hoe is het opgelost?').fill('Zorgaanbieder gebeld: stop was te vroeg.');
    await verschil.first().getByRole('button', { name: 'Afhandelen' }).click();
    await expect.poll(() => verschillen.getByRole('listitem').count()).toBe(open - 1);

    // a 323 with three nights more than Onderdak counted (nights up to and including yesterday): flagged
    const geteld = daysBetween(ingang, addDays(today, -1)) + 1;
    const volume = geteld + 3;
    await upload(
      page,
      'declaratie.xml',
      write323({
        ...vanAanbieder(),
        declaratienummer: 'DE2E1',
        periode: { begindatum: ingang, einddatum: today },
        clienten: [
          {
            bsn: client.bsn,
            prestaties: [
              {
                referentie: 'PE2E1',
                toewijzingNummer,
                categorie,
                productcode: categorie === '17' ? '17A01' : '16A01',
                begindatum: ingang,
                einddatum: today,
                volume,
                eenheid: '14',
                tarief: 5000,
                bedrag: volume * 5000,
              },
            ],
          },
        ],
      }),
    );
    await inlezen
      .getByRole('status')
      .filter({ hasText: '323 declaratie ingelezen: Verwerkt, met verschillen' })
      .waitFor();
    const regels = inlezen.getByRole('table', { name: 'Declaratieregels tegen de getelde nachten' });
    const regel = regels.getByRole('row').filter({ hasText: 'PE2E1' });
    expect(await regel.getByRole('cell').allTextContents()).toEqual([
      `${datumTekst(ingang)} t/m ${datumTekst(today)}`, // dates as Dutch text (issue 16)
      String(volume),
      String(geteld),
      expect.stringContaining('€'),
      `Afgekeurd: ${volume} etmalen gedeclareerd, Onderdak telde ${geteld} nachten.`,
    ]);
    await verschillen.getByText(`Onderdak telde ${geteld} nachten`).first().waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);

    // a 315 lands on the toegang worklist; refusing without a reason is stopped, with a reason it becomes a 319
    await upload(
      page,
      'verzoek.xml',
      write315({
        ...vanAanbieder(),
        client: bsnClient,
        producten: [{ referentie: 'RE2E1', categorie: '17', ingangsdatum: today, einddatum: null }],
      }),
    );
    await inlezen.getByRole('status').filter({ hasText: '315 verzoek om toewijzing ingelezen' }).waitFor();
    const verzoeken = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'Verzoeken om toewijzing of wijziging' }),
    });
    const verzoek = verzoeken.getByRole('listitem').filter({ hasText: 'referentie RE2E1' });
    await verzoek.getByRole('heading', { level: 3, name: `315 verzoek om toewijzing: ${naam}` }).waitFor();
    await verzoek.getByLabel('Antwoord').selectOption({ label: 'Afwijzen (319)' });
    await verzoek.getByRole('button', { name: 'Antwoord versturen' }).click();
    await verzoek.getByText('Kies een reden van afwijzing.').waitFor();
    await verzoek.getByLabel('Reden van afwijzing').selectOption({ label: 'Stapeling' });
    await verzoek.getByRole('button', { name: 'Antwoord versturen' }).click();
    await verzoeken.getByRole('status').filter({ hasText: 'Beantwoord met bericht 319' }).waitFor();
    await verzoek.waitFor({ state: 'detached' });

    // the 319 is in the outbox, as XML in the wmo319 namespace, from the gemeente to the same provider
    const rij319 = alle
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '319 antwoord op verzoek' }) })
      .filter({ hasText: naam });
    await zoekInAlleBerichten(page, rij319); // the demo may hold messages stamped later today: search, do not assume page 1
    const [download319] = await Promise.all([
      page.waitForEvent('download'),
      rij319
        .first()
        .getByRole('link', { name: /^Download/ })
        .click(),
    ]);
    const xml319 = fs.readFileSync((await download319.path())!, 'utf8');
    const antwoord = readBericht(xml319);
    expect(antwoord.soort).toBe('319');
    expect(antwoord.header).toMatchObject({ afzender: gemeente, ontvanger: agbCode });
    expect(xml319).toContain('RE2E1');

    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('AGB-codes: de beheerder ziet de gemeentecode, krijgt een Nederlandse fout bij een verkeerde code en slaat op', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.beheer');
    await page.setViewportSize({ width: 1366, height: 900 });
    await openMenu(page, 'AGB-codes iWmo');
    await page.getByRole('heading', { level: 1, name: 'AGB-codes voor iWmo' }).waitFor();
    await page.getByText(/gemeentecode \d{4}/).waitFor();
    const formulieren = page.getByRole('main').getByRole('form');
    await formulieren.first().waitFor();
    expect(await formulieren.count()).toBeGreaterThanOrEqual(2);
    const eerste = formulieren.nth(0);
    const tweede = formulieren.nth(1);
    const codeEerste = await eerste.getByLabel('AGB-code').inputValue();
    expect(codeEerste).toMatch(/^\d{8}$/);
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);

    // not 8 digits: a Dutch error at the field, and the focus goes there
    await tweede.getByLabel('AGB-code').fill('1234');
    await tweede.getByRole('button', { name: /^AGB-code opslaan/ }).click();
    await tweede.getByText('Een AGB-code heeft precies 8 cijfers, zoals 41000010.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).toBe(
      await tweede.getByLabel('AGB-code').getAttribute('id'),
    );
    expect(await axeViolations(page)).toEqual([]);

    // the code of another location: refused by the server, with the reason
    await tweede.getByLabel('AGB-code').fill(codeEerste);
    await tweede.getByRole('button', { name: /^AGB-code opslaan/ }).click();
    await tweede
      .getByRole('alert')
      .filter({ hasText: `AGB-code ${codeEerste} hoort al bij locatie` })
      .waitFor();

    // the first location keeps its code under a new provider name, which stays after a reload
    await eerste.getByLabel('Naam van de zorgaanbieder').fill('Leger des Heils Zuid-Holland Zuid');
    await eerste.getByRole('button', { name: /^AGB-code opslaan/ }).click();
    await eerste
      .getByRole('status')
      .filter({ hasText: `AGB-code ${codeEerste}` })
      .waitFor();
    await page.reload();
    await formulieren.first().waitFor();
    expect(await formulieren.nth(0).getByLabel('Naam van de zorgaanbieder').inputValue()).toBe(
      'Leger des Heils Zuid-Holland Zuid',
    );
    await page.setViewportSize({ width: 375, height: 800 });
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);

    // beleid may set them too; the toegang does not see the page in the menu
    const beleid = await e2e.loggedInPage('dordrecht.beleid');
    await openMenu(beleid.page, 'AGB-codes iWmo');
    await beleid.page.getByRole('heading', { level: 1, name: 'AGB-codes voor iWmo' }).waitFor();
    const toegang = await e2e.loggedInPage('dordrecht.toegang');
    const menu = toegang.page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'iWmo', exact: true, includeHidden: true }).waitFor({ state: 'attached' });
    expect(await menu.getByRole('link', { name: 'AGB-codes iWmo', includeHidden: true }).count()).toBe(0);
    expect([...beleid.errors, ...toegang.errors]).toEqual([]);
  });
});
