// Issue 20: the by-name list (toegang): everyone known to be homeless, with situation and last contact.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { apiGet } from '../../api/client';
import { datum } from '../../ui/format';
import {
  Bladeren,
  bladzijde,
  ErrorAlert,
  Heading,
  Loading,
  Paragraph,
  SelectField,
  StatusBadge,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
} from '../../ui/ui';

type Toestand = 'actief' | 'inactief' | 'gehuisvest' | 'alle';

/** Issue 16: rows per page of the by-name list. */
const PER_PAGINA = 25;

export function Namenlijst() {
  const [toestand, setToestand] = useState<Toestand>('actief');
  const [gevraagd, setPagina] = useState(1);
  const q = useQuery({
    queryKey: ['hele-beeld', 'namenlijst', toestand],
    queryFn: () => apiGet('/namenlijst', { query: { toestand } }),
  });
  const { rijen, pagina } = bladzijde(q.data?.resultaten ?? [], gevraagd, PER_PAGINA);
  const blader = (
    <Bladeren
      pagina={pagina}
      grootte={PER_PAGINA}
      totaal={q.data?.resultaten.length ?? 0}
      onPagina={setPagina}
      label="Pagina's van de namenlijst"
      wat="personen"
    />
  );
  return (
    <section aria-labelledby="namenlijst-kop">
      <Heading level={2} id="namenlijst-kop">
        Namenlijst van de regio
      </Heading>
      <SelectField
        id="nl-toestand"
        label="Toon"
        value={toestand}
        onChange={(e) => {
          setToestand(e.target.value as Toestand);
          setPagina(1);
        }}
      >
        <option value="actief">Actief (dakloos en in beeld)</option>
        <option value="inactief">Inactief (lang geen contact)</option>
        <option value="gehuisvest">Gehuisvest</option>
        <option value="alle">Iedereen</option>
      </SelectField>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Paragraph>
            <span role="status">
              {q.data.aantal} personen op {datum(q.data.peildatum)}.
            </span>{' '}
            Inactief na {q.data.inactiefNaMaanden} maanden zonder contact; bij nieuw contact weer actief.
          </Paragraph>
          {blader}
          <Table caption="Namenlijst">
            <THead>
              <Tr>
                <Th>Naam</Th>
                <Th>Situatie</Th>
                <Th>Laatste contact</Th>
                <Th>Actief sinds</Th>
                <Th>Status</Th>
              </Tr>
            </THead>
            <TBody>
              {rijen.map((p) => (
                <Tr key={p.sleutel}>
                  <Th scope="row">
                    {p.clientId ? (
                      <Link to="/clienten/$clientId" params={{ clientId: p.clientId }}>
                        {p.naam}
                      </Link>
                    ) : (
                      <>
                        {p.naam}
                        {p.geschatteLeeftijd !== null && <> (ca. {p.geschatteLeeftijd} jaar)</>}{' '}
                        <StatusBadge status="neutral">alleen veldwerk</StatusBadge>
                      </>
                    )}
                  </Th>
                  <Td>{p.situatieLabel}</Td>
                  <Td>{datum(p.laatsteContact)}</Td>
                  <Td>{datum(p.actiefSinds)}</Td>
                  <Td>{p.toestand}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {blader}
        </>
      )}
    </section>
  );
}
