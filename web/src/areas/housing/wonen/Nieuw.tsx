// Wonen: a form behind a button, and focus for a form that just opened.
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Button, ButtonGroup } from '../../../ui/ui';

/** A form behind a button, so a list page opens with its list; the form closes with Sluiten or Escape. */
export function Nieuw({ knop, children }: { knop: string; children: (sluit: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const knopRef = useRef<HTMLButtonElement>(null);
  const eerder = useRef(false);
  useEffect(() => {
    if (!open && eerder.current) knopRef.current?.focus();
    eerder.current = true;
  }, [open]);
  if (!open)
    return (
      <ButtonGroup>
        <Button ref={knopRef} variant="primary" aria-expanded={false} onClick={() => setOpen(true)}>
          {knop}
        </Button>
      </ButtonGroup>
    );
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from any field inside closes the form; the keys bubble up from the fields, the card itself is not interactive.
    <div
      className="onderdak-card"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      {children(() => setOpen(false))}
    </div>
  );
}

/** Moves focus to the element when it mounts (a form that just opened), so keyboard and screen-reader users land in it. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
