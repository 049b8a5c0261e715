// Registrations (aanmeldingen) with a status filter, paged.

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { apiGet } from '../../api/client';
import type { AanmeldingMetClient, AanmeldingStatus } from '../../api/types';
import { datum } from '../../ui/format';
import {
  Heading,
  Loading,
  PaginaFout,
  Pagination,
  Paragraph,
  SelectField,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';
import { AanmeldingCellen } from './AanmeldingCellen';

export function AanmeldingenPage() {
  useTitel('Aanmeldingen');
  const search = useSearch({ from: '/app/aanmeldingen' });
  const navigate = useNavigate({ from: '/aanmeldingen' });
  const pagina = search.pagina ?? 1;
  const lijst = useQuery({
    queryKey: ['aanmeldingen', { status: search.status, pagina }],
    queryFn: () => apiGet('/aanmeldingen', { query: { status: search.status, pagina } }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Heading level={1}>Aanmeldingen</Heading>
      <form className="onderdak-filter" onSubmit={(e) => e.preventDefault()} aria-label="Filter aanmeldingen">
        <SelectField
          id="aanmeldingen-status"
          label="Status"
          value={search.status ?? ''}
          onChange={(e) => {
            const v = e.target.value as AanmeldingStatus | '';
            void navigate({ search: { status: v || undefined, pagina: undefined } });
          }}
        >
          <option value="">Alle statussen</option>
          <option value="aangemeld">Aangemeld</option>
          <option value="gescreend">Gescreend</option>
          <option value="besloten">Besloten</option>
          <option value="ingetrokken">Ingetrokken</option>
        </SelectField>
      </form>
      {lijst.isPending ? (
        <Loading />
      ) : lijst.error ? (
        <PaginaFout error={lijst.error} />
      ) : lijst.data.resultaten.length === 0 ? (
        <Paragraph>Geen aanmeldingen gevonden.</Paragraph>
      ) : (
        <>
          <Table caption={`Aanmeldingen (${lijst.data.totaal})`}>
            <THead>
              <Tr>
                <Th>Cliënt</Th>
                <Th>Datum</Th>
                <Th>Bron</Th>
                <Th>Status</Th>
                <Th>Besluit</Th>
              </Tr>
            </THead>
            <TBody>
              {lijst.data.resultaten.map((a: AanmeldingMetClient) => (
                <Tr key={a.id}>
                  <AanmeldingCellen a={a} />
                  <Td>
                    {a.besluit ? `${a.besluit.uitkomstLabel} (${datum(a.besluit.datum)})` : '—'}
                    {a.gekoppeldTrajectId && <div className="onderdak-hint">Hoort bij het lopende traject</div>}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination
            pagina={lijst.data.pagina ?? pagina}
            paginaGrootte={lijst.data.paginaGrootte || 20}
            totaal={lijst.data.totaal}
            onPagina={(p) => void navigate({ search: (s) => ({ ...s, pagina: p }) })}
          />
        </>
      )}
    </>
  );
}
