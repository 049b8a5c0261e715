// Moving the current caseload in (issue 11): the documented CSV format (docs/caseload-import.md), its template, and
// the checks of one row that need no database. Pure functions, tested by hand (caseload-import.test.ts).
import { CsvFormatError, readCsv, writeCsv } from '../../platform/csv.js';
import { isIsoDate, isValidBsn } from '../../platform/validation.js';

/** The columns, in the template's order. Required: externId, voornaam, achternaam. */
export const CASELOAD_COLUMNS = [
  'externId',
  'voornaam',
  'achternaam',
  'geboortedatum',
  'bsn',
  'herkomstGemeentecode',
  'herkomst',
  'aanleiding',
  'telefoon',
  'email',
  'aanmelddatum',
  'bron',
  'trajectStart',
  'locatie',
  'eenheid',
  'plaatsingsdatum',
  'huishoudgrootte',
  'wachtlijst',
  'wachtlijstDatum',
  'urgent',
  'wachtlijstToelichting',
] as const;
export type CaseloadColumn = (typeof CASELOAD_COLUMNS)[number];
export type CaseloadCells = Partial<Record<CaseloadColumn, string>>;

const REQUIRED: CaseloadColumn[] = ['externId', 'voornaam', 'achternaam'];
const key = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
const BY_KEY = new Map<string, CaseloadColumn>(CASELOAD_COLUMNS.map((c) => [key(c), c]));

export const MAX_CASELOAD_ROWS = 5000;

export function caseloadTemplate(): string {
  return writeCsv([
    [...CASELOAD_COLUMNS],
    [
      'OUD-0001',
      'Jan',
      'Jansen',
      '1980-04-12',
      '',
      '0505',
      '',
      'relatiebreuk',
      '06-12345678',
      '',
      '2026-10-01',
      'zelf',
      '2026-10-02',
      'Nachtopvang De Overkant',
      'K01',
      '2026-10-02',
      '1',
      'tussenvoorziening',
      '2026-10-20',
      'nee',
      '',
    ],
    ['OUD-0002', 'Fatima', 'El Amrani', '15-03-1992', '', '', 'Onbekend', '', '', '', '2026-11-20', 'wijkteam'],
  ]);
}

/** ISO date, or DD-MM-JJJJ (also with / or .) as spreadsheets write it. */
export function parseDutchDate(v: string): string | null {
  const s = v.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export interface CaseloadRow {
  /** Line number in the file (header = 1). */
  regel: number;
  cells: CaseloadCells;
  problems: { veld: string; reden: string }[];
}

export interface CheckedCaseload {
  bestandsfouten: string[];
  rows: CaseloadRow[];
}

/** Parses a file and runs the checks that need no database; each row keeps its own problems. */
export function checkCaseloadCsv(content: string): CheckedCaseload {
  let all: string[][];
  try {
    all = readCsv(content);
  } catch (e) {
    if (e instanceof CsvFormatError) return { bestandsfouten: [e.message], rows: [] };
    throw e;
  }
  if (!all.length) return { bestandsfouten: ['Het bestand is leeg.'], rows: [] };
  const header = all[0]!.map((h) => BY_KEY.get(key(h)) ?? null);
  const bestandsfouten: string[] = [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) bestandsfouten.push(`Kolommen ontbreken in de eerste regel: ${missing.join(', ')}.`);
  const unknown = all[0]!.filter((h, i) => h.trim() && !header[i]);
  if (unknown.length) bestandsfouten.push(`Onbekende kolommen worden genegeerd: ${unknown.join(', ')}.`);
  if (missing.length) return { bestandsfouten, rows: [] };
  if (all.length - 1 > MAX_CASELOAD_ROWS)
    return { bestandsfouten: [`Het bestand heeft meer dan ${MAX_CASELOAD_ROWS} regels; splits het op.`], rows: [] };
  const seenExtern = new Map<string, number>();
  const seenBsn = new Map<string, number>();
  const rows: CaseloadRow[] = [];
  for (let i = 1; i < all.length; i++) {
    const line = all[i]!;
    const cells: CaseloadCells = {};
    header.forEach((c, j) => {
      if (c) cells[c] = (line[j] ?? '').trim();
    });
    const problems: CaseloadRow['problems'] = [];
    const add = (veld: string, reden: string) => problems.push({ veld, reden });
    const v = (c: CaseloadColumn) => cells[c] ?? '';
    if (line.length > all[0]!.length && line.slice(all[0]!.length).some((x) => x.trim()))
      add('(regel)', `Deze regel heeft meer kolommen (${line.length}) dan de kopregel (${all[0]!.length}).`);
    const extern = v('externId');
    if (!extern)
      add('externId', 'Vul het kenmerk uit het oude systeem in (externId); daarmee wordt niets dubbel ingelezen.');
    else if (extern.length > 100) add('externId', 'Het kenmerk is te lang (max. 100 tekens).');
    else {
      const first = seenExtern.get(extern);
      if (first) add('externId', `Dit kenmerk staat ook op regel ${first}.`);
      else seenExtern.set(extern, i + 1);
    }
    if (!v('voornaam')) add('voornaam', 'Vul de voornaam in.');
    if (!v('achternaam')) add('achternaam', 'Vul de achternaam in.');
    const bsn = v('bsn').replace(/[\s.]/g, '');
    if (bsn) {
      if (!isValidBsn(bsn)) add('bsn', 'Dit BSN is ongeldig: het moet 9 cijfers hebben en aan de elfproef voldoen.');
      else {
        const first = seenBsn.get(bsn);
        if (first) add('bsn', `Dit BSN staat ook op regel ${first}.`);
        else seenBsn.set(bsn, i + 1);
      }
    }
    for (const c of ['geboortedatum', 'aanmelddatum', 'trajectStart', 'plaatsingsdatum', 'wachtlijstDatum'] as const)
      if (v(c) && !parseDutchDate(v(c))) add(c, 'Vul een geldige datum in (JJJJ-MM-DD of DD-MM-JJJJ).');
    if (v('aanmelddatum') && !v('bron'))
      add('bron', 'Vul de bron van de aanmelding in (bijvoorbeeld zelf of wijkteam).');
    if (v('trajectStart') && !v('aanmelddatum'))
      add('aanmelddatum', 'Een open traject hoort bij een aanmelding: vul de aanmelddatum in.');
    if ((v('eenheid') || v('locatie')) && !(v('eenheid') && v('locatie')))
      add(v('eenheid') ? 'locatie' : 'eenheid', 'Vul voor een plaatsing zowel de locatie als de eenheid in.');
    if (v('eenheid') && !v('trajectStart'))
      add('trajectStart', 'Een plaatsing hoort bij een open traject: vul de startdatum van het traject in.');
    if (v('huishoudgrootte') && !/^\d{1,2}$/.test(v('huishoudgrootte')))
      add('huishoudgrootte', 'Huishoudgrootte is een geheel getal van 1 tot 15.');
    if (v('wachtlijstDatum') && !v('wachtlijst')) add('wachtlijst', 'Vul de wachtlijst in bij de wachtlijstdatum.');
    if (v('urgent') && !['ja', 'nee', 'j', 'n', '1', '0', 'true', 'false'].includes(v('urgent').toLowerCase()))
      add('urgent', 'Vul ja of nee in.');
    rows.push({ regel: i + 1, cells, problems });
  }
  return { bestandsfouten, rows };
}

export const isYes = (s: string | undefined) => ['ja', 'j', '1', 'true'].includes((s ?? '').trim().toLowerCase());
