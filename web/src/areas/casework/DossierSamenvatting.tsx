// Top of the case page: status, location and room, days in shelter against the norm (a tenant setting), trajecthouder (with
// handing the case over to a colleague), plan status, open blockades and the next appointment.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPad } from '../../api/client';
import { datum, tijdstip } from '../../ui/format';
import {
  Button,
  DataList,
  ErrorSummary,
  FormErrors,
  Heading,
  Loading,
  PaginaFout,
  SelectField,
  StatusBadge,
  TextareaField,
  Uitklap,
} from '../../ui/ui';
import { type Samenvatting, samenvattingQuery, teamQuery, useCaseworkMutatie } from './caseworkApi';

const PLAN: Record<string, string> = {
  'geen-plaatsing': 'Nog niet geplaatst',
  'nog-binnen-termijn': 'Nog op te stellen (binnen de termijn)',
  'te-laat': 'Te laat: nog geen plan',
  'op-tijd-opgesteld': 'Opgesteld',
  'te-laat-opgesteld': 'Opgesteld (te laat)',
};

export function DossierSamenvatting({ clientId, eigen }: { clientId: string; eigen: boolean }) {
  const q = useQuery(samenvattingQuery(clientId));
  if (q.isPending) return <Loading />;
  if (q.error) return <PaginaFout error={q.error} />;
  const s = q.data;
  const dagen =
    s.dagenInOpvang === null ? (
      '—'
    ) : (
      <>
        {s.dagenInOpvang} van {s.doelDagen} dagen{' '}
        {s.dagenInOpvang > s.doelDagen && <StatusBadge status="danger">Boven de norm</StatusBadge>}
      </>
    );
  const plan = s.plan
    ? `${PLAN[s.plan.status] ?? s.plan.status}${s.plan.ondertekend ? ', ondertekend' : ''}${
        s.plan.status === 'nog-binnen-termijn' && s.plan.uiterlijkeDatum
          ? ` (uiterlijk ${datum(s.plan.uiterlijkeDatum)})`
          : ''
      }`
    : '—';
  const afspraak = s.volgendeAfspraak
    ? `${datum(s.volgendeAfspraak.datum)} om ${s.volgendeAfspraak.tijd}, ${s.volgendeAfspraak.metWie} (${s.volgendeAfspraak.waar})`
    : 'Geen';
  return (
    <section aria-labelledby="samenvatting-titel" className="onderdak-card" data-testid="dossiersamenvatting">
      <Heading level={2} id="samenvatting-titel">
        {eigen ? 'Zo staat het nu' : 'Samenvatting'}
      </Heading>
      {/* issue 16: the summary as a grid of key facts, several per row on a wide screen */}
      <div className="onderdak-datalijst-raster">
        <DataList
          items={[
            ['Status', s.statusLabel],
            [eigen ? 'Waar u slaapt' : 'Locatie en kamer', s.locatie ? `${s.locatie}, ${s.eenheid}` : '—'],
            [eigen ? 'Dagen in de opvang' : `Dagen in de opvang (norm ${s.doelDagen})`, dagen],
            [eigen ? 'Uw begeleider' : 'Trajecthouder', s.trajecthouder?.naam ?? 'Nog niet bekend'],
            [eigen ? 'Uw plan' : 'Perspectiefplan', plan],
            ...(eigen ? [] : ([['Open blokkades', String(s.openBlokkades)]] as [string, string][])),
            [eigen ? 'Uw volgende afspraak' : 'Volgende afspraak', afspraak],
            ...(s.laatsteOverdracht && !eigen
              ? ([['Laatste overdracht', overdracht(s.laatsteOverdracht)]] as [string, string][])
              : []),
          ]}
        />
      </div>
      {s.mogelijkheden.overdragen && s.trajectId && (
        <Uitklap knop="Casus overdragen" titel="Casus overdragen aan een collega">
          {(sluit, titelId) => <Overdragen s={s} trajectId={s.trajectId!} sluit={sluit} titelId={titelId} />}
        </Uitklap>
      )}
    </section>
  );
}

/** "Aan Collega Twee op 2 december 2026 10:00, gezien op …" — so the sender sees whether the colleague saw it. */
function overdracht(o: NonNullable<Samenvatting['laatsteOverdracht']>): string {
  const door = o.van ? ` door ${o.van.naam}` : '';
  const gezien = o.gezienOp ? `gezien op ${tijdstip(o.gezienOp)}` : 'nog niet gezien';
  return `Aan ${o.naar.naam}${door} op ${tijdstip(o.tijdstip)}, ${gezien}`;
}

function Overdragen({
  s,
  trajectId,
  sluit,
  titelId,
}: {
  s: Samenvatting;
  trajectId: string;
  sluit: () => void;
  titelId: string;
}) {
  const team = useQuery(teamQuery);
  const [f, setF] = useState({ naarId: '', notitie: '' });
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const m = useCaseworkMutatie(s.clientId, () =>
    apiPad('post', '/trajecten/{id}/overdrachten', {
      params: { id: trajectId },
      body: { naarId: f.naarId, notitie: f.notitie || null },
    }),
  );
  const ids = { naarId: 'overdracht-naar', notitie: 'overdracht-notitie' };
  const fe = FormErrors.from(m.error, ids, cf);
  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    const checks = { naarId: f.naarId ? undefined : 'Kies een collega.' };
    setCf(checks);
    if (checks.naarId) return m.reset();
    m.mutate(undefined, { onSuccess: sluit });
  };
  return (
    <form onSubmit={verstuur} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fe.summary()} />
      <SelectField
        id={ids.naarId}
        label="Nieuwe trajecthouder"
        value={f.naarId}
        error={fe.get('naarId')}
        onChange={(e) => setF({ ...f, naarId: e.target.value })}
      >
        <option value="">{team.isPending ? 'Collega’s laden…' : 'Kies een collega'}</option>
        {team.data?.resultaten
          .filter((u) => u.id !== s.trajecthouder?.id)
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.naam} ({u.aantal} cliënten)
            </option>
          ))}
      </SelectField>
      <TextareaField
        id={ids.notitie}
        label="Notitie voor de collega"
        optional
        rows={4}
        value={f.notitie}
        error={fe.get('notitie')}
        onChange={(e) => setF({ ...f, notitie: e.target.value })}
      />
      <Button type="submit" busy={m.isPending}>
        Overdragen
      </Button>{' '}
      <Button type="button" variant="secondary" onClick={sluit}>
        Annuleren
      </Button>
    </form>
  );
}
