// Issue 16: a long table in pages on the client (the API returns the whole list): the rows of the current page, the
// "x–y van z" text for the caption and the Vorige/Volgende navigation. A shrinking list (e.g. after a task is done)
// keeps the page within range.
import { useState } from 'react';
import { bladzijde } from './Bladeren';
import { Pagination } from './navigation';

export function usePagina<T>(items: readonly T[], perPagina: number, label: string) {
  const [gekozen, setPagina] = useState(1);
  const { rijen, pagina } = bladzijde(items, gekozen, perPagina);
  const meer = items.length > perPagina;
  return {
    zichtbaar: rijen,
    /** ", 21–40 van 57" for a caption; empty when everything fits on one page */
    bereik: meer
      ? `, ${(pagina - 1) * perPagina + 1}–${Math.min(items.length, pagina * perPagina)} van ${items.length}`
      : '',
    /** back to page 1, e.g. when a filter changes */
    opnieuw: () => setPagina(1),
    navigatie: meer ? (
      <Pagination pagina={pagina} paginaGrootte={perPagina} totaal={items.length} onPagina={setPagina} label={label} />
    ) : null,
  };
}
