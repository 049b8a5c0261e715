// Page navigation (pagination) and layout blocks.
import type { ReactNode } from 'react';
import { cx } from './cx';

export function Pagination({
  pagina,
  paginaGrootte,
  totaal,
  onPagina,
  label = 'Paginering',
}: {
  pagina: number;
  paginaGrootte: number;
  totaal: number;
  onPagina: (p: number) => void;
  label?: string;
}) {
  const aantal = Math.max(1, Math.ceil(totaal / Math.max(1, paginaGrootte)));
  const vorige = pagina > 1;
  const volgende = pagina < aantal;
  return (
    <nav className="utrecht-pagination onderdak-pagination" aria-label={label}>
      <button
        type="button"
        className={cx(
          'utrecht-pagination__relative-link',
          'utrecht-pagination__relative-link--prev',
          'onderdak-linkbutton',
          !vorige && 'utrecht-pagination__relative-link--disabled',
        )}
        disabled={!vorige}
        onClick={() => onPagina(pagina - 1)}
      >
        Vorige
      </button>
      <span className="onderdak-pagination__status" aria-current="page">
        Pagina {pagina} van {aantal}
      </span>
      <button
        type="button"
        className={cx(
          'utrecht-pagination__relative-link',
          'utrecht-pagination__relative-link--next',
          'onderdak-linkbutton',
          !volgende && 'utrecht-pagination__relative-link--disabled',
        )}
        disabled={!volgende}
        onClick={() => onPagina(pagina + 1)}
      >
        Volgende
      </button>
    </nav>
  );
}

export function Card({
  children,
  labelledBy,
  className,
}: {
  children: ReactNode;
  labelledBy?: string;
  className?: string;
}) {
  return (
    <section aria-labelledby={labelledBy} className={cx('onderdak-card', className)}>
      {children}
    </section>
  );
}
