// Perspective section: self-sufficiency (ZRM) measurements as a chart and a table, and a new measurement.
import { lazy, Suspense, useState } from 'react';
import { datum, vandaag } from '../../../ui/format';
import {
  Button,
  ButtonGroup,
  ErrorAlert,
  FormErrors,
  Heading,
  Inklapper,
  Loading,
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
} from '../../../ui/ui';
import { type Perspectief, usePerspectiefMutatie } from '../perspectiefApi';

const ZrmGrafiek = lazy(() => import('../PerspectiefZrmGrafiek').then((m) => ({ default: m.ZrmGrafiek })));

export function ZrmSectie({ p }: { p: Perspectief }) {
  const metingen = p.zrm.metingen;
  return (
    <section aria-labelledby="zrm-titel">
      <Heading level={3} id="zrm-titel">
        Zelfredzaamheid (ZRM {p.zrm.versie})
      </Heading>
      {metingen.length === 0 ? (
        <Paragraph>Nog geen ZRM-meting. Doe bij de intake een brede meting op alle levensgebieden.</Paragraph>
      ) : (
        <>
          {/* issue 16: the latest measurement in a sentence (lowest scores first); chart and table on request */}
          <LaatsteMeting p={p} />
          <Inklapper
            samenvatting={`Toon de grafiek en de tabel (${metingen.length} ${metingen.length === 1 ? 'meting' : 'metingen'})`}
          >
            <Suspense fallback={<Loading>Grafiek laden…</Loading>}>
              <ZrmGrafiek metingen={metingen} domeinen={p.zrm.domeinen} />
            </Suspense>
            <Table caption="ZRM-scores per levensgebied en meting (1 = acute problematiek, 5 = volledig zelfredzaam)">
              <THead>
                <Tr>
                  <Th>Levensgebied</Th>
                  {metingen.map((m) => (
                    <Th key={m.id} numeric>
                      {datum(m.datum)} ({m.soortLabel.toLowerCase()})
                    </Th>
                  ))}
                </Tr>
              </THead>
              <TBody>
                {p.zrm.domeinen.map((d) => (
                  <Tr key={d.code}>
                    <Th scope="row">{d.label}</Th>
                    {metingen.map((m) => (
                      <Td key={m.id} numeric>
                        {m.scores.find((s) => s.domein === d.code)?.score ?? '—'}
                      </Td>
                    ))}
                  </Tr>
                ))}
              </TBody>
            </Table>
          </Inklapper>
        </>
      )}
      {p.mogelijkheden.zrmMeten && (
        <Uitklap knop="ZRM-meting toevoegen" titel="ZRM-meting">
          {(sluit) => <ZrmForm p={p} sluit={sluit} />}
        </Uitklap>
      )}
    </section>
  );
}

function LaatsteMeting({ p }: { p: Perspectief }) {
  const laatste = [...p.zrm.metingen].sort((a, b) => a.datum.localeCompare(b.datum)).at(-1);
  if (!laatste) return null;
  const laagste = [...laatste.scores]
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map((s) => `${p.zrm.domeinen.find((d) => d.code === s.domein)?.label ?? s.domein} ${s.score}`);
  return (
    <Paragraph>
      Laatste meting: {datum(laatste.datum)} ({laatste.soortLabel.toLowerCase()}).
      {laagste.length > 0
        ? ` Laagste scores: ${laagste.join(', ')} (1 = acute problematiek, 5 = volledig zelfredzaam).`
        : ''}
    </Paragraph>
  );
}

function ZrmForm({ p, sluit }: { p: Perspectief; sluit: () => void }) {
  const [f, setF] = useState<{ datum: string; soort: string; scores: Record<string, string> }>({
    datum: vandaag(),
    soort: p.zrm.metingen.length ? 'tussentijds' : 'intake',
    scores: {},
  });
  const m = usePerspectiefMutatie<typeof f>(
    p.clientId,
    'POST',
    () => `/v1/clienten/${p.clientId}/zrm-metingen`,
    (x) => ({
      datum: x.datum,
      soort: x.soort,
      versie: p.zrm.versie,
      scores: p.zrm.domeinen
        .filter((d) => x.scores[d.code])
        .map((d) => ({ domein: d.code, score: Number(x.scores[d.code]) })),
    }),
  );
  const fe = FormErrors.from(m.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate(f, { onSuccess: sluit });
      }}
      noValidate
    >
      {m.error ? <ErrorAlert error={m.error} title="De meting is niet opgeslagen" /> : null}
      <TextField
        id="zrm-datum"
        type="date"
        label="Datum"
        value={f.datum}
        error={fe.get('datum')}
        onChange={(e) => setF({ ...f, datum: e.target.value })}
      />
      <SelectField
        id="zrm-soort"
        label="Soort meting"
        value={f.soort}
        onChange={(e) => setF({ ...f, soort: e.target.value })}
      >
        {p.zrm.soorten.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <div className="onderdak-kolommen">
        {p.zrm.domeinen.map((d) => (
          <SelectField
            key={d.code}
            id={`zrm-${d.code}`}
            label={d.label}
            value={f.scores[d.code] ?? ''}
            onChange={(e) => setF({ ...f, scores: { ...f.scores, [d.code]: e.target.value } })}
          >
            <option value="">Kies een score</option>
            {p.zrm.schaal.map((s) => (
              <option key={s.score} value={s.score}>
                {s.score} — {s.label}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      {fe.get('scores') && (
        <p className="utrecht-form-field-error-message" role="alert">
          {fe.get('scores')}
        </p>
      )}
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={m.isPending}>
          Meting opslaan
        </Button>
        <Button variant="subtle" onClick={sluit}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}
