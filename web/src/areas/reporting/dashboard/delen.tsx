// Dashboard: building blocks shared by its sections (section frame, figure cell, chart data as a table, lazy chart).
import { lazy, type ReactNode, useEffect, useState } from 'react';
import { aandeel, getal } from '../../../ui/format';
import { Heading, Paragraph } from '../../../ui/ui';
import { type Cijfers, type Num, ONDERDRUKT, type Soortcijfer } from './cijfers';

/** The shared chart wrapper with the dashboard's chart types (lines, a region map), loaded lazily. */
export const Chart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.Chart })));

/** Loads the region's map outline; true once it is registered (false when there is none). */
export function useRegioKaart(regio: string): boolean {
  const [kaart, setKaart] = useState(false);
  useEffect(() => {
    let actief = true;
    void import('./DashboardCharts')
      .then((m) => m.loadRegionMap(regio))
      .then((ok) => {
        if (actief) setKaart(ok);
      });
    return () => {
      actief = false;
    };
  }, [regio]);
  return kaart;
}

export function Waarde({ c, k, soort }: { c: Cijfers; k: keyof Cijfers; soort: Soortcijfer }) {
  if (c.onderdrukt.includes(k))
    return (
      <span title={ONDERDRUKT} className="onderdak-dashboard__onderdrukt">
        —<span className="onderdak-sr-only"> (niet getoond: te weinig personen)</span>
      </span>
    );
  const v = c[k] as Num;
  return <>{soort === 'aandeel' ? aandeel(v) : getal(v)}</>;
}

export function Sectie({
  id,
  titel,
  children,
  uitleg,
}: {
  id: string;
  titel: string;
  children: ReactNode;
  uitleg?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="onderdak-dashboard__sectie">
      <Heading level={2} id={id}>
        {titel}
      </Heading>
      {uitleg && <Paragraph small>{uitleg}</Paragraph>}
      {children}
    </section>
  );
}

export function GrafiekTabel({
  caption,
  kolommen,
  rijen,
}: {
  caption: string;
  kolommen: string[];
  rijen: { label: string; waarden: string[] }[];
}) {
  return (
    <details className="onderdak-dashboard__gegevens">
      <summary>Gegevens van deze grafiek als tabel</summary>
      <div className="utrecht-table-container utrecht-table-container--overflow-inline">
        <div className="utrecht-table-container utrecht-table-container--overflow-inline">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption">{caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Reeks
                </th>
                {kolommen.map((k) => (
                  <th
                    key={k}
                    scope="col"
                    className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"
                  >
                    {k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rijen.map((r) => (
                <tr key={r.label} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {r.label}
                  </th>
                  {r.waarden.map((w, i) => (
                    <td key={i} className="utrecht-table__cell utrecht-table__cell--numeric-data">
                      {w}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </details>
  );
}
