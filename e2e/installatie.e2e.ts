// Issue 11 part A in the browser: the first start of an empty installation (ONDERDAK_DEMO=0) with the one-time setup
// link, a login with two-factor (enrolling an authenticator app, then a code), and a password reset link.
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/rights/totp.js';
import { openMenu, type RunningApp, startApp, WAIT_MS } from './harness.js';

const CODE = 'e2e-installatiecode-0123456789';
const INSTALL_PW = 'Lantaarnpaal-Fietsbel-417';
const ADMIN_PW = 'Kaasschaaf-Regenjas-829';
const TEMP_PW = 'Voorlopig-Wachtwoord-2026';
const NEW_PW = 'Vuurtoren-Pannenkoek-623';

let app: RunningApp;
let browser: Browser;
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
  await Promise.all([browser?.close(), app?.stop({ discard: true })]);
});

async function newPage(errors: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

async function fillLogin(page: Page, user: string, password: string) {
  await page.goto(`${app.url}/inloggen`);
  await page.getByLabel('Gebruikersnaam').fill(user);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

const STEP_MS = 30_000;
const stepAt = (ms: number) => Math.floor(ms / STEP_MS);

describe('eerste start, tweestapsverificatie en herstellink in de browser', () => {
  let secret = '';
  /** The last TOTP time step used: the server accepts each step once, and the current one ±1. */
  let lastStep = 0;
  /** The code of the earliest step the server still accepts (waits, as a condition, until one is free). */
  async function nextCode(): Promise<string> {
    while (stepAt(Date.now()) + 1 <= lastStep) await new Promise((r) => setTimeout(r, 500));
    const step = Math.max(stepAt(Date.now()), lastStep + 1);
    lastStep = step;
    return totpCode(secret, new Date(step * STEP_MS + 1000));
  }

  it('de installatielink richt de eerste centrumgemeente in en werkt daarna niet meer', async () => {
    const errors: string[] = [];
    expect(app.output()).toMatch(/nog niet ingericht/);
    const page = await newPage(errors);
    await page.goto(`${app.url}/installatie#code=${CODE}`);
    await page.getByRole('heading', { level: 1, name: 'Onderdak inrichten' }).waitFor();
    expect(await page.getByLabel('Code uit de installatielink').inputValue()).toBe(CODE);
    const install = page.getByRole('group', { name: 'Uw account als installatiebeheerder', exact: true });
    await install.getByLabel('Gebruikersnaam').fill('installatie.beheer');
    await install.getByLabel('Naam', { exact: true }).fill('Ineke Installatie');
    await install.getByLabel('Wachtwoord').fill(INSTALL_PW);
    const gemeente = page.getByRole('group', { name: 'De centrumgemeente', exact: true });
    await gemeente.getByLabel('Naam', { exact: true }).fill('Breda');
    await gemeente.getByLabel('CBS-gemeentecode').fill('0758');
    await gemeente.getByLabel(/Regiogemeenten/).fill('0784 Oosterhout\n0879 Zundert\nfout');
    const beheerder = page.getByRole('group', { name: 'De eerste beheerder van de centrumgemeente', exact: true });
    await beheerder.getByLabel('Gebruikersnaam').fill('breda.beheer');
    await beheerder.getByLabel('Naam', { exact: true }).fill('Bram Beheer');
    await beheerder.getByLabel('Wachtwoord').fill(ADMIN_PW);
    await page.getByRole('button', { name: 'Inrichten' }).click();
    // the wrong line is reported in the error summary, linked to the field
    await page.getByRole('link', { name: /Regel 3: schrijf de CBS-code/ }).waitFor();
    await gemeente.getByLabel(/Regiogemeenten/).fill('0784 Oosterhout\n0879 Zundert');
    await page.getByRole('button', { name: 'Inrichten' }).click();
    await page.getByText('Centrumgemeente Breda is ingericht').waitFor();
    await page.goto(`${app.url}/inloggen`);
    await page.goto(`${app.url}/installatie#code=${CODE}`);
    await page.getByText('Deze installatie is al ingericht').waitFor();
    const again = await page.evaluate(
      async (code) =>
        (
          await fetch('/v1/installatie', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code }),
          })
        ).status,
      CODE,
    );
    expect([400, 403]).toContain(again);
    expect(errors).toEqual([]);
  });

  it('de beheerder koppelt bij de eerste keer een authenticator-app en logt daarna in met een code', async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    await fillLogin(page, 'breda.beheer', ADMIN_PW);
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
    await page.getByRole('img', { name: /QR-code/ }).waitFor();
    secret = (await page.getByTestId('totp-geheim').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Code uit de app (6 cijfers)').fill('123');
    await page.getByRole('button', { name: 'Koppeling bevestigen' }).click();
    await page.getByRole('link', { name: 'Vul de 6 cijfers uit de app in.' }).waitFor();
    await page.getByLabel('Code uit de app (6 cijfers)').fill(await nextCode());
    await page.getByRole('button', { name: 'Koppeling bevestigen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();

    await fillLogin(page, 'breda.beheer', ADMIN_PW);
    await page.getByRole('heading', { level: 1, name: 'Code uit uw authenticator-app' }).waitFor();
    // a code of another 30-second step: the one just used is accepted only once
    await page.getByLabel('Code uit de app (6 cijfers)').fill(await nextCode());
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('de beheerder maakt een gebruiker en een herstellink; de gebruiker kiest daarmee een nieuw wachtwoord', async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    await fillLogin(page, 'breda.beheer', ADMIN_PW);
    await page.getByLabel('Code uit de app (6 cijfers)').fill(await nextCode());
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await openMenu(page, 'Beheer');
    await page.locator('summary', { hasText: 'Nieuwe gebruiker toevoegen' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe gebruiker' });
    await form.getByLabel('Gebruikersnaam').fill('breda.beleid');
    await form.getByLabel('Naam', { exact: true }).fill('Bea Beleid');
    await form.getByLabel('Rol').selectOption({ label: 'Beleidsmedewerker' });
    await form.getByLabel('Voorlopig wachtwoord').fill(TEMP_PW);
    await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.getByText('Gebruiker breda.beleid is aangemaakt.').waitFor();
    await page.getByRole('button', { name: 'Herstellink voor breda.beleid' }).click();
    const link = (await page.getByTestId('herstellink').textContent())!.trim();
    expect(link).toMatch(new RegExp(`^${app.url}/wachtwoord-instellen#code=`));

    const other = await browser.newContext();
    const user = await other.newPage();
    user.setDefaultTimeout(WAIT_MS);
    user.on('pageerror', (e) => errors.push(e.message));
    await user.goto(link);
    await user.getByRole('heading', { level: 1, name: 'Wachtwoord instellen' }).waitFor();
    await user.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PW);
    await user.getByLabel('Nieuw wachtwoord nog een keer').fill(NEW_PW);
    await user.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await user.getByText('Uw wachtwoord is ingesteld').waitFor();
    expect(await user.getByTestId('gebruikersnaam').textContent()).toBe('breda.beleid');
    await user.getByRole('link', { name: 'Nu inloggen' }).click();
    await user.getByLabel('Gebruikersnaam').fill('breda.beleid');
    await user.getByLabel('Wachtwoord', { exact: true }).fill(NEW_PW);
    await user.getByRole('button', { name: 'Inloggen' }).click();
    await user.getByRole('button', { name: 'Uitloggen' }).waitFor();
    // the link worked once
    await user.goto(link);
    await user.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PW);
    await user.getByLabel('Nieuw wachtwoord nog een keer').fill(NEW_PW);
    await user.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await user
      .getByText(/onbekend, verlopen of al gebruikt/)
      .first()
      .waitFor();
    await other.close();
    expect(errors).toEqual([]);
  });
});
