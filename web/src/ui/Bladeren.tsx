// Issue 16: paging through a list that is already loaded: "x–y van z" and Vorige/Volgende (the Pagination block).
// The page number is state of the caller (local state, or a URL search param where the page keeps its state there).
import { Pagination } from './navigation';

/** The rows of page `pagina` (1-based) and the page that is really shown (clamped when the list got shorter). */
export function bladzijde<T>(items: readonly T[], pagina: number, grootte: number): { rijen: T[]; pagina: number } {
  const aantal = Math.max(1, Math.ceil(items.length / grootte));
  const p = Math.min(Math.max(1, pagina), aantal);
  return { rijen: items.slice((p - 1) * grootte, p * grootte), pagina: p };
}

export function Bladeren({
  pagina,
  grootte,
  totaal,
  onPagina,
  label,
  wat,
}: {
  pagina: number;
  grootte: number;
  totaal: number;
  onPagina: (p: number) => void;
  /** accessible name of the navigation, e.g. "Pagina's van de werklijst" */
  label: string;
  /** what the rows are, plural: "cliënten" → "1–20 van 64 cliënten" */
  wat: string;
}) {
  if (totaal <= grootte) return null;
  const van = (pagina - 1) * grootte + 1;
  const tot = Math.min(totaal, pagina * grootte);
  return (
    <div className="onderdak-bladeren">
      <p className="utrecht-paragraph onderdak-bladeren__status" aria-live="polite">
        {van}–{tot} van {totaal} {wat}
      </p>
      <Pagination pagina={pagina} paginaGrootte={grootte} totaal={totaal} onPagina={onPagina} label={label} />
    </div>
  );
}
