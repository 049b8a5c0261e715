// Dutch formatting via Intl (nl-NL).
const datumFmt = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const datumKortFmt = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const tijdstipFmt = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});
const tijdFmt = new Intl.DateTimeFormat('nl-NL', { timeStyle: 'medium', timeZone: 'Europe/Amsterdam' });
const getalFmt = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const procentFmt = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

function parseDatum(d: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** `2024-03-05` → `5 maart 2024`. */
export function datum(d: string | null | undefined): string {
  if (!d) return '—';
  const dt = parseDatum(d);
  return dt ? datumFmt.format(dt) : d;
}
const maandFmt = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** `2024-03` (or a date in it) → `maart 2024`: a month written as text, never as a code (issue 16). */
export function maand(ym: string | null | undefined): string {
  if (!ym) return '—';
  const dt = parseDatum(`${ym.slice(0, 7)}-01`);
  return dt ? maandFmt.format(dt) : ym;
}
/** `2024-03-05` → `05-03-2024`. */
export function datumKort(d: string | null | undefined): string {
  if (!d) return '—';
  const dt = parseDatum(d);
  return dt ? datumKortFmt.format(dt) : d;
}
export function tijdstip(ts: string | null | undefined): string {
  if (!ts) return '—';
  const dt = new Date(ts);
  return Number.isNaN(dt.getTime()) ? ts : tijdstipFmt.format(dt);
}
export function tijd(ms: number): string {
  return tijdFmt.format(new Date(ms));
}
export function getal(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? '—' : getalFmt.format(n);
}
/** A share: 0..1 as fraction, otherwise already a percentage. */
export function aandeel(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return procentFmt.format(n <= 1 ? n : n / 100);
}
/** Today in the Netherlands as YYYY-MM-DD. */
export function vandaag(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}
export function meervoud(n: number, een: string, meer: string): string {
  return `${getal(n)} ${n === 1 ? een : meer}`;
}

/** BSN elfproef (hint only; the server decides). */
export function elfproef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(bsn[i]);
  sum -= Number(bsn[8]);
  return sum % 11 === 0 && bsn !== '000000000';
}
