// Case page: the journal (rapportage) of a client — dated and timed entries with author and kind, filter and search,
// writing and correcting (within a day, the original is kept). The client sees only the entries shared with them.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPad } from '../../api/client';
import { tijdstip } from '../../ui/format';
import {
  Button,
  CheckboxField,
  ErrorSummary,
  FormErrors,
  Heading,
  Loading,
  PaginaFout,
  Pagination,
  Paragraph,
  SelectField,
  StatusBadge,
  TextareaField,
  TextField,
  Uitklap,
} from '../../ui/ui';
import {
  JOURNAAL_PAGINA,
  type JournaalFilter,
  journaalQuery,
  type Rapportage,
  useCaseworkMutatie,
} from './caseworkApi';

export function RapportageSectie({ clientId, eigen }: { clientId: string; eigen: boolean }) {
  const [filter, setFilter] = useState<JournaalFilter>({});
  const [concept, setConcept] = useState<JournaalFilter>({});
  const [pagina, setPagina] = useState(1);
  const q = useQuery(journaalQuery(clientId, { ...filter, pagina, paginaGrootte: JOURNAAL_PAGINA }));
  const titel = eigen ? 'Berichten van uw begeleiders' : 'Rapportage';
  return (
    <section aria-labelledby="rapportage-titel">
      <Heading level={2} id="rapportage-titel">
        {titel}
      </Heading>
      {q.data?.mogelijkheden.schrijven && (
        <Uitklap
          knop="Rapportage schrijven"
          titel="Rapportage schrijven"
          variant="primary"
          concept={`rapportage:${clientId}`}
        >
          {(sluit, titelId) => (
            <NieuweRapportage clientId={clientId} soorten={q.data.soorten} sluit={sluit} titelId={titelId} />
          )}
        </Uitklap>
      )}
      <form
        className="onderdak-filter"
        aria-label={`${titel} filteren en zoeken`}
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(Object.fromEntries(Object.entries(concept).filter(([, v]) => v)) as JournaalFilter);
          setPagina(1);
        }}
      >
        <TextField
          id="rapportage-zoek"
          label="Zoeken in de tekst"
          type="search"
          value={concept.zoek ?? ''}
          onChange={(e) => setConcept({ ...concept, zoek: e.target.value })}
        />
        {!eigen && (
          <SelectField
            id="rapportage-soort"
            label="Soort"
            value={concept.soort ?? ''}
            onChange={(e) => setConcept({ ...concept, soort: e.target.value })}
          >
            <option value="">Alle soorten</option>
            {q.data?.soorten.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          id="rapportage-van"
          label="Vanaf datum"
          type="date"
          value={concept.van ?? ''}
          onChange={(e) => setConcept({ ...concept, van: e.target.value })}
        />
        <TextField
          id="rapportage-tot"
          label="Tot en met datum"
          type="date"
          value={concept.tot ?? ''}
          onChange={(e) => setConcept({ ...concept, tot: e.target.value })}
        />
        <Button type="submit" variant="secondary">
          Toon
        </Button>
      </form>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : q.data.resultaten.length === 0 ? (
        <Paragraph>
          {Object.keys(filter).length
            ? 'Niets gevonden met dit filter.'
            : eigen
              ? 'Er zijn nog geen berichten.'
              : 'Nog geen rapportage.'}
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            {q.data.totaal === 1 ? '1 bericht' : `${q.data.totaal} berichten`}
            {Object.keys(filter).length ? ' met dit filter' : ''}
            {q.data.totaal > q.data.paginaGrootte ? `, pagina ${q.data.pagina}` : ''}
          </Paragraph>
          <ol className="utrecht-ordered-list onderdak-journaal" aria-label={`${titel}, nieuwste eerst`}>
            {q.data.resultaten.map((r) => (
              <Regel key={r.id} r={r} clientId={clientId} eigen={eigen} />
            ))}
          </ol>
          {q.data.totaal > q.data.paginaGrootte && (
            <Pagination
              pagina={q.data.pagina}
              paginaGrootte={q.data.paginaGrootte}
              totaal={q.data.totaal}
              onPagina={setPagina}
              label={`${titel}: pagina's`}
            />
          )}
        </>
      )}
    </section>
  );
}

function Regel({ r, clientId, eigen }: { r: Rapportage; clientId: string; eigen: boolean }) {
  return (
    <li className="utrecht-ordered-list__item onderdak-journaal__regel" data-testid="rapportage">
      <p className="utrecht-paragraph">
        <time dateTime={r.tijdstip}>
          <strong>{tijdstip(r.tijdstip)}</strong>
        </time>{' '}
        <StatusBadge status={r.soort === 'incident' ? 'warning' : 'neutral'}>{r.soortLabel}</StatusBadge>{' '}
        {!eigen && r.gedeeldMetClient && <StatusBadge status="active">Gedeeld met cliënt</StatusBadge>}{' '}
        <span>
          door {r.auteur}
          {r.locatie ? ` (${r.locatie})` : ''}
        </span>
      </p>
      <p className="utrecht-paragraph onderdak-journaal__tekst">{r.tekst}</p>
      {r.gecorrigeerd && !eigen && (
        <details>
          <summary>Gecorrigeerd — eerdere tekst bekijken</summary>
          <ul className="utrecht-unordered-list">
            {r.eerdereVersies.map((v, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                Geschreven {tijdstip(v.vastgelegdOp)} door {v.door}: {v.tekst}
              </li>
            ))}
          </ul>
        </details>
      )}
      {r.mogelijkheden.corrigeren && (
        <Uitklap knop="Corrigeren" titel="Rapportage corrigeren" concept={`rapportage-correctie:${r.id}`}>
          {(sluit, titelId) => <Correctie r={r} clientId={clientId} sluit={sluit} titelId={titelId} />}
        </Uitklap>
      )}
    </li>
  );
}

/** `datetime-local` gives local time without a zone; the API accepts any offset, so send it as an ISO moment. */
const alsTijdstip = (lokaal: string) => (lokaal ? new Date(lokaal).toISOString() : null);

function NieuweRapportage({
  clientId,
  soorten,
  sluit,
  titelId,
}: {
  clientId: string;
  soorten: { code: string; label: string }[];
  sluit: () => void;
  titelId: string;
}) {
  // issue 16: kept as a draft by the Uitklap around it, so an expired session loses nothing
  const [f, setF] = useState({
    tijdstip: '',
    soort: '',
    tekst: '',
    gedeeld: false,
  });
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const m = useCaseworkMutatie(clientId, () =>
    apiPad('post', '/clienten/{id}/journaalberichten', {
      params: { id: clientId },
      body: {
        tijdstip: alsTijdstip(f.tijdstip),
        soort: f.soort as Rapportage['soort'],
        tekst: f.tekst,
        gedeeldMetClient: f.gedeeld,
      },
    }),
  );
  const ids = { soort: 'rap-soort', tekst: 'rap-tekst', tijdstip: 'rap-tijdstip' };
  const fe = FormErrors.from(m.error, ids, cf);
  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    const checks = {
      soort: f.soort ? undefined : 'Kies een soort.',
      tekst: f.tekst.trim() ? undefined : 'Schrijf wat er gebeurde.',
    };
    setCf(checks);
    if (Object.values(checks).some(Boolean)) return m.reset();
    m.mutate(undefined, {
      onSuccess: sluit,
    });
  };
  return (
    <form onSubmit={verstuur} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fe.summary()} />
      <SelectField
        id={ids.soort}
        label="Soort"
        value={f.soort}
        error={fe.get('soort')}
        onChange={(e) => setF({ ...f, soort: e.target.value })}
      >
        <option value="">Kies een soort</option>
        {soorten.map((s) => (
          <option key={s.code} value={s.code}>
            {s.label}
          </option>
        ))}
      </SelectField>
      <TextField
        id={ids.tijdstip}
        label="Datum en tijd"
        description="Leeg laten: nu."
        type="datetime-local"
        optional
        value={f.tijdstip}
        error={fe.get('tijdstip')}
        onChange={(e) => setF({ ...f, tijdstip: e.target.value })}
      />
      <TextareaField
        id={ids.tekst}
        label="Wat gebeurde er?"
        rows={5}
        value={f.tekst}
        error={fe.get('tekst')}
        onChange={(e) => setF({ ...f, tekst: e.target.value })}
      />
      <CheckboxField
        id="rap-gedeeld"
        label="De cliënt mag deze rapportage lezen"
        checked={f.gedeeld}
        onChange={(e) => setF({ ...f, gedeeld: e.target.checked })}
      />
      <Button type="submit" busy={m.isPending}>
        Opslaan
      </Button>{' '}
      <Button type="button" variant="secondary" onClick={sluit}>
        Annuleren
      </Button>
    </form>
  );
}

function Correctie({
  r,
  clientId,
  sluit,
  titelId,
}: {
  r: Rapportage;
  clientId: string;
  sluit: () => void;
  titelId: string;
}) {
  const [tekst, setTekst] = useState(r.tekst);
  const m = useCaseworkMutatie(clientId, () =>
    apiPad('post', '/journaalberichten/{id}/correcties', { params: { id: r.id }, body: { tekst } }),
  );
  const id = `rap-correctie-${r.id}`;
  const fe = FormErrors.from(m.error, { tekst: id });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate(undefined, { onSuccess: sluit });
      }}
      noValidate
      aria-labelledby={titelId}
    >
      <ErrorSummary errors={fe.summary()} />
      <TextareaField
        id={id}
        label="Verbeterde tekst"
        description="De oorspronkelijke tekst blijft bewaard."
        rows={5}
        value={tekst}
        error={fe.get('tekst')}
        onChange={(e) => setTekst(e.target.value)}
      />
      <Button type="submit" busy={m.isPending}>
        Correctie opslaan
      </Button>{' '}
      <Button type="button" variant="secondary" onClick={sluit}>
        Annuleren
      </Button>
    </form>
  );
}
