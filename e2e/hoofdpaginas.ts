// Issue 16: the main pages of every role, shared by the height test (schermen.e2e.ts) and the axe test
// (toegankelijkheid.e2e.ts), so a page added here is checked for both. 'dossier?tab=…' is a tab of the dossier of
// the first client of the user's own caseload; 'eigen-locatie' is the bed board of the user's own locatie.
import type { Page } from 'playwright-core';

export const HOOFDPAGINAS: { user: string; paths: string[] }[] = [
  {
    user: 'dordrecht.toegang',
    paths: [
      '/',
      '/mijn-clienten',
      '/clienten',
      '/clienten/nieuw',
      '/aanmeldingen',
      '/overdrachten',
      '/locaties',
      '/wachtlijsten',
      '/wonen',
      'dossier',
      'dossier?tab=verblijf',
      'dossier?tab=eigen-bijdrage',
      'dossier?tab=perspectief',
      'dossier?tab=journaal',
      'dossier?tab=afspraken',
      'dossier?tab=documenten',
      'dossier?tab=correcties',
      'dossier?tab=tijdlijn',
      '/doorstroomoverleg',
      '/hele-beeld',
      '/preventie',
      '/geld',
      '/datakwaliteit',
      '/nazorg',
      '/mijn-taken',
      '/iwmo',
    ],
  },
  { user: 'dordrecht.locatie', paths: ['/', 'eigen-locatie', '/locaties', '/buurt', '/mijn-taken'] },
  {
    user: 'dordrecht.beleid',
    paths: [
      '/',
      '/datakwaliteit',
      '/iwmo',
      '/geld',
      '/capaciteitsplanner',
      '/wachtlijsten',
      '/hele-beeld',
      '/rapportage',
      '/buurt',
    ],
  },
  { user: 'dordrecht.corporatie', paths: ['/', '/wonen'] },
  { user: 'dordrecht.client', paths: ['/mijn-onderdak'] },
  {
    user: 'dordrecht.beheer',
    paths: ['/', '/beheer', '/beheer/koppelingen-en-bewaartermijnen', '/beheer/iwmo-aanbieders', '/datakwaliteit'],
  },
];

/** The URL path of an entry of HOOFDPAGINAS for the logged-in user of `page` (app at `base`). */
export async function hoofdpaginaPad(page: Page, base: string, p: string): Promise<string> {
  if (p.startsWith('dossier')) {
    // the first client in the table "Mijn cliënten", as a worker would open it
    await page.goto(`${base}/mijn-clienten`);
    const href = await page
      .getByRole('table', { name: 'Mijn cliënten' })
      .getByRole('link')
      .first()
      .getAttribute('href', { timeout: 60_000 });
    return `${href}${p.slice('dossier'.length)}`;
  }
  if (p === 'eigen-locatie') {
    const id = await page.evaluate(
      async () => (await (await fetch('/v1/sessies/huidig')).json()).gebruiker.locatieId as string,
    );
    return `/locaties/${id}`;
  }
  return p;
}
