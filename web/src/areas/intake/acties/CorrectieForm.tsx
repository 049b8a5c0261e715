// Action form on a stay: correct a wrong start or end (exit) date, with a reason; history kept (issue 13).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, apiPad } from '../../../api/client';
import type { Verblijf } from '../../../api/types';
import { datum, tijdstip } from '../../../ui/format';
import {
  ErrorAlert,
  Loading,
  Paragraph,
  Table,
  TBody,
  Td,
  TextareaField,
  TextField,
  THead,
  Th,
  Tr,
} from '../../../ui/ui';
import { ConflictOfFouten } from './EenheidKiezer';
import { FormKnoppen } from './FormKnoppen';
import { useClientActie } from './useClientActie';

export function CorrectieForm({
  verblijf,
  sluit,
  titelId,
}: {
  verblijf: Verblijf;
  sluit: () => void;
  titelId: string;
}) {
  const [van, setVan] = useState(verblijf.van);
  const [tot, setTot] = useState(verblijf.tot ?? '');
  const [reden, setReden] = useState('');
  const p = `correctie-${verblijf.id}`;
  const { m, fouten, verstuur } = useClientActie(
    verblijf.clientId,
    sluit,
    () =>
      apiPad('post', '/plaatsingen/{id}/correcties', {
        params: { id: verblijf.id },
        body: {
          van: van !== verblijf.van ? van : undefined,
          tot: verblijf.tot && tot !== verblijf.tot ? tot : undefined,
          reden: reden.trim(),
        },
      }),
    { van: `${p}-van`, tot: `${p}-tot`, reden: `${p}-reden` },
    { negeer409: true },
  );
  const submit = verstuur({
    van: van ? undefined : 'Vul de begindatum in.',
    tot: verblijf.tot && !tot ? 'Vul de einddatum in.' : undefined,
    reden: reden.trim() ? undefined : 'Geef de reden van de correctie.',
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ConflictOfFouten error={m.error} fouten={fouten} />
      <Paragraph>
        Corrigeer een verkeerd ingevoerde datum van het verblijf in {verblijf.eenheidNaam} ({verblijf.locatieNaam}). De
        oude datum blijft bewaard in de geschiedenis. Elke nacht die erbij komt, wordt opnieuw getoetst aan de
        capaciteit.
      </Paragraph>
      <TextField
        id={`${p}-van`}
        label="Begindatum (plaatsingsdatum)"
        type="date"
        required
        value={van}
        onChange={(e) => setVan(e.target.value)}
        error={fouten.get('van')}
      />
      {verblijf.tot && (
        <TextField
          id={`${p}-tot`}
          label={verblijf.reden === 'uitstroom' ? 'Einddatum (uitstroomdatum)' : 'Einddatum'}
          type="date"
          required
          value={tot}
          onChange={(e) => setTot(e.target.value)}
          error={fouten.get('tot')}
        />
      )}
      <TextareaField
        id={`${p}-reden`}
        label="Reden van de correctie"
        required
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        error={fouten.get('reden')}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Correctie opslaan" sluit={sluit} />
    </form>
  );
}

/** The date corrections of one stay (old → new, reason, who and when). */
export function CorrectieGeschiedenis({ verblijf }: { verblijf: Verblijf }) {
  const q = useQuery({
    queryKey: ['client', verblijf.clientId, 'correcties', verblijf.id],
    queryFn: () => apiGet('/plaatsingen/{id}/correcties', { params: { id: verblijf.id } }),
  });
  if (q.isPending) return <Loading>Correcties laden…</Loading>;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (q.data.resultaten.length === 0) return <Paragraph>Dit verblijf is niet gecorrigeerd.</Paragraph>;
  return (
    <Table caption={`Datumcorrecties van het verblijf in ${verblijf.eenheidNaam}`}>
      <THead>
        <Tr>
          <Th>Wanneer</Th>
          <Th>Door</Th>
          <Th>Begindatum</Th>
          <Th>Einddatum</Th>
          <Th>Reden</Th>
        </Tr>
      </THead>
      <TBody>
        {q.data.resultaten.map((c) => (
          <Tr key={c.id}>
            <Td>{tijdstip(c.gecorrigeerdOp)}</Td>
            <Td>{c.gecorrigeerdDoor ?? '—'}</Td>
            <Td>{c.oudVan === c.nieuwVan ? datum(c.nieuwVan) : `${datum(c.oudVan)} → ${datum(c.nieuwVan)}`}</Td>
            <Td>{c.oudTot === c.nieuwTot ? datum(c.nieuwTot) : `${datum(c.oudTot)} → ${datum(c.nieuwTot)}`}</Td>
            <Td>{c.reden}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
