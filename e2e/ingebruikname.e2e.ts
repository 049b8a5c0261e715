// Issue 11 "Done when", in one chain on a fresh empty installation (ONDERDAK_DEMO=0): the setup link creates a
// centrumgemeente and its beheerder; the beheerder logs in with TOTP, adds a locatie with 50 + 10 places in one step
// and creates a toegang user; the toegang user (new password, TOTP) imports a generated 200-row caseload CSV with 3
// bad rows (197 imported, 3 explained), finds an imported client and places them; a backup (API) restored with the
// CLI into an empty data directory starts and shows the same client and placement.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/rights/totp.js';
import { caseloadFile } from '../src/test/caseload-file.js';
import { dossierTab, openMenu, type RunningApp, startApp, WAIT_MS } from './harness.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CODE = 'e2e-ingebruikname-0123456789';
const INSTALL_PW = 'Lantaarnpaal-Fietsbel-417';
const ADMIN_PW = 'Kaasschaaf-Regenjas-829';
const TEMP_PW = 'Voorlopig-Wachtwoord-2026';
const TOEGANG_PW = 'Zeilboot-Hagelslag-358';
const LOC = 'Nachtopvang Markt';
/** The import of 200 rows runs row by row through the services: on a busy machine this takes a while. */
const IMPORT_MS = 300_000;

let app: RunningApp;
let restored: RunningApp | undefined;
let browser: Browser;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'onderdak-ingebruikname-'));

beforeAll(async () => {
  const [a, b] = await Promise.allSettled([
    startApp({ ONDERDAK_DEMO: '0', ONDERDAK_SETUP_CODE: CODE }, { fresh: true }),
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
    }),
  ]);
  if (a.status === 'fulfilled') app = a.value;
  if (b.status === 'fulfilled') browser = b.value;
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
});
afterAll(async () => {
  await Promise.all([browser?.close(), app?.stop({ discard: true }), restored?.stop({ discard: true })]);
  fs.rmSync(work, { recursive: true, force: true });
});

async function newPage(errors: string[]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

async function fillLogin(page: Page, url: string, user: string, password: string) {
  await page.goto(`${url}/inloggen`);
  await page.getByLabel('Gebruikersnaam').fill(user);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

const STEP_MS = 30_000;
const stepAt = (ms: number) => Math.floor(ms / STEP_MS);
/** Per user: the last TOTP time step used (the server accepts each step once, and the current one ±1). */
const lastStep = new Map<string, number>();
async function nextCode(user: string, secret: string): Promise<string> {
  const last = lastStep.get(user) ?? 0;
  while (stepAt(Date.now()) + 1 <= last) await new Promise((r) => setTimeout(r, 500));
  const step = Math.max(stepAt(Date.now()), last + 1);
  lastStep.set(user, step);
  return totpCode(secret, new Date(step * STEP_MS + 1000));
}

/** First login with two-factor: scan (read the secret), confirm with a code; returns the secret. */
async function enrollTotp(page: Page, user: string): Promise<string> {
  await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
  const secret = (await page.getByTestId('totp-geheim').textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('Code uit de app (6 cijfers)').fill(await nextCode(user, secret));
  await page.getByRole('button', { name: 'Koppeling bevestigen' }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
  return secret;
}

async function loginWithCode(page: Page, url: string, user: string, password: string, secret: string) {
  await fillLogin(page, url, user, password);
  await page.getByRole('heading', { level: 1, name: 'Code uit uw authenticator-app' }).waitFor();
  await page.getByLabel('Code uit de app (6 cijfers)').fill(await nextCode(user, secret));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
}

/** The dossier of an imported client, found through the client search. */
async function openClient(page: Page, achternaam: string, voornaam: string) {
  await openMenu(page, 'Cliënten');
  await page.getByLabel('Zoek op naam').fill(achternaam);
  await page.getByRole('search', { name: 'Cliënten zoeken' }).getByRole('button', { name: 'Zoeken' }).click();
  await page.getByRole('link', { name: `${achternaam}, ${voornaam}` }).click();
  await page.getByRole('heading', { level: 1, name: `${voornaam} ${achternaam}` }).waitFor();
}

describe('ingebruikname van een lege installatie, van installatielink tot teruggezette reservekopie', () => {
  let adminSecret = '';
  let toegangSecret = '';
  let placedUnit = '';

  it('de installatielink richt de centrumgemeente en haar beheerder in', async () => {
    const errors: string[] = [];
    expect(app.output()).toMatch(/nog niet ingericht/);
    const page = await newPage(errors);
    await page.goto(`${app.url}/installatie#code=${CODE}`);
    await page.getByRole('heading', { level: 1, name: 'Onderdak inrichten' }).waitFor();
    const install = page.getByRole('group', { name: 'Uw account als installatiebeheerder', exact: true });
    await install.getByLabel('Gebruikersnaam').fill('installatie.beheer');
    await install.getByLabel('Naam', { exact: true }).fill('Ineke Installatie');
    await install.getByLabel('Wachtwoord').fill(INSTALL_PW);
    const gemeente = page.getByRole('group', { name: 'De centrumgemeente', exact: true });
    await gemeente.getByLabel('Naam', { exact: true }).fill('Dordrecht');
    await gemeente.getByLabel('CBS-gemeentecode').fill('0505');
    await gemeente.getByLabel(/Regiogemeenten/).fill('0642 Zwijndrecht\n0590 Papendrecht');
    const beheerder = page.getByRole('group', { name: 'De eerste beheerder van de centrumgemeente', exact: true });
    await beheerder.getByLabel('Gebruikersnaam').fill('dord.beheer');
    await beheerder.getByLabel('Naam', { exact: true }).fill('Bram Beheer');
    await beheerder.getByLabel('Wachtwoord').fill(ADMIN_PW);
    await page.getByRole('button', { name: 'Inrichten' }).click();
    await page.getByText('Centrumgemeente Dordrecht is ingericht').waitFor();
    expect(errors).toEqual([]);
  });

  it('de beheerder logt in met TOTP, maakt een locatie met 50 + 10 plekken in één stap en een toegangsmedewerker', async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    await fillLogin(page, app.url, 'dord.beheer', ADMIN_PW);
    adminSecret = await enrollTotp(page, 'dord.beheer');
    // log out, then in again with a code (the login page itself is opened by loginWithCode)
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor({ state: 'detached' });
    await loginWithCode(page, app.url, 'dord.beheer', ADMIN_PW, adminSecret);

    await openMenu(page, 'Beheer');
    await page.locator('summary', { hasText: 'Nieuwe locatie of eenheid toevoegen' }).click();
    const loc = page.getByRole('form', { name: 'Nieuwe locatie' });
    await loc.getByLabel('Naam locatie').fill(LOC);
    await loc.getByLabel('Type voorziening').selectOption({ label: 'Crisisopvang / nachtopvang (1-persoonskamers)' });
    await loc.getByLabel('Adres').fill('Markt 1');
    await loc.getByLabel('Gemeente').selectOption({ label: 'Dordrecht' });
    await loc.getByLabel('Nachtopvang').check();
    await loc.getByLabel('Aantal kamers').fill('50');
    await loc.getByLabel('Voorvoegsel kamers').fill('K');
    await loc.getByLabel('Bedden per kamer').fill('1');
    await loc.getByLabel('Aantal reserveplekken').fill('10');
    await loc.getByRole('button', { name: 'Locatie aanmaken' }).click();
    await page.getByText(`Locatie ${LOC} is aangemaakt met 60 eenheden.`).waitFor();

    await page.locator('summary', { hasText: 'Nieuwe gebruiker toevoegen' }).click();
    const user = page.getByRole('form', { name: 'Nieuwe gebruiker' });
    await user.getByLabel('Gebruikersnaam').fill('dord.toegang');
    await user.getByLabel('Naam', { exact: true }).fill('Tessa Toegang');
    await user.getByLabel('Rol').selectOption({ label: 'Toegangsmedewerker / trajecthouder' });
    await user.getByLabel('Voorlopig wachtwoord').fill(TEMP_PW);
    await user.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.getByText('Gebruiker dord.toegang is aangemaakt.').waitFor();

    // the places are on the bed board: 50 beds and 10 reserve
    await page.getByRole('link', { name: 'Regio inrichten' }).click();
    await page
      .getByRole('table', { name: `Eenheden van ${LOC}` })
      .getByRole('cell', { name: 'K50', exact: true })
      .waitFor();
    await page.getByText(/60 open eenheden, 50 bedden en 10 reserveplekken/).waitFor();
    expect(errors).toEqual([]);
  });

  it('de toegangsmedewerker neemt 200 regels over: 197 overgenomen, 3 uitgelegd; vindt een cliënt en plaatst die', async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    await fillLogin(page, app.url, 'dord.toegang', TEMP_PW);
    await page.getByRole('heading', { level: 1, name: 'Kies een nieuw wachtwoord' }).waitFor();
    await page.getByLabel('Huidig wachtwoord').fill(TEMP_PW);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(TOEGANG_PW);
    await page.getByLabel('Nieuw wachtwoord nog een keer').fill(TOEGANG_PW);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    toegangSecret = await enrollTotp(page, 'dord.toegang');

    await openMenu(page, 'Beheer');
    await page.getByRole('link', { name: 'Dossiers overnemen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossiers overnemen' }).waitFor();
    await page.getByLabel('CSV-bestand').setInputFiles({
      name: 'caseload.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(caseloadFile(LOC), 'utf8'),
    });
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page
      .getByText('197 regels zijn goed, 3 met fouten, 0 al eerder overgenomen.')
      .waitFor({ timeout: IMPORT_MS });
    const fouten = page.getByRole('table', { name: 'Regels met fouten' });
    for (const id of ['OUD-050', 'OUD-060', 'OUD-070']) await fouten.getByRole('cell', { name: id }).waitFor();
    const uitleg = (await fouten.textContent()) ?? '';
    expect(uitleg).toMatch(/bsn:/);
    expect(uitleg).toMatch(/eenheid: .*vol/);
    expect(uitleg).toMatch(/trajectStart:/);
    await page.getByRole('button', { name: '197 dossiers overnemen' }).click();
    await page
      .getByText('197 dossiers overgenomen, 3 regels met fouten niet overgenomen, 0 al eerder overgenomen.')
      .waitFor({ timeout: IMPORT_MS });

    // row 30 is admitted (open trajectory, on a waiting list) and not placed yet
    await openClient(page, 'Import030', 'Voornaam030');
    await dossierTab(page, 'Toegang en verblijf'); // issue 16: the dossier in tabs
    await page.getByRole('button', { name: 'Plaatsen', exact: true }).click();
    const place = page.getByRole('form', { name: 'Cliënt plaatsen' });
    const locOption = place.getByLabel('Locatie').locator('option', { hasText: LOC });
    await locOption.waitFor({ state: 'attached' });
    await place.getByLabel('Locatie').selectOption((await locOption.getAttribute('value'))!);
    const free = place.getByLabel('Eenheid').locator('option', { hasText: 'vrij' }).first();
    await free.waitFor({ state: 'attached' });
    placedUnit = (await free.textContent())!.split(' — ')[0]!.trim();
    expect(placedUnit).toMatch(/^K(2[6-9]|[3-4]\d|50)$/); // K01–K25 are taken by the import
    await place.getByLabel('Eenheid').selectOption((await free.getAttribute('value'))!);
    await place.getByRole('button', { name: 'Plaatsing opslaan' }).click();
    await page.getByRole('heading', { name: 'Huidig verblijf' }).waitFor();
    await page.getByTestId('dossiersamenvatting').getByText(`${LOC}, ${placedUnit}`).waitFor();
    expect(errors).toEqual([]);
  }, 1_200_000);

  it('een reservekopie, met de CLI teruggezet in een lege map, toont dezelfde cliënt en plaatsing', async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    await loginWithCode(page, app.url, 'dord.beheer', ADMIN_PW, adminSecret);
    // the backup through the API, with the beheerder's session (as the beheer screen and `npm run cli -- backup` do)
    const res = await page.request.get(`${app.url}/v1/reservekopie`, { timeout: IMPORT_MS });
    expect(res.status()).toBe(200);
    const file = path.join(work, 'onderdak.tar.gz');
    fs.writeFileSync(file, await res.body());
    const dir = path.join(work, 'teruggezet');
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'restore', file, dir], {
      cwd: root,
      encoding: 'utf8',
      timeout: IMPORT_MS,
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/Teruggezet in/);

    restored = await startApp({ ONDERDAK_DEMO: '0' }, { dataDir: dir });
    const other = await newPage(errors);
    await loginWithCode(other, restored.url, 'dord.toegang', TOEGANG_PW, toegangSecret);
    await openClient(other, 'Import030', 'Voornaam030');
    await other.getByTestId('dossiersamenvatting').getByText(`${LOC}, ${placedUnit}`).waitFor();
    // an imported placement (row 1 in K01) came along too
    await openClient(other, 'Import001', 'Voornaam001');
    await other.getByTestId('dossiersamenvatting').getByText(`${LOC}, K01`).waitFor();
    expect(errors).toEqual([]);
  }, 900_000);
});
