// Issue 16: long tables are paged (Vorige/Volgende). This helper walks the pages of the one paged table on a page, so
// a test that looks for a row (or for its absence) still checks the whole list.
import type { Locator, Page } from 'playwright-core';
import { settled } from './harness.js';

/** Goes to the page that has `rij`; false when no page has it. `nav`: the name of the pagination, `tabel`: the table. */
export async function naarPaginaMet(page: Page, rij: Locator, nav: string, tabel: Locator): Promise<boolean> {
  await tabel.waitFor();
  await settled(page); // the list is fresh (not a cached one being refetched)
  const volgende = page.getByRole('navigation', { name: nav }).getByRole('button', { name: 'Volgende' });
  for (;;) {
    if ((await rij.count()) > 0) return true;
    if ((await volgende.count()) === 0 || (await volgende.isDisabled())) return false;
    // the caption says "x–y van z": wait until it shows the next page
    const bereik = await tabel.locator('caption').textContent();
    await volgende.click();
    await page.waitForFunction(
      (oud) => Array.from(document.querySelectorAll('caption')).every((c) => c.textContent !== oud),
      bereik,
    );
  }
}
