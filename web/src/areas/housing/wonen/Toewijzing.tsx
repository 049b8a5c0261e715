// Wonen, sub-page "Beste toewijzing": the allocation of all free units with the highest total suitability.
import { useMutation } from '@tanstack/react-query';
import { apiPad } from '../../../api/client';
import { Button, ButtonGroup, ErrorAlert, Heading, Paragraph, Table, TBody, Td, THead, Th, Tr } from '../../../ui/ui';

export function Toewijzing() {
  const m = useMutation({ mutationFn: () => apiPad('post', '/toewijzingsvoorstellen', { body: {} }) });
  return (
    <section aria-labelledby="batch">
      <Heading level={2} id="batch">
        Beste toewijzing van alle vrije woonplekken
      </Heading>
      <Paragraph>
        Berekent de toewijzing met de hoogste totale passendheid (geen gulzige volgorde); er wordt niets opgeslagen.
      </Paragraph>
      <ButtonGroup>
        <Button variant="primary" busy={m.isPending} onClick={() => m.mutate()}>
          Voorstel berekenen
        </Button>
      </ButtonGroup>
      {m.error ? <ErrorAlert error={m.error} /> : null}
      {m.data && (
        <>
          <Paragraph>
            {m.data.methode} Totale passendheid {m.data.totaleScore} punten (gulzig: {m.data.gulzigeScore}).{' '}
            {m.data.bewezenOptimaal ? 'Bewezen optimaal.' : ''}
          </Paragraph>
          <Paragraph small>{m.data.eerlijkheidsregel}</Paragraph>
          <Table caption="Voorgestelde koppelingen">
            <THead>
              <Tr>
                <Th>Kandidaat</Th>
                <Th>Woonplek</Th>
                <Th numeric>Punten</Th>
                <Th>Waarom</Th>
              </Tr>
            </THead>
            <TBody>
              {m.data.voorstellen.map((v) => (
                <Tr key={v.kandidaat.id}>
                  <Td>{v.kandidaat.naam}</Td>
                  <Td>{v.woonplek.adres}</Td>
                  <Td numeric>{v.score}</Td>
                  <Td>{v.uitleg}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {m.data.zonderWoonplek.length > 0 && (
            <Paragraph>Zonder passende woonplek: {m.data.zonderWoonplek.map((z) => z.naam).join(', ')}.</Paragraph>
          )}
        </>
      )}
    </section>
  );
}
