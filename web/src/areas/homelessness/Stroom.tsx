// Issue 20: the monthly flow on a fixed day (the 1st of the month): inflow, outflow and the active number, with the
// trend toward functional zero (fewer people becoming homeless than leave homelessness, month after month), the
// current figures next to it (unmet demand next to occupancy), and a CSV export. Beleid sees protected figures.
import { useQuery } from '@tanstack/react-query';
import { LineChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo, useState } from 'react';
import { apiGet } from '../../api/client';
import { Chart } from '../../ui/Chart';
import { datum, maand } from '../../ui/format';
import {
  ErrorAlert,
  Heading,
  Inklapblok,
  Loading,
  Paragraph,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
} from '../../ui/ui';

echarts.use([LineChart, LegendComponent]);

const maandTerug = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};

export function Stroom() {
  const [van, setVan] = useState(maandTerug(23));
  const [tot, setTot] = useState(maandTerug(0));
  const geldig = /^\d{4}-\d{2}$/.test(van) && /^\d{4}-\d{2}$/.test(tot);
  const cijfers = useQuery({ queryKey: ['hele-beeld', 'cijfers'], queryFn: () => apiGet('/dakloosheidscijfers') });
  const q = useQuery({
    queryKey: ['hele-beeld', 'stroom', van, tot],
    queryFn: () => apiGet('/maandstromen', { query: { van, tot } }),
    enabled: geldig,
  });
  const option = useMemo(() => {
    const m = q.data?.maanden ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: m.map((x) => x.maand) },
      yAxis: { type: 'value' },
      series: [
        { name: 'Actief (eind)', type: 'line', data: m.map((x) => x.actiefEind) },
        {
          name: 'Instroom',
          type: 'bar',
          data: m.map((x) => x.instroomNieuw + x.instroomTerugUitWonen + x.instroomTerugNaInactiviteit),
        },
        { name: 'Uitstroom', type: 'bar', data: m.map((x) => x.uitstroomNaarWonen + x.uitstroomInactief) },
      ],
    };
  }, [q.data]);
  return (
    <section aria-labelledby="stroom-kop">
      <Heading level={2} id="stroom-kop">
        Stroom per maand
      </Heading>
      {cijfers.data && (
        <Paragraph>
          Op {datum(cijfers.data.peildatum)} zijn {cijfers.data.actief} mensen actief dakloos bekend (
          {cijfers.data.inactief} inactief). In de laatste 12 maanden vonden {cijfers.data.afgewezenLaatste12Maanden}{' '}
          verzoeken geen plek (onvervulde vraag).
          {!cijfers.data.exact && ' Om niemand herkenbaar te maken wijken de aantallen een klein beetje af.'}
        </Paragraph>
      )}
      {cijfers.data && cijfers.data.perSituatie.length > 0 && (
        <Table caption="Actief dakloos per situatie">
          <THead>
            <Tr>
              <Th>Situatie</Th>
              <Th numeric>Aantal</Th>
            </Tr>
          </THead>
          <TBody>
            {cijfers.data.perSituatie.map((s) => (
              <Tr key={s.code}>
                <Th scope="row">{s.label}</Th>
                <Td numeric>{s.aantal}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <div className="onderdak-form-row">
        <TextField
          id="stroom-van"
          label="Eerste maand (JJJJ-MM)"
          value={van}
          onChange={(e) => setVan(e.target.value)}
        />
        <TextField
          id="stroom-tot"
          label="Laatste maand (JJJJ-MM)"
          value={tot}
          onChange={(e) => setTot(e.target.value)}
        />
      </div>
      {!geldig ? (
        <Paragraph>Vul beide maanden in als JJJJ-MM.</Paragraph>
      ) : q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Paragraph>
            {q.data.maandenOpRijMinderInstroom > 0
              ? `Op weg naar functional zero: de laatste ${q.data.maandenOpRijMinderInstroom} maanden stroomden minder mensen in dan uit.`
              : 'Nog geen functional zero: in de laatste maand stroomden evenveel of meer mensen in dan uit.'}{' '}
            <a className="utrecht-link" href={`/v1/maandstromen?van=${van}&tot=${tot}&formaat=csv`} download>
              Download als CSV
            </a>
          </Paragraph>
          <Chart option={option} label="Instroom, uitstroom en het aantal actieve daklozen per maand" />
          {/* issue 16: the chart shows the trend; the figures per month are one click away */}
          <Inklapblok titel="Cijfers per maand als tabel" aantal={`${q.data.maanden.length} maanden`}>
            <Table caption="Instroom en uitstroom per maand (peildag: de 1e van de maand)">
              <THead>
                <Tr>
                  <Th>Maand</Th>
                  <Th numeric>Actief begin</Th>
                  <Th numeric>Nieuw</Th>
                  <Th numeric>Terug uit wonen</Th>
                  <Th numeric>Terug na inactiviteit</Th>
                  <Th numeric>Naar wonen</Th>
                  <Th numeric>Inactief</Th>
                  <Th numeric>Actief eind</Th>
                </Tr>
              </THead>
              <TBody>
                {q.data.maanden.map((m) => (
                  <Tr key={m.maand}>
                    <Th scope="row">{maand(m.maand)}</Th>
                    <Td numeric>{m.actiefBegin}</Td>
                    <Td numeric>{m.instroomNieuw}</Td>
                    <Td numeric>{m.instroomTerugUitWonen}</Td>
                    <Td numeric>{m.instroomTerugNaInactiviteit}</Td>
                    <Td numeric>{m.uitstroomNaarWonen}</Td>
                    <Td numeric>{m.uitstroomInactief}</Td>
                    <Td numeric>{m.actiefEind}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </Inklapblok>
        </>
      )}
    </section>
  );
}
