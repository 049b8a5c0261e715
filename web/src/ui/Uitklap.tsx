// Disclosure: a button that opens a form in place (used on the case page and the perspective pages).
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Button } from './buttons';
import { heeftConcept, useVeldConcept } from './concept';

/** issue 16: the draft of a disclosure's form: its page and its names (or the key given). */
function conceptSleutel(concept: string | false | undefined, knop: string, titel: string): string | null {
  if (concept === false) return null;
  if (concept) return concept;
  const pad = typeof window === 'undefined' ? '' : window.location.pathname;
  return `uitklap:${pad}|${knop}|${titel}`;
}

/**
 * Disclosure: a button that opens a form in place. The button is hidden while the form is open (so its
 * name is unique on the page); focus moves into the form and back to the button on close. Escape closes it.
 */
export function Uitklap({
  knop,
  titel,
  children,
  variant = 'secondary',
  beginOpen = false,
  concept,
}: {
  knop: string;
  titel: string;
  variant?: 'primary' | 'secondary';
  /** issue 16: open at once (e.g. a draft kept from an expired session) */
  beginOpen?: boolean;
  /**
   * issue 16: what is typed in the form is kept as a draft (sessionStorage) under this key, by default the page and
   * the names of this disclosure; with a draft the form opens at once, filled in. Closing (save, cancel, Escape) ends
   * the draft. `false`: no draft (e.g. a form without free text that must start empty).
   */
  concept?: string | false;
  children: (sluit: () => void, titelId: string) => ReactNode;
}) {
  const sleutel = conceptSleutel(concept, knop, titel);
  const [open, setOpenState] = useState(() => beginOpen || (sleutel !== null && heeftConcept(sleutel)));
  const knopRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const { wis, handlers } = useVeldConcept(panelRef, open ? sleutel : null);
  const setOpen = (o: boolean) => {
    if (!o) wis(); // saved or cancelled: the draft ends
    setOpenState(o);
  };
  const titelRef = useRef<HTMLHeadingElement>(null);
  const panelId = useId();
  const titelId = `${panelId}-titel`;
  const eerder = useRef(false);
  useEffect(() => {
    if (open) titelRef.current?.focus();
    else if (eerder.current) knopRef.current?.focus();
    eerder.current = true;
  }, [open]);
  if (!open) {
    return (
      <Button
        ref={knopRef}
        variant={variant}
        aria-expanded={false}
        aria-controls={panelId}
        onClick={() => setOpen(true)}
      >
        {knop}
      </Button>
    );
  }
  return (
    // issue 16: Escape closes the open form (a nested Escape handler, e.g. a menu, stops the event first)
    <section
      ref={panelRef}
      {...handlers}
      id={panelId}
      className="onderdak-card onderdak-actie"
      aria-labelledby={titelId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <h3 id={titelId} ref={titelRef} tabIndex={-1} className="utrecht-heading-3">
        {titel}
      </h3>
      {children(() => setOpen(false), titelId)}
    </section>
  );
}
