// Issue 12: correcting what was entered, always with a reason (the history stays in the dossier): person data,
// an aanmelding and its screening, a toegangsbesluit; registering a bezwaar; splitting a wrong merge.
import { useState } from 'react';
import { apiPad } from '../../../api/client';
import { useReferentie } from '../../../api/queries';
import type { Aanmelding, Besluit, Client } from '../../../api/types';
import { vandaag } from '../../../ui/format';
import { CheckboxField, ErrorSummary, SelectField, TextareaField, TextField } from '../../../ui/ui';
import { FormKnoppen } from './FormKnoppen';
import { useClientActie } from './useClientActie';

const REDEN_LEEG = 'Vul de reden van de correctie in.';

function RedenVeld({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <TextareaField
      id={id}
      label="Reden van de correctie"
      description="Blijft zichtbaar in de geschiedenis van het dossier."
      required
      rows={2}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** Person data and contact: only what changed is sent. */
export function PersoonCorrigerenForm({
  client,
  sluit,
  titelId,
}: {
  client: Client;
  sluit: () => void;
  titelId: string;
}) {
  const [f, setF] = useState({
    voornaam: client.voornaam,
    achternaam: client.achternaam,
    geboortedatum: client.geboortedatum ?? '',
    telefoon: client.telefoon ?? '',
    email: client.email ?? '',
    reden: '',
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((o) => ({ ...o, [k]: e.target.value }));
  const p = 'correctie-persoon';
  const ids = {
    voornaam: `${p}-voornaam`,
    achternaam: `${p}-achternaam`,
    geboortedatum: `${p}-geboortedatum`,
    telefoon: `${p}-telefoon`,
    email: `${p}-email`,
    reden: `${p}-reden`,
  };
  const { m, fouten, verstuur } = useClientActie(
    client.id,
    sluit,
    () =>
      apiPad('patch', '/clienten/{id}', {
        params: { id: client.id },
        body: {
          reden: f.reden.trim(),
          ...(f.voornaam.trim() !== client.voornaam ? { voornaam: f.voornaam.trim() } : {}),
          ...(f.achternaam.trim() !== client.achternaam ? { achternaam: f.achternaam.trim() } : {}),
          ...(f.geboortedatum !== (client.geboortedatum ?? '') ? { geboortedatum: f.geboortedatum || null } : {}),
          ...(f.telefoon.trim() !== (client.telefoon ?? '') ? { telefoon: f.telefoon.trim() || null } : {}),
          ...(f.email.trim() !== (client.email ?? '') ? { email: f.email.trim() || null } : {}),
        },
      }),
    ids,
  );
  const submit = verstuur({
    voornaam: f.voornaam.trim() ? undefined : 'Vul de voornaam in.',
    achternaam: f.achternaam.trim() ? undefined : 'Vul de achternaam in.',
    reden: f.reden.trim() ? undefined : REDEN_LEEG,
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <TextField
        id={ids.voornaam}
        label="Voornaam"
        required
        value={f.voornaam}
        onChange={set('voornaam')}
        error={fouten.get('voornaam')}
      />
      <TextField
        id={ids.achternaam}
        label="Achternaam"
        required
        value={f.achternaam}
        onChange={set('achternaam')}
        error={fouten.get('achternaam')}
      />
      <TextField
        id={ids.geboortedatum}
        label="Geboortedatum"
        type="date"
        optional
        value={f.geboortedatum}
        onChange={set('geboortedatum')}
        error={fouten.get('geboortedatum')}
      />
      <TextField
        id={ids.telefoon}
        label="Telefoon"
        type="tel"
        optional
        value={f.telefoon}
        onChange={set('telefoon')}
        error={fouten.get('telefoon')}
      />
      <TextField
        id={ids.email}
        label="E-mail"
        type="email"
        optional
        value={f.email}
        onChange={set('email')}
        error={fouten.get('email')}
      />
      <RedenVeld
        id={ids.reden}
        value={f.reden}
        onChange={(v) => setF((o) => ({ ...o, reden: v }))}
        error={fouten.get('reden')}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Correctie opslaan" sluit={sluit} />
    </form>
  );
}

export function AanmeldingCorrigerenForm({
  aanmelding,
  sluit,
  titelId,
}: {
  aanmelding: Aanmelding;
  sluit: () => void;
  titelId: string;
}) {
  const ref = useReferentie();
  const [d, setD] = useState(aanmelding.datum);
  const [bron, setBron] = useState(aanmelding.bron);
  const [toelichting, setToelichting] = useState(aanmelding.toelichting ?? '');
  const [screening, setScreening] = useState(aanmelding.screening ?? '');
  const [reden, setReden] = useState('');
  const p = `correctie-aanmelding-${aanmelding.id}`;
  const ids = {
    datum: `${p}-datum`,
    bron: `${p}-bron`,
    toelichting: `${p}-toelichting`,
    screening: `${p}-screening`,
    reden: `${p}-reden`,
  };
  const { m, fouten, verstuur } = useClientActie(
    aanmelding.clientId,
    sluit,
    () =>
      apiPad('patch', '/aanmeldingen/{id}', {
        params: { id: aanmelding.id },
        body: {
          reden: reden.trim(),
          datum: d,
          bron,
          toelichting: toelichting.trim() || null,
          ...(aanmelding.screeningDatum ? { screening: screening.trim() || null } : {}),
        },
      }),
    ids,
  );
  const submit = verstuur({ datum: d ? undefined : 'Vul de datum in.', reden: reden.trim() ? undefined : REDEN_LEEG });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <TextField
        id={ids.datum}
        label="Datum aanmelding"
        type="date"
        required
        value={d}
        onChange={(e) => setD(e.target.value)}
        error={fouten.get('datum')}
      />
      <SelectField
        id={ids.bron}
        label="Bron"
        required
        value={bron}
        onChange={(e) => setBron(e.target.value)}
        error={fouten.get('bron')}
      >
        {(ref.data?.bronnen ?? [{ code: aanmelding.bron, label: aanmelding.bronLabel }]).map((b) => (
          <option key={b.code} value={b.code}>
            {b.label}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id={ids.toelichting}
        label="Toelichting"
        optional
        rows={2}
        value={toelichting}
        onChange={(e) => setToelichting(e.target.value)}
        error={fouten.get('toelichting')}
      />
      {aanmelding.screeningDatum && (
        <TextareaField
          id={ids.screening}
          label="Bevindingen screening"
          rows={3}
          value={screening}
          onChange={(e) => setScreening(e.target.value)}
          error={fouten.get('screening')}
        />
      )}
      <RedenVeld id={ids.reden} value={reden} onChange={setReden} error={fouten.get('reden')} />
      <FormKnoppen bezig={m.isPending} opslaan="Correctie opslaan" sluit={sluit} />
    </form>
  );
}

type Uitkomst = Besluit['uitkomst'];

export function BesluitCorrigerenForm({
  besluit,
  clientId,
  sluit,
  titelId,
}: {
  besluit: Besluit;
  clientId: string;
  sluit: () => void;
  titelId: string;
}) {
  const [uitkomst, setUitkomst] = useState<Uitkomst>(besluit.uitkomst);
  const [d, setD] = useState(besluit.datum);
  const [motivering, setMotivering] = useState(besluit.reden ?? '');
  const [reden, setReden] = useState('');
  const p = `correctie-besluit-${besluit.id}`;
  const ids = { uitkomst: `${p}-uitkomst`, datum: `${p}-datum`, motivering: `${p}-motivering`, reden: `${p}-reden` };
  const { m, fouten, verstuur } = useClientActie(
    clientId,
    sluit,
    () =>
      apiPad('patch', '/toegangsbesluiten/{id}', {
        params: { id: besluit.id },
        body: { reden: reden.trim(), uitkomst, datum: d, motivering: motivering.trim() || null },
      }),
    ids,
    { negeer409: false },
  );
  const submit = verstuur({ datum: d ? undefined : 'Vul de datum in.', reden: reden.trim() ? undefined : REDEN_LEEG });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <SelectField
        id={ids.uitkomst}
        label="Uitkomst"
        value={uitkomst}
        onChange={(e) => setUitkomst(e.target.value as Uitkomst)}
        error={fouten.get('uitkomst')}
      >
        <option value="toegang">Toegang</option>
        <option value="doorverwijzing">Doorverwijzing voorliggend veld</option>
        <option value="afwijzing">Afwijzing</option>
      </SelectField>
      <TextField
        id={ids.datum}
        label="Datum besluit"
        type="date"
        required
        value={d}
        onChange={(e) => setD(e.target.value)}
        error={fouten.get('datum')}
      />
      <TextareaField
        id={ids.motivering}
        label="Motivering"
        rows={3}
        description="Verplicht bij afwijzing of doorverwijzing."
        value={motivering}
        onChange={(e) => setMotivering(e.target.value)}
        error={fouten.get('motivering')}
      />
      <RedenVeld id={ids.reden} value={reden} onChange={setReden} error={fouten.get('reden')} />
      <FormKnoppen bezig={m.isPending} opslaan="Correctie opslaan" sluit={sluit} />
    </form>
  );
}

export function BezwaarForm({
  besluit,
  clientId,
  sluit,
  titelId,
}: {
  besluit: Besluit;
  clientId: string;
  sluit: () => void;
  titelId: string;
}) {
  const [d, setD] = useState(vandaag());
  const [gronden, setGronden] = useState('');
  const p = `bezwaar-${besluit.id}`;
  const ids = { ontvangenOp: `${p}-datum`, gronden: `${p}-gronden` };
  const { m, fouten, verstuur } = useClientActie(
    clientId,
    sluit,
    () =>
      apiPad('post', '/toegangsbesluiten/{id}/bezwaren', {
        params: { id: besluit.id },
        body: { ontvangenOp: d, gronden: gronden.trim() || null },
      }),
    ids,
  );
  const submit = verstuur({ ontvangenOp: d ? undefined : 'Vul de datum van ontvangst in.' });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <TextField
        id={ids.ontvangenOp}
        label="Bezwaarschrift ontvangen op"
        type="date"
        required
        value={d}
        onChange={(e) => setD(e.target.value)}
        error={fouten.get('ontvangenOp')}
      />
      <TextareaField
        id={ids.gronden}
        label="Gronden van het bezwaar"
        optional
        rows={3}
        value={gronden}
        onChange={(e) => setGronden(e.target.value)}
        error={fouten.get('gronden')}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Bezwaar registreren" sluit={sluit} />
    </form>
  );
}

export function SplitsenForm({
  client,
  samenvoegingId,
  sluit,
  titelId,
}: {
  client: Client;
  samenvoegingId: string;
  sluit: () => void;
  titelId: string;
}) {
  const [reden, setReden] = useState('');
  const ids = { reden: `splitsen-${samenvoegingId}-reden` };
  const { m, fouten, verstuur } = useClientActie(
    client.id,
    sluit,
    () =>
      apiPad('post', '/clienten/{id}/samenvoegingen/{samenvoegingId}/splitsingen', {
        params: { id: client.id, samenvoegingId },
        body: { reden: reden.trim() },
      }),
    ids,
  );
  const submit = verstuur({ reden: reden.trim() ? undefined : 'Vul in waarom de samenvoeging onjuist was.' });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <TextareaField
        id={ids.reden}
        label="Waarom was de samenvoeging onjuist?"
        required
        rows={2}
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        error={fouten.get('reden')}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Dossiers splitsen" sluit={sluit} />
    </form>
  );
}

type Lid = { id: string | null; naam: string; geboortedatum: string; relatie: string; weg: boolean };
const RELATIES = [
  ['partner', 'Partner'],
  ['kind', 'Kind'],
  ['overig', 'Overig'],
] as const;

/** The household as it should be: change or remove members, add one. */
export function HuishoudenCorrigerenForm({
  client,
  sluit,
  titelId,
}: {
  client: Client;
  sluit: () => void;
  titelId: string;
}) {
  const [leden, setLeden] = useState<Lid[]>([
    ...client.huishoudleden.map((h) => ({
      id: h.id,
      naam: h.naam,
      geboortedatum: h.geboortedatum ?? '',
      relatie: h.relatie,
      weg: false,
    })),
    { id: null, naam: '', geboortedatum: '', relatie: 'kind', weg: false },
  ]);
  const [reden, setReden] = useState('');
  const zet = (i: number, w: Partial<Lid>) => setLeden((o) => o.map((l, j) => (j === i ? { ...l, ...w } : l)));
  const p = 'correctie-huishouden';
  const ids: Record<string, string> = { reden: `${p}-reden` };
  leden.forEach((_, i) => {
    ids[`huishoudleden.${i}.naam`] = `${p}-${i}-naam`;
    ids[`huishoudleden.${i}.geboortedatum`] = `${p}-${i}-geboortedatum`;
  });
  const gewenst = leden.filter((l) => !l.weg && (l.id || l.naam.trim()));
  const { m, fouten, verstuur } = useClientActie(
    client.id,
    sluit,
    () =>
      apiPad('patch', '/clienten/{id}', {
        params: { id: client.id },
        body: {
          reden: reden.trim(),
          huishoudleden: gewenst.map((l) => ({
            id: l.id,
            naam: l.naam.trim(),
            geboortedatum: l.geboortedatum || null,
            relatie: l.relatie,
          })),
        },
      }),
    ids,
  );
  const submit = verstuur({ reden: reden.trim() ? undefined : REDEN_LEEG });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      {leden.map((l, i) => (
        <fieldset key={l.id ?? `nieuw-${i}`} className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">
            {l.id ? `Huishoudlid ${i + 1}` : 'Nieuw huishoudlid'}
          </legend>
          <TextField
            id={ids[`huishoudleden.${i}.naam`]}
            label="Naam"
            optional={!l.id}
            value={l.naam}
            onChange={(e) => zet(i, { naam: e.target.value })}
            error={fouten.get(`huishoudleden.${i}.naam`)}
          />
          <TextField
            id={ids[`huishoudleden.${i}.geboortedatum`]}
            label="Geboortedatum"
            type="date"
            optional
            value={l.geboortedatum}
            onChange={(e) => zet(i, { geboortedatum: e.target.value })}
            error={fouten.get(`huishoudleden.${i}.geboortedatum`)}
          />
          <SelectField
            id={`${p}-${i}-relatie`}
            label="Relatie"
            value={l.relatie}
            onChange={(e) => zet(i, { relatie: e.target.value })}
          >
            {RELATIES.map(([v, t]) => (
              <option key={v} value={v}>
                {t}
              </option>
            ))}
          </SelectField>
          {l.id && (
            <CheckboxField
              id={`${p}-${i}-weg`}
              label="Hoort niet (meer) bij het huishouden"
              checked={l.weg}
              onChange={(e) => zet(i, { weg: e.target.checked })}
            />
          )}
        </fieldset>
      ))}
      <RedenVeld id={ids.reden} value={reden} onChange={setReden} error={fouten.get('reden')} />
      <FormKnoppen bezig={m.isPending} opslaan="Correctie opslaan" sluit={sluit} />
    </form>
  );
}
