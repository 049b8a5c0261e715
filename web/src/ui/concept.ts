// Issue 16: a draft of a form kept in sessionStorage (this browser tab only), so a session that expires while typing
// loses nothing: after logging in again (the login page returns to ?terug=) the form opens with the draft. The draft is
// removed when the form is saved or cancelled, and all drafts are removed on logging out.
import { useCallback, useState } from 'react';

const VOORVOEGSEL = 'onderdak-concept:';

function lees<T>(sleutel: string): T | null {
  try {
    const v = sessionStorage.getItem(VOORVOEGSEL + sleutel);
    return v ? (JSON.parse(v) as T) : null;
  } catch {
    return null;
  }
}

/** Is there a draft for this form? (to open its disclosure right away) */
export function heeftConcept(sleutel: string): boolean {
  return lees(sleutel) !== null;
}

/** Removes every draft (on logging out: nothing of a client stays behind in the browser). */
export function wisAlleConcepten(): void {
  try {
    for (const k of Object.keys(sessionStorage)) if (k.startsWith(VOORVOEGSEL)) sessionStorage.removeItem(k);
  } catch {
    // storage not available: nothing kept
  }
}

/** Like useState, kept as a draft under `sleutel`; `wis` ends the draft (after saving or cancelling). */
export function useConcept<T extends object>(sleutel: string, begin: T): [T, (t: T) => void, () => void] {
  const [waarde, setWaarde] = useState<T>(() => ({ ...begin, ...(lees<Partial<T>>(sleutel) ?? {}) }));
  const zet = useCallback(
    (t: T) => {
      setWaarde(t);
      try {
        sessionStorage.setItem(VOORVOEGSEL + sleutel, JSON.stringify(t));
      } catch {
        // storage full or blocked: the form still works, only without a draft
      }
    },
    [sleutel],
  );
  const wis = useCallback(() => {
    try {
      sessionStorage.removeItem(VOORVOEGSEL + sleutel);
    } catch {
      // nothing kept
    }
  }, [sleutel]);
  return [waarde, zet, wis];
}
