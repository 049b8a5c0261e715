// iStandaard rules for iWmo 3.2 that the XSD cannot check (issue 19), each a pure function tested on its own in
// rules.test.ts. Names follow the iStandaard's TR-rules where one applies; the texts are Dutch for the worklist.
import { datumTekst } from '../../platform/dates.js';
import { addDays, daysBetween, isValidBsn } from '../../platform/validation.js';
import {
  BERICHTCODE,
  BERICHTSUBVERSIE,
  BERICHTVERSIE,
  type Berichtsoort,
  EENHEID_ETMAAL,
  type Header,
  XSD_VERSIE,
} from './messages.js';

export interface Bevinding {
  veld: string;
  code: string;
  reden: string;
}

/**
 * The header of an incoming message (TR-rules on berichtcode, -versie and -subversie, XSD version, sender and
 * receiver): `gemeenten` are the municipality codes of the tenant, `aanbieders` the AGB codes it works with.
 */
export function headerRules(
  h: Header,
  soort: Berichtsoort,
  opts: { gemeenten: readonly string[]; aanbieders: readonly string[]; vandaag: string },
): Bevinding[] {
  const out: Bevinding[] = [];
  if (h.berichtcode !== BERICHTCODE[soort])
    out.push({
      veld: 'BerichtCode',
      code: 'berichtcode',
      reden: `BerichtCode ${h.berichtcode} hoort niet bij bericht ${soort} (verwacht ${BERICHTCODE[soort]}).`,
    });
  if (h.berichtversie !== BERICHTVERSIE || h.berichtsubversie !== BERICHTSUBVERSIE)
    out.push({
      veld: 'BerichtVersie',
      code: 'berichtversie',
      reden: `Berichtversie ${h.berichtversie}.${h.berichtsubversie} wordt niet ondersteund; Onderdak leest iWmo 3.2.`,
    });
  if (h.basisschemaXsdVersie !== XSD_VERSIE || h.berichtXsdVersie !== XSD_VERSIE)
    out.push({
      veld: 'XsdVersie',
      code: 'xsdversie',
      reden: `XSD-versie ${h.berichtXsdVersie} wordt niet ondersteund (verwacht ${XSD_VERSIE}).`,
    });
  if (!/^\d{8}$/.test(h.afzender))
    out.push({
      veld: 'Afzender',
      code: 'agbcode',
      reden: `Afzender "${h.afzender.slice(0, 20)}" is geen AGB-code van 8 cijfers.`,
    });
  else if (!opts.aanbieders.includes(h.afzender))
    out.push({
      veld: 'Afzender',
      code: 'onbekendeAanbieder',
      reden: `AGB-code ${h.afzender} is geen zorgaanbieder van deze regio.`,
    });
  if (!opts.gemeenten.includes(h.ontvanger))
    out.push({
      veld: 'Ontvanger',
      code: 'ontvanger',
      reden: `Ontvanger ${h.ontvanger.slice(0, 10)} is geen gemeente van deze regio.`,
    });
  if (!isDate(h.dagtekening))
    out.push({ veld: 'Dagtekening', code: 'datum', reden: 'Dagtekening is geen geldige datum.' });
  else if (h.dagtekening > opts.vandaag)
    out.push({ veld: 'Dagtekening', code: 'toekomst', reden: 'Dagtekening ligt in de toekomst.' });
  return out;
}

/** TR: a BSN passes the elfproef. */
export function bsnRule(bsn: string): Bevinding | null {
  return isValidBsn(bsn)
    ? null
    : { veld: 'Bsn', code: 'elfproef', reden: `BSN ${maskBsn(bsn)} voldoet niet aan de elfproef.` };
}

/** Only the last three digits of a BSN in texts that a worklist shows. */
export const maskBsn = (bsn: string) => `******${bsn.slice(-3)}`;

const isDate = (s: string | null | undefined): s is string =>
  !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export interface ToewijzingPeriode {
  nummer: number;
  ingangsdatum: string;
  einddatum: string | null;
}

const inPeriod = (d: string, tw: ToewijzingPeriode) => d >= tw.ingangsdatum && (!tw.einddatum || d <= tw.einddatum);

/** TR: the startdatum of a 305 lies within the toewijzing's period. */
export function startRule(begindatum: string, tw: ToewijzingPeriode): Bevinding | null {
  if (!isDate(begindatum)) return { veld: 'Begindatum', code: 'datum', reden: 'Begindatum is geen geldige datum.' };
  return inPeriod(begindatum, tw)
    ? null
    : {
        veld: 'Begindatum',
        code: 'startBuitenToewijzing',
        reden: `Startdatum ${datumTekst(begindatum)} ligt buiten de toewijzing ${tw.nummer} (${periodText(tw)}).`,
      };
}

/**
 * TR: a 307 stops a delivery that a 305 started (one 307 per 305): there must be a start, no earlier stop, and the
 * einddatum lies on or after the begindatum and within the toewijzing.
 */
export function stopRule(
  stop: { begindatum: string; einddatum: string },
  tw: ToewijzingPeriode & { startBegindatum: string | null; stopEinddatum: string | null },
): Bevinding | null {
  if (!tw.startBegindatum)
    return {
      veld: 'StopProduct',
      code: 'stopZonderStart',
      reden: `Stop voor toewijzing ${tw.nummer} zonder eerdere start (305).`,
    };
  if (tw.stopEinddatum)
    return {
      veld: 'StopProduct',
      code: 'dubbeleStop',
      reden: `Toewijzing ${tw.nummer} is al gestopt per ${datumTekst(tw.stopEinddatum)}; één stop (307) per start (305).`,
    };
  if (!isDate(stop.einddatum) || stop.einddatum < stop.begindatum)
    return {
      veld: 'Einddatum',
      code: 'eindVoorBegin',
      reden: `Einddatum ${datumTekst(stop.einddatum)} ligt vóór de begindatum ${datumTekst(stop.begindatum)}.`,
    };
  if (!inPeriod(stop.einddatum, tw))
    return {
      veld: 'Einddatum',
      code: 'stopBuitenToewijzing',
      reden: `Einddatum ${datumTekst(stop.einddatum)} ligt buiten de toewijzing ${tw.nummer} (${periodText(tw)}).`,
    };
  return null;
}

const periodText = (tw: ToewijzingPeriode) =>
  `${datumTekst(tw.ingangsdatum)} tot en met ${datumTekst(tw.einddatum, 'open einde')}`;

/**
 * The nights Onderdak counted for a stay within a period: nights that start on a day from `van` to `tot` (inclusive),
 * on or after the stay's start, before its end (the night of the leaving day is not slept), within the toewijzing,
 * and already passed (a night starting today is not over yet).
 */
export function countedNights(
  stay: { startedOn: string; endedOn: string | null },
  tw: ToewijzingPeriode,
  van: string,
  tot: string,
  today: string,
): number {
  const first = [van, stay.startedOn, tw.ingangsdatum].sort().at(-1)!;
  const ends = [tot, addDays(today, -1)];
  if (stay.endedOn) ends.push(addDays(stay.endedOn, -1));
  if (tw.einddatum) ends.push(tw.einddatum);
  const last = ends.sort()[0]!;
  return last < first ? 0 : daysBetween(first, last) + 1;
}

/**
 * TR-rules on a 323 prestatie: declared only for a toegewezen product (same category) and within its period, in
 * the unit etmaal, not more than the nights Onderdak counted, and the amount equal to volume × tarief.
 */
export function prestatieRules(
  p: {
    categorie: string;
    eenheid: string;
    begindatum: string;
    einddatum: string;
    volume: number;
    tarief: number | null;
    bedrag: number;
  },
  tw: ToewijzingPeriode & { productcategorie: string },
  declaratiePeriode: { begindatum: string; einddatum: string },
  nachten: number | null,
): Bevinding[] {
  const out: Bevinding[] = [];
  if (p.categorie !== tw.productcategorie)
    out.push({
      veld: 'ProductCategorie',
      code: 'nietToegewezenProduct',
      reden: `Productcategorie ${p.categorie} is niet toegewezen (toewijzing ${tw.nummer}: ${tw.productcategorie}).`,
    });
  if (p.eenheid !== EENHEID_ETMAAL)
    out.push({
      veld: 'Eenheid',
      code: 'eenheid',
      reden: `Eenheid ${p.eenheid} past niet: opvang wordt per etmaal (14) gedeclareerd.`,
    });
  if (!isDate(p.begindatum) || !isDate(p.einddatum) || p.einddatum < p.begindatum)
    out.push({ veld: 'ProductPeriode', code: 'periode', reden: 'De productperiode is ongeldig.' });
  else {
    if (!inPeriod(p.begindatum, tw) || !inPeriod(p.einddatum, tw))
      out.push({
        veld: 'ProductPeriode',
        code: 'buitenToewijzing',
        reden: `Productperiode ${datumTekst(p.begindatum)}–${datumTekst(p.einddatum)} ligt (deels) buiten toewijzing ${tw.nummer} (${periodText(tw)}).`,
      });
    if (p.begindatum < declaratiePeriode.begindatum || p.einddatum > declaratiePeriode.einddatum)
      out.push({
        veld: 'ProductPeriode',
        code: 'buitenDeclaratieperiode',
        reden: 'De productperiode valt buiten de declaratieperiode.',
      });
  }
  if (nachten !== null && p.volume > nachten)
    out.push({
      veld: 'GeleverdVolume',
      code: 'meerDanGeteld',
      reden: `${p.volume} etmalen gedeclareerd, Onderdak telde ${nachten} nachten.`,
    });
  if (p.tarief !== null && p.bedrag !== p.volume * p.tarief)
    out.push({
      veld: 'IngediendBedrag',
      code: 'bedrag',
      reden: `Bedrag ${p.bedrag} is niet volume × tarief (${p.volume} × ${p.tarief}).`,
    });
  return out;
}
