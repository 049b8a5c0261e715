// Client search: name filter, sorting and page size in the URL, paged results.

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { apiPad, type Vraag } from '../../api/client';
import { useGebruiker, zoekClienten } from '../../api/queries';
import type { ClientSamenvatting } from '../../api/types';
import { datum } from '../../ui/format';
import {
  Button,
  Heading,
  Loading,
  PaginaFout,
  Pagination,
  Paragraph,
  SelectField,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';
import { ClientStatusBadge } from './ClientStatusBadge';

type Sorteer = NonNullable<Vraag<'/clienten'>['sorteer']>;

export function ClientenPage() {
  useTitel('Cliënten');
  const g = useGebruiker();
  const search = useSearch({ from: '/app/clienten' });
  const navigate = useNavigate({ from: '/clienten' });
  const pagina = search.pagina ?? 1;
  const paginaGrootte = search.paginaGrootte ?? 20;
  const sorteer = search.sorteer ?? 'achternaam';
  // With a search term and no explicit sort, the server puts the best matches first.
  const lijst = useQuery({
    queryKey: ['clienten', { zoek: search.zoek, pagina, paginaGrootte, sorteer: search.sorteer }],
    queryFn: () => zoekClienten({ zoek: search.zoek, pagina, paginaGrootte, sorteer: search.sorteer }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <div className="onderdak-titelbalk">
        <Heading level={1}>Cliënten</Heading>
        {g.mogelijkheden.aanmeldingen && (
          <Link
            to="/clienten/nieuw"
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          >
            Nieuwe cliënt
          </Link>
        )}
      </div>
      <ClientenZoeken sorteer={sorteer} paginaGrootte={paginaGrootte} />

      {lijst.isPending ? (
        <Loading />
      ) : lijst.error ? (
        <PaginaFout error={lijst.error} />
      ) : lijst.data.resultaten.length === 0 ? (
        <Paragraph>Geen cliënten gevonden.</Paragraph>
      ) : (
        <>
          <p className="utrecht-paragraph" role="status">
            {lijst.data.totaal === 1 ? '1 cliënt gevonden' : `${lijst.data.totaal} cliënten gevonden`}
          </p>
          <ClientenTabel clienten={lijst.data.resultaten} sorteer={sorteer} />
          <Pagination
            pagina={lijst.data.pagina ?? pagina}
            paginaGrootte={lijst.data.paginaGrootte || paginaGrootte}
            totaal={lijst.data.totaal}
            onPagina={(p) => void navigate({ search: (s) => ({ ...s, pagina: p }) })}
          />
        </>
      )}
      <ZoekenOpBsn />
    </>
  );
}

/** The search form: the name is applied on submit, sorting and page size at once. */
function ClientenZoeken({ sorteer, paginaGrootte }: { sorteer: Sorteer; paginaGrootte: number }) {
  const search = useSearch({ from: '/app/clienten' });
  const navigate = useNavigate({ from: '/clienten' });
  const [zoek, setZoek] = useState(search.zoek ?? '');
  useEffect(() => setZoek(search.zoek ?? ''), [search.zoek]);

  function submit(e: FormEvent) {
    e.preventDefault();
    void navigate({ search: (s) => ({ ...s, zoek: zoek.trim() || undefined, pagina: undefined }) });
  }

  return (
    <form role="search" aria-label="Cliënten zoeken" onSubmit={submit} className="onderdak-filter" noValidate>
      <TextField
        id="clienten-zoek"
        label="Zoek op naam, geboortedatum of cliëntnummer"
        description="Bijvoorbeeld: Leeuwen, Patrick · 12-03-1985 · de eerste 8 tekens van het cliëntnummer"
        type="search"
        value={zoek}
        onChange={(e) => setZoek(e.target.value)}
      />
      <SelectField
        id="clienten-sorteer"
        label="Sorteren op"
        value={sorteer}
        onChange={(e) =>
          void navigate({ search: (s) => ({ ...s, sorteer: e.target.value as Sorteer, pagina: undefined }) })
        }
      >
        <option value="achternaam">Achternaam (A–Z)</option>
        <option value="-aangemaakt">Nieuwste registratie eerst</option>
      </SelectField>
      <SelectField
        id="clienten-paginagrootte"
        label="Aantal per pagina"
        value={String(paginaGrootte)}
        onChange={(e) =>
          void navigate({ search: (s) => ({ ...s, paginaGrootte: Number(e.target.value), pagina: undefined }) })
        }
      >
        {[10, 20, 50, 100].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </SelectField>
      <div className="onderdak-filter__actie">
        <Button type="submit" variant="primary">
          Zoeken
        </Button>
      </div>
    </form>
  );
}

/** Search by BSN: sent in the body of a POST, so the BSN never lands in the address bar or the history. */
function ZoekenOpBsn() {
  const [bsn, setBsn] = useState('');
  const [fout, setFout] = useState<string | undefined>();
  const m = useMutation({ mutationFn: (b: string) => apiPad('post', '/clienten/_zoek', { body: { bsn: b } }) });
  function submit(e: FormEvent) {
    e.preventDefault();
    const b = bsn.replace(/\s/g, '');
    if (!/^\d{9}$/.test(b)) {
      setFout('Een BSN heeft 9 cijfers.');
      return;
    }
    setFout(undefined);
    m.mutate(b);
  }
  return (
    <section aria-labelledby="bsn-zoeken-titel">
      <Heading level={2} id="bsn-zoeken-titel">
        Zoeken op BSN
      </Heading>
      <form role="search" aria-label="Zoeken op BSN" onSubmit={submit} className="onderdak-filter" noValidate>
        <TextField
          id="clienten-bsn"
          label="BSN"
          inputMode="numeric"
          autoComplete="off"
          value={bsn}
          onChange={(e) => setBsn(e.target.value)}
          error={fout}
        />
        <div className="onderdak-filter__actie">
          <Button type="submit" busy={m.isPending}>
            Zoek op BSN
          </Button>
        </div>
      </form>
      {m.error && <PaginaFout error={m.error} />}
      {m.data &&
        (m.data.resultaten.length === 0 ? (
          <Paragraph>
            <span role="status">Geen cliënt met dit BSN gevonden.</span>
          </Paragraph>
        ) : (
          <ClientenTabel clienten={m.data.resultaten} sorteer="achternaam" />
        ))}
    </section>
  );
}

function ClientenTabel({ clienten, sorteer }: { clienten: ClientSamenvatting[]; sorteer: Sorteer }) {
  const navigate = useNavigate({ from: '/clienten' });
  return (
    <Table captionHidden caption="Cliënten">
      <THead>
        <Tr>
          <Th ariaSort={sorteer === 'achternaam' ? 'ascending' : undefined}>
            <button
              type="button"
              className="utrecht-table__header-cell-button onderdak-sortbutton"
              onClick={() => void navigate({ search: (s) => ({ ...s, sorteer: 'achternaam', pagina: undefined }) })}
            >
              Naam<span className="onderdak-sr-only">, sorteer op achternaam</span>
            </button>
          </Th>
          <Th>Geboortedatum</Th>
          <Th>Cliëntnummer</Th>
          <Th>Herkomst</Th>
          <Th>Status</Th>
          <Th>Huidige locatie</Th>
          <Th>Trajecthouder</Th>
          <Th>Laatste contact</Th>
        </Tr>
      </THead>
      <TBody>
        {clienten.map((c) => (
          <Tr key={c.id}>
            <Td>
              <Link to="/clienten/$clientId" params={{ clientId: c.id }} className="utrecht-link">
                {c.achternaam}, {c.voornaam}
              </Link>
            </Td>
            <Td>{datum(c.geboortedatum)}</Td>
            <Td>
              <code>{c.id.slice(0, 8)}</code>
            </Td>
            <Td>{c.herkomst ?? '—'}</Td>
            <Td>
              <ClientStatusBadge status={c.status} />
            </Td>
            <Td>{c.huidigeLocatie ?? '—'}</Td>
            <Td>{c.trajecthouder ?? '—'}</Td>
            <Td>{datum(c.laatsteContact)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
