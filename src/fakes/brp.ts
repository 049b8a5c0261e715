// A fake Haal Centraal BRP Personen bevragen 2.x service (../shared/reference/brp/personen-openapi.yaml): the one
// call Onderdak makes, POST {base}/personen with type RaadpleegMetBurgerservicenummer, answered as the real API does
// (X-API-KEY, `fields` required, not found = empty list, Foutbericht/invalidParams on a bad request). Demo persons
// use the test BSN range 9999xxxxx. Used by the tests, the demo (src/areas/integrations/start.ts) and the e2e.
import { Hono } from 'hono';

export interface FakeBrpPerson {
  burgerservicenummer: string;
  voornamen: string;
  voorvoegsel?: string;
  geslachtsnaam: string;
  geboortedatum: string;
  geslacht: 'M' | 'V' | 'O';
  /** null: no address (VerblijfplaatsOnbekend), else a woonadres or briefadres. */
  adres: null | {
    straat: string;
    huisnummer: number;
    huisletter?: string;
    postcode: string;
    woonplaats: string;
    functie: 'woonadres' | 'briefadres';
  };
  gemeenteVanInschrijving: { code: string; omschrijving: string };
  geheimhouding?: number;
}

export const FAKE_BRP_PERSONS: FakeBrpPerson[] = [
  {
    burgerservicenummer: '999900006',
    voornamen: 'Johannes Petrus',
    geslachtsnaam: 'Visser',
    geboortedatum: '1979-03-14',
    geslacht: 'M',
    adres: {
      straat: 'Johan de Wittstraat',
      huisnummer: 12,
      postcode: '3311KJ',
      woonplaats: 'Dordrecht',
      functie: 'briefadres',
    },
    gemeenteVanInschrijving: { code: '0505', omschrijving: 'Dordrecht' },
  },
  {
    burgerservicenummer: '999900018',
    voornamen: 'Fatima',
    geslachtsnaam: 'El Amrani',
    geboortedatum: '1992-07-01',
    geslacht: 'V',
    adres: {
      straat: 'Burgemeester de Raadtsingel',
      huisnummer: 45,
      huisletter: 'B',
      postcode: '3311JG',
      woonplaats: 'Dordrecht',
      functie: 'woonadres',
    },
    gemeenteVanInschrijving: { code: '0505', omschrijving: 'Dordrecht' },
  },
  {
    burgerservicenummer: '999900031',
    voornamen: 'Kees',
    voorvoegsel: 'van der',
    geslachtsnaam: 'Berg',
    geboortedatum: '1965-11-23',
    geslacht: 'M',
    adres: null,
    gemeenteVanInschrijving: { code: '0642', omschrijving: 'Zwijndrecht' },
  },
  {
    burgerservicenummer: '999900043',
    voornamen: 'Anouk',
    geslachtsnaam: 'de Groot',
    geboortedatum: '2004-02-29',
    geslacht: 'V',
    adres: {
      straat: 'Noordendijk',
      huisnummer: 210,
      postcode: '3311RR',
      woonplaats: 'Dordrecht',
      functie: 'woonadres',
    },
    gemeenteVanInschrijving: { code: '0505', omschrijving: 'Dordrecht' },
    geheimhouding: 1,
  },
];

const LANG_MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const langFormaat = (d: string) => `${Number(d.slice(8))} ${LANG_MAANDEN[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

/** A Persoon as the API delivers it (only the groups Onderdak asks for; `fields` filters top-level groups). */
function persoon(p: FakeBrpPerson, fields: readonly string[]) {
  const wanted = (g: string) => fields.some((f) => f === g || f.startsWith(`${g}.`));
  const volledigeNaam = [p.voornamen, p.voorvoegsel, p.geslachtsnaam].filter(Boolean).join(' ');
  const full: Record<string, unknown> = {
    burgerservicenummer: p.burgerservicenummer,
    naam: {
      voornamen: p.voornamen,
      ...(p.voorvoegsel ? { voorvoegsel: p.voorvoegsel } : {}),
      geslachtsnaam: p.geslachtsnaam,
      voorletters: p.voornamen
        .split(' ')
        .map((v) => `${v[0]}.`)
        .join(''),
      volledigeNaam,
    },
    geboorte: { datum: { type: 'Datum', datum: p.geboortedatum, langFormaat: langFormaat(p.geboortedatum) } },
    geslacht: {
      code: p.geslacht,
      omschrijving: p.geslacht === 'M' ? 'man' : p.geslacht === 'V' ? 'vrouw' : 'onbekend',
    },
    gemeenteVanInschrijving: p.gemeenteVanInschrijving,
    verblijfplaats: p.adres
      ? {
          type: 'Adres',
          functieAdres: { code: p.adres.functie === 'woonadres' ? 'W' : 'B', omschrijving: p.adres.functie },
          verblijfadres: {
            officieleStraatnaam: p.adres.straat,
            korteStraatnaam: p.adres.straat,
            huisnummer: p.adres.huisnummer,
            ...(p.adres.huisletter ? { huisletter: p.adres.huisletter } : {}),
            postcode: p.adres.postcode,
            woonplaats: p.adres.woonplaats,
          },
        }
      : { type: 'VerblijfplaatsOnbekend', verblijfplaatsOnbekend: true },
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(full)) if (wanted(k)) out[k] = v;
  if (p.geheimhouding) out.geheimhoudingPersoonsgegevens = p.geheimhouding;
  return out;
}

const KNOWN_FIELDS = [
  'burgerservicenummer',
  'naam',
  'geboorte',
  'geslacht',
  'gemeenteVanInschrijving',
  'verblijfplaats',
];

const badRequest = (instance: string, invalidParams: { name: string; code: string; reason: string }[]) =>
  new Response(
    JSON.stringify({
      type: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1',
      title: 'Een of meerdere parameters zijn niet correct.',
      status: 400,
      instance,
      code: 'paramsValidation',
      invalidParams,
    }),
    { status: 400, headers: { 'content-type': 'application/problem+json' } },
  );

/** The fake; `apiKey` is what X-API-KEY must carry; `requests` records each call's protocol headers (for tests). */
export function createFakeBrp(opts: { apiKey: string; persons?: FakeBrpPerson[] }) {
  const persons = opts.persons ?? FAKE_BRP_PERSONS;
  const requests: { doelbinding: string | null; verwerking: string | null; gebruiker: string | null }[] = [];
  const app = new Hono();
  app.post('/haalcentraal/api/brp/personen', async (c) => {
    if (c.req.header('x-api-key') !== opts.apiKey)
      return c.json(
        { type: 'about:blank', title: 'Niet correct geauthenticeerd.', status: 401, code: 'authentication' },
        401,
        { 'content-type': 'application/problem+json' },
      );
    let b: Record<string, unknown>;
    try {
      b = (await c.req.json()) as Record<string, unknown>;
    } catch {
      return badRequest(c.req.path, [{ name: '(body)', code: 'json', reason: 'Geen geldige JSON.' }]);
    }
    requests.push({
      doelbinding: c.req.header('x-doelbinding') ?? null,
      verwerking: c.req.header('x-verwerking') ?? null,
      gebruiker: c.req.header('x-gebruiker') ?? null,
    });
    if (b.type !== 'RaadpleegMetBurgerservicenummer')
      return badRequest(c.req.path, [
        { name: 'type', code: 'value', reason: 'Deze fake kent alleen RaadpleegMetBurgerservicenummer.' },
      ]);
    const bsns = b.burgerservicenummer;
    const fields = b.fields;
    const problems: { name: string; code: string; reason: string }[] = [];
    if (!Array.isArray(bsns) || bsns.length < 1 || bsns.length > 20)
      problems.push({ name: 'burgerservicenummer', code: 'required', reason: 'Parameter is verplicht (1 tot 20).' });
    else
      bsns.forEach((x, i) => {
        if (typeof x !== 'string' || !/^[0-9]{9}$/.test(x))
          problems.push({
            name: `burgerservicenummer[${i}]`,
            code: 'pattern',
            reason: 'Waarde voldoet niet aan patroon ^[0-9]{9}$.',
          });
      });
    if (!Array.isArray(fields) || fields.length < 1)
      problems.push({ name: 'fields', code: 'required', reason: 'Parameter is verplicht.' });
    else
      fields.forEach((f, i) => {
        if (typeof f !== 'string' || !KNOWN_FIELDS.includes(f.split('.')[0]!))
          problems.push({
            name: `fields[${i}]`,
            code: 'field',
            reason: 'Parameter bevat een niet bestaande veldnaam.',
          });
      });
    if (problems.length) return badRequest(c.req.path, problems);
    const found = persons.filter((p) => (bsns as string[]).includes(p.burgerservicenummer));
    return c.json({
      type: 'RaadpleegMetBurgerservicenummer',
      personen: found.map((p) => persoon(p, fields as string[])),
    });
  });
  return { app, requests };
}
