// Issue 16: a secondary part of a page behind a native <details>/<summary>, so a long page stays within a few screen
// heights. The summary says what is inside and how many (e.g. "Toon de 6 praktische stappen"); the heading of the
// section stays outside, so the heading order and the page outline do not change.
import { type ReactNode, useState } from 'react';
import { cx } from './cx';

export function Inklapper({
  samenvatting,
  children,
  beginOpen = false,
  className,
}: {
  /** what the summary says, with a count where there is one */
  samenvatting: ReactNode;
  children: ReactNode;
  /** open at first (e.g. when something in it needs attention); read once, so a re-render never closes it */
  beginOpen?: boolean;
  className?: string;
}) {
  const [openBijStart] = useState(beginOpen);
  return (
    <details className={cx('onderdak-inklapper', className)} open={openBijStart || undefined}>
      <summary className="onderdak-inklapper__samenvatting">{samenvatting}</summary>
      <div className="onderdak-inklapper__inhoud">{children}</div>
    </details>
  );
}
