// Headings, paragraphs and lists (NL Design System / Utrecht CSS).
import { Children, isValidElement, type ReactNode } from 'react';
import { cx } from './cx';

export function Heading({
  level,
  children,
  id,
  className,
}: {
  level: 1 | 2 | 3 | 4;
  children: ReactNode;
  id?: string;
  className?: string;
}) {
  const cls = cx(`utrecht-heading-${level}`, className);
  switch (level) {
    case 1:
      return (
        <h1 id={id} className={cls}>
          {children}
        </h1>
      );
    case 2:
      return (
        <h2 id={id} className={cls}>
          {children}
        </h2>
      );
    case 3:
      return (
        <h3 id={id} className={cls}>
          {children}
        </h3>
      );
    default:
      return (
        <h4 id={id} className={cls}>
          {children}
        </h4>
      );
  }
}

export function Paragraph({
  children,
  lead,
  small,
  className,
}: {
  children: ReactNode;
  lead?: boolean;
  small?: boolean;
  className?: string;
}) {
  return (
    <p
      className={cx(
        'utrecht-paragraph',
        lead && 'utrecht-paragraph--lead',
        small && 'utrecht-paragraph--small',
        className,
      )}
    >
      {children}
    </p>
  );
}

export function UnorderedList({ children }: { children: ReactNode }) {
  return (
    <ul className="utrecht-unordered-list">
      {Children.map(children, (c) =>
        isValidElement(c) ? c : c == null || c === false ? null : <li className="utrecht-unordered-list__item">{c}</li>,
      )}
    </ul>
  );
}
