import { describe, expect, it } from 'vitest';
import { axeViolations, openMenu, rendered, settled, WAIT_MS, withAppAndBrowser } from './harness.js';

// Issue 18 in the browser: beleid opens the capaciteitsplanner, gets a Dutch error at the field for impossible
// input, compares "50 + 10", "50 + 10, preventie −15%" and "tweede locatie met 20 kamers" side by side, and reads
// the model page with its backtest; axe finds no WCAG 2.1 A/AA violations at 1366 and at 375 px.
const e2e = withAppAndBrowser();

describe('capaciteitsplanner in de browser', () => {
  it('vergelijkt drie scenario’s voor 50 + 10 en legt het model uit met een backtest, zonder axe-fouten', async () => {
    const { page, errors } = await e2e.loggedInPage('dordrecht.beleid');
    await page.setViewportSize({ width: 1366, height: 900 });
    await openMenu(page, 'Capaciteit');
    await page.getByRole('heading', { level: 1, name: 'Capaciteitsplanner' }).waitFor();
    await settled(page);
    expect(await page.getByLabel('Kamers').first().inputValue()).toBe('50');
    expect(await page.getByLabel('Reserveplaatsen').first().inputValue()).toBe('10');

    // impossible input: the server's Dutch problem at the field
    await page.getByLabel('Minder instroom door preventie (%)').fill('120');
    await page.getByRole('button', { name: 'Doorrekenen' }).click();
    await page.getByText('Minder instroom (procent) moet tussen 0 en 90 liggen.').first().waitFor();
    await page.getByLabel('Minder instroom door preventie (%)').fill('0');

    await page.getByLabel('Periode').selectOption({ label: '2 jaar' });
    await page.getByRole('button', { name: 'Drie scenario’s vergelijken' }).click();
    const table = page.getByRole('table', { name: 'Scenario’s naast elkaar' });
    await expect
      .poll(async () => (await table.count()) && (await table.getByRole('columnheader').count()), {
        timeout: 3 * WAIT_MS,
      })
      .toBe(4);
    for (const naam of ['50 + 10', '50 + 10, preventie −15%', 'tweede locatie met 20 kamers'])
      await table.getByRole('columnheader', { name: naam, exact: true }).waitFor();
    await table.getByRole('rowheader', { name: 'Kans dat alle kamers vol zijn op een nacht' }).waitFor();
    await page.getByRole('img', { name: /Bezetting per week/ }).waitFor();
    await page.getByRole('button', { name: 'CSV per dag: 50 + 10', exact: true }).waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    await rendered(page);
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('link', { name: /Hoe het model werkt/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Over het capaciteitsmodel' }).waitFor();
    await page
      .getByRole('table', { name: 'Backtest per maand: gemiddelde bezetting' })
      .waitFor({ timeout: 2 * WAIT_MS });
    await settled(page);
    expect(await page.getByText(/De gemiddelde afwijking per maand is/).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    await rendered(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
