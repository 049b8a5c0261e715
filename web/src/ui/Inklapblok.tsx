// Issue 16: a secondary section of a page, closed behind a <details>/<summary> whose text says what is inside and how
// many, so a page stays within a few screen heights and nothing is out of reach. The content is only rendered once
// opened (charts measure their width when they mount, which a closed <details> does not have); before printing every
// block opens, so a printout has the whole page.
import { type ReactNode, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { cx } from './cx';

export function Inklapblok({
  titel,
  aantal,
  beginOpen = false,
  className,
  children,
}: {
  /** what the section is, e.g. "Te late perspectiefplannen" */
  titel: string;
  /** shown as "(n)" after the title, so a person sees what is there before opening it */
  aantal?: number | string;
  beginOpen?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(beginOpen);
  useEffect(() => {
    const voorAfdrukken = () => flushSync(() => setOpen(true));
    window.addEventListener('beforeprint', voorAfdrukken);
    return () => window.removeEventListener('beforeprint', voorAfdrukken);
  }, []);
  return (
    <details
      className={cx('onderdak-inklapblok', className)}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="onderdak-inklapblok__summary">
        {titel}
        {aantal !== undefined ? ` (${aantal})` : ''}
      </summary>
      <div className="onderdak-inklapblok__inhoud">{open ? children : null}</div>
    </details>
  );
}
