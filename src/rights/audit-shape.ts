// The beheerder's view of the NEN 7513 log (issue 11): who, when, what kind of action, on which part and on what
// basis — never the dossier content. Old rows carry content in `detail` ("detentie", an address) and sometimes in
// `resource` ("wachtlijst beschermd-wonen"), so the shape is made when reading, whatever the writer stored.

/** The parts of a dossier an audit row can be about; a resource is shown as the longest of these it starts with. */
const PARTS = [
  'aanbieding',
  'aanbiedingen',
  'aanmelding',
  'aanmeldingen',
  'bezetting',
  'blokkade',
  'blokkades',
  'budgetbeheer',
  'cijfers',
  'client',
  'client-dubbelen',
  'clienten',
  'dossier',
  'dossierimport',
  'housing first',
  'inzagelog',
  'kerncijfers',
  'nazorgcontact',
  'nazorgkandidaten',
  'nazorgplan',
  'nazorgplannen',
  'nazorgplanning',
  'passende woonplekken',
  'perspectief',
  'perspectiefplan',
  'praktische stap',
  'praktische stappen',
  'preventiecijfers',
  'preventiezaak',
  'preventiezaken',
  'rapportage',
  'screening',
  'sessie',
  'signaalbestand',
  'terugvalcijfers',
  'toegangsbesluit',
  'toewijzingsvoorstel',
  'uitstroom',
  'verblijf',
  'voorgeschiedenis',
  'vroegsignaal',
  'wachtlijst',
  'wachtlijsten',
  'werklijst',
  'woonkandidaat',
  'woonkandidaten',
  'zrm-meting',
  'zrm-metingen',
] as const;

const BY_LENGTH = [...PARTS].sort((a, b) => b.length - a.length);

/** "wachtlijst beschermd-wonen" → "wachtlijst"; an unknown resource → "dossier (overig)". */
export function auditPart(resource: string): string {
  const r = resource.trim().toLowerCase();
  return BY_LENGTH.find((p) => r === p || r.startsWith(`${p} `) || r.startsWith(`${p}(`)) ?? 'dossier (overig)';
}

const ACTIONS = new Set([
  'lezen',
  'aanmaken',
  'wijzigen',
  'samenvoegen',
  'plaatsen',
  'beeindigen',
  'besluiten',
  'zoeken',
  'inloggen',
  'importeren',
]);

/** The kind of action; anything unexpected is shown as "overig". */
export function auditAction(action: string): string {
  return ACTIONS.has(action) ? action : 'overig';
}
