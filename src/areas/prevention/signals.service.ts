// Vroegsignalering (domain.md §1, actielijn 1): payment-arrears signals from landlords, corporaties, energy and
// water companies and health insurers. Each stored signal opens a preventive case (Vroeg Eropaf, ./cases.ts).
// Signals arrive one by one (form/API) or as a CSV batch: preview first (row-level errors), then commit, which
// stores the valid rows and reports the rejected ones. The natural key (source type, source name, reference)
// makes a re-upload of the same rows a no-op instead of a duplicate.
import type { Ctx } from '../../rights/context.js';
import { audit } from '../../rights/audit.js';
import { requireRole } from '../../rights/visibility.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { isIsoDate, isValidBsn, normalizePostcode, todayInNl } from '../../platform/validation.js';

export const SIGNAL_SOURCES = [
  { code: 'verhuurder', label: 'Verhuurder (particulier)' },
  { code: 'corporatie', label: 'Woningcorporatie' },
  { code: 'energie', label: 'Energieleverancier' },
  { code: 'water', label: 'Waterbedrijf' },
  { code: 'zorgverzekeraar', label: 'Zorgverzekeraar' },
] as const;
export type SignalSource = (typeof SIGNAL_SOURCES)[number]['code'];

/** Input of one signal (API body, or one CSV row mapped to these names). */
export interface SignalInput {
  bron: string; bronNaam: string; referentie: string; datum: string;
  voornaam: string; achternaam: string; geboortedatum?: string | null; bsn?: string | null;
  postcode: string; huisnummer: string; bedragAchterstand: number | string; maandenAchterstand: number | string;
}

export interface ValidSignal {
  source_type: SignalSource; source_name: string; reference: string; signal_date: string; first_name: string; last_name: string;
  birth_date: string | null; bsn: string | null; postcode: string; house_number: string; amount_arrears: number; months_arrears: number;
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
export function validateSignal(input: Partial<Record<keyof SignalInput, unknown>>, today: string): { value: ValidSignal | null; problems: { veld: string; reden: string }[] } {
  const problems: { veld: string; reden: string }[] = [];
  const add = (veld: string, reden: string) => problems.push({ veld, reden });
  const bron = text(input.bron).toLowerCase();
  if (!SIGNAL_SOURCES.some((s) => s.code === bron)) add('bron', `Onbekende bron "${text(input.bron)}": kies ${SIGNAL_SOURCES.map((s) => s.code).join(', ')}.`);
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
  const voornaam = text(input.voornaam), achternaam = text(input.achternaam);
  if (!voornaam) add('voornaam', 'Vul de voornaam in.');
  if (!achternaam) add('achternaam', 'Vul de achternaam in.');
  if (voornaam.length > 100 || achternaam.length > 100) add('achternaam', 'De naam is te lang (max. 100 tekens).');
  const gebRaw = text(input.geboortedatum);
  const geboortedatum = gebRaw ? parseDate(gebRaw) : null;
  if (gebRaw && !geboortedatum) add('geboortedatum', 'Vul een geldige geboortedatum in of laat het veld leeg.');
  else if (geboortedatum && (geboortedatum > today || geboortedatum < '1900-01-01')) add('geboortedatum', 'De geboortedatum ligt niet tussen 1900 en vandaag.');
  const bsnRaw = text(input.bsn).replace(/[\s.]/g, '');
  if (bsnRaw && !isValidBsn(bsnRaw)) add('bsn', 'Dit BSN is ongeldig: het moet 9 cijfers hebben en aan de elfproef voldoen.');
  const postcode = normalizePostcode(text(input.postcode));
  if (!postcode) add('postcode', 'Vul een geldige postcode in (4 cijfers en 2 letters, bijvoorbeeld 3311AB).');
  const huisnummer = text(input.huisnummer).toUpperCase();
  if (!/^[1-9][0-9]{0,4}(\s?[-A-Z0-9]{1,6})?$/.test(huisnummer)) add('huisnummer', 'Vul een geldig huisnummer in (bijvoorbeeld 12 of 12A).');
  const bedrag = parseAmount(input.bedragAchterstand);
  if (bedrag == null) add('bedragAchterstand', 'Vul het bedrag van de achterstand in euro\'s in (bijvoorbeeld 812,50).');
  else if (bedrag < 0 || bedrag > 1_000_000) add('bedragAchterstand', 'Het bedrag ligt niet tussen 0 en 1.000.000 euro.');
  const maandenRaw = text(input.maandenAchterstand);
  const maanden = /^\d{1,3}$/.test(maandenRaw) ? Number(maandenRaw) : NaN;
  if (!Number.isInteger(maanden) || maanden < 0 || maanden > 120) add('maandenAchterstand', 'Vul het aantal maanden achterstand in als heel getal (0–120).');
  if (problems.length) return { value: null, problems };
  return {
    value: {
      source_type: bron as SignalSource, source_name: bronNaam, reference: referentie, signal_date: datum!, first_name: voornaam, last_name: achternaam,
      birth_date: geboortedatum, bsn: bsnRaw || null, postcode: postcode!, house_number: huisnummer.replace(/\s+/g, ''), amount_arrears: bedrag!, months_arrears: maanden,
    },
    problems,
  };
}

// ------------------------------------------------------------------------------------------------ CSV

/** Column names accepted in the header row (lower case, without spaces/underscores) → field. */
const COLUMNS: Record<string, keyof SignalInput> = {
  bron: 'bron', brontype: 'bron', soort: 'bron',
  bronnaam: 'bronNaam', melder: 'bronNaam', naammelder: 'bronNaam',
  referentie: 'referentie', kenmerk: 'referentie',
  datum: 'datum', signaaldatum: 'datum',
  voornaam: 'voornaam', achternaam: 'achternaam',
  geboortedatum: 'geboortedatum', bsn: 'bsn',
  postcode: 'postcode', huisnummer: 'huisnummer',
  bedrag: 'bedragAchterstand', bedragachterstand: 'bedragAchterstand', achterstand: 'bedragAchterstand',
  maanden: 'maandenAchterstand', maandenachterstand: 'maandenAchterstand',
};
const REQUIRED_COLUMNS: (keyof SignalInput)[] = ['bron', 'bronNaam', 'referentie', 'datum', 'voornaam', 'achternaam', 'postcode', 'huisnummer', 'bedragAchterstand', 'maandenAchterstand'];

/** RFC 4180-style CSV with ; or , as separator (whichever the header uses most), quoted fields with "" escapes. */
export function parseCsv(content: string): string[][] {
  const textIn = content.replace(/^\uFEFF/, '');
  const firstLine = textIn.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < textIn.length; i++) {
    const ch = textIn[i]!;
    if (quoted) {
      if (ch === '"') { if (textIn[i + 1] === '"') { field += '"'; i++; } else quoted = false; }
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && textIn[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export interface PreviewRow {
  rij: number; // line number in the file (header = 1)
  status: 'geldig' | 'fout' | 'al-ontvangen';
  fouten: { veld: string; reden: string }[];
  waarden: Record<string, string>;
  value: ValidSignal | null;
}

/** Parses and checks a file. Header problems make every row unusable, and are reported as file problems. */
export function checkCsv(content: string, today: string): { bestandsfouten: string[]; rows: PreviewRow[] } {
  const all = parseCsv(content);
  if (!all.length) return { bestandsfouten: ['Het bestand is leeg.'], rows: [] };
  const header = all[0]!.map((h) => h.trim().toLowerCase().replace(/[\s_-]+/g, ''));
  const fields = header.map((h) => COLUMNS[h] ?? null);
  const bestandsfouten: string[] = [];
  const missing = REQUIRED_COLUMNS.filter((f) => !fields.includes(f));
  if (missing.length) bestandsfouten.push(`Kolommen ontbreken in de eerste regel: ${missing.join(', ')}.`);
  const unknown = header.filter((h, i) => h && !fields[i]);
  if (unknown.length) bestandsfouten.push(`Onbekende kolommen worden genegeerd: ${unknown.join(', ')}.`);
  if (missing.length) return { bestandsfouten, rows: [] };
  if (all.length - 1 > 5000) return { bestandsfouten: ['Het bestand heeft meer dan 5000 regels; splits het op.'], rows: [] };
  const rows: PreviewRow[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < all.length; i++) {
    const cells = all[i]!;
    const waarden: Record<string, string> = {};
    fields.forEach((f, j) => { if (f) waarden[f] = (cells[j] ?? '').trim(); });
    const { value, problems } = validateSignal(waarden, today);
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim())) problems.push({ veld: '(regel)', reden: `Deze regel heeft meer kolommen (${cells.length}) dan de kopregel (${header.length}).` });
    if (value) {
      const key = naturalKey(value);
      const first = seen.get(key);
      if (first) problems.push({ veld: 'referentie', reden: `Dit kenmerk van deze melder staat ook op regel ${first}.` });
      else seen.set(key, i + 1);
    }
    rows.push({ rij: i + 1, status: problems.length ? 'fout' : 'geldig', fouten: problems, waarden, value: problems.length ? null : value });
  }
  return { bestandsfouten, rows };
}

export const naturalKey = (v: { source_type: string; source_name: string; reference: string }) => `${v.source_type}\u0000${v.source_name}\u0000${v.reference}`;

// ------------------------------------------------------------------------------------------------ services

/** Client of this tenant matching a signal: same BSN, or same name and birth date. */
export async function matchClient(ctx: Ctx, s: { bsn: string | null; first_name: string; last_name: string; birth_date: string | null }) {
  if (s.bsn) {
    const r = await ctx.db.selectFrom('clients').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('merged_into', 'is', null).where('bsn', '=', s.bsn).executeTakeFirst();
    if (r) return r.id;
  }
  if (!s.birth_date) return null;
  const r = await ctx.db.selectFrom('clients').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('merged_into', 'is', null)
    .where('birth_date', '=', s.birth_date)
    .where((eb) => eb.fn('lower', ['first_name']), '=', s.first_name.toLowerCase())
    .where((eb) => eb.fn('lower', ['last_name']), '=', s.last_name.toLowerCase())
    .executeTakeFirst();
  return r?.id ?? null;
}

async function existingKeys(ctx: Ctx, values: ValidSignal[]) {
  if (!values.length) return new Set<string>();
  const refs = [...new Set(values.map((v) => v.reference))];
  const rows = await ctx.db.selectFrom('early_signals').select(['source_type', 'source_name', 'reference'])
    .where('tenant_id', '=', ctx.actor.tenantId).where('reference', 'in', refs).execute();
  return new Set(rows.map(naturalKey));
}

async function insertSignal(ctx: Ctx, v: ValidSignal, upload?: { id: string; row: number }) {
  const s = await ctx.db.insertInto('early_signals').values({ ...v, tenant_id: ctx.actor.tenantId, upload_id: upload?.id ?? null, upload_row: upload?.row ?? null, created_by: ctx.actor.userId })
    .returning('id').executeTakeFirstOrThrow();
  const c = await ctx.db.insertInto('prevention_cases').values({ tenant_id: ctx.actor.tenantId, signal_id: s.id }).returning('id').executeTakeFirstOrThrow();
  const clientId = await matchClient(ctx, v);
  await audit(ctx, { clientId, action: 'aanmaken', resource: 'vroegsignaal', detail: `signaal ${s.id}${upload ? ` (bestand, regel ${upload.row})` : ''}`, basis: 'Wgs art. 3 / Wet schuldhulpverlening — vroegsignalering' });
  return { signalId: s.id, caseId: c.id };
}

/** One signal from the form or the API. 409 when this source already sent this reference. */
export async function createSignal(ctx: Ctx, input: SignalInput) {
  requireRole(ctx, 'toegang');
  const { value, problems } = validateSignal(input as unknown as Record<string, unknown>, todayInNl(ctx.now));
  if (!value) { const p = new Problems(); for (const x of problems) p.add(x.veld, 'invalid', x.reden); p.throwIfAny(); }
  if ((await existingKeys(ctx, [value!])).size) throw new ConflictError(`Dit signaal is al ontvangen: ${value!.source_name} heeft kenmerk ${value!.reference} eerder gemeld.`);
  return insertSignal(ctx, value!);
}

function previewDto(upload: { id: string; filename: string; committed_at: Date | null }, checked: ReturnType<typeof checkCsv>, known: Set<string>) {
  const rijen = checked.rows.map((r) => {
    const already = r.value && known.has(naturalKey(r.value));
    return { rij: r.rij, status: already ? 'al-ontvangen' as const : r.status, fouten: r.fouten, waarden: r.waarden };
  });
  return {
    id: upload.id, bestandsnaam: upload.filename, verwerkt: !!upload.committed_at, bestandsfouten: checked.bestandsfouten,
    aantalRijen: rijen.length, aantalGeldig: rijen.filter((r) => r.status === 'geldig').length, aantalFout: rijen.filter((r) => r.status === 'fout').length,
    aantalAlOntvangen: rijen.filter((r) => r.status === 'al-ontvangen').length, rijen,
    mogelijkheden: { verwerken: !upload.committed_at && rijen.some((r) => r.status === 'geldig') },
  };
}

/** Stores an uploaded CSV and returns its preview (per row: geldig, fout with reasons, or al-ontvangen). Nothing is stored as a signal yet. */
export async function uploadSignalFile(ctx: Ctx, input: { bestandsnaam: string; inhoud: string }) {
  requireRole(ctx, 'toegang');
  const p = new Problems();
  if (!input.bestandsnaam?.trim()) p.add('bestandsnaam', 'required', 'Geef de bestandsnaam mee.');
  if (!input.inhoud?.trim()) p.add('inhoud', 'required', 'Het bestand is leeg.');
  p.throwIfAny();
  const checked = checkCsv(input.inhoud, todayInNl(ctx.now));
  const upload = await ctx.db.insertInto('signal_uploads').values({ tenant_id: ctx.actor.tenantId, filename: input.bestandsnaam.trim().slice(0, 200), content: input.inhoud, row_count: checked.rows.length, created_by: ctx.actor.userId })
    .returning(['id', 'filename', 'committed_at']).executeTakeFirstOrThrow();
  await audit(ctx, { clientId: null, action: 'aanmaken', resource: 'signaalbestand', detail: `${upload.id}: ${checked.rows.length} regels` });
  return previewDto(upload, checked, await existingKeys(ctx, checked.rows.flatMap((r) => (r.value ? [r.value] : []))));
}

async function loadUpload(ctx: Ctx, id: string, lock = false) {
  requireRole(ctx, 'toegang');
  let q = ctx.db.selectFrom('signal_uploads').select(['id', 'filename', 'content', 'committed_at']).where('id', '=', id).where('tenant_id', '=', ctx.actor.tenantId);
  if (lock) q = q.forUpdate();
  const u = await q.executeTakeFirst();
  if (!u) throw new NotFoundError('Signaalbestand niet gevonden.');
  return u;
}

export async function getSignalFile(ctx: Ctx, id: string) {
  const u = await loadUpload(ctx, id);
  const checked = checkCsv(u.content, todayInNl(ctx.now));
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'signaalbestand', detail: id });
  // After the commit the rows of this file are "already received" by construction: show what was stored instead.
  if (u.committed_at) {
    const stored = await ctx.db.selectFrom('early_signals').select(['upload_row']).where('upload_id', '=', id).execute();
    const storedRows = new Set(stored.map((s) => s.upload_row));
    const dto = previewDto(u, checked, new Set());
    return { ...dto, rijen: dto.rijen.map((r) => (r.status === 'geldig' && storedRows.has(r.rij) ? { ...r, status: 'opgeslagen' as const } : r.status === 'geldig' ? { ...r, status: 'al-ontvangen' as const } : r)) };
  }
  return previewDto(u, checked, await existingKeys(ctx, checked.rows.flatMap((r) => (r.value ? [r.value] : []))));
}

/**
 * Commits a previewed file: stores the valid rows that were not received before, each with its preventive case,
 * and reports the rejected rows with their Dutch reasons and line numbers. A second commit of the same file is a
 * 409; the same rows in another file are skipped as "al ontvangen" (natural key), never duplicated.
 */
export async function commitSignalFile(ctx: Ctx, id: string) {
  const u = await loadUpload(ctx, id, true);
  if (u.committed_at) throw new ConflictError('Dit bestand is al verwerkt. Upload een nieuw bestand voor nieuwe signalen.');
  const checked = checkCsv(u.content, todayInNl(ctx.now));
  const valid = checked.rows.filter((r) => r.value);
  const known = await existingKeys(ctx, valid.map((r) => r.value!));
  const opgeslagen: { rij: number; signaalId: string; zaakId: string }[] = [];
  const alOntvangen: { rij: number; referentie: string }[] = [];
  for (const r of valid) {
    if (known.has(naturalKey(r.value!))) { alOntvangen.push({ rij: r.rij, referentie: r.value!.reference }); continue; }
    const ids = await insertSignal(ctx, r.value!, { id, row: r.rij });
    opgeslagen.push({ rij: r.rij, signaalId: ids.signalId, zaakId: ids.caseId });
  }
  await ctx.db.updateTable('signal_uploads').set({ committed_at: ctx.now, committed_by: ctx.actor.userId }).where('id', '=', id).execute();
  await audit(ctx, { clientId: null, action: 'wijzigen', resource: 'signaalbestand', detail: `${id} verwerkt: ${opgeslagen.length} opgeslagen, ${alOntvangen.length} al ontvangen, ${checked.rows.length - valid.length} afgewezen` });
  return {
    id, bestandsnaam: u.filename, bestandsfouten: checked.bestandsfouten,
    aantalOpgeslagen: opgeslagen.length, aantalAlOntvangen: alOntvangen.length,
    opgeslagen, alOntvangen,
    afgewezen: checked.rows.filter((r) => !r.value).map((r) => ({ rij: r.rij, fouten: r.fouten })),
  };
}
