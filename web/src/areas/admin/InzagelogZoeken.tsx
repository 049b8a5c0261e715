// Inzagelog voor de beheerder (issue 11): find NEN 7513 lines by client (name, birth date), user or period, and
// download them as CSV. The lines say who, when, what kind of action, which part and on what basis — no content.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { apiGet, qs, type Vraag } from '../../api/client';
import { useGebruiker } from '../../api/queries';
import { tijdstip } from '../../ui/format';
import {
  Alert,
  Button,
  ErrorSummary,
  FormErrors,
  Heading,
  Loading,
  Pagination,
  Paragraph,
  StatusBadge,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';

type Zoekvraag = Vraag<'/inzagelogregels'>;
const LEEG = { client: '', geboortedatum: '', gebruiker: '', van: '', tot: '' };

export function InzagelogZoekenPage() {
  useTitel('Inzagelog doorzoeken');
  const m = useGebruiker().mogelijkheden;
  const [f, setF] = useState(LEEG);
  const [vraag, setVraag] = useState<Zoekvraag | null>(null);
  const log = useQuery({
    queryKey: ['inzagelogregels', vraag],
    queryFn: () => apiGet('/inzagelogregels', { query: vraag ?? {} }),
    enabled: vraag !== null,
    retry: false,
  });
  if (!m.inzagelogDoorzoeken) {
    return (
      <>
        <Heading level={1}>Inzagelog doorzoeken</Heading>
        <Alert type="error" role="alert" title="Geen toegang">
          Alleen de beheerder doorzoekt het inzagelog.
        </Alert>
      </>
    );
  }
  const ids = {
    client: 'log-client',
    geboortedatum: 'log-geboortedatum',
    gebruiker: 'log-gebruiker',
    van: 'log-van',
    tot: 'log-tot',
  };
  const fouten = FormErrors.from(log.error, ids);
  const zoek = (e: FormEvent) => {
    e.preventDefault();
    const q: Zoekvraag = {};
    for (const [k, v] of Object.entries(f)) if (v.trim()) (q as Record<string, string>)[k] = v.trim();
    setVraag({ ...q, pagina: 1 });
  };
  const csvHref = vraag ? `/v1/inzagelogregels${qs({ ...vraag, pagina: undefined, formaat: 'csv' })}` : null;
  return (
    <>
      <p className="utrecht-paragraph">
        <Link to="/beheer" className="utrecht-link">
          ← Terug naar beheer
        </Link>
      </p>
      <Heading level={1}>Inzagelog doorzoeken</Heading>
      <Paragraph>
        Wie heeft welk dossier bekeken of gewijzigd, wanneer, wat voor handeling en op welke grondslag (NEN 7513). De
        inhoud van dossiers staat hier niet in. Uw zoekopdracht komt zelf ook in het log.
      </Paragraph>
      <ErrorSummary errors={fouten.summary()} />
      <form onSubmit={zoek} noValidate aria-label="Zoeken in het inzagelog">
        <div className="onderdak-kolommen">
          <TextField
            id={ids.client}
            label="Naam cliënt"
            optional
            value={f.client}
            onChange={(e) => setF({ ...f, client: e.target.value })}
            error={fouten.get('client')}
          />
          <TextField
            id={ids.geboortedatum}
            label="Geboortedatum cliënt"
            type="date"
            optional
            value={f.geboortedatum}
            onChange={(e) => setF({ ...f, geboortedatum: e.target.value })}
            error={fouten.get('geboortedatum')}
          />
          <TextField
            id={ids.gebruiker}
            label="Gebruikersnaam"
            optional
            value={f.gebruiker}
            onChange={(e) => setF({ ...f, gebruiker: e.target.value })}
            error={fouten.get('gebruiker')}
          />
        </div>
        <div className="onderdak-kolommen">
          <TextField
            id={ids.van}
            label="Vanaf"
            type="date"
            optional
            value={f.van}
            onChange={(e) => setF({ ...f, van: e.target.value })}
            error={fouten.get('van')}
          />
          <TextField
            id={ids.tot}
            label="Tot en met"
            type="date"
            optional
            value={f.tot}
            onChange={(e) => setF({ ...f, tot: e.target.value })}
            error={fouten.get('tot')}
          />
        </div>
        <Button type="submit" variant="primary">
          Zoeken
        </Button>
      </form>
      {vraag && log.isPending && <Loading />}
      {log.data && (
        <section aria-labelledby="log-resultaat">
          <Heading level={2} id="log-resultaat">
            {log.data.totaal} {log.data.totaal === 1 ? 'regel' : 'regels'} gevonden
          </Heading>
          {csvHref && (
            <Paragraph>
              <a className="utrecht-link" href={csvHref} download>
                Download als CSV (Excel)
              </a>
            </Paragraph>
          )}
          {log.data.resultaten.length > 0 && (
            <Table caption="Logregels, nieuwste eerst">
              <THead>
                <Tr>
                  <Th>Tijdstip</Th>
                  <Th>Gebruiker</Th>
                  <Th>Rol</Th>
                  <Th>Handeling</Th>
                  <Th>Onderdeel</Th>
                  <Th>Cliënt</Th>
                  <Th>Grondslag</Th>
                  <Th>Noodtoegang</Th>
                </Tr>
              </THead>
              <TBody>
                {log.data.resultaten.map((r, i) => (
                  <Tr key={`${r.tijdstip}-${i}`}>
                    <Td>
                      <time dateTime={r.tijdstip}>{tijdstip(r.tijdstip)}</time>
                    </Td>
                    <Td>{r.gebruiker ?? '—'}</Td>
                    <Td>{r.rol ?? '—'}</Td>
                    <Td>{r.actie}</Td>
                    <Td>{r.onderdeel}</Td>
                    <Td>
                      {r.client ? (
                        <Link
                          to="/clienten/$clientId/inzagelog"
                          params={{ clientId: r.client.id }}
                          className="utrecht-link"
                        >
                          {r.client.naam ?? 'onbekend'}
                          {r.client.geboortedatum ? ` (${r.client.geboortedatum})` : ''}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </Td>
                    <Td>{r.grondslag ?? '—'}</Td>
                    <Td>{r.noodtoegang ? <StatusBadge status="danger">Ja</StatusBadge> : 'Nee'}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
          <Pagination
            pagina={log.data.pagina}
            paginaGrootte={log.data.paginaGrootte}
            totaal={log.data.totaal}
            label="Paginering inzagelog"
            onPagina={(p) => setVraag({ ...vraag, pagina: p })}
          />
        </section>
      )}
    </>
  );
}
