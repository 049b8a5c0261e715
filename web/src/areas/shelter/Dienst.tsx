// Issue 16: the shift view of a location — the locatie start page. Today's arrivals and departures, free rooms,
// residents with a signal, the day's journal and incidents, house rules, the handover to the next shift and the
// nightly presence check.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { datum, meervoud, tijdstip, vandaag } from '../../ui/format';
import { ToonMeer } from '../../ui/ToonMeer';
import {
  Alert,
  Button,
  ErrorSummary,
  FormErrors,
  Formulier,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  SelectField,
  StatusBadge,
  TextareaField,
  TextField,
  Uitklap,
  useTitel,
} from '../../ui/ui';
import { FormKnoppen } from '../intake/acties/FormKnoppen';
import { AanwezigheidSectie } from './Aanwezigheid';
import './dienst.css';

function ClientLink({ id, naam }: { id: string; naam: string }) {
  return (
    <Link to="/clienten/$clientId" params={{ clientId: id }} className="utrecht-link">
      {naam}
    </Link>
  );
}

/** The route /locaties/$locatieId/dienst (toegang and locatie). */
export function DienstPage() {
  const { locatieId } = useParams({ from: '/app/locaties/$locatieId/dienst' });
  return <DienstOverzicht locatieId={locatieId} />;
}

export function DienstOverzicht({ locatieId, begroeting }: { locatieId: string; begroeting?: string }) {
  const q = useQuery({
    queryKey: ['dienst', locatieId],
    queryFn: () => apiGet('/locaties/{id}/dienst', { params: { id: locatieId } }),
    refetchInterval: 60_000,
  });
  useTitel(q.data ? `Dienst ${q.data.locatie.naam}` : 'Dienst');
  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <>
        <Heading level={1}>Dienst</Heading>
        <PaginaFout error={q.error} />
      </>
    );
  const d = q.data;
  const incidenten = d.journaal.filter((j) => j.soort === 'incident');
  const onbevestigd = d.signalen.filter((s) => s.signalen.some((x) => x.code === 'onbevestigd')).length;
  return (
    <>
      <Heading level={1}>Dienst {d.locatie.naam}</Heading>
      <Paragraph lead>
        {begroeting ? `${begroeting} · ` : ''}
        {datum(d.datum)}
      </Paragraph>
      <ul className="onderdak-tellers" aria-label="Vandaag in het kort">
        <li className="onderdak-teller">
          <span className="onderdak-teller__getal">{d.aankomsten.length}</span> aankomsten
        </li>
        <li className="onderdak-teller">
          <span className="onderdak-teller__getal">{d.vertrekken.length}</span> vertrekken
        </li>
        <li className="onderdak-teller">
          <span className="onderdak-teller__getal">{d.vrijeEenheden.length}</span> vrije kamers
        </li>
        <li className="onderdak-teller">
          <span className="onderdak-teller__getal">{d.signalen.length}</span> bewoners met een signaal
        </li>
        <li className="onderdak-teller">
          <span className="onderdak-teller__getal">{onbevestigd}</span> onbevestigd (48 uur)
        </li>
        <li className="onderdak-teller">
          <span className="onderdak-teller__getal">{incidenten.length}</span> incidenten vandaag
        </li>
      </ul>
      <p className="utrecht-paragraph">
        <Link to="/locaties/$locatieId" params={{ locatieId }} className="utrecht-link">
          Naar het bedbord
        </Link>
      </p>

      <Overdrachten locatieId={locatieId} d={d} />

      <div className="onderdak-dienst-raster">
        <section aria-labelledby="aankomst-titel">
          <Heading level={2} id="aankomst-titel">
            Aankomsten en vertrekken
          </Heading>
          {d.aankomsten.length + d.vertrekken.length === 0 ? (
            <Paragraph>Vandaag komt en gaat niemand.</Paragraph>
          ) : (
            <ul className="onderdak-compact-lijst">
              {d.aankomsten.map((a) => (
                <li key={a.verblijfId}>
                  <StatusBadge status="active">Aankomst</StatusBadge> <ClientLink id={a.clientId} naam={a.naam} /> —{' '}
                  {a.eenheid}
                </li>
              ))}
              {d.vertrekken.map((a) => (
                <li key={a.verblijfId}>
                  <StatusBadge status="neutral">Vertrek</StatusBadge> <ClientLink id={a.clientId} naam={a.naam} /> —{' '}
                  {a.eenheid}
                  {a.reden ? ` (${a.reden})` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="vrij-titel">
          <Heading level={2} id="vrij-titel">
            Vrije kamers
          </Heading>
          {d.vrijeEenheden.length === 0 ? (
            <Paragraph>Alle kamers zijn bezet.</Paragraph>
          ) : (
            <ToonMeer items={d.vrijeEenheden} eerste={6} wat="vrije kamers" className="onderdak-compact-lijst--inline">
              {(u) => (
                <li key={u.id}>
                  {u.naam}: {u.vrij} van {meervoud(u.bedden, 'bed', 'bedden')} vrij{u.reserve ? ' (reserve)' : ''}
                </li>
              )}
            </ToonMeer>
          )}
        </section>
      </div>

      <section aria-labelledby="signalen-titel">
        <Heading level={2} id="signalen-titel">
          Bewoners met een signaal
        </Heading>
        {d.signalen.length === 0 ? (
          <Paragraph>
            Geen signalen: iedereen heeft een plan, niemand is langer dan {d.normDoorstroomDagen} dagen hier.
          </Paragraph>
        ) : (
          <ToonMeer items={d.signalen} eerste={4} wat="bewoners met een signaal">
            {(s) => (
              <li key={s.verblijfId}>
                <ClientLink id={s.clientId} naam={s.naam} />{' '}
                <span className="onderdak-muted">
                  ({s.eenheid}, {meervoud(s.dagenInOpvang, 'dag', 'dagen')})
                </span>{' '}
                <span className="onderdak-badges">
                  {s.signalen.map((x) => (
                    <StatusBadge key={x.code} status={x.code === 'geschorst' ? 'danger' : 'warning'}>
                      {x.label}
                    </StatusBadge>
                  ))}
                </span>
              </li>
            )}
          </ToonMeer>
        )}
      </section>

      <section aria-labelledby="journaal-titel">
        <Heading level={2} id="journaal-titel">
          Journaal en incidenten van vandaag
        </Heading>
        {d.journaal.length === 0 ? (
          <Paragraph>Vandaag is er nog niets gerapporteerd op deze locatie.</Paragraph>
        ) : (
          <ToonMeer items={d.journaal} wat="verslagen van vandaag">
            {(j) => (
              <li key={j.id}>
                <StatusBadge status={j.soort === 'incident' ? 'danger' : 'neutral'}>{j.soortLabel}</StatusBadge>{' '}
                {tijdstip(j.tijdstip)} · <ClientLink id={j.clientId} naam={j.naam} />: {j.tekst}{' '}
                <span className="onderdak-muted">({j.auteur})</span>
              </li>
            )}
          </ToonMeer>
        )}
      </section>

      <Huisregels locatieId={locatieId} d={d} />

      <AanwezigheidSectie locatieId={locatieId} />
    </>
  );
}

type DienstData = Schema<'Dienst'>;

function Overdrachten({ locatieId, d }: { locatieId: string; d: DienstData }) {
  const qc = useQueryClient();
  const [tekst, setTekst] = useState('');
  const [melding, setMelding] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () =>
      apiPad('post', '/locaties/{id}/dienstoverdrachten', { params: { id: locatieId }, body: { tekst } }),
    onSuccess: async () => {
      setTekst('');
      setMelding('De notitie staat klaar voor de volgende dienst.');
      await qc.invalidateQueries({ queryKey: ['dienst', locatieId] });
    },
  });
  const fouten = FormErrors.from(m.error, { tekst: 'overdracht-tekst' }, {});
  return (
    <section aria-labelledby="overdracht-titel">
      <Heading level={2} id="overdracht-titel">
        Overdracht van de vorige dienst
      </Heading>
      {d.overdrachten.length === 0 ? (
        <Paragraph>Geen notities van gisteren of vandaag.</Paragraph>
      ) : (
        <ul className="onderdak-compact-lijst">
          {d.overdrachten.map((o) => (
            <li key={o.id}>
              <strong>
                {o.auteur}, {tijdstip(o.geschrevenOp)}:
              </strong>{' '}
              {o.tekst}
            </li>
          ))}
        </ul>
      )}
      {melding && (
        <Alert type="ok" role="status">
          {melding}
        </Alert>
      )}
      {d.mogelijkheden.overdrachtSchrijven && (
        <Formulier
          concept={`dienstoverdracht:${locatieId}`}
          noValidate
          aria-label="Dienstoverdracht schrijven"
          onSubmit={(e) => {
            e.preventDefault();
            setMelding(null);
            m.mutate();
          }}
        >
          <ErrorSummary errors={fouten.summary()} />
          <TextareaField
            id="overdracht-tekst"
            label="Notitie voor de volgende dienst"
            required
            value={tekst}
            onChange={(e) => setTekst(e.target.value)}
            error={fouten.get('tekst')}
          />
          <Button type="submit" variant="secondary" busy={m.isPending} disabled={m.isPending}>
            Notitie opslaan
          </Button>
        </Formulier>
      )}
    </section>
  );
}

function Huisregels({ locatieId, d }: { locatieId: string; d: DienstData }) {
  const [melding, setMelding] = useState<string | null>(null);
  return (
    <section aria-labelledby="huisregels-titel">
      <Heading level={2} id="huisregels-titel">
        Huisregels: waarschuwingen en schorsingen
      </Heading>
      {d.maatregelen.length === 0 ? (
        <Paragraph>Geen lopende schorsingen en geen waarschuwingen in de laatste 30 dagen.</Paragraph>
      ) : (
        <ul className="onderdak-compact-lijst">
          {d.maatregelen.map((m) => (
            <li key={m.id}>
              <StatusBadge status={m.soort === 'schorsing' ? 'danger' : 'warning'}>{m.soortLabel}</StatusBadge>{' '}
              <ClientLink id={m.clientId} naam={m.naam} />:{' '}
              {m.tot ? `${datum(m.van)} tot en met ${datum(m.tot)}` : datum(m.van)} — {m.reden}{' '}
              <span className="onderdak-muted">({m.vastgelegdDoor})</span>
            </li>
          ))}
        </ul>
      )}
      {melding && (
        <Alert type="ok" role="status">
          {melding}
        </Alert>
      )}
      {d.mogelijkheden.maatregelVastleggen && (
        <Uitklap knop="Waarschuwing of schorsing vastleggen" titel="Waarschuwing of schorsing vastleggen">
          {(sluit, titelId) => (
            <MaatregelForm locatieId={locatieId} sluit={sluit} titelId={titelId} onKlaar={setMelding} />
          )}
        </Uitklap>
      )}
    </section>
  );
}

function MaatregelForm({
  locatieId,
  sluit,
  titelId,
  onKlaar,
}: {
  locatieId: string;
  sluit: () => void;
  titelId: string;
  onKlaar: (m: string) => void;
}) {
  const qc = useQueryClient();
  const bewoners = useQuery({
    queryKey: ['aanwezigheid', locatieId, vandaag()],
    queryFn: () => apiGet('/locaties/{id}/aanwezigheid', { params: { id: locatieId }, query: { nacht: vandaag() } }),
  });
  const [verblijfId, setVerblijfId] = useState('');
  const [soort, setSoort] = useState<'waarschuwing' | 'schorsing'>('waarschuwing');
  const [reden, setReden] = useState('');
  const [van, setVan] = useState(vandaag());
  const [tot, setTot] = useState('');
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const m = useMutation({
    mutationFn: () =>
      apiPad('post', '/plaatsingen/{id}/maatregelen', {
        params: { id: verblijfId },
        body: { soort, reden, van, tot: soort === 'schorsing' ? tot || null : null },
      }),
    onSuccess: async (r) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['dienst', locatieId] }),
        qc.invalidateQueries({ queryKey: ['bezetting', locatieId] }),
      ]);
      const wie = bewoners.data?.resultaten.find((b) => b.verblijfId === verblijfId)?.naam ?? 'De bewoner';
      onKlaar(`${r.soortLabel} vastgelegd voor ${wie}.`);
      sluit();
    },
  });
  const fouten = FormErrors.from(
    m.error,
    {
      verblijfId: 'maatregel-bewoner',
      soort: 'maatregel-soort',
      reden: 'maatregel-reden',
      van: 'maatregel-van',
      tot: 'maatregel-tot',
    },
    cf,
  );
  return (
    <form
      noValidate
      aria-labelledby={titelId}
      onSubmit={(e) => {
        e.preventDefault();
        const checks = { verblijfId: verblijfId ? undefined : 'Kies de bewoner.' };
        setCf(checks);
        if (checks.verblijfId) return m.reset();
        m.mutate();
      }}
    >
      <ErrorSummary errors={fouten.summary()} />
      <SelectField
        id="maatregel-bewoner"
        label="Bewoner"
        required
        value={verblijfId}
        onChange={(e) => setVerblijfId(e.target.value)}
        error={fouten.get('verblijfId')}
      >
        <option value="">Kies een bewoner</option>
        {(bewoners.data?.resultaten ?? []).map((b) => (
          <option key={b.verblijfId} value={b.verblijfId}>
            {b.naam} ({b.eenheid})
          </option>
        ))}
      </SelectField>
      <SelectField
        id="maatregel-soort"
        label="Soort"
        required
        value={soort}
        onChange={(e) => setSoort(e.target.value as 'waarschuwing' | 'schorsing')}
        error={fouten.get('soort')}
      >
        <option value="waarschuwing">Waarschuwing huisregels</option>
        <option value="schorsing">Schorsing</option>
      </SelectField>
      <TextareaField
        id="maatregel-reden"
        label="Reden"
        description="Welke huisregel, wat gebeurde er."
        required
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        error={fouten.get('reden')}
      />
      <TextField
        id="maatregel-van"
        label={soort === 'schorsing' ? 'Eerste dag' : 'Datum'}
        type="date"
        required
        value={van}
        onChange={(e) => setVan(e.target.value)}
        error={fouten.get('van')}
      />
      {soort === 'schorsing' && (
        <TextField
          id="maatregel-tot"
          label="Laatste dag"
          type="date"
          required
          value={tot}
          onChange={(e) => setTot(e.target.value)}
          error={fouten.get('tot')}
        />
      )}
      <FormKnoppen bezig={m.isPending} opslaan="Vastleggen" sluit={sluit} />
    </form>
  );
}
