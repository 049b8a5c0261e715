import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs, type AanmeldingMetClient, type AanmeldingStatus, type Pagina } from '../../api/client';
import { datum } from '../../ui/format';
import { Heading, Loading, Pagination, Paragraph, SelectField, StatusBadge, Table, TBody, Td, Th, THead, Tr } from '../../ui/ui';
import { PaginaFout, useTitel } from '../../app/Layout';

/** Cliënt (link to the case), date, source and status of a registration: the shared cells of every registration list. */
export function AanmeldingCellen({ a }: { a: AanmeldingMetClient }) {
  return (
    <>
      <Td>
        <Link to="/clienten/$clientId" params={{ clientId: a.clientId ?? a.client.id }} className="utrecht-link">
          {a.client.voornaam} {a.client.achternaam}
        </Link>
      </Td>
      <Td>{datum(a.datum)}</Td>
      <Td>{a.bronLabel}</Td>
      <Td><AanmeldingStatusBadge status={a.status} /></Td>
    </>
  );
}

export const AANMELDING_STATUS: Record<AanmeldingStatus, string> = {
  aangemeld: 'Aangemeld',
  gescreend: 'Gescreend',
  besloten: 'Besloten',
};

export function AanmeldingStatusBadge({ status }: { status: AanmeldingStatus }) {
  return (
    <StatusBadge status={status === 'besloten' ? 'success' : status === 'gescreend' ? 'active' : 'warning'}>
      {AANMELDING_STATUS[status] ?? status}
    </StatusBadge>
  );
}

export function AanmeldingenPage() {
  useTitel('Aanmeldingen');
  const search = useSearch({ from: '/app/aanmeldingen' });
  const navigate = useNavigate({ from: '/aanmeldingen' });
  const pagina = search.pagina ?? 1;
  const lijst = useQuery({
    queryKey: ['aanmeldingen', { status: search.status, pagina }],
    queryFn: () => api<Pagina<AanmeldingMetClient>>(`/v1/aanmeldingen${qs({ status: search.status, pagina })}`),
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
        </SelectField>
      </form>
      {lijst.isPending ? <Loading /> : lijst.error ? <PaginaFout error={lijst.error} /> : lijst.data.resultaten.length === 0 ? (
        <Paragraph>Geen aanmeldingen gevonden.</Paragraph>
      ) : (
        <>
          <Table caption={`Aanmeldingen (${lijst.data.totaal})`}>
            <THead>
              <Tr><Th>Cliënt</Th><Th>Datum</Th><Th>Bron</Th><Th>Status</Th><Th>Besluit</Th></Tr>
            </THead>
            <TBody>
              {lijst.data.resultaten.map((a) => (
                <Tr key={a.id}>
                  <AanmeldingCellen a={a} />
                  <Td>{a.besluit ? a.besluit.uitkomstLabel : '—'}</Td>
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
