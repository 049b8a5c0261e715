// Disclosure: a button that opens a form in place (used on the case page and the perspective pages).
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Button } from './buttons';

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
}: {
  knop: string;
  titel: string;
  variant?: 'primary' | 'secondary';
  /** issue 16: open at once (e.g. a draft kept from an expired session) */
  beginOpen?: boolean;
  children: (sluit: () => void, titelId: string) => ReactNode;
}) {
  const [open, setOpen] = useState(beginOpen);
  const knopRef = useRef<HTMLButtonElement>(null);
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
