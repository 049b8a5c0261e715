// Code lists of vroegsignalering and Vroeg Eropaf (domain.md §1, actielijn 1), with their Dutch labels. Responses
// declare them as enums; codeOf() turns a stored text back into its code (the database stores plain text).

export const SIGNAL_SOURCES = [
  { code: 'verhuurder', label: 'Verhuurder (particulier)' },
  { code: 'corporatie', label: 'Woningcorporatie' },
  { code: 'energie', label: 'Energieleverancier' },
  { code: 'water', label: 'Waterbedrijf' },
  { code: 'zorgverzekeraar', label: 'Zorgverzekeraar' },
] as const;
export type SignalSource = (typeof SIGNAL_SOURCES)[number]['code'];

export type CaseStatus = 'nieuw' | 'benaderd' | 'in-contact' | 'afgesloten';
export const CASE_STATUSES: readonly { code: CaseStatus; label: string }[] = [
  { code: 'nieuw', label: 'Nieuw — nog geen actie' },
  { code: 'benaderd', label: 'Benaderd — nog geen contact' },
  { code: 'in-contact', label: 'In contact' },
  { code: 'afgesloten', label: 'Afgesloten' },
];

export const CASE_OUTCOMES = [
  { code: 'opgelost', label: 'Opgelost (betalingsregeling of achterstand betaald)', needsContact: true },
  { code: 'doorverwezen-schuldhulp', label: 'Doorverwezen naar schuldhulpverlening', needsContact: true },
  { code: 'huisuitzetting-voorkomen', label: 'Huisuitzetting voorkomen', needsContact: true },
  { code: 'huisuitzetting', label: 'Huisuitzetting', needsContact: false },
  { code: 'geen-contact', label: 'Geen contact gekregen', needsContact: false },
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number]['code'];

export const STEP_KINDS = [
  { code: 'contactpoging', label: 'Contactpoging (telefoon, brief, mail)' },
  { code: 'huisbezoek', label: 'Huisbezoek' },
  { code: 'uitkomst', label: 'Uitkomst (afsluiten)' },
] as const;
export type StepKind = (typeof STEP_KINDS)[number]['code'];

/** The codes of a code list, for z.enum. */
export function codes<C extends string>(list: readonly { code: C }[]): [C, ...C[]] {
  const [first, ...rest] = list.map((x) => x.code);
  if (first === undefined) throw new Error('Een codelijst is leeg.');
  return [first, ...rest];
}

/** The code of a stored value; a value outside the list is a data error (500), never shown as something else. */
export function codeOf<C extends string>(list: readonly { code: C }[], value: string): C {
  const found = list.find((x) => x.code === value);
  if (!found) throw new Error(`Onbekende code '${value}'.`);
  return found.code;
}

/** The same for a value that may be absent. */
export function optCodeOf<C extends string>(list: readonly { code: C }[], value: string | null): C | null {
  return value === null ? null : codeOf(list, value);
}

/** The Dutch label of a code (the code itself when unknown). */
export function labelOf(list: readonly { code: string; label: string }[], code: string): string {
  return list.find((x) => x.code === code)?.label ?? code;
}

export function optLabelOf(list: readonly { code: string; label: string }[], code: string | null): string | null {
  return code === null ? null : labelOf(list, code);
}
