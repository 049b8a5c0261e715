// Issue 19, for the beheerder: the state of the outbox to the zaaksysteem, and the retention purge (dry run first,
// then destroy with confirmation) with its destruction log. No case contents: references, counts, dates.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import { datum, tijdstip } from '../../ui/format';
import {
  Alert,
  Button,
  CheckboxField,
  DataList,
  ErrorAlert,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  StatusBadge,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';

export function KoppelingenEnAvgPage() {
  useTitel('Koppelingen en bewaartermijnen');
  return (
    <>
      <Heading level={1}>Koppelingen en bewaartermijnen</Heading>
      <Zaaksysteem />
      <Bewaartermijnen />
    </>
  );
}

function Zaaksysteem() {
  const q = useQuery({
    queryKey: ['zaaksysteem-berichten'],
    queryFn: () => apiGet('/zaaksysteem-berichten'),
    refetchInterval: 5000,
  });
  return (
    <section aria-labelledby="zs-kop">
      <Heading level={2} id="zs-kop">
        Zaaksysteem
      </Heading>
      <Paragraph>
        Elke aanmelding wordt een zaak en elk toegangsbesluit een besluit in het zaaksysteem. Lukt versturen niet, dan
        blijft het bericht wachten en wordt het later opnieuw geprobeerd, in dezelfde volgorde.
      </Paragraph>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : (
        <>
          <DataList
            items={[
              [
                'Koppeling',
                q.data.koppelingAan
                  ? q.data.ingesteld
                    ? 'Aan'
                    : 'Aan, maar het adres van het zaaksysteem ontbreekt'
                  : 'Uit',
              ],
              ['Wachtend', String(q.data.aantalWachtend)],
              ['Met fout (wordt herhaald)', String(q.data.aantalMetFout)],
              ['Verzonden', String(q.data.aantalVerzonden)],
              ['Oudste wachtende', q.data.oudsteWachtend ? tijdstip(q.data.oudsteWachtend) : '—'],
            ]}
          />
          {q.data.berichten.length > 0 && (
            <Table caption="Laatste 50 berichten">
              <THead>
                <Tr>
                  <Th numeric>Nr.</Th>
                  <Th>Soort</Th>
                  <Th>Datum</Th>
                  <Th>Status</Th>
                  <Th numeric>Pogingen</Th>
                  <Th>Laatste fout</Th>
                </Tr>
              </THead>
              <TBody>
                {q.data.berichten.map((b) => (
                  <Tr key={b.id}>
                    <Td numeric>{b.id}</Td>
                    <Td>
                      {b.soort}
                      {b.stap ? `: ${b.stap}` : ''}
                    </Td>
                    <Td>{datum(b.datum)}</Td>
                    <Td>
                      <StatusBadge
                        status={b.status === 'verzonden' ? 'success' : b.pogingen > 0 ? 'warning' : 'neutral'}
                      >
                        {b.status === 'verzonden' ? 'Verzonden' : b.pogingen > 0 ? 'Opnieuw proberen' : 'Wachtend'}
                      </StatusBadge>
                    </Td>
                    <Td numeric>{b.pogingen}</Td>
                    <Td>{b.laatsteFout ?? '—'}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}

function Bewaartermijnen() {
  const qc = useQueryClient();
  const [bevestigd, setBevestigd] = useState(false);
  const proef = useMutation({ mutationFn: () => apiGet('/bewaartermijnen/verlopen-dossiers') });
  const log = useQuery({ queryKey: ['vernietigingen'], queryFn: () => apiGet('/vernietigingen') });
  const uitvoeren = useMutation({
    mutationFn: (referenties: string[]) => apiPad('post', '/vernietigingen', { body: { bevestigd, referenties } }),
    onSuccess: (data) => {
      qc.setQueryData(['vernietigingen'], data);
      proef.reset();
      setBevestigd(false);
    },
  });
  return (
    <section aria-labelledby="bt-kop">
      <Heading level={2} id="bt-kop">
        Bewaartermijnen (AVG)
      </Heading>
      <Paragraph>
        Dossiers worden bewaard tot 15 jaar na het einde van de opvang, 5 jaar als er geen opvang is toegekend, en 6
        weken als de aanmelding vóór het besluit is ingetrokken. Maak eerst een proefrun; daarna kunt u de dossiers
        vernietigen. Naam, geboortedatum, BSN, contactgegevens, journaal, documenten en vrije teksten verdwijnen; de
        cijfers blijven kloppen.
      </Paragraph>
      <Button variant="secondary" busy={proef.isPending} disabled={proef.isPending} onClick={() => proef.mutate()}>
        Proefrun: welke dossiers zijn verlopen?
      </Button>
      <ErrorAlert error={proef.error} />
      {proef.data && (
        <>
          <Table caption={`Proefrun op ${datum(proef.data.peildatum)}: ${proef.data.aantal} dossiers te vernietigen`}>
            <THead>
              <Tr>
                <Th>Referentie</Th>
                <Th>Termijn</Th>
                <Th>Te vernietigen vanaf</Th>
              </Tr>
            </THead>
            <TBody>
              {proef.data.dossiers.map((d) => (
                <Tr key={d.referentie}>
                  <Td>
                    <code>{d.referentie}</code>
                  </Td>
                  <Td>{d.termijn}</Td>
                  <Td>{datum(d.vernietigenVanaf)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {proef.data.aantal > 0 && (
            <>
              <CheckboxField
                id="bt-bevestigd"
                label={`Ik heb de proefrun gecontroleerd: vernietig deze ${proef.data.aantal} dossiers`}
                checked={bevestigd}
                onChange={(e) => setBevestigd(e.target.checked)}
              />
              <Button
                variant="primary"
                danger
                disabled={!bevestigd || uitvoeren.isPending}
                busy={uitvoeren.isPending}
                onClick={() => uitvoeren.mutate(proef.data.dossiers.map((d) => d.referentie))}
              >
                Dossiers vernietigen
              </Button>
            </>
          )}
        </>
      )}
      <ErrorAlert error={uitvoeren.error} />
      {uitvoeren.isSuccess && (
        <Alert type="ok" role="status">
          De dossiers zijn vernietigd en vastgelegd in het vernietigingslog.
        </Alert>
      )}
      <Heading level={3}>Vernietigingslog</Heading>
      {log.isPending ? (
        <Loading />
      ) : log.error ? (
        <PaginaFout error={log.error} />
      ) : log.data.resultaten.length === 0 ? (
        <Paragraph>Er is nog niets vernietigd.</Paragraph>
      ) : (
        <Table caption="Vernietigd (zonder persoonsgegevens)">
          <THead>
            <Tr>
              <Th>Wanneer</Th>
              <Th>Door</Th>
              <Th>Referentie</Th>
              <Th>Wat</Th>
            </Tr>
          </THead>
          <TBody>
            {log.data.resultaten.map((r) => (
              <Tr key={`${r.referentie}-${r.tijdstip}`}>
                <Td>{tijdstip(r.tijdstip)}</Td>
                <Td>{r.door}</Td>
                <Td>
                  <code>{r.referentie}</code>
                </Td>
                <Td>{r.wat}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}
