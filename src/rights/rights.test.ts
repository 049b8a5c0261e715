// The rights table gives the session the same mogelijkheden the role checks gave before the table existed
// (domain.md §5, written out by hand), and authorize() refuses with the right's own Dutch text.
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../platform/db/schema.js';
import { ForbiddenError } from '../platform/errors.js';
import type { Role } from '../reference/reference.js';
import type { Actor, Ctx } from './context.js';
import { abilities, authorize, can, type SessionAbilities } from './rights.js';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  userId: `u-${role}`,
  username: role,
  displayName: role,
  role,
  tenantId: 'dordrecht',
  facilityId: null,
  clientId: null,
  ...extra,
});
// authorize() looks only at the actor: a database that never connects is enough.
const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const ctxOf = (a: Actor): Ctx => ({ actor: a, now: new Date('2026-11-23T10:00:00Z'), db });

const T = true;
const F = false;
// prettier-ignore
const EXPECTED: Record<Role, Partial<SessionAbilities>> = {
  //          clienten aanmeldingen besluiten plaatsen locaties locatiesBeheren gebruikersBeheren inzageLog rapportages eigenDossier perspectief voorkomen wonen
  toegang: {
    clienten: T,
    aanmeldingen: T,
    besluiten: T,
    plaatsen: T,
    locaties: T,
    locatiesBeheren: F,
    gebruikersBeheren: F,
    inzageLog: T,
    rapportages: T,
    eigenDossier: F,
    perspectief: T,
    voorkomen: T,
    wonen: T,
    taken: T,
    caseload: T,
    centrumgemeentenBeheren: F,
    instellingenBeheren: F,
    clientaccountsAanmaken: T,
    regioBeheren: F,
    inzagelogDoorzoeken: F,
    dossiersImporteren: T,
    reservekopieMaken: F,
  },
  locatie: {
    clienten: T,
    aanmeldingen: F,
    besluiten: F,
    plaatsen: T,
    locaties: T,
    locatiesBeheren: F,
    gebruikersBeheren: F,
    inzageLog: F,
    rapportages: F,
    eigenDossier: F,
    perspectief: T,
    voorkomen: F,
    wonen: F,
    taken: T,
    caseload: F,
    centrumgemeentenBeheren: F,
    instellingenBeheren: F,
    clientaccountsAanmaken: F,
    regioBeheren: F,
    inzagelogDoorzoeken: F,
    dossiersImporteren: F,
    reservekopieMaken: F,
  },
  corporatie: {
    clienten: F,
    aanmeldingen: F,
    besluiten: F,
    plaatsen: F,
    locaties: F,
    locatiesBeheren: F,
    gebruikersBeheren: F,
    inzageLog: F,
    rapportages: F,
    eigenDossier: F,
    perspectief: F,
    voorkomen: F,
    wonen: T,
    taken: F,
    caseload: F,
    centrumgemeentenBeheren: F,
    instellingenBeheren: F,
    clientaccountsAanmaken: F,
    regioBeheren: F,
    inzagelogDoorzoeken: F,
    dossiersImporteren: F,
    reservekopieMaken: F,
  },
  beleid: {
    clienten: F,
    aanmeldingen: F,
    besluiten: F,
    plaatsen: F,
    locaties: T,
    locatiesBeheren: F,
    gebruikersBeheren: F,
    inzageLog: F,
    rapportages: T,
    eigenDossier: F,
    perspectief: F,
    voorkomen: F,
    wonen: T,
    taken: F,
    caseload: F,
    centrumgemeentenBeheren: F,
    instellingenBeheren: F,
    clientaccountsAanmaken: F,
    regioBeheren: F,
    inzagelogDoorzoeken: F,
    dossiersImporteren: F,
    reservekopieMaken: F,
  },
  beheerder: {
    clienten: F,
    aanmeldingen: F,
    besluiten: F,
    plaatsen: F,
    locaties: T,
    locatiesBeheren: T,
    gebruikersBeheren: T,
    inzageLog: T,
    rapportages: T,
    eigenDossier: F,
    perspectief: F,
    voorkomen: F,
    wonen: T,
    taken: F,
    caseload: F,
    centrumgemeentenBeheren: F,
    instellingenBeheren: T,
    clientaccountsAanmaken: F,
    regioBeheren: T,
    inzagelogDoorzoeken: T,
    dossiersImporteren: F,
    reservekopieMaken: T,
  },
  client: {
    clienten: F,
    aanmeldingen: F,
    besluiten: F,
    plaatsen: F,
    locaties: F,
    locatiesBeheren: F,
    gebruikersBeheren: F,
    inzageLog: F, // issue 16: only through Mijn Onderdak
    rapportages: F,
    eigenDossier: T,
    perspectief: F,
    voorkomen: F,
    wonen: F,
    taken: F,
    caseload: F,
    centrumgemeentenBeheren: F,
    instellingenBeheren: F,
    clientaccountsAanmaken: F,
    regioBeheren: F,
    inzagelogDoorzoeken: F,
    dossiersImporteren: F,
    reservekopieMaken: F,
  },
  // issue 11: installation-wide, no person data and nothing of a tenant
  installatie: {
    clienten: F,
    aanmeldingen: F,
    besluiten: F,
    plaatsen: F,
    locaties: F,
    locatiesBeheren: F,
    gebruikersBeheren: F,
    inzageLog: F,
    rapportages: F,
    eigenDossier: F,
    perspectief: F,
    voorkomen: F,
    wonen: F,
    taken: F,
    caseload: F,
    centrumgemeentenBeheren: T,
    instellingenBeheren: F,
    clientaccountsAanmaken: F,
    regioBeheren: F,
    inzagelogDoorzoeken: F,
    dossiersImporteren: F,
    reservekopieMaken: F,
  },
};

describe('rechtentabel', () => {
  it.each(Object.keys(EXPECTED) as Role[])(
    'geeft de sessie van %s dezelfde mogelijkheden als de oude rolcontroles',
    (role) => {
      // issue 16: later abilities (the menu's pages) are checked against the API in menu.test.ts
      const nu = abilities(actor(role));
      const oud = Object.fromEntries(Object.keys(EXPECTED[role]).map((k) => [k, nu[k as keyof SessionAbilities]]));
      expect(oud).toEqual(EXPECTED[role]);
    },
  );

  it('weigert met 403 en de Nederlandse tekst van het recht', () => {
    const beleid = ctxOf(actor('beleid'));
    expect(refused(beleid, 'uitstroom.registreren')).toBe('Alleen de toegang/trajecthouder registreert uitstroom.');
    expect(refused(beleid, 'plaatsen')).toBe('Uw rol mag niet plaatsen.');
    expect(refused(beleid, 'verblijven.wijzigen')).toBe('Uw rol mag verblijven niet wijzigen.');
    expect(refused(beleid, 'dossier.lezen')).toBe('Uw rol geeft geen toegang tot persoonsgegevens.');
    expect(refused(ctxOf(actor('client')), 'locaties.zien')).toBe('Uw rol geeft geen toegang tot de bezetting.');
    expect(refused(ctxOf(actor('toegang')), 'gebruikers.beheren')).toBe('Uw rol mag deze handeling niet uitvoeren.');
    expect(refused(ctxOf(actor('beheerder')), 'gebruikers.beheren')).toBeNull();
  });

  it('past de voorwaarde op het object toe: eigen locatie, eigen dossier, status van de aanmelding', () => {
    const loc = ctxOf(actor('locatie', { facilityId: 'f1' }));
    expect(refused(loc, 'plaatsen.opLocatie', { facilityId: 'f2' })).toBe(
      'U kunt alleen plaatsen op uw eigen locatie.',
    );
    expect(refused(loc, 'plaatsen.opLocatie', { facilityId: 'f1' })).toBeNull();
    expect(can(loc.actor, 'locaties.zien', { facilityId: 'f2' })).toBe(false);
    expect(can(actor('beleid'), 'locaties.zien', { facilityId: 'f2' })).toBe(true);
    const client = ctxOf(actor('client', { clientId: 'c1' }));
    // issue 16: a client reads who viewed the own dossier in Mijn Onderdak, not the staff log (not even their own)
    for (const clientId of ['c1', 'c2'])
      expect(refused(client, 'inzagelog.lezen', { clientId })).toBe(
        'U mag het inzagelog van dit dossier niet bekijken.',
      );
    const toegang = actor('toegang');
    expect(can(toegang, 'aanmeldingen.screenen', { status: 'aangemeld' })).toBe(true);
    expect(can(toegang, 'aanmeldingen.screenen', { status: 'gescreend' })).toBe(false);
    expect(can(toegang, 'aanmeldingen.besluiten', { status: 'gescreend' })).toBe(true);
    expect(can(toegang, 'aanmeldingen.besluiten', { status: 'besloten' })).toBe(false);
  });
});

// issue 18: capaciteitsplanner — only beleid and toegang; aggregates and models, no persons
describe('capaciteitsplanner (issue 18)', () => {
  it('is er voor beleid en toegang, niet voor locatie, corporatie, beheerder of cliënt', () => {
    for (const role of ['beleid', 'toegang'] as Role[]) {
      expect(can(actor(role), 'capaciteitsplanning.zien')).toBe(true);
      expect(can(actor(role), 'capaciteitsplanning.rekenen')).toBe(true);
    }
    for (const role of ['locatie', 'corporatie', 'beheerder', 'client'] as Role[]) {
      expect(refused(ctxOf(actor(role)), 'capaciteitsplanning.zien')).toBe(
        'Alleen beleid en toegang gebruiken de capaciteitsplanner.',
      );
      expect(can(actor(role), 'capaciteitsplanning.rekenen')).toBe(false);
    }
  });
});

// issue 17: locaties en buurt — beleid sees aggregates and handles meldingen without the reporter's contact details;
// a locatiemedewerker only the own facility's meldingen.
describe('issue 17: buurtmeldingen and draagkracht rights', () => {
  it('gives the reporter contact only to toegang and the own facility, never to beleid', () => {
    expect(can(actor('beleid'), 'buurtmeldingen.zien', { facilityId: 'f1' })).toBe(true);
    expect(can(actor('beleid'), 'buurtmeldingen.contactZien', { facilityId: 'f1' })).toBe(false);
    expect(can(actor('toegang'), 'buurtmeldingen.contactZien', { facilityId: 'f1' })).toBe(true);
    const loc = actor('locatie', { facilityId: 'f1' });
    expect(can(loc, 'buurtmeldingen.behandelen', { facilityId: 'f1' })).toBe(true);
    expect(refused(ctxOf(loc), 'buurtmeldingen.behandelen', { facilityId: 'f2' })).toBe(
      'U behandelt alleen meldingen over uw eigen locatie.',
    );
    expect(refused(ctxOf(actor('toegang')), 'buurt.beheren')).toBe(
      'Alleen beleid beheert wijken, locaties en de procedure.',
    );
    expect(can(actor('corporatie'), 'buurt.lezen')).toBe(false);
  });
});

function refused(ctx: Ctx, action: Parameters<typeof authorize>[1], row?: Record<string, unknown>): string | null {
  try {
    authorize(ctx, action, row);
    return null;
  } catch (e) {
    if (!(e instanceof ForbiddenError)) throw e;
    expect(e.status).toBe(403);
    return e.message;
  }
}

// issue 19: geld, koppelingen en AVG
describe('rechten geld, koppelingen en AVG (issue 19)', () => {
  it('een cliënt exporteert alleen het eigen dossier; beheerder en beleid zien geen dossierinhoud of eigen bijdrage', () => {
    const client = ctxOf(actor('client', { clientId: 'c1' }));
    expect(refused(client, 'avg.exporteren', { clientId: 'c1' })).toBeNull();
    expect(refused(client, 'avg.exporteren', { clientId: 'c2' })).toBe('U mag deze gegevens niet exporteren.');
    for (const role of ['beheerder', 'beleid', 'locatie', 'corporatie'] as const) {
      expect(can(actor(role), 'avg.exporteren', { clientId: 'c1' })).toBe(false);
      expect(can(actor(role), 'eigenBijdrage.lezen')).toBe(false);
      expect(can(actor(role), 'brp.raadplegen')).toBe(false);
    }
    expect(can(actor('beleid'), 'budget.zien')).toBe(true);
    expect(can(actor('beheerder'), 'avg.vernietigen')).toBe(true);
    expect(can(actor('toegang'), 'avg.vernietigen')).toBe(false);
    expect(can(actor('toegang'), 'tarieven.beheren')).toBe(false);
  });
});
