// Issue 16: the nightly presence check ("wie sliep hier"). Per resident: slept here or not; a booking nobody
// confirmed for 48 hours shows as "onbevestigd" (also on the bed board and the live bezetting).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import { Begrip } from '../../ui/Begrip';
import { datum, tijdstip, vandaag } from '../../ui/format';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorAlert,
  ErrorSummary,
  FormErrors,
  Heading,
  Loading,
  Paragraph,
  StatusBadge,
  TextField,
} from '../../ui/ui';

type Antwoord = 'ja' | 'nee' | '';

/** Issue 16: rows shown before "Toon alle". */
const EERSTE = 4;

export function AanwezigheidSectie({ locatieId }: { locatieId: string }) {
  const qc = useQueryClient();
  const [nacht, setNacht] = useState(vandaag());
  const [antwoorden, setAntwoorden] = useState<Record<string, Antwoord>>({});
  const [melding, setMelding] = useState<string | null>(null);
  const [alles, setAlles] = useState(false);
  const q = useQuery({
    queryKey: ['aanwezigheid', locatieId, nacht],
    queryFn: () => apiGet('/locaties/{id}/aanwezigheid', { params: { id: locatieId }, query: { nacht } }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(nacht),
  });
  const m = useMutation({
    mutationFn: (verblijven: { verblijfId: string; aanwezig: boolean }[]) =>
      apiPad('post', '/locaties/{id}/aanwezigheid', { params: { id: locatieId }, body: { nacht, verblijven } }),
    onSuccess: async (_r, verblijven) => {
      setAntwoorden({});
      setMelding(
        `Aanwezigheid van ${verblijven.length} ${verblijven.length === 1 ? 'bewoner' : 'bewoners'} opgeslagen voor de nacht van ${datum(nacht)}.`,
      );
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['aanwezigheid', locatieId] }),
        qc.invalidateQueries({ queryKey: ['bezetting', locatieId] }),
        qc.invalidateQueries({ queryKey: ['dienst', locatieId] }),
        qc.invalidateQueries({ queryKey: ['locaties'] }),
      ]);
    },
  });
  const fouten = FormErrors.from(m.error, { nacht: 'aanwezigheid-nacht', verblijven: 'aanwezigheid-lijst' }, {});
  const rijen = q.data?.resultaten ?? [];
  const opVolgorde = [...rijen.filter((r) => r.onbevestigd), ...rijen.filter((r) => !r.onbevestigd)];
  const mag = q.data?.mogelijkheden.bevestigen ?? false;
  const onbevestigd = rijen.filter((r) => r.onbevestigd).length;
  const waarde = (id: string, aanwezig: boolean | null): Antwoord =>
    antwoorden[id] ?? (aanwezig === null ? '' : aanwezig ? 'ja' : 'nee');
  return (
    <section aria-labelledby="aanwezigheid-titel">
      <Heading level={2} id="aanwezigheid-titel">
        Wie sliep hier? (aanwezigheid)
      </Heading>
      <Paragraph small>
        Bevestig elke nacht wie hier slaapt. Wie 48 uur niemand bevestigde, staat als{' '}
        <Begrip id="aanwezigheid">onbevestigd</Begrip> op het bedbord en telt niet stilzwijgend mee.
      </Paragraph>
      {melding && (
        <Alert type="ok" role="status">
          {melding}
        </Alert>
      )}
      <ErrorSummary errors={fouten.summary()} />
      <TextField
        id="aanwezigheid-nacht"
        label="Nacht van"
        type="date"
        value={nacht}
        max={vandaag()}
        onChange={(e) => {
          setNacht(e.target.value);
          setAntwoorden({});
          setMelding(null);
        }}
        error={fouten.get('nacht')}
      />
      {q.isPending ? (
        <Loading>Bewoners laden…</Loading>
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : rijen.length === 0 ? (
        <Paragraph>Deze nacht sliep hier niemand volgens het bedbord.</Paragraph>
      ) : (
        <form
          noValidate
          aria-label="Aanwezigheid bevestigen"
          onSubmit={(e) => {
            e.preventDefault();
            const verblijven = rijen
              .filter((r) => antwoorden[r.verblijfId])
              .map((r) => ({ verblijfId: r.verblijfId, aanwezig: antwoorden[r.verblijfId] === 'ja' }));
            m.mutate(verblijven);
          }}
        >
          <Paragraph>
            {rijen.length} {rijen.length === 1 ? 'bewoner' : 'bewoners'} deze nacht
            {onbevestigd > 0 ? `, van wie ${onbevestigd} onbevestigd (48 uur niet gezien)` : ''}.
          </Paragraph>
          <div id="aanwezigheid-lijst">
            {/* issue 16: the unconfirmed first, the rest behind "Toon alle" so the shift view stays short */}
            {(alles ? opVolgorde : opVolgorde.slice(0, EERSTE)).map((r) => {
              const w = waarde(r.verblijfId, r.aanwezig);
              const naam = `aanwezig-${r.verblijfId}`;
              return (
                <div key={r.verblijfId} className="onderdak-aanwezigheid-rij">
                  <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
                    <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                      {r.naam} <span className="onderdak-muted">({r.eenheid})</span>
                    </legend>
                    <span className="onderdak-keuzes">
                      <label htmlFor={`${naam}-ja`}>
                        <input
                          id={`${naam}-ja`}
                          type="radio"
                          className="utrecht-radio-button utrecht-radio-button--html-input"
                          name={naam}
                          disabled={!mag}
                          checked={w === 'ja'}
                          onChange={() => setAntwoorden((a) => ({ ...a, [r.verblijfId]: 'ja' }))}
                        />
                        Sliep hier
                      </label>
                      <label htmlFor={`${naam}-nee`}>
                        <input
                          id={`${naam}-nee`}
                          type="radio"
                          className="utrecht-radio-button utrecht-radio-button--html-input"
                          name={naam}
                          disabled={!mag}
                          checked={w === 'nee'}
                          onChange={() => setAntwoorden((a) => ({ ...a, [r.verblijfId]: 'nee' }))}
                        />
                        Niet aanwezig
                      </label>
                    </span>
                  </fieldset>
                  <span className="onderdak-badges">
                    {r.onbevestigd && <StatusBadge status="warning">Onbevestigd</StatusBadge>}
                    {r.aanwezig !== null && (
                      <small>
                        {r.aanwezig ? 'Bevestigd' : 'Niet aanwezig gemeld'} door {r.bevestigdDoor},{' '}
                        {tijdstip(r.bevestigdOp)}
                      </small>
                    )}
                  </span>
                </div>
              );
            })}
          </div>
          {rijen.length > EERSTE && (
            <Button
              variant="subtle"
              aria-expanded={alles}
              aria-controls="aanwezigheid-lijst"
              onClick={() => setAlles((a) => !a)}
            >
              {alles ? 'Toon minder' : `Toon alle ${rijen.length} bewoners`}
            </Button>
          )}
          {mag && (
            <ButtonGroup>
              <Button
                variant="secondary"
                onClick={() => setAntwoorden(Object.fromEntries(rijen.map((r) => [r.verblijfId, 'ja' as const])))}
              >
                Iedereen sliep hier
              </Button>
              <Button
                type="submit"
                variant="primary"
                busy={m.isPending}
                disabled={m.isPending || !Object.values(antwoorden).some(Boolean)}
              >
                Aanwezigheid opslaan
              </Button>
            </ButtonGroup>
          )}
        </form>
      )}
    </section>
  );
}
