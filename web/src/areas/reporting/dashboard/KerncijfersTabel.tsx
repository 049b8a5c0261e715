// Dashboard: the key figures table (periods as columns, figures as rows) with the definitions.
import type { ReactNode } from 'react';
import { datum } from '../../../ui/format';
import { CIJFERS, ONDERDRUKT, type Periode } from './cijfers';
import { Sectie, Waarde } from './delen';

export function KerncijfersTabel({
  perioden,
  titel,
  uitleg,
  aggregaat,
}: {
  perioden: Periode[];
  titel: string;
  uitleg: ReactNode;
  aggregaat: boolean;
}) {
  const gekozen = (i: number) => (i === perioden.length - 1 ? ' onderdak-dashboard__gekozen' : '');
  return (
    <Sectie id="kerncijfers-titel" titel={`Kerncijfers ${titel}`} uitleg={uitleg}>
      <div className="utrecht-table-container utrecht-table-container--overflow-inline">
        <div className="utrecht-table-container utrecht-table-container--overflow-inline">
          <table className="utrecht-table utrecht-table--html-table onderdak-dashboard__tabel">
            <caption className="utrecht-table__caption onderdak-sr-only">
              Kerncijfers maatschappelijke opvang per periode
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Kerncijfer
                </th>
                {perioden.map((c, i) => (
                  <th
                    key={c.label}
                    scope="col"
                    title={`${datum(c.van)} tot ${datum(c.tot)}`}
                    className={`utrecht-table__header-cell utrecht-table__header-cell--numeric-column${gekozen(i)}`}
                  >
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {CIJFERS.map((r) => (
                <tr key={r.key} className="utrecht-table__row" data-cijfer={r.key}>
                  <th scope="row" title={r.definitie} className="utrecht-table__header-cell onderdak-dashboard__rijkop">
                    {r.label}
                  </th>
                  {perioden.map((c, i) => (
                    <td
                      key={c.label}
                      title={r.definitie}
                      className={`utrecht-table__cell utrecht-table__cell--numeric-data${gekozen(i)}`}
                    >
                      <Waarde c={c} k={r.key} soort={r.soort} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {/* issue 16: closed; the definitions are also the tooltip of each figure */}
      <details className="onderdak-dashboard__definities">
        <summary>Definities ({CIJFERS.length})</summary>
        <dl>
          {CIJFERS.map((r) => (
            <div key={r.key}>
              <dt>{r.label}</dt>
              <dd>{r.definitie}</dd>
            </div>
          ))}
          <div>
            <dt>Periode</dt>
            <dd>
              Van de begindatum tot (niet tot en met) de einddatum. Een verblijf dat over de grens loopt telt in beide
              perioden mee met de nachten die erin vallen.
            </dd>
          </div>
          {aggregaat && (
            <div>
              <dt>—</dt>
              <dd>{ONDERDRUKT}</dd>
            </div>
          )}
        </dl>
      </details>
    </Sectie>
  );
}
