// Bed board (issue 14): "Verwezen naar onze locatie" — the clients the toegang referred to this location, each with
// a "Plaatsen" action. Staff of a location may place only these clients (or move their own residents).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { datum, vandaag } from '../../ui/format';
import {
  Alert,
  ErrorAlert,
  FormErrors,
  Heading,
  Loading,
  Paragraph,
  SelectField,
  TextField,
  Uitklap,
} from '../../ui/ui';
import { ConflictOfFouten } from '../intake/acties/EenheidKiezer';
import { FormKnoppen } from '../intake/acties/FormKnoppen';
import { heeftPlek } from './plek';

type Verwijzing = Schema<'Verwijzing'>;
type Eenheid = Schema<'Bezetting'>['eenheden'][number];

export function VerwezenSectie({
  locatieId,
  eenheden,
  eigen,
}: {
  locatieId: string;
  eenheden: Eenheid[];
  /** The user works at this location: "onze locatie"; else "deze locatie". */
  eigen: boolean;
}) {
  const q = useQuery({
    queryKey: ['verwijzingen', 'locatie', locatieId],
    queryFn: () => apiGet('/locaties/{id}/verwijzingen', { params: { id: locatieId } }),
  });
  const [melding, setMelding] = useState<string | null>(null);
  return (
    <section aria-labelledby="verwezen-titel">
      <Heading level={2} id="verwezen-titel">
        Verwezen naar {eigen ? 'onze' : 'deze'} locatie
      </Heading>
      {melding && (
        <Alert type="ok" role="status">
          {melding}
        </Alert>
      )}
      {q.isPending ? (
        <Loading>Verwijzingen laden…</Loading>
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data.resultaten.length === 0 ? (
        <Paragraph>Er wacht nu niemand op een plek bij deze locatie.</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list onderdak-verwezen">
          {q.data.resultaten.map((v) => (
            <li key={v.id} className="utrecht-unordered-list__item">
              <article aria-labelledby={`verwezen-${v.id}`} className="onderdak-card">
                <h3 id={`verwezen-${v.id}`} className="utrecht-heading-3">
                  {v.clientNaam}
                </h3>
                <Paragraph small>
                  {v.geboortedatum ? `Geboren ${datum(v.geboortedatum)} · ` : ''}verwezen op {datum(v.verwezenOp)}
                  {v.verwezenDoor ? ` door ${v.verwezenDoor}` : ''}
                </Paragraph>
                {v.toelichting && <Paragraph>{v.toelichting}</Paragraph>}
                {v.mogelijkheden.plaatsen && (
                  <Uitklap knop={`Plaatsen: ${v.clientNaam}`} titel={`${v.clientNaam} plaatsen`} variant="primary">
                    {(sluit, id) => (
                      <PlaatsForm
                        v={v}
                        eenheden={eenheden}
                        sluit={sluit}
                        titelId={id}
                        onKlaar={(eenheid) => setMelding(`${v.clientNaam} is geplaatst in ${eenheid}.`)}
                      />
                    )}
                  </Uitklap>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PlaatsForm({
  v,
  eenheden,
  sluit,
  titelId,
  onKlaar,
}: {
  v: Verwijzing;
  eenheden: Eenheid[];
  sluit: () => void;
  titelId: string;
  onKlaar: (eenheid: string) => void;
}) {
  const qc = useQueryClient();
  const p = `plaats-${v.id}`;
  const [eenheidId, setEenheidId] = useState('');
  const [d, setD] = useState(vandaag());
  const [grootte, setGrootte] = useState('1');
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const m = useMutation({
    mutationFn: () =>
      apiPad('post', '/plaatsingen', {
        body: { clientId: v.clientId, eenheidId, datum: d, huishoudgrootte: Number(grootte) },
      }),
    onSuccess: async (verblijf) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['verwijzingen'] }),
        qc.invalidateQueries({ queryKey: ['bezetting'] }),
        qc.invalidateQueries({ queryKey: ['locaties'] }),
        qc.invalidateQueries({ queryKey: ['client', v.clientId] }),
      ]);
      onKlaar(verblijf.eenheidNaam);
      sluit();
    },
  });
  const serverFout = m.error instanceof ApiError && m.error.status === 409 ? null : m.error;
  const fouten = FormErrors.from(
    serverFout,
    { eenheidId: `${p}-eenheid`, datum: `${p}-datum`, huishoudgrootte: `${p}-huishoudgrootte` },
    cf,
  );
  return (
    <form
      noValidate
      aria-labelledby={titelId}
      onSubmit={(e) => {
        e.preventDefault();
        const checks = {
          eenheidId: eenheidId ? undefined : 'Kies een eenheid.',
          datum: d ? undefined : 'Vul de datum in.',
          huishoudgrootte: Number(grootte) >= 1 ? undefined : 'Vul een huishoudgrootte van 1 of meer in.',
        };
        setCf(checks);
        if (Object.values(checks).some(Boolean)) return m.reset();
        m.mutate();
      }}
    >
      <ConflictOfFouten error={m.error} fouten={fouten} />
      <SelectField
        id={`${p}-eenheid`}
        label="Eenheid"
        required
        value={eenheidId}
        onChange={(e) => setEenheidId(e.target.value)}
        error={fouten.get('eenheidId')}
      >
        <option value="">Kies een eenheid</option>
        {/* issue 16: full rooms are not offered */}
        {eenheden
          .filter((u) => heeftPlek(u, Number(grootte) || 1))
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.naam} — {u.vrij} van {u.bedden} vrij
              {u.reserve ? ' (reserve)' : ''}
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
      <TextField
        id={`${p}-huishoudgrootte`}
        label="Huishoudgrootte"
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        required
        value={grootte}
        onChange={(e) => setGrootte(e.target.value)}
        error={fouten.get('huishoudgrootte')}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Plaatsing opslaan" sluit={sluit} />
    </form>
  );
}
