import { describe, expect, it } from 'vitest';
import { type AxeViolation, axeViolations, rendered, settled, WAIT_MS, withAppAndBrowser } from './harness.js';
import { HOOFDPAGINAS, hoofdpaginaPad } from './hoofdpaginas.js';

// WCAG 2.1 AA, checked by axe-core (the engine behind most audit tools) on the main screens of every role, after
// their data has loaded, plus reflow at 320 px, which axe does not check. Automated checks find only part of the problems (roughly a third to half of the success
// criteria); the rest — keyboard order, meaningful texts — is covered by the role/label-based browser tests.
const e2e = withAppAndBrowser();

// Every main page of every role (e2e/hoofdpaginas.ts, the same list as the height test), plus the sub-views of Wonen.
const EXTRA: Record<string, string[]> = {
  'dordrecht.toegang': ['woonplekken', 'aanbiedingen', 'toewijzing', 'afspraken'].map((o) => `/wonen?onderdeel=${o}`),
  'dordrecht.corporatie': ['/wonen?onderdeel=aanbiedingen'],
};
const SCREENS = HOOFDPAGINAS.map((r) => ({ user: r.user, paths: [...r.paths, ...(EXTRA[r.user] ?? [])] }));

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
      for (const p of s.paths) {
        const path = await hoofdpaginaPad(page, e2e.app.url, p);
        await page.goto(`${e2e.app.url}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS });
        await page.waitForLoadState('networkidle');
        await settled(page); // data, lazy charts and the map loaded
        const v = await axeViolations(page);
        if (v.length) found[path] = v;
        // reflow (WCAG 1.4.10): at 320 CSS px the page does not scroll sideways; wide tables scroll in their container
        await page.setViewportSize({ width: 320, height: 640 });
        await rendered(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) tooWide[path] = width;
        await page.setViewportSize({ width: 1280, height: 800 });
      }
      expect(found).toEqual({});
      expect(tooWide).toEqual({});
      await page.close();
    }, 900_000); // up to 30 pages, each with axe at 1280 px and a reflow check at 320 px
  }
});
