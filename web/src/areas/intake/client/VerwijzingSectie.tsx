// Case page (issue 14): the toegang refers an admitted client to one location; only that location's staff may then
// place the client. Shows the referrals (open, geplaatst, ingetrokken) with "Intrekken" on the open one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, apiPad } from '../../../api/client';
import { locatiesQuery } from '../../../api/queries';
import type { Client, Schema } from '../../../api/types';
import { datum, vandaag } from '../../../ui/format';
import {
  Button,
  ErrorAlert,
  Heading,
  Loading,
  Paragraph,
  SelectField,
  StatusBadge,
  Table,
  TBody,
  Td,
  TextareaField,
  TextField,
  THead,
  Th,
  Tr,
  Uitklap,
} from '../../../ui/ui';
import { ConflictOfFouten } from '../acties/EenheidKiezer';
import { FormKnoppen } from '../acties/FormKnoppen';
import { useClientActie, useVernieuwClient } from '../acties/useClientActie';

type Verwijzing = Schema<'Verwijzing'>;

export const verwijzingenQuery = (clientId: string) => ({
  queryKey: ['verwijzingen', clientId] as const,
  queryFn: () => apiGet('/clienten/{id}/verwijzingen', { params: { id: clientId } }),
});

const STATUS: Record<Verwijzing['status'], { label: string; kleur: 'warning' | 'success' | 'neutral' }> = {
  open: { label: 'Wacht op plaatsing', kleur: 'warning' },
  geplaatst: { label: 'Geplaatst', kleur: 'success' },
  ingetrokken: { label: 'Ingetrokken', kleur: 'neutral' },
};

export function VerwijzingSectie({ c }: { c: Client }) {
  const q = useQuery(verwijzingenQuery(c.id));
  if (q.isPending) return <Loading>Verwijzingen laden…</Loading>;
  if (q.error) return <ErrorAlert error={q.error} />;
  const { resultaten, mogelijkheden } = q.data;
  if (resultaten.length === 0 && !mogelijkheden.verwijzen) return null;
  return (
    <section aria-labelledby="verwijzing-titel">
      <Heading level={2} id="verwijzing-titel">
        Verwijzing naar een locatie
      </Heading>
      {resultaten.length === 0 ? (
        <Paragraph>Deze cliënt is nog niet naar een locatie verwezen.</Paragraph>
      ) : (
        <Table caption="Verwijzingen">
          <THead>
            <Tr>
              <Th>Locatie</Th>
              <Th>Verwezen op</Th>
              <Th>Door</Th>
              <Th>Toelichting</Th>
              <Th>Status</Th>
              <Th>Actie</Th>
            </Tr>
          </THead>
          <TBody>
            {resultaten.map((v) => (
              <Tr key={v.id}>
                <Td>{v.locatieNaam}</Td>
                <Td>{datum(v.verwezenOp)}</Td>
                <Td>{v.verwezenDoor ?? '—'}</Td>
                <Td>{v.toelichting ?? '—'}</Td>
                <Td>
                  <StatusBadge status={STATUS[v.status].kleur}>
                    {STATUS[v.status].label}
                    {v.ingetrokkenOp ? ` op ${datum(v.ingetrokkenOp)}` : ''}
                  </StatusBadge>
                </Td>
                <Td>{v.mogelijkheden.intrekken ? <Intrekken clientId={c.id} v={v} /> : '—'}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {mogelijkheden.verwijzen && (
        <Uitklap knop="Verwijzen naar een locatie" titel="Verwijzen naar een locatie" variant="primary">
          {(sluit, id) => <VerwijzenForm client={c} sluit={sluit} titelId={id} />}
        </Uitklap>
      )}
    </section>
  );
}

function Intrekken({ clientId, v }: { clientId: string; v: Verwijzing }) {
  const qc = useQueryClient();
  const vernieuw = useVernieuwClient(clientId);
  const m = useMutation({
    mutationFn: () =>
      apiPad('post', '/verwijzingen/{id}/intrekkingen', { params: { id: v.id }, body: { datum: vandaag() } }),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: ['verwijzingen'] }), vernieuw()]);
    },
  });
  return (
    <>
      {m.error && <ErrorAlert error={m.error} />}
      <Button busy={m.isPending} disabled={m.isPending} onClick={() => m.mutate()}>
        Intrekken<span className="onderdak-sr-only"> (verwijzing naar {v.locatieNaam})</span>
      </Button>
    </>
  );
}

function VerwijzenForm({ client, sluit, titelId }: { client: Client; sluit: () => void; titelId: string }) {
  const qc = useQueryClient();
  const locaties = useQuery(locatiesQuery);
  const [locatieId, setLocatieId] = useState('');
  const [d, setD] = useState(vandaag());
  const [toelichting, setToelichting] = useState('');
  const p = 'verwijzen';
  const { m, fouten, verstuur } = useClientActie(
    client.id,
    sluit,
    async () => {
      const r = await apiPad('post', '/clienten/{id}/verwijzingen', {
        params: { id: client.id },
        body: { locatieId, datum: d, toelichting: toelichting.trim() || null },
      });
      await qc.invalidateQueries({ queryKey: ['verwijzingen'] });
      return r;
    },
    { locatieId: `${p}-locatie`, datum: `${p}-datum`, toelichting: `${p}-toelichting` },
    { negeer409: true },
  );
  const submit = verstuur({
    locatieId: locatieId ? undefined : 'Kies een locatie.',
    datum: d ? undefined : 'Vul de datum in.',
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ConflictOfFouten error={m.error} fouten={fouten} />
      {locaties.error && <ErrorAlert error={locaties.error} />}
      <SelectField
        id={`${p}-locatie`}
        label="Locatie"
        description="Alleen de medewerkers van deze locatie kunnen de cliënt daarna plaatsen."
        required
        value={locatieId}
        onChange={(e) => setLocatieId(e.target.value)}
        error={fouten.get('locatieId')}
        aria-busy={locaties.isPending || undefined}
      >
        <option value="">{locaties.isPending ? 'Laden…' : 'Kies een locatie'}</option>
        {(locaties.data?.resultaten ?? []).map((l) => (
          <option key={l.id} value={l.id}>
            {l.naam} ({l.vrij} vrij)
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${p}-datum`}
        label="Datum"
        type="date"
        required
        value={d}
        onChange={(e) => setD(e.target.value)}
        error={fouten.get('datum')}
      />
      <TextareaField
        id={`${p}-toelichting`}
        label="Toelichting voor de locatie"
        optional
        value={toelichting}
        onChange={(e) => setToelichting(e.target.value)}
        error={fouten.get('toelichting')}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Verwijzing opslaan" sluit={sluit} />
    </form>
  );
}
