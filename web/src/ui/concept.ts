// Issue 16: drafts of forms, kept in sessionStorage (this browser tab only), so a session that expires while typing
// loses nothing: after logging in again (the login page returns to ?terug=) the form opens with the draft.
//
// Generic: every form inside an <Uitklap> (keyed by page and title) and every <Formulier concept="…"> keeps what is
// typed, with no code per field. The container listens to input/change events, stores the values of its fields by id,
// and on mount puts them back through the same events React listens to, one field per tick (so each onChange sees
// the state of the one before, and fields that appear after a choice or options that load later are filled too).
// A draft is removed when its form is saved (a mutation started by the submit succeeds) or closed/cancelled, and all
// drafts are removed on logging out and when another user logs in in the same tab.
import { type Mutation, type MutationCacheNotifyEvent, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

const VOORVOEGSEL = 'onderdak-concept:';
const EIGENAAR = 'onderdak-concept-eigenaar';

function lees<T>(sleutel: string): T | null {
  try {
    const v = sessionStorage.getItem(VOORVOEGSEL + sleutel);
    return v ? (JSON.parse(v) as T) : null;
  } catch {
    return null;
  }
}
function schrijf(sleutel: string, waarde: unknown): void {
  try {
    sessionStorage.setItem(VOORVOEGSEL + sleutel, JSON.stringify(waarde));
  } catch {
    // storage full or blocked: the form still works, only without a draft
  }
}

/** Is there a draft for this form? (to open its disclosure right away) */
export function heeftConcept(sleutel: string): boolean {
  return lees(sleutel) !== null;
}

/** Ends one draft (after saving or cancelling). */
export function wisConcept(sleutel: string): void {
  try {
    sessionStorage.removeItem(VOORVOEGSEL + sleutel);
  } catch {
    // nothing kept
  }
}

/** Removes every draft (on logging out: nothing of a client stays behind in the browser). */
export function wisAlleConcepten(): void {
  try {
    for (const k of Object.keys(sessionStorage)) if (k.startsWith(VOORVOEGSEL)) sessionStorage.removeItem(k);
  } catch {
    // storage not available: nothing kept
  }
}

/**
 * The drafts in this tab belong to one user: when someone else logs in here (a shared workstation after an expired
 * session), the drafts of the previous user are removed before any page can show them.
 */
export function conceptenVan(gebruikerId: string): void {
  try {
    const vorige = sessionStorage.getItem(EIGENAAR);
    if (vorige !== gebruikerId) {
      wisAlleConcepten();
      sessionStorage.setItem(EIGENAAR, gebruikerId);
    }
  } catch {
    // storage not available: no drafts either
  }
}

/** Like useState, kept as a draft under `sleutel`; `wis` ends the draft (after saving or cancelling). */
export function useConcept<T extends object>(sleutel: string, begin: T): [T, (t: T) => void, () => void] {
  const [waarde, setWaarde] = useState<T>(() => ({ ...begin, ...(lees<Partial<T>>(sleutel) ?? {}) }));
  const zet = useCallback(
    (t: T) => {
      setWaarde(t);
      schrijf(sleutel, t);
    },
    [sleutel],
  );
  const wis = useCallback(() => wisConcept(sleutel), [sleutel]);
  return [waarde, zet, wis];
}

// ----- generic drafts of the fields inside a container (form or disclosure) -----

type Veldwaarde = string | boolean;
type Veld = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
interface VeldConcept {
  velden: Record<string, Veldwaarde>;
}

/** Fields that are never kept: secrets, files, one-time codes, and fields marked data-geen-concept. */
function telt(el: Element): el is Veld {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement))
    return false;
  if (!el.id || el.disabled || el.closest('[data-geen-concept]')) return false;
  if (el instanceof HTMLInputElement) {
    if (['password', 'file', 'hidden', 'submit', 'button', 'reset', 'image'].includes(el.type)) return false;
    if (el.autocomplete === 'one-time-code') return false;
  }
  return true;
}

function waardeVan(el: Veld): Veldwaarde {
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) return el.checked;
  return el.value;
}

/** Does the container hold free text (a textarea or a text box with something typed in it)? */
function heeftTekst(velden: Record<string, Veldwaarde>, container: HTMLElement): boolean {
  return Object.entries(velden).some(([id, v]) => {
    if (typeof v !== 'string' || !v.trim()) return false;
    const el = container.querySelector(`#${CSS.escape(id)}`);
    return (
      el instanceof HTMLTextAreaElement ||
      (el instanceof HTMLInputElement && ['text', 'search', 'email', 'tel', 'url', ''].includes(el.type))
    );
  });
}

/** Puts one value back the way a user would, so React's onChange runs. True when done (or nothing to do). */
function zetTerug(el: Veld, v: Veldwaarde): boolean {
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
    if (el.checked !== v && (el.type === 'checkbox' || v === true)) el.click();
    return true;
  }
  if (typeof v !== 'string' || el.value === v) return true;
  if (el instanceof HTMLSelectElement) {
    if (!Array.from(el.options).some((o) => o.value === v)) return false; // options not loaded yet
    const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
    setter?.call(el, v);
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, v);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

const volgendeTik = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Keeps the fields inside `ref` as a draft under `sleutel` (null: no draft). Spread the returned handlers on the
 * container (a <form> or a <section>); call `wis()` to end the draft yourself (cancel). A submit inside the container
 * that starts a mutation ends the draft when that mutation succeeds.
 */
export function useVeldConcept(ref: RefObject<HTMLElement | null>, sleutel: string | null) {
  const queryClient = useQueryClient();
  /** Fields of the draft not put back yet (their draft value is kept while the form is being restored). */
  const open = useRef<Record<string, Veldwaarde>>({});

  const bewaar = useCallback(() => {
    const c = ref.current;
    if (!sleutel || !c) return;
    const velden: Record<string, Veldwaarde> = { ...open.current };
    for (const el of Array.from(c.querySelectorAll('input, textarea, select')))
      if (telt(el)) velden[el.id] = waardeVan(el);
    for (const id of Object.keys(open.current)) velden[id] = open.current[id] as Veldwaarde;
    if (heeftTekst(velden, c) || Object.keys(open.current).length > 0)
      schrijf(sleutel, { velden } satisfies VeldConcept);
    else wisConcept(sleutel); // nothing typed (any more): no draft, so the form does not reopen by itself
  }, [ref, sleutel]);

  // Restore once, on mount.
  useEffect(() => {
    if (!sleutel) return;
    const concept = lees<VeldConcept>(sleutel);
    if (!concept?.velden) return;
    open.current = { ...concept.velden };
    let actief = true;
    void (async () => {
      const tot = Date.now() + 5000;
      while (actief && Object.keys(open.current).length > 0 && Date.now() < tot) {
        let gedaan = false;
        for (const [id, v] of Object.entries(open.current)) {
          const el = ref.current?.querySelector(`#${CSS.escape(id)}`);
          if (!el || !telt(el)) continue;
          if (zetTerug(el, v)) {
            delete open.current[id];
            gedaan = true;
            await volgendeTik(); // let React render this value before the next field's onChange
            if (!actief) return;
          }
        }
        if (!gedaan) await new Promise((r) => setTimeout(r, 100));
      }
      open.current = {};
    })();
    return () => {
      actief = false;
      open.current = {};
    };
  }, [ref, sleutel]);

  const wis = useCallback(() => {
    open.current = {};
    if (sleutel) wisConcept(sleutel);
  }, [sleutel]);

  // A submit: mutations started by its handler end the draft when they succeed (the save went through).
  const nieuw = useRef<Mutation<unknown, unknown, unknown, unknown>[]>([]);
  const stopLuisteren = useRef<(() => void) | null>(null);
  const onSubmitCapture = useCallback(() => {
    if (!sleutel) return;
    nieuw.current = [];
    stopLuisteren.current?.();
    stopLuisteren.current = queryClient.getMutationCache().subscribe((e: MutationCacheNotifyEvent) => {
      if (e.type === 'added') nieuw.current.push(e.mutation);
    });
  }, [queryClient, sleutel]);
  const onSubmit = useCallback(() => {
    stopLuisteren.current?.();
    stopLuisteren.current = null;
    const gestart = nieuw.current;
    nieuw.current = [];
    if (!sleutel || gestart.length === 0) return;
    const cache = queryClient.getMutationCache();
    const klaar = cache.subscribe((e: MutationCacheNotifyEvent) => {
      if (e.type !== 'updated' || !gestart.includes(e.mutation)) return;
      if (e.mutation.state.status === 'success') {
        wisConcept(sleutel);
        klaar();
      } else if (e.mutation.state.status === 'error') klaar();
    });
  }, [queryClient, sleutel]);

  return { wis, handlers: { onInput: bewaar, onChange: bewaar, onSubmitCapture, onSubmit } };
}
