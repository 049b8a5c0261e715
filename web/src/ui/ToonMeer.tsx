// Issue 16: a long list shows its first items and a "Toon alle …" button, so a page stays within a few screen heights.
// The button says how many there are; after "Toon minder" the focus stays on the button.
import { type ReactNode, useState } from 'react';
import { Button } from './buttons';
import { cx } from './cx';

export function ToonMeer<T>({
  items,
  eerste = 8,
  children,
  wat,
  className,
  label,
}: {
  items: readonly T[];
  /** how many are shown before "Toon alle" */
  eerste?: number;
  children: (item: T, index: number) => ReactNode;
  /** what the items are, plural: "bewoners" → "Toon alle 23 bewoners" */
  wat: string;
  className?: string;
  /** accessible name of the list */
  label?: string;
}) {
  const [alles, setAlles] = useState(false);
  const zichtbaar = alles ? items : items.slice(0, eerste);
  return (
    <>
      <ul className={cx('onderdak-compact-lijst', className)} aria-label={label}>
        {zichtbaar.map((item, i) => children(item, i))}
      </ul>
      {items.length > eerste && (
        <Button variant="subtle" aria-expanded={alles} onClick={() => setAlles((a) => !a)}>
          {alles ? 'Toon minder' : `Toon alle ${items.length} ${wat}`}
        </Button>
      )}
    </>
  );
}
