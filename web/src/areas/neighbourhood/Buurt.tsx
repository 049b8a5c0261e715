// Issue 17: wijken and draagkracht — the spreidingskaart (a schematic SVG of the region's wijken, no tile server),
// places per 1,000 inhabitants, meldingen, the CBS indicator, the documented score with the tenant's weights, and
// the beleid worklist (overdue procedure steps).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { datum } from '../../ui/format';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorAlert,
  Heading,
  Inklapper,
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
  useTitel,
} from '../../ui/ui';

type Wijk = Schema<'Wijk'>;

export function BuurtPage() {
  useTitel('Buurt en draagkracht');
  const q = useQuery({ queryKey: ['wijken'], queryFn: () => apiGet('/wijken') });
  return (
    <>
      <Heading level={1}>Buurt en draagkracht</Heading>
      <Paragraph>
        <Link to="/buurt/meldingen" className="utrecht-link">
          Buurtmeldingen
        </Link>{' '}
        ·{' '}
        <Link to="/buurt/locaties" className="utrecht-link">
          Kandidaat-locaties en business cases
        </Link>{' '}
        ·{' '}
        <Link to="/buurt/monitor" className="utrecht-link">
          Leefbaarheidsmonitor
        </Link>
      </Paragraph>
      <Werklijst />
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : (
        <>
          <Spreidingskaart wijken={q.data.wijken} />
          <Table caption="Wijken: voorzieningen en draagkracht">
            <THead>
              <Tr>
                <Th>Wijk</Th>
                <Th numeric>Inwoners</Th>
                <Th>Voorzieningen</Th>
                <Th numeric>Plekken per 1.000</Th>
                <Th numeric>Meldingen (12 mnd)</Th>
                {q.data.instellingen.indicator && <Th numeric>{q.data.instellingen.indicator}</Th>}
                <Th numeric>Draagkracht</Th>
              </Tr>
            </THead>
            <TBody>
              {q.data.wijken.map((w) => (
                <Tr key={w.id}>
                  <Th scope="row">
                    {w.naam} <span className="onderdak-muted">{w.code}</span>
                  </Th>
                  <Td numeric>{w.inwoners.toLocaleString('nl-NL')}</Td>
                  <Td>
                    {w.voorzieningen.length
                      ? w.voorzieningen.map((v) => `${v.naam ?? v.soortLabel} (${v.plekken})`).join(', ')
                      : '—'}
                  </Td>
                  <Td numeric>{w.plekkenPer1000.toLocaleString('nl-NL')}</Td>
                  <Td numeric>{w.meldingenPerJaar}</Td>
                  {q.data.instellingen.indicator && (
                    <Td numeric>{w.indicatoren[q.data.instellingen.indicator]?.toLocaleString('nl-NL') ?? '—'}</Td>
                  )}
                  <Td numeric>
                    <strong>{w.draagkracht}</strong>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <section aria-labelledby="formule">
            <Heading level={2} id="formule">
              Hoe de draagkracht wordt berekend
            </Heading>
            {/* issue 16: the formula, the current weights and the form to change them on request */}
            <Inklapper
              samenvatting={`Toon de formule en de gewichten (plekken ${q.data.instellingen.gewichten.plekken}, meldingen ${q.data.instellingen.gewichten.meldingen}, indicator ${q.data.instellingen.gewichten.indicator})`}
            >
              <Paragraph>{q.data.formule}</Paragraph>
              <Paragraph>
                Gewichten nu: plekken {q.data.instellingen.gewichten.plekken}, meldingen{' '}
                {q.data.instellingen.gewichten.meldingen}, indicator {q.data.instellingen.gewichten.indicator}
                {q.data.instellingen.indicator ? ` (${q.data.instellingen.indicator})` : ' (geen indicator gekozen)'}.
              </Paragraph>
              {/* issue 16: the weights are changed seldom; the form opens on request, the current weights are above */}
              <Uitklap knop="Gewichten aanpassen" titel="Gewichten van de draagkracht" concept={false}>
                {(sluit) => <Gewichten data={q.data} sluit={sluit} />}
              </Uitklap>
            </Inklapper>
          </section>
        </>
      )}
    </>
  );
}

function Werklijst() {
  const q = useQuery({ queryKey: ['buurtwerklijst'], queryFn: () => apiGet('/buurtwerklijst') });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const { telaatStappen, openMeldingenOuderDan5Dagen } = q.data;
  return (
    <section aria-labelledby="werklijst">
      <Heading level={2} id="werklijst">
        Werklijst
      </Heading>
      {telaatStappen.length === 0 && openMeldingenOuderDan5Dagen === 0 ? (
        <Paragraph>Niets over de datum.</Paragraph>
      ) : (
        <Alert type="warning">
          <ul className="utrecht-unordered-list">
            {telaatStappen.map((s) => (
              <li key={s.stapId} className="utrecht-unordered-list__item">
                {s.locatie}: {s.omschrijving} — gepland {datum(s.gepland)}, {s.dagenTeLaat} dagen te laat
                {s.eigenaar ? ` (${s.eigenaar})` : ''}
              </li>
            ))}
            {openMeldingenOuderDan5Dagen > 0 && (
              <li className="utrecht-unordered-list__item">
                {openMeldingenOuderDan5Dagen} buurtmeldingen staan langer dan 5 dagen open.
              </li>
            )}
          </ul>
        </Alert>
      )}
    </section>
  );
}

/** The schematic map: one circle per wijk at its map position, size by inhabitants, colour by draagkracht. */
function Spreidingskaart({ wijken }: { wijken: Wijk[] }) {
  const max = Math.max(1, ...wijken.map((w) => w.inwoners));
  const kleur = (d: number) => (d < 40 ? '#b00020' : d < 70 ? '#8a5a00' : '#1d6b2f');
  return (
    <figure className="onderdak-spreidingskaart">
      <svg
        viewBox="0 0 100 90"
        role="img"
        aria-labelledby="kaart-titel kaart-uitleg"
        width="100%"
        style={{ maxWidth: 640 }}
      >
        <title id="kaart-titel">Spreidingskaart van de wijken</title>
        <desc id="kaart-uitleg">
          Elke cirkel is een wijk: hoe groter, hoe meer inwoners; rood is weinig draagkracht, groen veel. De tabel
          eronder geeft dezelfde cijfers.
        </desc>
        <rect x="0" y="0" width="100" height="90" fill="#f4f7fa" />
        {wijken.map((w) => (
          <g key={w.id}>
            <circle
              cx={w.kaart.x}
              cy={w.kaart.y}
              r={3 + 6 * Math.sqrt(w.inwoners / max)}
              fill={kleur(w.draagkracht)}
              opacity={0.8}
            />
            <text x={w.kaart.x} y={w.kaart.y + 1} fontSize="2.6" textAnchor="middle" fill="#fff" fontWeight="bold">
              {w.draagkracht}
            </text>
            <text x={w.kaart.x} y={w.kaart.y + 12} fontSize="2.4" textAnchor="middle" fill="#1a1a1a">
              {w.naam}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="utrecht-paragraph utrecht-paragraph--small">
        Schematische kaart (posities bij benadering). Getal in de cirkel: draagkracht 0–100.
      </figcaption>
    </figure>
  );
}

function Gewichten({ data, sluit }: { data: Schema<'Wijken'>; sluit: () => void }) {
  const qc = useQueryClient();
  const i = data.instellingen;
  const [v, setV] = useState({
    plekken: String(i.gewichten.plekken),
    meldingen: String(i.gewichten.meldingen),
    indicator: String(i.gewichten.indicator),
    kolom: i.indicator ?? '',
    kostenPerNacht: String(i.kostenPerNacht),
  });
  const opslaan = useMutation({
    mutationFn: () =>
      apiPad('put', '/draagkracht-instellingen', {
        body: {
          gewichten: { plekken: Number(v.plekken), meldingen: Number(v.meldingen), indicator: Number(v.indicator) },
          indicator: v.kolom || null,
          kostenPerNacht: Number(v.kostenPerNacht),
        },
      }),
    onSuccess: (d) => {
      qc.setQueryData(['wijken'], d);
      sluit();
    },
  });
  return (
    <form
      aria-label="Gewichten van de draagkracht"
      onSubmit={(e) => {
        e.preventDefault();
        opslaan.mutate();
      }}
    >
      <div className="onderdak-velden-rij">
        <TextField
          id="gewicht-plekken"
          label="Gewicht plekken (wP)"
          inputMode="decimal"
          value={v.plekken}
          onChange={(e) => setV({ ...v, plekken: e.target.value })}
        />
        <TextField
          id="gewicht-meldingen"
          label="Gewicht meldingen (wM)"
          inputMode="decimal"
          value={v.meldingen}
          onChange={(e) => setV({ ...v, meldingen: e.target.value })}
        />
        <TextField
          id="gewicht-indicator"
          label="Gewicht indicator (wI)"
          inputMode="decimal"
          value={v.indicator}
          onChange={(e) => setV({ ...v, indicator: e.target.value })}
        />
      </div>
      <SelectField
        id="gewicht-kolom"
        label="CBS-indicator (I)"
        value={v.kolom}
        onChange={(e) => setV({ ...v, kolom: e.target.value })}
      >
        <option value="">Geen</option>
        {data.beschikbareIndicatoren.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </SelectField>
      <TextField
        id="kosten-per-nacht"
        label="Kosten van een nacht opvang (euro)"
        description="Gebruikt in nieuwe business cases."
        inputMode="decimal"
        value={v.kostenPerNacht}
        onChange={(e) => setV({ ...v, kostenPerNacht: e.target.value })}
      />
      <ButtonGroup>
        <Button type="submit" busy={opslaan.isPending}>
          Gewichten opslaan
        </Button>
        <Button variant="subtle" onClick={sluit}>
          Annuleren
        </Button>
      </ButtonGroup>
      <ErrorAlert error={opslaan.error} />
    </form>
  );
}
