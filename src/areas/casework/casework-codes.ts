// Code lists of daily casework (issue 12 deel A): kinds of journal entries, worklist items and dossier statuses.

export const JOURNAL_KINDS = [
  { code: 'contact', label: 'Contact' },
  { code: 'observatie', label: 'Observatie' },
  { code: 'afspraak', label: 'Afspraak' },
  { code: 'incident', label: 'Incident' },
  { code: 'overdracht', label: 'Overdracht' },
  { code: 'overig', label: 'Overig' },
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number]['code'];
export const JOURNAL_KIND_CODES = JOURNAL_KINDS.map((k) => k.code) as [JournalKind, ...JournalKind[]];

/** A journal entry may be corrected by its author within this many hours of writing it; the original is kept. */
export const CORRECTION_HOURS = 24;

export const TASK_KINDS = [
  { code: 'plan', label: 'Perspectiefplan' },
  { code: 'signaal', label: 'Driemaandencontrole' },
  { code: 'nazorg', label: 'Nazorgcontact' },
  { code: 'opmerking', label: 'Opmerking van cliënt' },
  { code: 'overdracht', label: 'Overgedragen casus' },
  { code: 'blokkade', label: 'Blokkade: u bent aan zet' },
  { code: 'afspraak', label: 'Afspraak' },
  { code: 'correctieverzoek', label: 'Correctieverzoek van cliënt' }, // issue 16: Mijn Onderdak
] as const;
export type TaskKind = (typeof TASK_KINDS)[number]['code'];
export const TASK_KIND_CODES = TASK_KINDS.map((k) => k.code) as [TaskKind, ...TaskKind[]];

export const DOSSIER_STATUSES = [
  { code: 'in-opvang', label: 'In de opvang' },
  { code: 'wacht-op-plaats', label: 'Toegelaten, wacht op een plek' },
  { code: 'aangemeld', label: 'Aangemeld, nog geen besluit' },
  { code: 'uitgestroomd', label: 'Uitgestroomd' },
  { code: 'geen-traject', label: 'Geen lopend traject' },
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number]['code'];
export const DOSSIER_STATUS_CODES = DOSSIER_STATUSES.map((k) => k.code) as [DossierStatus, ...DossierStatus[]];

export function labelIn(list: readonly { code: string; label: string }[], code: string): string {
  return list.find((x) => x.code === code)?.label ?? code;
}

/** Documents: at most 10 MB, and only PDF, PNG and JPEG, recognised by their first bytes (not the declared type). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export function sniffMediaType(bytes: Uint8Array): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}
