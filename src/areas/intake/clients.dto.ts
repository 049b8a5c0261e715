// Response schemas of clients (list, duplicates, the file, its access log) and the functions that shape rows into them.
import { z } from '@hono/zod-openapi';
import { datumTekst } from '../../platform/dates.js';
import { DatumUit, PagingLinks, Tijdstip } from '../../platform/http/schemas.js';
import { daysBetween, todayInNl } from '../../platform/validation.js';
import { CAUSES, EXIT_DESTINATIONS } from '../../reference/reference.js';
import type { Actor } from '../../rights/context.js';
import { can } from '../../rights/rights.js';
import { Bestemmingsgroep, DossierTraject, nightsOf, toVerblijf, Verblijf } from '../shelter/placements.dto.js';
import type { ClientFileRows, ClientSummaryRow } from './clients.queries.js';
import { Aanmelding, toAanmelding, toToegangsbesluit } from './registrations.dto.js';

export const ClientStatus = z.enum(['aangemeld', 'in-opvang', 'uitgestroomd', 'geen-traject']).openapi('ClientStatus');

export const ClientSamenvatting = z
  .object({
    id: z.string(),
    voornaam: z.string(),
    achternaam: z.string(),
    geboortedatum: DatumUit.nullable(),
    herkomst: z.string(),
    heeftBsn: z.boolean(),
    status: ClientStatus,
    huidigeLocatie: z.string().nullable().openapi({ description: 'Locatie — eenheid van het lopende verblijf' }),
    trajecthouder: z.string().nullable().openapi({ description: 'Naam van de trajecthouder van het lopende traject' }),
    laatsteContact: DatumUit.nullable().openapi({
      description: 'Laatste aanmelding, plaatsing of vertrek: om gelijknamigen uit elkaar te houden',
    }),
  })
  .openapi('ClientSamenvatting');
export type ClientSamenvatting = z.infer<typeof ClientSamenvatting>;

export function toClientSamenvatting(r: ClientSummaryRow): ClientSamenvatting {
  const status = r.facility_name
    ? 'in-opvang'
    : (r.open_registrations ?? 0) > 0
      ? 'aangemeld'
      : (r.trajectories ?? 0) > 0 && !(r.open_trajectories ?? 0)
        ? 'uitgestroomd'
        : 'geen-traject';
  return {
    id: r.id,
    voornaam: r.first_name,
    achternaam: r.last_name,
    geboortedatum: r.birth_date,
    herkomst: r.origin_label,
    heeftBsn: !!r.bsn,
    status,
    huidigeLocatie: r.facility_name ? `${r.facility_name} — ${r.unit_name}` : null,
    trajecthouder: r.case_manager_name ?? null,
    laatsteContact: r.last_contact ? r.last_contact.slice(0, 10) : null,
  };
}

export const ClientenLijst = z
  .object({
    resultaten: z.array(ClientSamenvatting),
    pagina: z.number().int(),
    paginaGrootte: z.number().int(),
    totaal: z.number().int(),
    _links: PagingLinks,
  })
  .openapi('ClientenLijst');

/** The answer of POST /v1/clienten/_zoek (no paging links: a POST search has no URL to page with). */
export const ClientenZoekresultaat = z
  .object({
    resultaten: z.array(ClientSamenvatting),
    pagina: z.number().int(),
    paginaGrootte: z.number().int(),
    totaal: z.number().int(),
  })
  .openapi('ClientenZoekresultaat');

export const DubbelReden = z
  .enum(['zelfde BSN', 'gelijke naam en geboortedatum', 'lijkende naam en geboortedatum'])
  .openapi('DubbelReden');
export type DubbelReden = z.infer<typeof DubbelReden>;
export const DubbelKandidaat = ClientSamenvatting.extend({ reden: DubbelReden }).openapi('DubbelKandidaat');
export const Dubbelen = z.object({ kandidaten: z.array(DubbelKandidaat) }).openapi('Dubbelen');

export const Huishoudlid = z
  .object({
    id: z.string(),
    naam: z.string(),
    geboortedatum: DatumUit.nullable(),
    relatie: z.enum(['partner', 'kind', 'overig']),
  })
  .openapi('Huishoudlid');

export const TijdlijnSoort = z
  .enum(['aanmelding', 'screening', 'besluit', 'plaatsing', 'vertrek', 'uitstroom', 'samenvoeging'])
  .openapi('TijdlijnSoort');
type TijdlijnSoort = z.infer<typeof TijdlijnSoort>;
export const TijdlijnItem = z
  .object({ datum: DatumUit, soort: TijdlijnSoort, titel: z.string(), omschrijving: z.string() })
  .openapi('TijdlijnItem');
type TijdlijnItem = z.infer<typeof TijdlijnItem>;

export const Correctie = z
  .object({
    id: z.string(),
    tijdstip: Tijdstip,
    onderdeel: z.enum(['client', 'huishoudlid', 'aanmelding', 'besluit']),
    onderdeelId: z.string(),
    veld: z.string(),
    oud: z.string().nullable(),
    nieuw: z.string().nullable(),
    reden: z.string(),
    door: z.string().nullable(),
  })
  .openapi('Correctie');
export type Correctie = z.infer<typeof Correctie>;

export const ClientMogelijkheden = z
  .object({
    corrigeren: z.boolean(),
    splitsen: z.boolean(),
    wijzigen: z.boolean(),
    aanmelden: z.boolean(),
    plaatsen: z.boolean(),
    uitstroom: z.boolean(),
    samenvoegen: z.boolean(),
    inzageLog: z.boolean(),
  })
  .openapi('ClientMogelijkheden');

export const Client = z
  .object({
    id: z.string(),
    voornaam: z.string(),
    achternaam: z.string(),
    geboortedatum: DatumUit.nullable(),
    bsn: z.string().nullable().openapi({ description: 'Alleen voor de toegang en de cliënt zelf' }),
    herkomst: z.string(),
    herkomstGemeentecode: z.string().nullable(),
    aanleiding: z.string().nullable(),
    aanleidingLabel: z.string().nullable(),
    telefoon: z.string().nullable(),
    email: z.string().nullable(),
    huishoudleden: z.array(Huishoudlid),
    huishoudgrootte: z.number().int(),
    aanmeldingen: z.array(Aanmelding),
    trajecten: z.array(DossierTraject),
    verblijven: z.array(Verblijf),
    tijdlijn: z.array(TijdlijnItem),
    correcties: z.array(Correctie).openapi({ description: 'Wat na het opslaan is gecorrigeerd, nieuwste eerst' }),
    samenvoegingen: z.array(
      z
        .object({
          id: z.string(),
          samengevoegdOp: Tijdstip,
          samengevoegdId: z.string(),
          ongedaanGemaakt: z.boolean(),
          splitsbaar: z.boolean().openapi({ description: 'Kan deze samenvoeging ongedaan worden gemaakt' }),
          toelichting: z.string().nullable().openapi({ description: 'Waarom splitsen niet kan (of niet meer kan)' }),
        })
        .openapi('SamenvoegingInDossier'),
    ),
    nietDezelfde: z
      .array(z.string())
      .openapi({ description: 'Dossiers die eerder gesplitst zijn: geen dubbele registratie van deze persoon' }),
    mogelijkheden: ClientMogelijkheden,
  })
  .openapi('Client');
export type Client = z.infer<typeof Client>;

const causeLabel = (code: string | null) => (code ? (CAUSES.find((x) => x.code === code)?.label ?? code) : null);
const TIMELINE_ORDER: Record<TijdlijnSoort, number> = {
  aanmelding: 0,
  screening: 1,
  besluit: 2,
  plaatsing: 3,
  vertrek: 4,
  uitstroom: 5,
  samenvoeging: 6,
};

/** The case page: person, household, registrations with decisions, trajectories, stays and one timeline (newest first). */
export function toClient(actor: Actor, now: Date, rows: ClientFileRows): Client {
  const {
    client: c,
    household,
    registrations,
    decisions,
    trajectories,
    stays,
    merges,
    corrections,
    objections,
    notSame,
  } = rows;
  const today = todayInNl(now);
  const trajectoryByReg = new Map(
    trajectories.flatMap((t) => (t.registration_id ? [[t.registration_id, t.id] as const] : [])),
  );
  const decisionByReg = new Map(
    decisions.map((d) => {
      const linked = registrations.find((r) => r.id === d.registration_id)?.trajectory_id ?? null;
      return [
        d.registration_id,
        toToegangsbesluit(actor, d, trajectoryByReg.get(d.registration_id) ?? linked, objections),
      ] as const;
    }),
  );
  const trajectoryStart = new Map(trajectories.map((t) => [t.id, t.started_on]));
  const aanmeldingen = registrations.map((r) =>
    toAanmelding(
      actor,
      r,
      decisionByReg.get(r.id) ?? null,
      r.trajectory_id ? { id: r.trajectory_id, start: trajectoryStart.get(r.trajectory_id) ?? '' } : null,
    ),
  );
  const verblijven = stays.map((s) => toVerblijf(actor, s, now));
  const mayExit = can(actor, 'uitstroom.registreren');
  const trajecten = trajectories.map((t): DossierTraject => {
    const dest = EXIT_DESTINATIONS.find((d) => d.code === t.exit_destination);
    return {
      id: t.id,
      clientId: c.id,
      start: t.started_on,
      eind: t.ended_on,
      bestemming: t.exit_destination,
      bestemmingLabel: dest?.label ?? null,
      bestemmingsgroep: t.exit_group === null ? null : Bestemmingsgroep.parse(t.exit_group),
      dagen: daysBetween(t.started_on, t.ended_on ?? today),
      nachten: stays.filter((s) => s.trajectory_id === t.id).reduce((n, s) => n + nightsOf(s, now), 0),
      mogelijkheden: { uitstroom: !t.ended_on && mayExit },
    };
  });
  const tijdlijn: TijdlijnItem[] = [];
  for (const r of aanmeldingen) {
    tijdlijn.push({
      datum: r.datum,
      soort: 'aanmelding',
      titel: 'Aanmelding',
      omschrijving: `Via ${r.bronLabel}${r.toelichting ? `: ${r.toelichting}` : ''}`,
    });
    if (r.screeningDatum)
      tijdlijn.push({
        datum: r.screeningDatum,
        soort: 'screening',
        titel: 'Screening',
        omschrijving: r.screening ?? '',
      });
    if (r.besluit)
      tijdlijn.push({
        datum: r.besluit.datum,
        soort: 'besluit',
        titel: `Besluit: ${r.besluit.uitkomstLabel}`,
        omschrijving:
          `${r.besluit.reden ?? ''}${r.besluit.regiobinding?.verantwoordelijkeTenantNaam ? ` Verantwoordelijk: ${r.besluit.regiobinding.verantwoordelijkeTenantNaam}.` : ''} Bezwaar mogelijk tot ${datumTekst(r.besluit.bezwaartermijnTot)}.`.trim(),
      });
  }
  for (const s of verblijven) {
    tijdlijn.push({
      datum: s.van,
      soort: 'plaatsing',
      titel: 'Plaatsing',
      omschrijving: `${s.locatieNaam}, ${s.eenheidNaam}`,
    });
    if (s.tot)
      tijdlijn.push({
        datum: s.tot,
        soort: 'vertrek',
        titel: 'Verblijf beëindigd',
        omschrijving: `${s.locatieNaam}, ${s.eenheidNaam} (${s.nachten} nachten)${s.reden ? ` — ${s.reden}` : ''}`,
      });
  }
  for (const t of trajecten)
    if (t.eind && t.bestemming)
      tijdlijn.push({
        datum: t.eind,
        soort: 'uitstroom',
        titel: 'Uitstroom',
        omschrijving: `${t.bestemmingLabel} (${t.dagen} dagen traject)`,
      });
  for (const m of merges.filter((x) => !x.undone_at))
    tijdlijn.push({
      datum: new Date(m.merged_at).toISOString().slice(0, 10),
      soort: 'samenvoeging',
      titel: 'Dossiers samengevoegd',
      omschrijving: `Dubbele registratie ${m.merged_id.slice(0, 8)} samengevoegd`,
    });
  tijdlijn.sort((a, b) =>
    a.datum === b.datum ? TIMELINE_ORDER[b.soort] - TIMELINE_ORDER[a.soort] : a.datum < b.datum ? 1 : -1,
  );
  return {
    id: c.id,
    voornaam: c.first_name,
    achternaam: c.last_name,
    geboortedatum: c.birth_date,
    bsn: can(actor, 'clienten.bsnZien') ? c.bsn : null,
    herkomst: c.origin_label,
    herkomstGemeentecode: c.origin_municipality_code,
    aanleiding: c.cause,
    aanleidingLabel: causeLabel(c.cause),
    telefoon: c.phone,
    email: c.email,
    huishoudleden: household.map((h) => ({
      id: h.id,
      naam: h.name,
      geboortedatum: h.birth_date,
      relatie: Huishoudlid.shape.relatie.parse(h.relation),
    })),
    huishoudgrootte: 1 + household.length,
    aanmeldingen,
    trajecten,
    verblijven,
    tijdlijn,
    correcties: corrections.map((r) => {
      const hidden = r.field === 'bsn' && !can(actor, 'clienten.bsnZien');
      return {
        id: r.id,
        tijdstip: new Date(r.corrected_at).toISOString(),
        onderdeel: Correctie.shape.onderdeel.parse(r.entity),
        onderdeelId: r.entity_id,
        veld: r.field,
        oud: hidden && r.old_value ? '•••••••••' : r.old_value,
        nieuw: hidden && r.new_value ? '•••••••••' : r.new_value,
        reden: r.reason,
        door: r.corrected_by_name,
      };
    }),
    samenvoegingen: merges.map((m) => ({
      id: m.id,
      samengevoegdOp: new Date(m.merged_at).toISOString(),
      samengevoegdId: m.merged_id,
      ongedaanGemaakt: !!m.undone_at,
      splitsbaar: !m.undone_at && m.splittable === true,
      toelichting: m.undone_at
        ? 'Deze samenvoeging is al ongedaan gemaakt.'
        : m.splittable
          ? null
          : 'Deze samenvoeging is gemaakt voordat samenvoegingen ongedaan konden worden gemaakt: er is niet vastgelegd welke aanmeldingen, trajecten en verblijven van het andere dossier kwamen. Splitsen kan daarom niet automatisch; vraag de functioneel beheerder om de dossiers handmatig te scheiden.',
    })),
    nietDezelfde: notSame,
    mogelijkheden: {
      corrigeren: can(actor, 'clienten.corrigeren'),
      splitsen: can(actor, 'clienten.splitsen') && merges.some((m) => !m.undone_at),
      wijzigen: can(actor, 'clienten.registreren'),
      aanmelden: can(actor, 'aanmeldingen.registreren'),
      plaatsen: can(actor, 'plaatsen') && !verblijven.some((s) => !s.tot),
      uitstroom: mayExit && trajecten.some((t) => !t.eind),
      samenvoegen: can(actor, 'clienten.samenvoegen'),
      inzageLog: can(actor, 'inzagelog.lezen', { clientId: c.id }),
    },
  };
}

export const InzagelogRegel = z
  .object({
    tijdstip: Tijdstip,
    gebruiker: z.string().nullable(),
    rol: z.string().nullable(),
    actie: z.string(),
    onderdeel: z.string(),
    toelichting: z.string().nullable(),
    grondslag: z.string().nullable(),
    vanaf: z.string().nullable().openapi({ description: 'IP-adres' }),
    noodtoegang: z.boolean(),
  })
  .openapi('InzagelogRegel');
export const Inzagelog = z.object({ resultaten: z.array(InzagelogRegel) }).openapi('Inzagelog');
