import type { Ctx } from '../rights/context.js';
import type { Problems } from './errors.js';
import { isIsoDate, todayInNl } from './validation.js';

/**
 * A date of something that happened: valid, not in the future, and not before `min` when given (`minReason`: the
 * Dutch reason that names what `min` is, e.g. "De datum ligt vóór de uitstroom (15 juni 2026).").
 */
export function checkPastDate(
  p: Problems,
  ctx: Ctx,
  field: string,
  value: string | undefined,
  min?: string,
  minReason?: string,
) {
  if (!value || !isIsoDate(value)) {
    p.add(field, 'date', 'Vul een geldige datum in (JJJJ-MM-DD).');
    return;
  }
  if (value > todayInNl(ctx.now)) p.add(field, 'future', 'De datum mag niet in de toekomst liggen.');
  if (min && value < min) p.add(field, 'range', minReason ?? `De datum mag niet vóór ${datumTekst(min)} liggen.`);
}

// ----- issue 16: every date a person reads in a server message is Dutch text ("13 januari 2027"), never ISO -----

const MAANDEN = [
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

/** Date and time parts in the Netherlands (a stay that starts at 00:30 local time is on that local day). */
const NL_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function nlDelen(d: Date): { dag: string; tijd: string } {
  const p = Object.fromEntries(NL_PARTS.formatToParts(d).map((x) => [x.type, x.value]));
  return { dag: `${p.year}-${p.month}-${p.day}`, tijd: `${p.hour}:${p.minute}` };
}

/**
 * A date as Dutch text for messages to people: '2027-01-13' → '13 januari 2027'. A timestamp (Date, or an ISO string
 * with a time) counts by its day in the Netherlands. Empty → `leeg`; something that is no date comes back unchanged.
 */
export function datumTekst(d: string | Date | null | undefined, leeg = '—'): string {
  if (d === null || d === undefined || d === '') return leeg;
  let dag: string;
  if (d instanceof Date) {
    if (Number.isNaN(d.getTime())) return leeg;
    dag = nlDelen(d).dag;
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(d)) {
    dag = d;
  } else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(d) && !Number.isNaN(Date.parse(d))) {
    dag = nlDelen(new Date(d)).dag;
  } else {
    return d;
  }
  const maand = MAANDEN[Number(dag.slice(5, 7)) - 1];
  if (!maand) return d instanceof Date ? leeg : d;
  return `${Number(dag.slice(8, 10))} ${maand} ${dag.slice(0, 4)}`;
}

/** A moment as Dutch text: '2 december 2026 om 14:30' (time in the Netherlands). */
export function tijdstipTekst(t: string | Date | null | undefined, leeg = '—'): string {
  if (t === null || t === undefined || t === '') return leeg;
  const d = t instanceof Date ? t : new Date(t);
  if (Number.isNaN(d.getTime())) return typeof t === 'string' ? t : leeg;
  const { dag, tijd } = nlDelen(d);
  return `${datumTekst(dag)} om ${tijd}`;
}

/** A period as Dutch text: 'van 1 januari 2026 tot 1 april 2026' ('tot' left out when open). */
export function periodeTekst(van: string | Date, tot?: string | Date | null): string {
  return tot ? `van ${datumTekst(van)} tot ${datumTekst(tot)}` : `vanaf ${datumTekst(van)}`;
}
