// Retention per domain.md §3 (issue 19): a file is kept 15 years after the end of a provision, 5 years when none was
// granted, 6 weeks when the registration was withdrawn before a decision. Pure rules, no database.
export type RetentionCategory = 'verstrekking' | 'geen-verstrekking' | 'ingetrokken';

export interface FileFacts {
  /** Any access decision 'toegang' (a provision was granted). */
  granted: boolean;
  /** The last day of the provision: the latest end of a trajectory or stay; null while one is still open. */
  provisionEndedOn: string | null;
  anyOpen: boolean;
  /** The latest decision date (for files without a provision). */
  lastDecisionOn: string | null;
  /** Registrations withdrawn before a decision: the latest withdrawal date. */
  withdrawnOn: string | null;
  /** Any registration still waiting for a decision. */
  pendingRegistration: boolean;
}

const addYears = (d: string, n: number) => {
  const y = Number(d.slice(0, 4)) + n;
  const md = d.slice(5);
  // 29 February + n years → 28 February when that year has none
  return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-02-28` : `${y}-${md}`;
};
const addDaysIso = (d: string, n: number) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};

/** The category and the first day the file may be destroyed, or null while the term cannot start (still running). */
export function retentionOf(f: FileFacts): { category: RetentionCategory; destroyFrom: string } | null {
  if (f.anyOpen || f.pendingRegistration) return null;
  if (f.granted)
    return f.provisionEndedOn ? { category: 'verstrekking', destroyFrom: addYears(f.provisionEndedOn, 15) } : null;
  if (f.lastDecisionOn) return { category: 'geen-verstrekking', destroyFrom: addYears(f.lastDecisionOn, 5) };
  if (f.withdrawnOn) return { category: 'ingetrokken', destroyFrom: addDaysIso(f.withdrawnOn, 42) };
  return null;
}
