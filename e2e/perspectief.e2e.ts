import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInNl } from '../src/platform/validation.js';
import { openMenu, withAppAndBrowser } from './harness.js';

// Issue 4 in the browser: a toegangsmedewerker makes a perspectiefplan with a goal and an action for a placed client
// (one from the late-plans worklist), signs it, changes it and signs again (two versions, the first printable as
// signed), and sees the doorstroomoverleg sorted by urgency; in the doorstroomoverleg the next step of a blockade is
// changed in place.
const e2e = withAppAndBrowser();
const today = todayInNl(new Date());
const inDays = (n: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

async function dagenKolom(page: Page): Promise<number[]> {
  const table = page.getByRole('table', { name: /Werklijst doorstroomoverleg/ });
  await table.waitFor();
  const cells = await table.locator('tbody tr td:nth-child(3)').allTextContents();
  return cells.map((c) => Number(c.trim()));
}

describe('werken aan perspectief in de browser', () => {
  it('maakt een plan met doel en actie voor een geplaatste cliënt en toont het doorstroomoverleg op urgentie', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');

    await openMenu(page, 'Doorstroomoverleg');
    await page.getByRole('heading', { level: 1, name: 'Doorstroomoverleg' }).waitFor();
    const before = await dagenKolom(page);
    // issue 16: the worklist is paged (6 rows, its rows are high), "1–6 van N"; page 2 continues the order
    expect(before.length).toBe(6);
    const status = (await page
      .getByText(/^1–6 van \d+ cliënten$/)
      .first()
      .textContent())!;
    expect(Number(status.match(/van (\d+)/)![1])).toBeGreaterThanOrEqual(30);
    expect(before).toEqual([...before].sort((a, b) => b - a));
    expect(before[0]).toBeGreaterThan(91);
    await expect(page.getByText('Boven 91 dagen').first().isVisible()).resolves.toBe(true);
    await page
      .getByRole('navigation', { name: "Pagina's van de werklijst" })
      .first()
      .getByRole('button', { name: 'Volgende' })
      .click();
    await page
      .getByText(/^7–12 van \d+ cliënten$/)
      .first()
      .waitFor();
    const tweede = await dagenKolom(page);
    expect(tweede.length).toBe(6);
    expect([...before, ...tweede]).toEqual([...before, ...tweede].sort((a, b) => b - a));

    // a placed client without a plan after 5 days (issue 16: behind a summary with the count)
    await page.locator('summary', { hasText: /^Te late perspectiefplannen \(\d+\)$/ }).click();
    const late = page.getByRole('table', { name: 'Geplaatste cliënten zonder perspectiefplan na 5 dagen' });
    const link = late.getByRole('link').first();
    const naam = (await link.textContent())!.trim();
    await link.click();
    await page.getByRole('heading', { level: 1, name: naam }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Werken aan perspectief' }).waitFor();
    await expect(page.getByText('Te laat: nog geen plan').first().isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Perspectiefplan opstellen' }).click();
    const planForm = page.getByRole('region', { name: 'Perspectiefplan opstellen' });
    await planForm
      .getByLabel('In de eigen woorden van de cliënt')
      .fill('Ik wil een eigen kamer in Dordrecht en weer aan het werk.');
    await planForm.getByLabel('Wensen van de cliënt').fill('Dichtbij mijn zus');
    await planForm.getByRole('button', { name: 'Plan opstellen' }).click();
    await page.getByText('Te laat opgesteld').first().waitFor();

    await page.getByRole('button', { name: 'Doel toevoegen' }).click();
    const goalForm = page.getByRole('region', { name: 'Doel toevoegen' });
    await goalForm.getByLabel('Levensgebied').selectOption({ label: 'Huisvesting' });
    await goalForm.getByLabel('Doel').fill('Binnen drie maanden een eigen kamer');
    await goalForm.getByRole('button', { name: 'Doel toevoegen' }).click();
    await page.getByRole('heading', { level: 4, name: 'Huisvesting: Binnen drie maanden een eigen kamer' }).waitFor();

    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    const actionForm = page.getByRole('region', { name: 'Actie bij: Binnen drie maanden een eigen kamer' });
    await actionForm.getByLabel('Actie', { exact: true }).fill('Inschrijven als woningzoekende');
    await actionForm.getByLabel('Wie voert het uit (organisatie)').selectOption({ label: 'Trajecthouder' });
    await actionForm.getByLabel(/Naam van de uitvoerder/).fill('Fatima');
    await actionForm.getByLabel('Uiterlijk klaar op').fill(inDays(14));
    await actionForm.getByRole('button', { name: 'Actie toevoegen' }).click();
    const actions = page.getByRole('table', { name: 'Acties bij Binnen drie maanden een eigen kamer' });
    await actions.getByRole('cell', { name: 'Inschrijven als woningzoekende', exact: true }).waitFor();
    await expect(actions.getByRole('cell', { name: 'Trajecthouder — Fatima', exact: true }).isVisible()).resolves.toBe(
      true,
    );

    // a status change carries the date from the field: before the plan's date the server refuses it with the reason
    const statusGroup = page.getByRole('group', { name: 'Status van actie Inschrijven als woningzoekende' });
    await page.getByLabel('Datum voor statuswijzigingen van acties').fill(inDays(-1));
    await statusGroup.getByRole('button', { name: 'Naar in uitvoering' }).click();
    await statusGroup.getByText(/De datum mag niet vóór de datum van het plan/).waitFor();
    await page.getByLabel('Datum voor statuswijzigingen van acties').fill(today);
    await statusGroup.getByRole('button', { name: 'Naar in uitvoering' }).click();
    await actions.getByRole('cell', { name: /^In uitvoering \(/ }).waitFor();

    // after a reload the plan is still there (stored), and the late list no longer shows this client
    await page.reload();
    await page.getByRole('heading', { level: 4, name: 'Huisvesting: Binnen drie maanden een eigen kamer' }).waitFor();

    // signing freezes version 1; a new goal makes the plan "gewijzigd" and a new signing makes version 2
    await page.getByRole('button', { name: 'Ondertekening vastleggen' }).click();
    await page
      .getByRole('region', { name: 'Besproken en ondertekend' })
      .getByRole('button', { name: 'Vastleggen' })
      .click();
    const versions = page.getByRole('list', { name: 'Ondertekende versies' });
    await versions.getByRole('link', { name: /^Versie 1, ondertekend op / }).waitFor();
    expect(await page.getByRole('button', { name: /ondertekening vastleggen/i }).count()).toBe(0);
    await page.getByRole('button', { name: 'Doel toevoegen' }).click();
    const goal2 = page.getByRole('region', { name: 'Doel toevoegen' });
    await goal2.getByLabel('Levensgebied').selectOption('financien');
    await goal2.getByLabel('Doel').fill('Schulden op een rij');
    await goal2.getByRole('button', { name: 'Doel toevoegen' }).click();
    await page.getByText('Gewijzigd sinds de ondertekening').waitFor();
    expect(
      await page
        .getByRole('list', { name: 'Wijzigingen sinds de ondertekening' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(['Nieuw doel: Financiën: Schulden op een rij.']);
    // the printed plan for the conversation names the changes too
    await page.getByRole('link', { name: 'Plan afdrukken (met handtekeningen)' }).click();
    const changesPrinted = page.getByRole('region', { name: /^Wat is er veranderd sinds de vorige ondertekening/ });
    await changesPrinted.waitFor();
    expect(await changesPrinted.getByRole('listitem').allTextContents()).toEqual([
      'Nieuw doel: Financiën: Schulden op een rij.',
    ]);
    await page.goBack();
    await page.getByRole('button', { name: 'Nieuwe ondertekening vastleggen' }).click();
    await page
      .getByRole('region', { name: 'Besproken en ondertekend' })
      .getByRole('button', { name: 'Vastleggen' })
      .click();
    await versions.getByRole('link', { name: /^Versie 2, ondertekend op / }).waitFor();
    expect(await page.getByText('Gewijzigd sinds de ondertekening').count()).toBe(0);
    // version 1 prints as it was signed: without the later goal
    await versions.getByRole('link', { name: /^Versie 1, ondertekend op / }).click();
    await page.getByText('Ondertekende versie 1').waitFor();
    await page.getByRole('heading', { level: 3, name: /^Huisvesting: Binnen drie maanden een eigen kamer/ }).waitFor();
    expect(await page.getByRole('heading', { name: /Schulden op een rij/ }).count()).toBe(0);
    await page.goBack();
    await page.getByRole('heading', { level: 4, name: /Schulden op een rij/ }).waitFor();
    await openMenu(page, 'Doorstroomoverleg');
    const after = await dagenKolom(page);
    expect(after).toEqual([...after].sort((a, b) => b - a));
    await page.locator('summary', { hasText: /^Te late perspectiefplannen \(\d+\)$/ }).click();
    const lateNames = await page
      .getByRole('table', { name: 'Geplaatste cliënten zonder perspectiefplan na 5 dagen' })
      .getByRole('link')
      .allTextContents(); // no table (nobody late) gives []; an error fails the test
    expect(lateNames).not.toContain(naam);
    expect(errors).toEqual([]);
  });

  it('wijzigt in het doorstroomoverleg de volgende stap van een blokkade en toont de nieuwe tekst', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.toegang');
    await openMenu(page, 'Doorstroomoverleg');
    const table = page.getByRole('table', { name: /Werklijst doorstroomoverleg/ });
    await table.waitFor();
    await table
      .getByRole('button', { name: /^Volgende stap wijzigen/ })
      .first()
      .click();
    const form = page.getByRole('form', { name: /^Volgende stap wijzigen: / });
    await form.waitFor();
    // focus moved into the form (its title)
    await expect(form.locator(':focus').count()).resolves.toBe(1);
    const stap = `Bezichtiging plannen bij Woonbron ${Date.now()}`;
    await form.getByLabel('Wie zet de volgende stap').selectOption({ label: 'Woningcorporatie' });
    await form.getByLabel(/^Naam \(persoon of team\)/).fill('x'.repeat(201));
    await form.getByLabel(/^Volgende stap/).fill(stap);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    // server-side check, shown in an error summary (role="alert") and at the field
    await form.getByRole('alert').getByText('De naam mag hoogstens 200 tekens hebben.').waitFor();
    await form.getByLabel(/^Naam \(persoon of team\)/).fill('Woonbron, mevrouw De Vries');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    const vandaagNl = new Intl.DateTimeFormat('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date());
    await table
      .getByText(`Volgende stap door Woningcorporatie — Woonbron, mevrouw De Vries sinds ${vandaagNl}: ${stap}`)
      .waitFor();
    // stored: still there after a reload
    await page.reload();
    await page
      .getByRole('table', { name: /Werklijst doorstroomoverleg/ })
      .getByText(stap, { exact: false })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
  });
});
