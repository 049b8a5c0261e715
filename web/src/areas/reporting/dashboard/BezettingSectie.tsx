// Dashboard: current occupancy per location against capacity (stacked bars and a table).

import { useQuery } from '@tanstack/react-query';
import { Suspense, useMemo } from 'react';
import { aandeel, datum } from '../../../ui/format';
import { Loading, PaginaFout } from '../../../ui/ui';
import { type BezettingRapport, bezettingQuery, primair } from './cijfers';
import { Chart, Sectie } from './delen';

export function BezettingSectie({ regio }: { regio: string }) {
  const bezetting = useQuery(bezettingQuery(regio));
  return (
    <Sectie
      id="bezetting-titel"
      titel="Actuele bezetting per locatie"
      uitleg={
        bezetting.data
          ? `Peildatum ${datum(bezetting.data.peildatum)}: bezette bedden tegenover de capaciteit (exclusief reserveplekken, die apart staan).`
          : undefined
      }
    >
      {bezetting.isPending ? (
        <Loading />
      ) : bezetting.error ? (
        <PaginaFout error={bezetting.error} />
      ) : (
        <Bezetting rapport={bezetting.data} />
      )}
    </Sectie>
  );
}

function Bezetting({ rapport }: { rapport: BezettingRapport }) {
  const bezettingOptie = useMemo(() => {
    const l = rapport.locaties;
    return {
      color: [primair(), '#c8d6e5', '#c05600'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: l.map((x) => x.naam),
        axisLabel: { color: '#1a1a1a', width: 220, overflow: 'truncate' },
      },
      series: [
        { type: 'bar', stack: 'c', name: 'Bezet', data: l.map((x) => Math.min(x.bezet, x.capaciteit)) },
        { type: 'bar', stack: 'c', name: 'Vrij', data: l.map((x) => x.vrij) },
        {
          type: 'bar',
          stack: 'c',
          name: 'Reserve (bezet / totaal)',
          data: l.map((x) => x.reserve),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) =>
              l[p.dataIndex]!.reserve ? `${l[p.dataIndex]!.reserveBezet}/${l[p.dataIndex]!.reserve}` : '',
          },
        },
      ],
      aria: { enabled: true, decal: { show: true } },
    };
  }, [rapport]);
  return (
    <>
      <Suspense fallback={<Loading>Grafiek laden…</Loading>}>
        <Chart
          option={bezettingOptie}
          height={rapport.locaties.length * 44 + 60}
          label={`Gestapeld staafdiagram: bezette en vrije bedden per locatie. ${rapport.locaties.map((l) => `${l.naam}: ${l.bezet} van ${l.capaciteit} bezet`).join('; ')}.`}
        />
      </Suspense>
      <div className="utrecht-table-container utrecht-table-container--overflow-inline">
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption onderdak-sr-only">Bezetting per locatie</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                Locatie
              </th>
              {['Capaciteit', 'Bezet', 'Vrij', 'Bezettingsgraad', 'Reserve (bezet / totaal)'].map((h) => (
                <th
                  key={h}
                  scope="col"
                  className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rapport.locaties.map((l) => (
              <tr key={l.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {l.naam}
                  {l.nachtopvang ? ' (nachtopvang)' : ''}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{l.capaciteit}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{l.bezet}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{l.vrij}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{aandeel(l.bezettingsgraad)}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {l.reserve ? `${l.reserveBezet} / ${l.reserve}` : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
