// Issue 19: the eigen bijdrage on the dossier (nights, due, paid, balance, arrears; payments and exemptions) and the
// AVG art. 15 export of the client's data. Shown to toegang; the server enforces the rights table.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { datum, maand, vandaag } from '../../ui/format';
import {
  Alert,
  Button,
  DataList,
  ErrorSummary,
  FormErrors,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  SelectField,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  Uitklap,
} from '../../ui/ui';

export const euro = (n: number) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(n);
type EigenBijdrage = Schema<'EigenBijdrage'>;

export function EigenBijdrageSectie({ clientId }: { clientId: string }) {
  const q = useQuery({
    queryKey: ['eigen-bijdrage', clientId],
    queryFn: () => apiGet('/clienten/{id}/eigen-bijdrage', { params: { id: clientId } }),
  });
  return (
    <section aria-labelledby="eb-kop">
      <Heading level={2} id="eb-kop">
        Eigen bijdrage
      </Heading>
      {q.isPending ? <Loading /> : q.error ? <PaginaFout error={q.error} /> : <Stand eb={q.data} clientId={clientId} />}
      <Gegevensoverzicht clientId={clientId} />
    </section>
  );
}

function Stand({ eb, clientId }: { eb: EigenBijdrage; clientId: string }) {
  return (
    <>
      <div className="onderdak-datalijst-raster">
        <DataList
          items={[
            [
              'Nachten geteld',
              `${eb.nachten} (waarvan ${eb.nachtenVrijgesteld} vrijgesteld), tot ${datum(eb.peildatum)}`,
            ],
            ['Verschuldigd', euro(eb.verschuldigd)],
            ['Betaald', euro(eb.betaald)],
            ['Saldo', <strong key="s">{euro(eb.saldo)}</strong>],
            [
              'Achterstand (ouder dan 60 dagen)',
              eb.achterstand > 0 ? <strong key="a">{euro(eb.achterstand)}</strong> : euro(0),
            ],
          ]}
        />
      </div>
      {eb.perMaand.length > 0 && (
        <Table caption="Per maand">
          <THead>
            <Tr>
              <Th>Maand</Th>
              <Th numeric>Nachten</Th>
              <Th numeric>Vrijgesteld</Th>
              <Th numeric>Verschuldigd</Th>
            </Tr>
          </THead>
          <TBody>
            {eb.perMaand.map((m) => (
              <Tr key={m.maand}>
                <Td>{maand(m.maand)}</Td>
                <Td numeric>{m.nachten}</Td>
                <Td numeric>{m.nachtenVrijgesteld}</Td>
                <Td numeric>{euro(m.verschuldigd)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {eb.aanpassingen.length > 0 && (
        <>
          <Heading level={3}>Vrijstellingen en kortingen</Heading>
          <ul className="utrecht-unordered-list">
            {eb.aanpassingen.map((a) => (
              <li key={a.id}>
                {a.soort === 'vrijstelling' ? 'Vrijstelling' : `Korting ${a.percentage}%`} van {datum(a.van)}
                {a.tot ? ` tot en met ${datum(a.tot)}` : ''}: {a.reden}
              </li>
            ))}
          </ul>
        </>
      )}
      {eb.betalingen.length > 0 && (
        <>
          <Heading level={3}>Betalingen</Heading>
          <ul className="utrecht-unordered-list">
            {eb.betalingen.map((b) => (
              <li key={b.id}>
                {datum(b.datum)}: {euro(b.bedrag)}
                {b.kenmerk ? ` (${b.kenmerk})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {/* issue 16: each form opens on request, one at a time in view */}
      {eb.mogelijkheden.vastleggen && (
        <div className="onderdak-eb-acties">
          <Uitklap knop="Betaling vastleggen" titel="Betaling vastleggen">
            {() => <BetalingFormulier clientId={clientId} />}
          </Uitklap>
          <Uitklap knop="Vrijstelling of korting vastleggen" titel="Vrijstelling of korting">
            {() => <AanpassingFormulier clientId={clientId} />}
          </Uitklap>
        </div>
      )}
    </>
  );
}

function useVastleggen<B>(clientId: string, fn: (b: B) => Promise<EigenBijdrage>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => qc.setQueryData(['eigen-bijdrage', clientId], data),
  });
}

function BetalingFormulier({ clientId }: { clientId: string }) {
  const [d, setD] = useState(vandaag());
  const [bedrag, setBedrag] = useState('');
  const [kenmerk, setKenmerk] = useState('');
  const m = useVastleggen(clientId, (b: { datum: string; bedrag: string; kenmerk: string | null }) =>
    apiPad('post', '/clienten/{id}/eigen-bijdrage/betalingen', { params: { id: clientId }, body: b }),
  );
  const fouten = FormErrors.from(m.error, { datum: 'eb-betaling-datum', bedrag: 'eb-betaling-bedrag' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate({ datum: d, bedrag, kenmerk: kenmerk.trim() || null }, { onSuccess: () => setBedrag('') });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Betaling vastleggen" className="onderdak-form">
      <ErrorSummary errors={fouten.summary()} />
      <TextField
        id="eb-betaling-datum"
        label="Datum"
        type="date"
        value={d}
        onChange={(e) => setD(e.target.value)}
        error={fouten.get('datum')}
      />
      <TextField
        id="eb-betaling-bedrag"
        label="Bedrag in euro"
        inputMode="decimal"
        description="Bijvoorbeeld 12,50"
        value={bedrag}
        onChange={(e) => setBedrag(e.target.value)}
        error={fouten.get('bedrag')}
      />
      <TextField
        id="eb-betaling-kenmerk"
        label="Kenmerk"
        optional
        value={kenmerk}
        onChange={(e) => setKenmerk(e.target.value)}
      />
      <Button type="submit" variant="primary" busy={m.isPending} disabled={m.isPending}>
        Betaling opslaan
      </Button>
      {m.isSuccess && (
        <Alert type="ok" role="status">
          De betaling is opgeslagen.
        </Alert>
      )}
    </form>
  );
}

function AanpassingFormulier({ clientId }: { clientId: string }) {
  const [soort, setSoort] = useState<'vrijstelling' | 'korting'>('vrijstelling');
  const [percentage, setPercentage] = useState('50');
  const [van, setVan] = useState(vandaag());
  const [tot, setTot] = useState('');
  const [reden, setReden] = useState('');
  const m = useVastleggen(
    clientId,
    (b: {
      soort: 'vrijstelling' | 'korting';
      percentage: number | null;
      van: string;
      tot: string | null;
      reden: string;
    }) => apiPad('post', '/clienten/{id}/eigen-bijdrage/aanpassingen', { params: { id: clientId }, body: b }),
  );
  const fouten = FormErrors.from(m.error, {
    soort: 'eb-aanp-soort',
    percentage: 'eb-aanp-percentage',
    van: 'eb-aanp-van',
    tot: 'eb-aanp-tot',
    reden: 'eb-aanp-reden',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate(
      { soort, percentage: soort === 'korting' ? Number(percentage) : null, van, tot: tot || null, reden },
      { onSuccess: () => setReden('') },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Vrijstelling of korting vastleggen" className="onderdak-form">
      <ErrorSummary errors={fouten.summary()} />
      <SelectField
        id="eb-aanp-soort"
        label="Soort"
        value={soort}
        onChange={(e) => setSoort(e.target.value as typeof soort)}
      >
        <option value="vrijstelling">Vrijstelling (niets betalen)</option>
        <option value="korting">Korting (percentage)</option>
      </SelectField>
      {soort === 'korting' && (
        <TextField
          id="eb-aanp-percentage"
          label="Korting in procent"
          inputMode="numeric"
          value={percentage}
          onChange={(e) => setPercentage(e.target.value)}
          error={fouten.get('percentage')}
        />
      )}
      <TextField
        id="eb-aanp-van"
        label="Vanaf"
        type="date"
        value={van}
        onChange={(e) => setVan(e.target.value)}
        error={fouten.get('van')}
      />
      <TextField
        id="eb-aanp-tot"
        label="Tot en met"
        type="date"
        optional
        value={tot}
        onChange={(e) => setTot(e.target.value)}
        error={fouten.get('tot')}
      />
      <TextField
        id="eb-aanp-reden"
        label="Reden"
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        error={fouten.get('reden')}
      />
      <Button type="submit" variant="primary" busy={m.isPending} disabled={m.isPending}>
        Vastleggen
      </Button>
    </form>
  );
}

/** AVG art. 15: the whole file as printable HTML (new tab) or JSON (download); every export is logged. */
function Gegevensoverzicht({ clientId }: { clientId: string }) {
  const base = `/v1/clienten/${encodeURIComponent(clientId)}/gegevensoverzicht`;
  return (
    <>
      <Heading level={3}>Inzageverzoek (AVG)</Heading>
      <Paragraph>
        Alle gegevens die over deze cliënt zijn vastgelegd, voor een inzageverzoek. Het opvragen wordt vastgelegd in het
        inzagelog.
      </Paragraph>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={`${base}?formaat=html`} target="_blank" rel="noreferrer">
          Gegevensoverzicht openen om af te drukken (opent in nieuw tabblad)
        </a>
        {' · '}
        <a className="utrecht-link" href={`${base}?formaat=json`} download={`gegevens-${clientId}.json`}>
          Gegevensoverzicht downloaden (JSON)
        </a>
      </p>
    </>
  );
}
