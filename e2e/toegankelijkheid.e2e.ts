import { describe, expect, it } from 'vitest';
import { type AxeViolation, axeViolations, rendered, settled, withAppAndBrowser } from './harness.js';

// WCAG 2.1 AA, checked by axe-core (the engine behind most audit tools) on the main screens of every role, after
// their data has loaded, plus reflow at 320 px, which axe does not check. Automated checks find only part of the problems (roughly a third to half of the success
// criteria); the rest — keyboard order, meaningful texts — is covered by the role/label-based browser tests.
const e2e = withAppAndBrowser();

const SCREENS: { user: string; paths: { path: string; ready: string }[] }[] = [
  {
    user: 'dordrecht.toegang',
    paths: [
      { path: '/', ready: 'Welkom' },
      { path: '/clienten', ready: 'Cliënten' },
      { path: '/clienten/nieuw', ready: 'Nieuwe cliënt' },
      { path: '/aanmeldingen', ready: 'Aanmeldingen' },
      { path: '/locaties', ready: 'Bezetting' },
      { path: '/doorstroomoverleg', ready: 'Doorstroomoverleg' },
      { path: '/wachtlijsten', ready: 'Wachtlijsten' },
      { path: '/preventie', ready: 'Vroegsignalering' },
      { path: '/nazorg', ready: 'Nazorg (waakvlam)' },
      { path: '/wonen', ready: 'Van opvang naar wonen' },
      ...['woonplekken', 'aanbiedingen', 'toewijzing', 'afspraken'].map((o) => ({
        path: `/wonen?onderdeel=${o}`,
        ready: 'Van opvang naar wonen',
      })),
    ],
  },
  { user: 'dordrecht.beleid', paths: [{ path: '/rapportage', ready: 'Dashboard maatschappelijke opvang' }] },
  {
    user: 'dordrecht.corporatie',
    paths: [
      { path: '/wonen', ready: 'Van opvang naar wonen' },
      { path: '/wonen?onderdeel=aanbiedingen', ready: 'Van opvang naar wonen' },
    ],
  },
  { user: 'dordrecht.beheer', paths: [{ path: '/beheer', ready: 'Beheer' }] },
];

describe('toegankelijkheid (WCAG 2.1 AA, axe-core)', () => {
  it('de inlogpagina heeft geen schendingen', async () => {
    const page = await e2e.browser.newPage({ bypassCSP: true }); // only so axe can be injected; the app's CSP blocks inline scripts
    await page.goto(`${e2e.app.url}/inloggen`);
    await page.getByRole('button', { name: 'Inloggen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // the checker itself works: an image without a text alternative and an unlabeled field are reported
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/favicon.ico';
      document.querySelector('main, body')!.appendChild(img);
      const input = document.createElement('input');
      input.type = 'text';
      document.querySelector('main, body')!.appendChild(input);
    });
    expect((await axeViolations(page)).map((v) => v.id).sort()).toEqual(expect.arrayContaining(['image-alt', 'label']));
    await page.close();
  });

  for (const s of SCREENS) {
    it(`de schermen van ${s.user} hebben geen schendingen`, async () => {
      const page = await e2e.browser.newPage({ bypassCSP: true }); // only so axe can be injected; the app's CSP blocks inline scripts
      await e2e.login(page, s.user);
      const found: Record<string, AxeViolation[]> = {};
      const tooWide: Record<string, number> = {};
      const paths = [...s.paths];
      if (s.user.endsWith('.toegang')) {
        // the case page (dossier) of someone in shelter now
        const first = await page.evaluate(
          async () =>
            (await (await fetch('/v1/werklijsten/doorstroomoverleg')).json()).resultaten[0] as {
              clientId: string;
              naam: string;
            },
        );
        paths.push({ path: `/clienten/${first.clientId}`, ready: first.naam });
      }
      for (const p of paths) {
        await page.goto(`${e2e.app.url}${p.path}`);
        await page.getByRole('heading', { level: 1, name: p.ready }).first().waitFor();
        await page.waitForLoadState('networkidle');
        await settled(page); // data, lazy charts and the map loaded
        const v = await axeViolations(page);
        if (v.length) found[p.path] = v;
        // reflow (WCAG 1.4.10): at 320 CSS px the page does not scroll sideways; wide tables scroll in their container
        await page.setViewportSize({ width: 320, height: 640 });
        await rendered(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) tooWide[p.path] = width;
        await page.setViewportSize({ width: 1280, height: 800 });
      }
      expect(found).toEqual({});
      expect(tooWide).toEqual({});
      await page.close();
    });
  }
});
