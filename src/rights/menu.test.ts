// Issue 16: the main menu comes from the session's mogelijkheden (rights table), never from role comparisons. For
// every demo role, each menu item it sees has a main API that answers (200), and each item it does not see has a main
// API that refuses it (403): the menu can neither offer what the server refuses, nor hide what the role may use.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { Database } from '../platform/db/database.js';
import type { Role } from '../reference/reference.js';
import { createTestDatabase } from '../test/db.js';
import { loginAs, seedFixture } from '../test/fixtures.js';
import { type Action, abilities, can, type SessionAbilities } from './rights.js';
import { hashPassword } from './sessions.js';

/**
 * The main API of each menu page: the request its page cannot work without (template as in the contract, and the
 * URL called). Beheer is a hub: visible when any of its parts is allowed. A new menu item needs a line here.
 */
const HOOFD_API: Record<string, { api: string; url: string }[] | 'start'> = {
  '/mijn-onderdak': [{ api: '/mijn-onderdak', url: '/v1/mijn-onderdak' }],
  '/': 'start',
  '/mijn-taken': [{ api: '/mijn-taken', url: '/v1/mijn-taken' }],
  '/mijn-clienten': [{ api: '/mijn-clienten', url: '/v1/mijn-clienten' }],
  '/clienten': [{ api: '/clienten', url: '/v1/clienten' }],
  '/aanmeldingen': [{ api: '/aanmeldingen', url: '/v1/aanmeldingen' }],
  '/overdrachten': [{ api: '/overdrachten', url: '/v1/overdrachten' }],
  '/locaties': [{ api: '/locaties', url: '/v1/locaties' }],
  '/doorstroomoverleg': [{ api: '/werklijsten/doorstroomoverleg', url: '/v1/werklijsten/doorstroomoverleg' }],
  '/wachtlijsten': [{ api: '/wachtlijsten', url: '/v1/wachtlijsten' }],
  '/wonen': [{ api: '/woonplekken', url: '/v1/woonplekken' }],
  '/preventie': [{ api: '/preventiezaken', url: '/v1/preventiezaken' }],
  '/nazorg': [{ api: '/nazorgplannen', url: '/v1/nazorgplannen' }],
  '/rapportage': [
    { api: '/rapportages/kerncijfers', url: '/v1/rapportages/kerncijfers?van=2026-01-01&tot=2026-07-01' },
  ],
  '/beheer': [
    { api: '/gebruikers', url: '/v1/gebruikers' },
    { api: '/beheerlocaties', url: '/v1/beheerlocaties' },
    { api: '/centrumgemeenten', url: '/v1/centrumgemeenten' },
    { api: '/dossierimports/sjabloon', url: '/v1/dossierimports/sjabloon' },
  ],
  '/capaciteitsplanner': [{ api: '/capaciteitsplanning/scenarios', url: '/v1/capaciteitsplanning/scenarios' }],
  '/geld': [{ api: '/budgetten/{jaar}', url: '/v1/budgetten/2026' }],
  '/beheer/koppelingen-en-bewaartermijnen': [{ api: '/vernietigingen', url: '/v1/vernietigingen' }],
  '/hele-beeld': [{ api: '/dakloosheidscijfers', url: '/v1/dakloosheidscijfers' }],
  '/datakwaliteit': [{ api: '/datakwaliteit', url: '/v1/datakwaliteit' }],
  '/iwmo': [{ api: '/iwmo-berichten', url: '/v1/iwmo-berichten' }],
  '/beheer/iwmo-aanbieders': [{ api: '/iwmo-aanbieders', url: '/v1/iwmo-aanbieders' }],
  '/buurt': [{ api: '/wijken', url: '/v1/wijken' }],
  '/buurt/meldingen': [{ api: '/buurtmeldingen', url: '/v1/buurtmeldingen' }],
  '/buurt/openbare-paginas': [{ api: '/buurtlocaties', url: '/v1/buurtlocaties' }],
};

/** The session user as the web interface gets it (web/src/api/types.ts), as far as the menu reads it. */
interface Gebruiker {
  id: string;
  gebruikersnaam: string;
  naam: string;
  rol: Role;
  locatieId: string | null;
  mogelijkheden: SessionAbilities;
}
interface MenuItem {
  label: string;
  pad: string;
  toon: (g: Gebruiker) => boolean;
}
// The web module is loaded at run time (it is typed for the web build, not for the server's module resolution).
const menuModule = '../../web/src/app/menu.ts';
const { MENU } = (await import(/* @vite-ignore */ menuModule)) as { MENU: MenuItem[] };

const ROLLEN: Role[] = ['toegang', 'locatie', 'corporatie', 'beleid', 'beheerder', 'client'];
const PASSWORD = 'menu-test-wachtwoord';
const contract = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, { get?: { 'x-actie'?: string } }>;
};

let database: Database;
let app: ReturnType<typeof createApp>;
const sessies = new Map<Role, Awaited<ReturnType<typeof loginAs>>>();
const gebruikers = new Map<Role, Gebruiker>();

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  app = createApp({ database });
  // the fixture has no client account and an unlinked corporatiemedewerker (as in role-route.test.ts)
  const client = await database.db
    .insertInto('clients')
    .values({
      tenant_id: 'dordrecht',
      first_name: 'Menu',
      last_name: 'Test',
      birth_date: null,
      bsn: null,
      origin_municipality_code: null,
      origin_label: 'Onbekend',
      cause: null,
      phone: null,
      email: null,
      gender: null,
      merged_into: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('users')
    .values({
      tenant_id: 'dordrecht',
      username: 'client',
      display_name: 'Menu Test',
      role: 'client',
      password_hash: await hashPassword(PASSWORD),
      facility_id: null,
      client_id: client.id,
    })
    .execute();
  const corporation = await database.db
    .insertInto('housing_corporations')
    .values({ tenant_id: 'dordrecht', name: 'Woonbron', contact_email: null, contact_phone: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .updateTable('users')
    .set({ corporation_id: corporation.id })
    .where('username', '=', 'corporatie')
    .execute();
  const naam: Record<string, string> = { beheerder: 'beheer' };
  for (const rol of ROLLEN) {
    const s = await loginAs(app, naam[rol] ?? rol, rol === 'client' ? PASSWORD : undefined);
    sessies.set(rol, s);
    const huidig = await s.get('/v1/sessies/huidig');
    expect(huidig.status).toBe(200);
    gebruikers.set(rol, huidig.body.gebruiker as Gebruiker);
  }
});
afterAll(() => database.close());

describe('hoofdmenu uit de mogelijkheden van de sessie (issue 16)', () => {
  it('elke pagina in het menu heeft een hoofd-API in het contract', () => {
    for (const item of MENU) {
      const h = HOOFD_API[item.pad];
      expect(h, `menu-item ${item.label} (${item.pad}) heeft geen hoofd-API in deze test`).toBeDefined();
      if (h === 'start' || !h) continue;
      for (const { api } of h)
        expect(contract.paths[api]?.get?.['x-actie'], `${api} in docs/openapi.json`).toBeTruthy();
    }
  });

  it.each(ROLLEN)('%s ziet precies de menu-items waarvan de hoofd-API de rol toelaat (rechtentabel)', (rol) => {
    const g = gebruikers.get(rol)!;
    // the session's mogelijkheden are the rights table's answers for this role
    const actor = {
      userId: g.id,
      username: g.gebruikersnaam,
      displayName: g.naam,
      role: rol,
      tenantId: 'dordrecht',
      facilityId: g.locatieId ?? null,
      clientId: null,
    };
    expect(g.mogelijkheden).toEqual(abilities(actor));
    for (const item of MENU) {
      const h = HOOFD_API[item.pad];
      if (h === 'start' || !h) continue;
      const mag = h.some(({ api }) => {
        const actie = contract.paths[api]?.get?.['x-actie'] ?? '';
        return actie === 'ingelogd' || can(actor, actie as Action);
      });
      expect(item.toon(g), `${rol}: ${item.label}`).toBe(mag);
    }
  });

  it.each(ROLLEN)('%s: een zichtbaar menu-item antwoordt 200, een verborgen menu-item 403', async (rol) => {
    const g = gebruikers.get(rol)!;
    const s = sessies.get(rol)!;
    const gezien: string[] = [];
    for (const item of MENU) {
      const h = HOOFD_API[item.pad];
      if (h === 'start' || !h) continue;
      const statussen = await Promise.all(h.map(async ({ url }) => (await s.get(url)).status));
      if (item.toon(g)) {
        expect(
          statussen.some((x) => x === 200),
          `${rol} ziet ${item.label}: ${h.map((x) => x.url)} → ${statussen}`,
        ).toBe(true);
        gezien.push(item.label);
      } else {
        expect(
          statussen.every((x) => x === 403),
          `${rol} ziet ${item.label} niet: ${h.map((x) => x.url)} → ${statussen}`,
        ).toBe(true);
      }
    }
    // the start page (or Mijn Onderdak) is always there
    expect(MENU.filter((i) => i.pad === '/' || i.pad === '/mijn-onderdak').some((i) => i.toon(g))).toBe(true);
    if (rol === 'client') expect(gezien).toEqual(['Mijn Onderdak']);
    else expect(gezien.length).toBeGreaterThan(0);
  });
});
