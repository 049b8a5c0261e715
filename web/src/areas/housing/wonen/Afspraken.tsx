// Wonen, sub-page "Housing First en prestatieafspraken" (also the whole page for roles without sub-pages).

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet } from '../../../api/client';
import { ErrorAlert, Heading, Loading, Paragraph, SelectField, Table, TBody, Td, THead, Th, Tr } from '../../../ui/ui';

export function HousingFirst() {
  const q = useQuery({ queryKey: ['wonen', 'housing-first'], queryFn: () => apiGet('/rapportages/housing-first') });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <section aria-labelledby="hf">
      <Heading level={2} id="hf">
        Housing First per gemeente
      </Heading>
      <Paragraph small>{q.data.toelichting}</Paragraph>
      <Table caption="Housing First-trajecten per gemeente" captionHidden>
        <THead>
          <Tr>
            <Th>Gemeente</Th>
            <Th numeric>Trajecten</Th>
            <Th numeric>Gestart</Th>
            <Th numeric>Beschikking, wacht op woning</Th>
            <Th numeric>In voorbereiding</Th>
          </Tr>
        </THead>
        <TBody>
          {q.data.perGemeente.map((g) => (
            <Tr key={g.gemeente}>
              <Th scope="row">{g.gemeente}</Th>
              <Td numeric>{g.trajecten}</Td>
              <Td numeric>{g.gestart}</Td>
              <Td numeric>{g.beschikkingWachtOpWoning}</Td>
              <Td numeric>{g.inVoorbereiding}</Td>
            </Tr>
          ))}
          <Tr>
            <Th scope="row">Totaal</Th>
            <Td numeric>{q.data.totaal.trajecten}</Td>
            <Td numeric>{q.data.totaal.gestart}</Td>
            <Td numeric>{q.data.totaal.beschikkingWachtOpWoning}</Td>
            <Td numeric>{q.data.totaal.inVoorbereiding}</Td>
          </Tr>
        </TBody>
      </Table>
    </section>
  );
}

export function Prestatieafspraken() {
  const [jaar, setJaar] = useState(String(new Date().getFullYear()));
  const q = useQuery({
    queryKey: ['wonen', 'prestatieafspraken', jaar],
    queryFn: () => apiGet('/prestatieafspraken', { query: { jaar: Number(jaar) } }),
  });
  return (
    <section aria-labelledby="pa">
      <Heading level={2} id="pa">
        Prestatieafspraken
      </Heading>
      <SelectField id="pa-jaar" label="Jaar" value={jaar} onChange={(e) => setJaar(e.target.value)}>
        {[2024, 2025, 2026, 2027].map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Table caption={`Afgesproken extra woonplekken en realisatie ${jaar}`} captionHidden>
            <THead>
              <Tr>
                <Th>Corporatie</Th>
                <Th>Gemeente</Th>
                <Th numeric>Afgesproken</Th>
                <Th numeric>Gerealiseerd</Th>
                <Th numeric>%</Th>
              </Tr>
            </THead>
            <TBody>
              {q.data.afspraken.map((a) => (
                <Tr key={a.corporatie + a.gemeente}>
                  <Td>{a.corporatie}</Td>
                  <Td>{a.gemeente}</Td>
                  <Td numeric>{a.afgesproken}</Td>
                  <Td numeric>{a.gerealiseerd}</Td>
                  <Td numeric>{a.percentage ?? '–'}</Td>
                </Tr>
              ))}
              <Tr>
                <Th scope="row">Totaal</Th>
                <Td />
                <Td numeric>{q.data.totaal.afgesproken}</Td>
                <Td numeric>{q.data.totaal.gerealiseerd}</Td>
                <Td />
              </Tr>
            </TBody>
          </Table>
          <Paragraph small>{q.data.landelijkDoel.toelichting}</Paragraph>
        </>
      )}
    </section>
  );
}
