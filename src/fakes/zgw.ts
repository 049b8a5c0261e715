// A fake ZGW service (Zaken API 1.5 and Besluiten API 1.1, as Open Zaak offers them; ../shared/reference/zgw): the
// calls Onderdak makes, with the real conventions — JWT (HS256, client_id) on every call, Content-Crs on POST /zaken
// and Accept-Crs on GET /zaken (412 without), URLs as references, {count, next, previous, results} lists,
// ValidatieFout with invalidParams, identificatie unique per bronorganisatie. For tests and the demo it can be
// switched "down" (503 on everything) and can lose the response of the next successful write (the change is stored,
// the caller gets a 502), so retries and idempotency can be proven.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { verifyZgwJwt } from '../areas/integrations/zgw.jwt.js';

export const FAKE_ZGW_CLIENT_ID = 'onderdak';
const CATALOG_UUIDS = {
  zaaktype: '6f0d7b5e-6b49-4c5e-9a1a-0a1b2c3d4e01',
  besluittype: '6f0d7b5e-6b49-4c5e-9a1a-0a1b2c3d4e02',
  aangemeld: '6f0d7b5e-6b49-4c5e-9a1a-0a1b2c3d4e11',
  gescreend: '6f0d7b5e-6b49-4c5e-9a1a-0a1b2c3d4e12',
  besloten: '6f0d7b5e-6b49-4c5e-9a1a-0a1b2c3d4e13',
  afgesloten: '6f0d7b5e-6b49-4c5e-9a1a-0a1b2c3d4e14',
};

/** The catalogue URLs of the fake (zaaktype "Aanmelding maatschappelijke opvang", its status types, besluittype). */
export function fakeZgwCatalog(base: string) {
  const cat = `${base}/catalogi/api/v1`;
  return {
    zaaktype: `${cat}/zaaktypen/${CATALOG_UUIDS.zaaktype}`,
    besluittype: `${cat}/besluittypen/${CATALOG_UUIDS.besluittype}`,
    statustypen: {
      aangemeld: `${cat}/statustypen/${CATALOG_UUIDS.aangemeld}`,
      gescreend: `${cat}/statustypen/${CATALOG_UUIDS.gescreend}`,
      besloten: `${cat}/statustypen/${CATALOG_UUIDS.besloten}`,
      afgesloten: `${cat}/statustypen/${CATALOG_UUIDS.afgesloten}`,
    },
  };
}

export interface FakeZaak {
  url: string;
  uuid: string;
  identificatie: string;
  bronorganisatie: string;
  zaaktype: string;
  startdatum: string;
  einddatum: string | null;
  omschrijving: string;
  vertrouwelijkheidaanduiding: string;
  kenmerken: { kenmerk: string; bron: string }[];
  status: string | null;
}
export interface FakeStatus {
  url: string;
  zaak: string;
  statustype: string;
  datumStatusGezet: string;
  statustoelichting: string;
}
export interface FakeBesluit {
  url: string;
  identificatie: string;
  verantwoordelijkeOrganisatie: string;
  besluittype: string;
  zaak: string;
  datum: string;
  ingangsdatum: string;
  toelichting: string;
  uiterlijkeReactiedatum: string | null;
}

const validatieFout = (instance: string, invalidParams: { name: string; code: string; reason: string }[]) =>
  new Response(
    JSON.stringify({
      type: 'https://ref.tst.vng.cloud/ztc/api/v1/../../../ref/fouten/ValidationError/',
      code: 'invalid',
      title: 'Invalid input.',
      status: 400,
      detail: '',
      instance,
      invalidParams,
    }),
    { status: 400, headers: { 'content-type': 'application/problem+json' } },
  );

const page = <T>(results: T[]) => ({ count: results.length, next: null, previous: null, results });

export function createFakeZgw(opts: { base: string; secret: string }) {
  const catalog = fakeZgwCatalog(opts.base);
  const endStatus = catalog.statustypen.afgesloten;
  const state = {
    zaken: [] as FakeZaak[],
    statussen: [] as FakeStatus[],
    besluiten: [] as FakeBesluit[],
    /** true: every call answers 503 (the zaaksysteem is down). */
    down: false,
    /** > 0: the next n successful writes are stored but answered with 502 (a lost response). */
    loseResponses: 0,
    /** Every write that reached the store, in order: what arrived. */
    writes: [] as string[],
  };
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (state.down)
      return c.json({ title: 'Service Unavailable', status: 503, detail: 'Onderhoud' }, 503, {
        'content-type': 'application/problem+json',
      });
    const auth = c.req.header('authorization') ?? '';
    const claims = auth.startsWith('Bearer ')
      ? verifyZgwJwt(auth.slice(7), { [FAKE_ZGW_CLIENT_ID]: opts.secret })
      : null;
    if (!claims)
      return c.json(
        {
          type: 'about:blank',
          code: 'not_authenticated',
          title: 'Authenticatiegegevens zijn niet opgegeven.',
          status: 401,
        },
        401,
      );
    await next();
    c.header('API-version', '1.5.1');
  });
  const written = <T>(c: { json: (b: T, s: 201) => Response }, body: T, what: string) => {
    state.writes.push(what);
    if (state.loseResponses > 0) {
      state.loseResponses--;
      return new Response('Bad Gateway', { status: 502 });
    }
    return c.json(body, 201);
  };

  const zaken = '/zaken/api/v1';
  app.get(`${zaken}/zaken`, (c) => {
    if (!c.req.header('accept-crs')) return c.json({ code: 'missing-accept-crs-header', status: 412 }, 412);
    const { identificatie, bronorganisatie } = c.req.query();
    return c.json(
      page(
        state.zaken.filter(
          (z) =>
            (!identificatie || z.identificatie === identificatie) &&
            (!bronorganisatie || z.bronorganisatie === bronorganisatie),
        ),
      ),
      200,
      { 'Content-Crs': 'EPSG:4326' },
    );
  });
  app.get(`${zaken}/zaken/:uuid`, (c) => {
    const z = state.zaken.find((x) => x.uuid === c.req.param('uuid'));
    return z ? c.json(z) : c.json({ code: 'not_found', status: 404, title: 'Niet gevonden.' }, 404);
  });
  app.post(`${zaken}/zaken`, async (c) => {
    if (!c.req.header('content-crs')) return c.json({ code: 'missing-content-crs-header', status: 412 }, 412);
    const b = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    const problems: { name: string; code: string; reason: string }[] = [];
    for (const f of ['zaaktype', 'bronorganisatie', 'verantwoordelijkeOrganisatie', 'startdatum'])
      if (typeof b[f] !== 'string' || !b[f])
        problems.push({ name: f, code: 'required', reason: 'Dit veld is vereist.' });
    if (b.zaaktype && b.zaaktype !== catalog.zaaktype)
      problems.push({ name: 'zaaktype', code: 'bad-url', reason: 'De URL is geen bekend zaaktype.' });
    if (typeof b.bronorganisatie === 'string' && !/^\d{9}$/.test(b.bronorganisatie))
      problems.push({ name: 'bronorganisatie', code: 'invalid-length', reason: 'Een RSIN heeft 9 cijfers.' });
    const identificatie =
      typeof b.identificatie === 'string' && b.identificatie ? b.identificatie : `ZAAK-${state.zaken.length + 1}`;
    if (state.zaken.some((z) => z.identificatie === identificatie && z.bronorganisatie === b.bronorganisatie))
      problems.push({
        name: 'identificatie',
        code: 'identificatie-niet-uniek',
        reason: 'Deze identificatie bestaat al voor deze bronorganisatie.',
      });
    if (problems.length) return validatieFout(c.req.path, problems);
    const uuid = randomUUID();
    const z: FakeZaak = {
      url: `${opts.base}${zaken}/zaken/${uuid}`,
      uuid,
      identificatie,
      bronorganisatie: String(b.bronorganisatie),
      zaaktype: String(b.zaaktype),
      startdatum: String(b.startdatum),
      einddatum: null,
      omschrijving: String(b.omschrijving ?? ''),
      vertrouwelijkheidaanduiding: String(b.vertrouwelijkheidaanduiding ?? 'zaakvertrouwelijk'),
      kenmerken: Array.isArray(b.kenmerken) ? (b.kenmerken as FakeZaak['kenmerken']) : [],
      status: null,
    };
    state.zaken.push(z);
    return written(c, z, `zaak ${identificatie}`);
  });
  app.get(`${zaken}/statussen`, (c) => {
    const zaak = c.req.query('zaak');
    return c.json(page(state.statussen.filter((s) => !zaak || s.zaak === zaak)));
  });
  app.post(`${zaken}/statussen`, async (c) => {
    const b = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    const zaak = state.zaken.find((z) => z.url === b.zaak);
    const problems: { name: string; code: string; reason: string }[] = [];
    if (!zaak) problems.push({ name: 'zaak', code: 'bad-url', reason: 'De zaak bestaat niet.' });
    if (!Object.values(catalog.statustypen).includes(String(b.statustype)))
      problems.push({ name: 'statustype', code: 'bad-url', reason: 'Onbekend statustype.' });
    if (typeof b.datumStatusGezet !== 'string')
      problems.push({ name: 'datumStatusGezet', code: 'required', reason: 'Dit veld is vereist.' });
    if (problems.length) return validatieFout(c.req.path, problems);
    const s: FakeStatus = {
      url: `${opts.base}${zaken}/statussen/${randomUUID()}`,
      zaak: zaak!.url,
      statustype: String(b.statustype),
      datumStatusGezet: String(b.datumStatusGezet),
      statustoelichting: String(b.statustoelichting ?? ''),
    };
    state.statussen.push(s);
    zaak!.status = s.url;
    if (s.statustype === endStatus) zaak!.einddatum = s.datumStatusGezet.slice(0, 10);
    const name = Object.entries(catalog.statustypen).find(([, u]) => u === s.statustype)?.[0];
    return written(c, s, `status ${zaak!.identificatie} ${name}`);
  });

  const besluiten = '/besluiten/api/v1';
  app.get(`${besluiten}/besluiten`, (c) => {
    const { identificatie, verantwoordelijkeOrganisatie, zaak } = c.req.query();
    return c.json(
      page(
        state.besluiten.filter(
          (b) =>
            (!identificatie || b.identificatie === identificatie) &&
            (!verantwoordelijkeOrganisatie || b.verantwoordelijkeOrganisatie === verantwoordelijkeOrganisatie) &&
            (!zaak || b.zaak === zaak),
        ),
      ),
    );
  });
  app.post(`${besluiten}/besluiten`, async (c) => {
    const b = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    const problems: { name: string; code: string; reason: string }[] = [];
    for (const f of ['besluittype', 'verantwoordelijkeOrganisatie', 'datum', 'ingangsdatum'])
      if (typeof b[f] !== 'string' || !b[f])
        problems.push({ name: f, code: 'required', reason: 'Dit veld is vereist.' });
    if (b.besluittype && b.besluittype !== catalog.besluittype)
      problems.push({ name: 'besluittype', code: 'bad-url', reason: 'Onbekend besluittype.' });
    if (b.zaak && !state.zaken.some((z) => z.url === b.zaak))
      problems.push({ name: 'zaak', code: 'bad-url', reason: 'De zaak bestaat niet.' });
    const identificatie =
      typeof b.identificatie === 'string' && b.identificatie
        ? b.identificatie
        : `BESLUIT-${state.besluiten.length + 1}`;
    if (
      state.besluiten.some(
        (x) => x.identificatie === identificatie && x.verantwoordelijkeOrganisatie === b.verantwoordelijkeOrganisatie,
      )
    )
      problems.push({
        name: 'identificatie',
        code: 'identificatie-niet-uniek',
        reason: 'Deze identificatie bestaat al.',
      });
    if (problems.length) return validatieFout(c.req.path, problems);
    const x: FakeBesluit = {
      url: `${opts.base}${besluiten}/besluiten/${randomUUID()}`,
      identificatie,
      verantwoordelijkeOrganisatie: String(b.verantwoordelijkeOrganisatie),
      besluittype: String(b.besluittype),
      zaak: String(b.zaak ?? ''),
      datum: String(b.datum),
      ingangsdatum: String(b.ingangsdatum),
      toelichting: String(b.toelichting ?? ''),
      uiterlijkeReactiedatum: typeof b.uiterlijkeReactiedatum === 'string' ? b.uiterlijkeReactiedatum : null,
    };
    state.besluiten.push(x);
    return written(c, x, `besluit ${identificatie}`);
  });
  return { app, state, catalog };
}
