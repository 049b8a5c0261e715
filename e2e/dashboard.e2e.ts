import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openMenu, WAIT_MS, withAppAndBrowser } from './harness.js';

// Issue 3: the policy officer opens the dashboard for 2018, sees the Leger des Heils figure of 346 registrations,
// downloads the CSV (Dutch Excel) and finds no person data.
const e2e = withAppAndBrowser();

describe('dashboard maatschappelijke opvang', () => {
  it('toont 2018 met 346 aanmeldingen en levert een CSV', async () => {
    const page = await e2e.browser.newPage({ acceptDownloads: true });
    await page.goto(`${e2e.app.url}/inloggen`);
    await page.getByLabel('Gebruikersnaam').fill('dordrecht.beleid');
    await page.getByLabel('Wachtwoord').fill('Onderdak-demo-2026');
    await page.getByRole('button', { name: /inloggen/i }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
    await openMenu(page, 'Rapportage');
    await page.getByLabel('Periode', { exact: true }).selectOption('jaar');
    await page.getByLabel('Jaar', { exact: true }).selectOption('2018');
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Kerncijfers 2018' }).count(), { timeout: WAIT_MS })
      .toBe(1);
    const row = page.locator('tr[data-cijfer="aanmeldingen"]');
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).toHaveLength(5);
    // 2018 is the selected (last) column; beleid sees protected figures (cell key method: at most 2 off 346)
    expect(Math.abs(Number(cells[4]) - 346)).toBeLessThanOrEqual(2);
    await page.getByText('Hoe beschermd?').click();
    await page.getByText(/celsleutelmethode/).waitFor();
    expect(await page.locator('#dashboard-soort option[value="aangepast"]').count()).toBe(0); // fixed periods only
    expect(await page.locator('.onderdak-dashboard__tabel thead th').allInnerTexts()).toEqual([
      'Kerncijfer',
      '2014',
      '2015',
      '2016',
      '2017',
      '2018',
    ]);
    expect(await row.locator('th').getAttribute('title')).toMatch(/met een datum in de periode/);
    // issue 16: the themes below the key figures are closed, each with what it holds in its summary; open them all
    const summaries = page.locator('.onderdak-inklapblok > summary');
    expect(await summaries.allInnerTexts()).toEqual([
      'Herkomst, aanleiding en uitstroom (2018) (3 grafieken)',
      'Trends over de jaren (4 grafieken)',
      expect.stringMatching(/^Actuele bezetting per locatie \(\d+ locaties\)$/),
      'Perspectief, wonen, terugval en preventie (4 onderdelen)',
      'Datakwaliteit per maand',
    ]);
    for (const s of await summaries.all()) await s.click();
    // charts have a text alternative
    await expect
      .poll(() => page.locator('.onderdak-chart[role="img"]').count(), { timeout: WAIT_MS })
      .toBeGreaterThanOrEqual(5);
    for (const label of await page
      .locator('.onderdak-chart[role="img"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '')))
      expect(label.length).toBeGreaterThan(20);

    // the other action lines for the same period, as aggregates: perspectief, wonen, terugval, preventie
    for (const name of [
      'Werken aan perspectief',
      'Van opvang naar wonen',
      'Terugval na uitstroom naar wonen',
      /^Preventie \d{4}$/,
    ]) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    await page.getByRole('region', { name: 'Werken aan perspectief' }).getByRole('table').first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download CSV/ }).click(),
    ]);
    const file = await download.path();
    const csv = fs.readFileSync(file!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Kerncijfer;2014;2015;2016;2017;2018');
    const exact = [280, 287, 293, 338, 346];
    const published = lines[1]!.split(';').slice(1).map(Number);
    expect(lines[1]).toMatch(/^Aanmeldingen(;\d+){5}$/);
    for (const [i, n] of published.entries()) expect(Math.abs(n - exact[i]!)).toBeLessThanOrEqual(2);
    expect(csv).not.toMatch(/Mohamed|Jansen|de Vries/); // aggregates only
  });
});
