import { type ReactNode, useEffect, useRef } from 'react';

/** The confirmation step of a far-reaching action: a group that takes focus when it appears. */
export function Bevestiging({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="onderdak-bevestiging" role="group" aria-label={label}>
      {children}
    </div>
  );
}
