// Issue 17: managing the public page of a facility — what the neighbours read (what it is, since when, how to reach
// the management, the next meeting) and the agreements with the neighbourhood, each judged kept or not kept. The
// judgements feed the yearly liveability monitor. Beleid manages every facility, the locatie user its own.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { datum, vandaag } from '../../ui/format';
import {
  Alert,
  Button,
  ButtonGroup,
  CheckboxField,
  DataList,
  ErrorSummary,
  FormErrors,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
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
  useTitel,
} from '../../ui/ui';

type Pagina = Schema<'OpenbarePaginaBeheer'>;
type Afspraak = Pagina['afspraken'][number];

const STAND: Record<Afspraak['stand'], string> = {
  loopt: 'Loopt',
  nagekomen: 'Nagekomen',
  'niet-nagekomen': 'Niet nagekomen',
};

export function OpenbarePaginasPage() {
  useTitel("Openbare pagina's");
  const q = useQuery({ queryKey: ['buurtlocaties'], queryFn: () => apiGet('/buurtlocaties') });
  return (
    <>
      <Heading level={1}>Openbare pagina's</Heading>
      <Paragraph>
        Per locatie een pagina voor de buurt, zonder inloggen: wat de locatie is, hoe de buurt de leiding bereikt, de
        volgende bijeenkomst en de afspraken met de buurt.
      </Paragraph>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : q.data.locaties.length === 0 ? (
        <Paragraph>Er zijn nog geen locaties met een openbare pagina.</Paragraph>
      ) : (
        <Table caption="Locaties met een openbare pagina">
          <THead>
            <Tr>
              <Th>Locatie</Th>
              <Th>Wijk</Th>
              <Th numeric>Open meldingen</Th>
              <Th>Volgende bijeenkomst</Th>
            </Tr>
          </THead>
          <TBody>
            {q.data.locaties.map((l) => (
              <Tr key={l.id}>
                <Td>
                  <Link to="/buurt/openbare-paginas/$id" params={{ id: l.id }} className="utrecht-link">
                    {l.naam}
                  </Link>
                </Td>
                <Td>{l.wijk ?? '—'}</Td>
                <Td numeric>{l.openMeldingen}</Td>
                <Td>{l.volgendeBijeenkomst ? datum(l.volgendeBijeenkomst) : 'Niet gepland'}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}

export function OpenbarePaginaPage() {
  const { id } = useParams({ from: '/app/buurt/openbare-paginas/$id' });
  const q = useQuery({
    queryKey: ['buurtlocatie', id],
    queryFn: () => apiGet('/buurtlocaties/{id}', { params: { id } }),
  });
  useTitel(q.data ? `Openbare pagina ${q.data.naam}` : 'Openbare pagina');
  const [melding, setMelding] = useState<string | null>(null);
  if (q.isPending) return <Loading />;
  if (q.error) return <PaginaFout error={q.error} />;
  const p = q.data;
  const lopend = p.afspraken.filter((a) => a.stand === 'loopt');
  const beoordeeld = p.afspraken.filter((a) => a.stand !== 'loopt');
  return (
    <>
      <Heading level={1}>Openbare pagina: {p.naam}</Heading>
      <Paragraph>
        {p.soort}
        {p.wijk ? `, wijk ${p.wijk}` : ''}.{' '}
        {p.gepubliceerd ? (
          <>
            De buurt ziet deze pagina op{' '}
            <Link to="/openbaar/$slug" params={{ slug: p.slug }} className="utrecht-link">
              de openbare pagina van {p.naam}
            </Link>
            .
          </>
        ) : (
          'Deze pagina is niet gepubliceerd: de buurt ziet haar niet.'
        )}
      </Paragraph>
      {melding && (
        <Alert type="ok" role="status">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      )}
      <section aria-labelledby="pagina-teksten">
        <Heading level={2} id="pagina-teksten">
          Wat de buurt leest
        </Heading>
        <DataList
          items={[
            ['Over de locatie', p.omschrijving || 'Nog niet ingevuld.'],
            ['Open sinds', p.openSinds ? datum(p.openSinds) : 'Niet ingevuld'],
            ['Zorgaanbieder', p.zorgaanbieder || 'Niet ingevuld'],
            ['De leiding bereiken', p.bereikbaarheid || 'Nog niet ingevuld.'],
            [
              'Volgende bijeenkomst',
              p.volgendeBijeenkomst
                ? `${datum(p.volgendeBijeenkomst)}${p.plaatsBijeenkomst ? `, ${p.plaatsBijeenkomst}` : ''}`
                : 'Niet gepland',
            ],
          ]}
        />
        {p.magBeheren && (
          <Uitklap knop="Pagina wijzigen" titel="Pagina wijzigen">
            {(sluit) => (
              <PaginaFormulier
                p={p}
                klaar={(m) => {
                  setMelding(m);
                  sluit();
                }}
                annuleer={sluit}
              />
            )}
          </Uitklap>
        )}
      </section>
      <section aria-labelledby="pagina-afspraken">
        <Heading level={2} id="pagina-afspraken">
          Afspraken met de buurt
        </Heading>
        <Paragraph>
          {lopend.length} lopend, {beoordeeld.filter((a) => a.stand === 'nagekomen').length} nagekomen,{' '}
          {beoordeeld.filter((a) => a.stand === 'niet-nagekomen').length} niet nagekomen. De beoordelingen tellen mee in
          de <Link to="/buurt/monitor">leefbaarheidsmonitor</Link>.
        </Paragraph>
        {p.magBeheren && (
          <Uitklap knop="Afspraak toevoegen" titel="Afspraak toevoegen">
            {(sluit) => (
              <AfspraakFormulier
                paginaId={p.id}
                klaar={(m) => {
                  setMelding(m);
                  sluit();
                }}
                annuleer={sluit}
              />
            )}
          </Uitklap>
        )}
        {p.afspraken.length === 0 ? (
          <Paragraph>Er zijn nog geen afspraken vastgelegd.</Paragraph>
        ) : (
          <Table caption={`Afspraken met de buurt van ${p.naam}`}>
            <THead>
              <Tr>
                <Th>Afspraak</Th>
                <Th>Wie</Th>
                <Th>Uiterlijk</Th>
                <Th>Stand</Th>
                {p.magBeheren && <Th>Beoordelen</Th>}
              </Tr>
            </THead>
            <TBody>
              {p.afspraken.map((a) => (
                <AfspraakRij key={a.id} a={a} paginaId={p.id} magBeheren={p.magBeheren} klaar={setMelding} />
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}

function AfspraakRij({
  a,
  paginaId,
  magBeheren,
  klaar,
}: {
  a: Afspraak;
  paginaId: string;
  magBeheren: boolean;
  klaar: (m: string) => void;
}) {
  const qc = useQueryClient();
  const [toelichting, setToelichting] = useState('');
  const beoordeel = useMutation({
    mutationFn: (stand: Afspraak['stand']) =>
      apiPad('put', '/buurtafspraken/{id}/beoordeling', {
        params: { id: a.id },
        body: { stand, beoordeeldOp: stand === 'loopt' ? null : vandaag(), toelichting: toelichting || null },
      }),
    onSuccess: (data, stand) => {
      qc.setQueryData(['buurtlocatie', paginaId], data);
      qc.invalidateQueries({ queryKey: ['leefbaarheid'] });
      klaar(
        stand === 'loopt'
          ? `De afspraak "${a.wat}" staat weer op lopend.`
          : `De afspraak "${a.wat}" is beoordeeld als ${STAND[stand].toLowerCase()}.`,
      );
    },
  });
  return (
    <Tr>
      <Td>
        {a.wat}
        <div className="onderdak-klein">Afgesproken op {datum(a.gemaaktOp)}</div>
        {a.toelichting && <div className="onderdak-klein">{a.toelichting}</div>}
      </Td>
      <Td>{a.wie}</Td>
      <Td>{a.uiterlijk ? datum(a.uiterlijk) : '—'}</Td>
      <Td>
        <StatusBadge
          status={a.stand === 'nagekomen' ? 'success' : a.stand === 'niet-nagekomen' ? 'warning' : 'neutral'}
        >
          {STAND[a.stand]}
        </StatusBadge>
        {a.telaat && <div className="onderdak-klein">Einddatum voorbij</div>}
        {a.beoordeeldOp && <div className="onderdak-klein">Op {datum(a.beoordeeldOp)}</div>}
      </Td>
      {magBeheren && (
        <Td>
          {beoordeel.error ? <ErrorSummary errors={FormErrors.from(beoordeel.error).summary()} /> : null}
          {a.stand === 'loopt' ? (
            <>
              <TextField
                id={`toelichting-${a.id}`}
                label="Toelichting"
                optional
                maxLength={1000}
                value={toelichting}
                onChange={(e) => setToelichting(e.target.value)}
              />
              <ButtonGroup>
                <Button
                  variant="secondary"
                  disabled={beoordeel.isPending}
                  onClick={() => beoordeel.mutate('nagekomen')}
                  aria-label={`Nagekomen: ${a.wat}`}
                >
                  Nagekomen
                </Button>
                <Button
                  variant="secondary"
                  disabled={beoordeel.isPending}
                  onClick={() => beoordeel.mutate('niet-nagekomen')}
                  aria-label={`Niet nagekomen: ${a.wat}`}
                >
                  Niet nagekomen
                </Button>
              </ButtonGroup>
            </>
          ) : (
            <Button
              variant="subtle"
              disabled={beoordeel.isPending}
              onClick={() => beoordeel.mutate('loopt')}
              aria-label={`Beoordeling terugzetten: ${a.wat}`}
            >
              Terugzetten
            </Button>
          )}
        </Td>
      )}
    </Tr>
  );
}

function PaginaFormulier({ p, klaar, annuleer }: { p: Pagina; klaar: (m: string) => void; annuleer: () => void }) {
  const qc = useQueryClient();
  const [v, setV] = useState({
    omschrijving: p.omschrijving,
    openSinds: p.openSinds ?? '',
    zorgaanbieder: p.zorgaanbieder,
    bereikbaarheid: p.bereikbaarheid,
    volgendeBijeenkomst: p.volgendeBijeenkomst ?? '',
    plaatsBijeenkomst: p.plaatsBijeenkomst ?? '',
    gepubliceerd: p.gepubliceerd,
  });
  const opslaan = useMutation({
    mutationFn: () =>
      apiPad('put', '/buurtlocaties/{id}', {
        params: { id: p.id },
        body: {
          omschrijving: v.omschrijving,
          openSinds: v.openSinds || null,
          zorgaanbieder: v.zorgaanbieder,
          bereikbaarheid: v.bereikbaarheid,
          volgendeBijeenkomst: v.volgendeBijeenkomst || null,
          plaatsBijeenkomst: v.plaatsBijeenkomst || null,
          gepubliceerd: v.gepubliceerd,
        },
      }),
    onSuccess: (data) => {
      qc.setQueryData(['buurtlocatie', p.id], data);
      qc.invalidateQueries({ queryKey: ['buurtlocaties'] });
      klaar('De openbare pagina is opgeslagen. De buurt ziet de wijziging meteen.');
    },
  });
  const ids = {
    omschrijving: 'pagina-omschrijving',
    openSinds: 'pagina-open-sinds',
    zorgaanbieder: 'pagina-zorgaanbieder',
    bereikbaarheid: 'pagina-bereikbaarheid',
    volgendeBijeenkomst: 'pagina-bijeenkomst',
    plaatsBijeenkomst: 'pagina-plaats',
  };
  const fouten = FormErrors.from(opslaan.error, ids);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  function submit(e: FormEvent) {
    e.preventDefault();
    opslaan.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Openbare pagina wijzigen">
      <ErrorSummary errors={fouten.summary()} />
      <TextareaField
        id={ids.omschrijving}
        label="Over de locatie"
        description="Wat de locatie is en voor wie, in gewone woorden."
        rows={4}
        maxLength={4000}
        value={v.omschrijving}
        onChange={set('omschrijving')}
        error={fouten.get('omschrijving')}
      />
      <TextField
        id={ids.openSinds}
        label="Open sinds"
        type="date"
        optional
        value={v.openSinds}
        onChange={set('openSinds')}
        error={fouten.get('openSinds')}
      />
      <TextField
        id={ids.zorgaanbieder}
        label="Zorgaanbieder"
        maxLength={200}
        value={v.zorgaanbieder}
        onChange={set('zorgaanbieder')}
        error={fouten.get('zorgaanbieder')}
      />
      <TextareaField
        id={ids.bereikbaarheid}
        label="De leiding bereiken"
        description="Telefoonnummer, e-mailadres of spreekuur van de leiding. Geen namen van bewoners."
        rows={3}
        maxLength={1000}
        value={v.bereikbaarheid}
        onChange={set('bereikbaarheid')}
        error={fouten.get('bereikbaarheid')}
      />
      <TextField
        id={ids.volgendeBijeenkomst}
        label="Volgende bijeenkomst met de buurt"
        type="date"
        optional
        value={v.volgendeBijeenkomst}
        onChange={set('volgendeBijeenkomst')}
        error={fouten.get('volgendeBijeenkomst')}
      />
      <TextField
        id={ids.plaatsBijeenkomst}
        label="Plaats van de bijeenkomst"
        optional
        maxLength={300}
        value={v.plaatsBijeenkomst}
        onChange={set('plaatsBijeenkomst')}
        error={fouten.get('plaatsBijeenkomst')}
      />
      <CheckboxField
        id="pagina-gepubliceerd"
        label="Gepubliceerd: de buurt ziet deze pagina"
        checked={v.gepubliceerd}
        onChange={(e) => setV({ ...v, gepubliceerd: e.target.checked })}
      />
      <ButtonGroup>
        <Button type="submit" disabled={opslaan.isPending}>
          Pagina opslaan
        </Button>
        <Button type="button" variant="secondary" onClick={annuleer}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}

function AfspraakFormulier({
  paginaId,
  klaar,
  annuleer,
}: {
  paginaId: string;
  klaar: (m: string) => void;
  annuleer: () => void;
}) {
  const qc = useQueryClient();
  const [v, setV] = useState({ wat: '', wie: '', gemaaktOp: vandaag(), uiterlijk: '' });
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const voegToe = useMutation({
    mutationFn: () =>
      apiPad('post', '/buurtlocaties/{id}/afspraken', {
        params: { id: paginaId },
        body: { wat: v.wat, wie: v.wie, gemaaktOp: v.gemaaktOp, uiterlijk: v.uiterlijk || null },
      }),
    onSuccess: (data) => {
      qc.setQueryData(['buurtlocatie', paginaId], data);
      qc.invalidateQueries({ queryKey: ['leefbaarheid'] });
      klaar(`De afspraak "${v.wat.trim()}" is vastgelegd en staat op de openbare pagina.`);
    },
  });
  const ids = {
    wat: 'afspraak-wat',
    wie: 'afspraak-wie',
    gemaaktOp: 'afspraak-datum',
    uiterlijk: 'afspraak-uiterlijk',
  };
  const fouten = FormErrors.from(voegToe.error, ids, cf);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  function submit(e: FormEvent) {
    e.preventDefault();
    const c = {
      wat: v.wat.trim() ? undefined : 'Beschrijf de afspraak.',
      wie: v.wie.trim() ? undefined : 'Vul in wie de afspraak uitvoert.',
      gemaaktOp: v.gemaaktOp ? undefined : 'Vul in wanneer de afspraak is gemaakt.',
    };
    setCf(c);
    if (Object.values(c).some(Boolean)) {
      voegToe.reset();
      return;
    }
    voegToe.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Afspraak toevoegen">
      <ErrorSummary errors={fouten.summary()} />
      <TextareaField
        id={ids.wat}
        label="Afspraak"
        rows={2}
        maxLength={2000}
        value={v.wat}
        onChange={set('wat')}
        error={fouten.get('wat')}
      />
      <TextField
        id={ids.wie}
        label="Wie voert de afspraak uit"
        maxLength={200}
        value={v.wie}
        onChange={set('wie')}
        error={fouten.get('wie')}
      />
      <TextField
        id={ids.gemaaktOp}
        label="Afgesproken op"
        type="date"
        value={v.gemaaktOp}
        onChange={set('gemaaktOp')}
        error={fouten.get('gemaaktOp')}
      />
      <TextField
        id={ids.uiterlijk}
        label="Uiterlijk klaar op"
        type="date"
        optional
        value={v.uiterlijk}
        onChange={set('uiterlijk')}
        error={fouten.get('uiterlijk')}
      />
      <ButtonGroup>
        <Button type="submit" disabled={voegToe.isPending}>
          Afspraak vastleggen
        </Button>
        <Button type="button" variant="secondary" onClick={annuleer}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}
