// Tables and data lists (NL Design System / Utrecht CSS).
import type { ReactNode } from 'react';
import { cx } from './cx';

export function DataList({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {items.map(([k, v], i) => (
        <div key={i} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{k}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{v ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** `captionHidden`: the caption is for assistive technology only (a visible heading already names the table). */
export function Table({
  caption,
  children,
  className,
  captionHidden,
}: {
  caption?: ReactNode;
  children: ReactNode;
  className?: string;
  captionHidden?: boolean;
}) {
  return (
    // focusable, so keyboard users can scroll a table that is wider than a small screen (WCAG 2.1.1)
    <div
      className="utrecht-table-container utrecht-table-container--overflow-inline"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container must be reachable by keyboard
      tabIndex={0}
    >
      <table className={cx('utrecht-table', 'utrecht-table--html-table', className)}>
        {caption && (
          <caption className={cx('utrecht-table__caption', captionHidden && 'onderdak-sr-only')}>{caption}</caption>
        )}
        {children}
      </table>
    </div>
  );
}
export function THead({ children }: { children: ReactNode }) {
  return <thead className="utrecht-table__header">{children}</thead>;
}
export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="utrecht-table__body">{children}</tbody>;
}
export function Tr({ children }: { children: ReactNode }) {
  return <tr className="utrecht-table__row">{children}</tr>;
}
export function Th({
  children,
  scope = 'col',
  numeric,
  ariaSort,
}: {
  children: ReactNode;
  scope?: 'col' | 'row';
  numeric?: boolean;
  ariaSort?: 'ascending' | 'descending' | 'none';
}) {
  return (
    <th
      scope={scope}
      aria-sort={ariaSort}
      className={cx('utrecht-table__header-cell', numeric && 'utrecht-table__header-cell--numeric-column')}
    >
      {children}
    </th>
  );
}
export function Td({ children, numeric, colSpan }: { children?: ReactNode; numeric?: boolean; colSpan?: number }) {
  return (
    <td colSpan={colSpan} className={cx('utrecht-table__cell', numeric && 'utrecht-table__cell--numeric-data')}>
      {children}
    </td>
  );
}
