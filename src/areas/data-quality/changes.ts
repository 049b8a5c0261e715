// Issue 20, ADR 0027: which clients a transaction's writes touched, so their data-quality findings are recomputed
// before the commit. No imports beyond types: audit() and inTransaction use it without pulling in the rules.
import type { Tx } from '../../platform/db/database.js';

/** Stands for "no client" (anonymous veldwerk, turn-aways, street counts). */
export const ANON = '';
const changed = new WeakMap<Tx, Set<string>>();
let bulkDepth = 0;

/** Called by audit() for every write: remember whose findings to recompute before the commit. */
export function markChanged(db: Tx, clientId: string | null) {
  let set = changed.get(db);
  if (!set) {
    set = new Set();
    changed.set(db, set);
  }
  set.add(clientId ?? ANON);
}

export const hasChanges = (db: Tx) => !!changed.get(db)?.size;

/** Takes (and forgets) what this transaction touched. */
export function takeChanged(db: Tx): Set<string> | undefined {
  const set = changed.get(db);
  changed.delete(db);
  return set?.size ? set : undefined;
}

/** Runs fn as a bulk load (demo seed, imports): no per-write recomputation; the next read recomputes in full. */
export async function inBulk<T>(fn: () => Promise<T>): Promise<T> {
  bulkDepth++;
  try {
    return await fn();
  } finally {
    bulkDepth--;
  }
}
export const inBulkLoad = () => bulkDepth > 0;
