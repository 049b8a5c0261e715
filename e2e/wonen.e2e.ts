import { describe, expect, it } from 'vitest';
import { todayInNl } from '../src/platform/validation.js';
import { openMenu, WAIT_MS, withAppAndBrowser } from './harness.js';

// Issue 5 in the browser: the corporation registers a home; the toegang marks a client woonklaar, sees that home in
// the client's ranked list with an explanation, and offers it; the corporation then sees the offer with limited data.
const e2e = withAppAndBrowser();
const today = todayInNl(new Date());

describe('wonen in de browser', () => {
  it('corporatie registreert een woning; toegang meldt woonklaar, ziet de woning met uitleg en biedt aan', async () => {
    const { page: corp, errors } = await e2e.loggedInPage('dordrecht.corporatie');
    await openMenu(corp, 'Wonen');
    // the page opens on the corporation's homes; the form sits behind a button and takes the focus when it opens
    const corpTabs = corp.getByRole('navigation', { name: 'Onderdelen van Wonen' });
    expect(await corpTabs.getByRole('link', { name: /^Woonplekken/ }).getAttribute('aria-current')).toBe('page');
    expect(await corp.getByLabel('Adres').count()).toBe(0);
    await corp.getByRole('button', { name: 'Nieuwe woning registreren' }).click();
    await expect
      .poll(() => corp.evaluate(() => document.activeElement?.textContent), { timeout: WAIT_MS })
      .toBe('Woning registreren');
    await corp.getByLabel('Adres').fill('Zonnebloemstraat 77, Dordrecht');
    await corp.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Dordrecht' });
    await corp.getByLabel('Aantal kamers').fill('1');
    await corp.getByLabel('Kale huur per maand (€)').fill('500');
    await corp.getByLabel('Beschikbaar vanaf').fill(today);
    await corp.getByLabel('Geschikt voor maximaal (personen)').fill('1');
    await corp.getByLabel('Beschikbare ondersteuning').selectOption('intensief');
    await corp.getByRole('button', { name: 'Woning registreren' }).click();
    await corp.getByText('Woning Zonnebloemstraat 77, Dordrecht is geregistreerd en beschikbaar.').waitFor();
    await corp.getByRole('cell', { name: /Zonnebloemstraat 77, Dordrecht \(Woonbron\)/ }).waitFor();

    const { page } = await e2e.loggedInPage('dordrecht.toegang', errors);
    // a client in shelter (admitted and placed through the API, as the toegang did in toegang.e2e.ts)
    await page.evaluate(async (d) => {
      const s = await (await fetch('/v1/sessies/huidig')).json();
      const post = async (path: string, body: unknown) => {
        const r = await fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
          body: JSON.stringify(body),
        });
        if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
        return r.json();
      };
      const c = await post('/v1/clienten', {
        voornaam: 'Gerrit',
        achternaam: 'Zonnewijzer',
        geboortedatum: '1979-02-02',
        herkomstGemeentecode: '0505',
        telefoon: '0611111111',
      });
      const a = await post('/v1/aanmeldingen', { clientId: c.id, datum: d, bron: 'zelf' });
      await post(`/v1/aanmeldingen/${a.id}/besluiten`, { uitkomst: 'toegang', datum: d });
    }, today);
    await openMenu(page, 'Wonen');
    const tabs = page.getByRole('navigation', { name: 'Onderdelen van Wonen' });
    const aanbiedingenTab = tabs.getByRole('link', { name: /^Aanbiedingen \(\d+ lopend\)$/ });
    const lopendVoor = Number((await aanbiedingenTab.textContent())!.match(/\((\d+) lopend\)/)![1]);
    await page.getByRole('button', { name: 'Cliënt woonklaar melden' }).click();
    await page.getByLabel('Cliënt zoeken (naam)').fill('Zonnewijzer');
    await page
      .getByLabel('Cliënt', { exact: true })
      .locator('option', { hasText: 'Gerrit Zonnewijzer' })
      .waitFor({ state: 'attached' });
    await page.getByLabel('Cliënt', { exact: true }).selectOption({ label: 'Gerrit Zonnewijzer' });
    await page.getByLabel('Netto maandinkomen (€)').fill('1500');
    await page.getByLabel('Benodigde ondersteuning').selectOption('licht');
    await page.getByLabel('Voorkeursgemeente').selectOption({ label: 'Dordrecht' });
    await page.getByRole('button', { name: 'Woonklaar melden' }).click();
    await page.getByText('Gerrit Zonnewijzer staat nu als woonklaar geregistreerd.').waitFor();

    await page.getByRole('button', { name: 'Passende woonplekken van Gerrit Zonnewijzer' }).click();
    const list = page.getByRole('list', { name: 'Woonplekken voor Gerrit Zonnewijzer op volgorde van passendheid' });
    const item = list.getByRole('listitem').filter({ hasText: 'Zonnebloemstraat 77, Dordrecht' });
    await item.waitFor();
    const text = (await item.textContent())!;
    expect(text).toMatch(/Plaats \d+ met \d+ punten: voldoet aan alle harde eisen/);
    expect(text).toContain('voorkeursgemeente Dordrecht (+200)');
    await item.getByRole('button', { name: 'Aanbieden' }).click();
    // the home leaves the free list, the count of running offers goes up by one and the offer is under Aanbiedingen
    await item.waitFor({ state: 'detached' });
    await tabs.getByRole('link', { name: `Aanbiedingen (${lopendVoor + 1} lopend)` }).click();
    expect(new URL(page.url()).searchParams.get('onderdeel')).toBe('aanbiedingen');
    // offers are cards in a list (issue 16: the buttons stay on screen at 375 px)
    const offer = page
      .getByRole('listitem')
      .filter({ hasText: 'Zonnebloemstraat 77, Dordrecht' })
      .filter({ hasText: 'Gerrit Zonnewijzer' });
    await offer.waitFor();
    expect((await offer.textContent())!.toLowerCase()).toContain('aangeboden');

    // the corporation sees the offer: name, household, support and contact only
    await corp.goto(`${e2e.app.url}/wonen?onderdeel=aanbiedingen`);
    const row = corp.getByRole('listitem').filter({ hasText: 'Gerrit Zonnewijzer' });
    await row.waitFor();
    expect(await row.textContent()).toContain('0611111111');
    expect((await row.textContent())!.toLowerCase()).toContain('aangeboden');
    expect(errors).toEqual([]);
  });
});
