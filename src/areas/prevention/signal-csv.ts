// Vroegsignalering: one arrears signal checked field by field, and a CSV file of them (preview with the problems
// of every row). Pure functions: no database, so the rules are tested by hand (signals.test.ts).
import { CsvFormatError, readCsv } from '../../platform/csv.js';
import { isIsoDate, isValidBsn, normalizePostcode } from '../../platform/validation.js';
import { SIGNAL_SOURCES, type SignalSource } from './prevention-codes.js';

/** Input of one signal (API body, or one CSV row mapped to these names). */
export interface SignalInput {
  bron: string;
  bronNaam: string;
  referentie: string;
  datum: string;
  voornaam: string;
  achternaam: string;
  geboortedatum?: string | null;
  bsn?: string | null;
  postcode: string;
  huisnummer: string;
  bedragAchterstand: number | string;
  maandenAchterstand: number | string;
}

/** The text of a CSV row by field. */
export type SignalCells = Partial<Record<keyof SignalInput, string>>;

export interface ValidSignal {
  source_type: SignalSource;
  source_name: string;
  reference: string;
  signal_date: string;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  bsn: string | null;
  postcode: string;
  house_number: string;
  amount_arrears: number;
  months_arrears: number;
}

const text = (v: unknown) => (v == null ? '' : String(v).trim());

/** Accepts 1234.56, 1234,56, 1.234,56 and € 812,50. */
export function parseAmount(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  let s = text(v).replace(/€|\s/g, '');
  if (!s) return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  return Number(s);
}

/** ISO date, or the Dutch DD-MM-YYYY (also with / or .) that spreadsheets export. */
export function parseDate(v: unknown): string | null {
  const s = text(v);
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) {
    const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  }
  return null;
}

/** Checks one signal; returns all problems (field name + Dutch reason) or the normalised row. */
export function validateSignal(
  input: Partial<Record<keyof SignalInput, unknown>>,
  today: string,
): { value: ValidSignal | null; problems: { veld: string; reden: string }[] } {
  const problems: { veld: string; reden: string }[] = [];
  const add = (veld: string, reden: string) => problems.push({ veld, reden });
  const bron = text(input.bron).toLowerCase();
  const source = SIGNAL_SOURCES.find((s) => s.code === bron)?.code;
  if (!source)
    add('bron', `Onbekende bron "${text(input.bron)}": kies ${SIGNAL_SOURCES.map((s) => s.code).join(', ')}.`);
  const bronNaam = text(input.bronNaam);
  if (!bronNaam) add('bronNaam', 'Vul de naam van de melder in (bijvoorbeeld de corporatie).');
  else if (bronNaam.length > 200) add('bronNaam', 'De naam van de melder is te lang (max. 200 tekens).');
  const referentie = text(input.referentie);
  if (!referentie) add('referentie', 'Vul het kenmerk (referentie) van de melder in.');
  else if (referentie.length > 100) add('referentie', 'Het kenmerk is te lang (max. 100 tekens).');
  const datum = parseDate(input.datum);
  if (!datum) add('datum', 'Vul een geldige signaaldatum in (JJJJ-MM-DD of DD-MM-JJJJ).');
  else if (datum > today) add('datum', 'De signaaldatum ligt in de toekomst.');
  else if (datum < '2000-01-01') add('datum', 'De signaaldatum ligt vóór 2000.');
  const voornaam = text(input.voornaam),
    achternaam = text(input.achternaam);
  if (!voornaam) add('voornaam', 'Vul de voornaam in.');
  if (!achternaam) add('achternaam', 'Vul de achternaam in.');
  if (voornaam.length > 100 || achternaam.length > 100) add('achternaam', 'De naam is te lang (max. 100 tekens).');
  const gebRaw = text(input.geboortedatum);
  const geboortedatum = gebRaw ? parseDate(gebRaw) : null;
  if (gebRaw && !geboortedatum) add('geboortedatum', 'Vul een geldige geboortedatum in of laat het veld leeg.');
  else if (geboortedatum && (geboortedatum > today || geboortedatum < '1900-01-01'))
    add('geboortedatum', 'De geboortedatum ligt niet tussen 1900 en vandaag.');
  const bsnRaw = text(input.bsn).replace(/[\s.]/g, '');
  if (bsnRaw && !isValidBsn(bsnRaw))
    add('bsn', 'Dit BSN is ongeldig: het moet 9 cijfers hebben en aan de elfproef voldoen.');
  const postcode = normalizePostcode(text(input.postcode));
  if (!postcode) add('postcode', 'Vul een geldige postcode in (4 cijfers en 2 letters, bijvoorbeeld 3311AB).');
  const huisnummer = text(input.huisnummer).toUpperCase();
  if (!/^[1-9][0-9]{0,4}(\s?[-A-Z0-9]{1,6})?$/.test(huisnummer))
    add('huisnummer', 'Vul een geldig huisnummer in (bijvoorbeeld 12 of 12A).');
  const bedrag = parseAmount(input.bedragAchterstand);
  if (bedrag == null) add('bedragAchterstand', "Vul het bedrag van de achterstand in euro's in (bijvoorbeeld 812,50).");
  else if (bedrag < 0 || bedrag > 1_000_000)
    add('bedragAchterstand', 'Het bedrag ligt niet tussen 0 en 1.000.000 euro.');
  const maandenRaw = text(input.maandenAchterstand);
  const maanden = /^\d{1,3}$/.test(maandenRaw) ? Number(maandenRaw) : NaN;
  if (!Number.isInteger(maanden) || maanden < 0 || maanden > 120)
    add('maandenAchterstand', 'Vul het aantal maanden achterstand in als heel getal (0–120).');
  // every missing value below has added a problem above
  if (problems.length || !source || !datum || !postcode || bedrag == null) return { value: null, problems };
  return {
    value: {
      source_type: source,
      source_name: bronNaam,
      reference: referentie,
      signal_date: datum,
      first_name: voornaam,
      last_name: achternaam,
      birth_date: geboortedatum,
      bsn: bsnRaw || null,
      postcode,
      house_number: huisnummer.replace(/\s+/g, ''),
      amount_arrears: bedrag,
      months_arrears: maanden,
    },
    problems,
  };
}

// ------------------------------------------------------------------------------------------------ CSV

/** Column names accepted in the header row (lower case, without spaces/underscores) → field. */
const COLUMNS: Record<string, keyof SignalInput> = {
  bron: 'bron',
  brontype: 'bron',
  soort: 'bron',
  bronnaam: 'bronNaam',
  melder: 'bronNaam',
  naammelder: 'bronNaam',
  referentie: 'referentie',
  kenmerk: 'referentie',
  datum: 'datum',
  signaaldatum: 'datum',
  voornaam: 'voornaam',
  achternaam: 'achternaam',
  geboortedatum: 'geboortedatum',
  bsn: 'bsn',
  postcode: 'postcode',
  huisnummer: 'huisnummer',
  bedrag: 'bedragAchterstand',
  bedragachterstand: 'bedragAchterstand',
  achterstand: 'bedragAchterstand',
  maanden: 'maandenAchterstand',
  maandenachterstand: 'maandenAchterstand',
};
const REQUIRED_COLUMNS: (keyof SignalInput)[] = [
  'bron',
  'bronNaam',
  'referentie',
  'datum',
  'voornaam',
  'achternaam',
  'postcode',
  'huisnummer',
  'bedragAchterstand',
  'maandenAchterstand',
];

/** RFC 4180 CSV with ; or , as separator (whichever the header uses most), via csv-parse (src/platform/csv.ts). */
export function parseCsv(content: string): string[][] {
  return readCsv(content);
}

export interface PreviewRow {
  rij: number; // line number in the file (header = 1)
  status: 'geldig' | 'fout' | 'al-ontvangen';
  fouten: { veld: string; reden: string }[];
  /** The cells of the row by field (only the columns the header names). */
  waarden: SignalCells;
  value: ValidSignal | null;
}

/** Parses and checks a file. Header problems make every row unusable, and are reported as file problems. */
export function checkCsv(content: string, today: string): { bestandsfouten: string[]; rows: PreviewRow[] } {
  let all: string[][];
  try {
    all = parseCsv(content);
  } catch (e) {
    if (e instanceof CsvFormatError) return { bestandsfouten: [e.message], rows: [] };
    throw e;
  }
  if (!all.length) return { bestandsfouten: ['Het bestand is leeg.'], rows: [] };
  const header = all[0]!.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ''),
  );
  const fields = header.map((h) => COLUMNS[h] ?? null);
  const bestandsfouten: string[] = [];
  const missing = REQUIRED_COLUMNS.filter((f) => !fields.includes(f));
  if (missing.length) bestandsfouten.push(`Kolommen ontbreken in de eerste regel: ${missing.join(', ')}.`);
  const unknown = header.filter((h, i) => h && !fields[i]);
  if (unknown.length) bestandsfouten.push(`Onbekende kolommen worden genegeerd: ${unknown.join(', ')}.`);
  if (missing.length) return { bestandsfouten, rows: [] };
  if (all.length - 1 > 5000)
    return { bestandsfouten: ['Het bestand heeft meer dan 5000 regels; splits het op.'], rows: [] };
  const rows: PreviewRow[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < all.length; i++) {
    const cells = all[i]!;
    const waarden: SignalCells = {};
    fields.forEach((f, j) => {
      if (f) waarden[f] = (cells[j] ?? '').trim();
    });
    const { value, problems } = validateSignal(waarden, today);
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim()))
      problems.push({
        veld: '(regel)',
        reden: `Deze regel heeft meer kolommen (${cells.length}) dan de kopregel (${header.length}).`,
      });
    if (value) {
      const key = naturalKey(value);
      const first = seen.get(key);
      if (first)
        problems.push({ veld: 'referentie', reden: `Dit kenmerk van deze melder staat ook op regel ${first}.` });
      else seen.set(key, i + 1);
    }
    rows.push({
      rij: i + 1,
      status: problems.length ? 'fout' : 'geldig',
      fouten: problems,
      waarden,
      value: problems.length ? null : value,
    });
  }
  return { bestandsfouten, rows };
}

export type CheckedCsv = ReturnType<typeof checkCsv>;

/** What identifies the person of a signal: BSN, or name and birth date. */
export interface SignalPerson {
  bsn: string | null;
  first_name: string;
  last_name: string;
  birth_date: string | null;
}

/** Who a row is about as far as the file says (for the audit log): the checked values, or the usable cells of a row with problems. */
export function personOfRow(r: PreviewRow): SignalPerson {
  if (r.value) return r.value;
  const bsn = text(r.waarden.bsn).replace(/[\s.]/g, '');
  const birth = text(r.waarden.geboortedatum);
  return {
    bsn: isValidBsn(bsn) ? bsn : null,
    first_name: text(r.waarden.voornaam),
    last_name: text(r.waarden.achternaam),
    birth_date: birth ? parseDate(birth) : null,
  };
}

export const naturalKey = (v: { source_type: string; source_name: string; reference: string }) =>
  `${v.source_type}\u0000${v.source_name}\u0000${v.reference}`;
