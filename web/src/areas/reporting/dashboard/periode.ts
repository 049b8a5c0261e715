// Dashboard: the period choice in the URL (?soort, jaar, deel, van, tot and the filters) and the date ranges it means.
import { datum } from '../../../ui/format';

export type Soort = 'jaar' | 'halfjaar' | 'kwartaal' | 'maand' | 'aangepast';
export interface DashboardSearch {
  soort?: Soort;
  jaar?: number;
  deel?: number;
  van?: string;
  tot?: string;
  herkomst?: string;
  huishouden?: string;
  leeftijd?: string;
  locatie?: string;
}
export const SOORTEN: { code: Soort; label: string }[] = [
  { code: 'jaar', label: 'Jaar' },
  { code: 'halfjaar', label: 'Halfjaar' },
  { code: 'kwartaal', label: 'Kwartaal' },
  { code: 'maand', label: 'Maand' },
  { code: 'aangepast', label: 'Aangepast (van – tot)' },
];
export const MAANDEN = [
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
const STAP: Record<Exclude<Soort, 'aangepast'>, number> = { jaar: 12, halfjaar: 6, kwartaal: 3, maand: 1 };
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const posInt = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};
export function validateDashboardSearch(s: Record<string, unknown>): DashboardSearch {
  const soort = SOORTEN.some((x) => x.code === s.soort) ? (s.soort as Soort) : undefined;
  return {
    soort,
    jaar: posInt(s.jaar),
    deel: posInt(s.deel),
    van: str(s.van),
    tot: str(s.tot),
    herkomst: str(s.herkomst),
    huishouden: str(s.huishouden),
    leeftijd: str(s.leeftijd),
    locatie: str(s.locatie),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** First day of month m (1-based, may be out of 1..12) of year y. */
function maandStart(y: number, m: number): string {
  const t = y * 12 + (m - 1);
  return `${Math.floor(t / 12)}-${pad((t % 12) + 1)}-01`;
}
export function addDay(d: string): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export interface Keuze {
  soort: Soort;
  jaar: number;
  deel: number;
  van: string;
  tot: string;
}
/** The selected period and the range of the table (the selected period and the four before it). */
export function perioden(k: Keuze): {
  van: string;
  tot: string;
  tabelVan: string;
  interval: Exclude<Soort, 'aangepast'> | null;
  titel: string;
} {
  if (k.soort === 'aangepast')
    return { van: k.van, tot: k.tot, tabelVan: k.van, interval: null, titel: `${datum(k.van)} tot ${datum(k.tot)}` };
  const stap = STAP[k.soort];
  const deel = Math.min(k.deel, 12 / stap);
  const m = (deel - 1) * stap + 1;
  const van = maandStart(k.jaar, k.soort === 'jaar' ? 1 : m);
  const titel =
    k.soort === 'jaar'
      ? String(k.jaar)
      : k.soort === 'halfjaar'
        ? `${deel}e halfjaar ${k.jaar}`
        : k.soort === 'kwartaal'
          ? `${deel}e kwartaal ${k.jaar}`
          : `${MAANDEN[deel - 1]} ${k.jaar}`;
  return {
    van,
    tot: maandStart(k.jaar, (k.soort === 'jaar' ? 1 : m) + stap),
    tabelVan: maandStart(k.jaar, (k.soort === 'jaar' ? 1 : m) - 4 * stap),
    interval: k.soort,
    titel,
  };
}
