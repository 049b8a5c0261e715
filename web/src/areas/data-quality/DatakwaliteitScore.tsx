// Issue 20: the data-quality score per month (no persons), for the dashboard and the data-quality page.

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiGet } from '../../api/client';
import { Chart } from '../../ui/Chart';
import { maand } from '../../ui/format';
import { ErrorAlert, Heading, Loading, Table, TBody, Td, THead, Th, Tr } from '../../ui/ui';

export function DatakwaliteitScore() {
  const q = useQuery({ queryKey: ['datakwaliteit', 'scores'], queryFn: () => apiGet('/datakwaliteit/scores') });
  const option = useMemo(() => {
    const m = q.data?.maanden ?? [];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: m.map((x) => x.maand) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ name: 'Score (%)', type: 'bar', data: m.map((x) => x.score) }],
    };
  }, [q.data]);
  return (
    <section aria-labelledby="dq-score">
      <Heading level={2} id="dq-score">
        Datakwaliteit per maand
      </Heading>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Chart option={option} height={200} label="Datakwaliteitsscore per maand, in procenten" />
          <Table caption="Score per maand (percentage records zonder bevinding)">
            <THead>
              <Tr>
                <Th>Maand</Th>
                <Th numeric>Score</Th>
                <Th numeric>Bevindingen</Th>
              </Tr>
            </THead>
            <TBody>
              {q.data.maanden.map((m) => (
                <Tr key={m.maand}>
                  <Th scope="row">{maand(m.maand)}</Th>
                  <Td numeric>{m.score.toLocaleString('nl-NL')}%</Td>
                  <Td numeric>{m.bevindingen}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      )}
    </section>
  );
}
