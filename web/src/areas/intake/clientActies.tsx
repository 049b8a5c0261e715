// Action forms on the case page: aanmelding, screening, besluit, plaatsing, verhuizing, beëindiging, uitstroom, samenvoegen.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api, ApiError, type Aanmelding, type Besluit, type Bezetting, type Client, type ClientSamenvatting, type Traject, type Verblijf,
} from '../../api/client';
import { locatiesQuery, useGebruiker, useReferentie } from '../../api/queries';
import { datum, vandaag } from '../../ui/format';
import {
  Alert, Button, ButtonGroup, CheckboxField, DataList, ErrorAlert, ErrorSummary, Fieldset, FormErrors, Heading, Loading,
  Paragraph, RadioGroup, SelectField, TextareaField, TextField,
} from '../../ui/ui';
import { zoekClienten } from './Clienten';

// ---------- helpers ----------

/** Invalidates everything a change to a client can affect. */
function useVernieuwClient(clientId: string) {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: ['client', clientId] }),
      qc.invalidateQueries({ queryKey: ['clienten'] }),
      qc.invalidateQueries({ queryKey: ['aanmeldingen'] }),
      qc.invalidateQueries({ queryKey: ['locaties'] }),
      qc.invalidateQueries({ queryKey: ['bezetting'] }),
    ]);
  };
}

/**
 * What every action form on the case page shares: the request, a refresh of everything the client shows and
 * closing the form on success, server errors mapped to the fields (`ids`), and checks before sending. `verstuur`
 * takes the client-side checks (field → message or undefined) and only sends when none fails. `negeer409`: a
 * conflict (e.g. the unit was just taken) is shown as one message above the form, not as a field error.
 */
function useClientActie<T>(clientId: string, sluit: () => void, mutationFn: () => Promise<T>, ids: Record<string, string>, opts: { negeer409?: boolean } = {}) {
  const vernieuw = useVernieuwClient(clientId);
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const m = useMutation({ mutationFn, onSuccess: async () => { await vernieuw(); sluit(); } });
  const serverFout = opts.negeer409 && m.error instanceof ApiError && m.error.status === 409 ? null : m.error;
  const fouten = FormErrors.from(serverFout, ids, cf);
  const verstuur = (checks: Record<string, string | undefined>) => (e: FormEvent) => {
    e.preventDefault();
    setCf(checks);
    if (Object.values(checks).some(Boolean)) { m.reset(); return; }
    m.mutate();
  };
  return { m, fouten, verstuur };
}

/**
 * Disclosure: a button that opens a form in place. The button is hidden while the form is open (so its
 * name is unique on the page); focus moves into the form and back to the button on close.
 */
export function Uitklap({ knop, titel, children, variant = 'secondary' }: {
  knop: string; titel: string; variant?: 'primary' | 'secondary';
  children: (sluit: () => void, titelId: string) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const knopRef = useRef<HTMLButtonElement>(null);
  const titelRef = useRef<HTMLHeadingElement>(null);
  const panelId = useId();
  const titelId = `${panelId}-titel`;
  const eerder = useRef(false);
  useEffect(() => {
    if (open) titelRef.current?.focus();
    else if (eerder.current) knopRef.current?.focus();
    eerder.current = true;
  }, [open]);
  if (!open) {
    return (
      <Button ref={knopRef} variant={variant} aria-expanded={false} aria-controls={panelId} onClick={() => setOpen(true)}>
        {knop}
      </Button>
    );
  }
  return (
    <section id={panelId} className="onderdak-card onderdak-actie" aria-labelledby={titelId}>
      <h3 id={titelId} ref={titelRef} tabIndex={-1} className="utrecht-heading-3">{titel}</h3>
      {children(() => setOpen(false), titelId)}
    </section>
  );
}

function Acties({ bezig, opslaan, sluit }: { bezig: boolean; opslaan: string; sluit: () => void }) {
  return (
    <ButtonGroup>
      <Button type="submit" variant="primary" busy={bezig} disabled={bezig}>{opslaan}</Button>
      <Button variant="subtle" onClick={sluit}>Annuleren</Button>
    </ButtonGroup>
  );
}

// ---------- Aanmelding ----------

export function NieuweAanmeldingForm({ client, sluit, titelId }: { client: Client; sluit: () => void; titelId: string }) {
  const ref = useReferentie();
  const [d, setD] = useState(vandaag());
  const [bron, setBron] = useState('');
  const [toelichting, setToelichting] = useState('');
  const ids = { datum: 'aanmelding-datum', bron: 'aanmelding-bron', toelichting: 'aanmelding-toelichting' };
  const { m, fouten, verstuur } = useClientActie(client.id, sluit, () => api<Aanmelding>('/v1/aanmeldingen', {
    method: 'POST', body: { clientId: client.id, datum: d, bron, toelichting: toelichting.trim() || undefined },
  }), ids);
  const submit = verstuur({ datum: d ? undefined : 'Vul de datum in.', bron: bron ? undefined : 'Kies de bron van de aanmelding.' });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <TextField id={ids.datum} label="Datum" type="date" required value={d} onChange={(e) => setD(e.target.value)} error={fouten.get('datum')} />
      <SelectField id={ids.bron} label="Bron" required value={bron} onChange={(e) => setBron(e.target.value)} error={fouten.get('bron')}>
        <option value="">Kies de bron</option>
        {(ref.data?.bronnen ?? []).map((b) => <option key={b.code} value={b.code}>{b.label}</option>)}
      </SelectField>
      <TextareaField id={ids.toelichting} label="Toelichting" optional value={toelichting} onChange={(e) => setToelichting(e.target.value)} error={fouten.get('toelichting')} />
      <Acties bezig={m.isPending} opslaan="Aanmelding opslaan" sluit={sluit} />
    </form>
  );
}

export function ScreeningForm({ aanmelding, sluit, titelId }: { aanmelding: Aanmelding; sluit: () => void; titelId: string }) {
  const [d, setD] = useState(vandaag());
  const [bevindingen, setBevindingen] = useState('');
  const p = `screening-${aanmelding.id}`;
  const ids = { datum: `${p}-datum`, bevindingen: `${p}-bevindingen` };
  const { m, fouten, verstuur } = useClientActie(aanmelding.clientId, sluit, () => api<Aanmelding>(`/v1/aanmeldingen/${encodeURIComponent(aanmelding.id)}/screeningen`, {
    method: 'POST', body: { datum: d, bevindingen: bevindingen.trim() },
  }), ids);
  const submit = verstuur({ datum: d ? undefined : 'Vul de datum in.', bevindingen: bevindingen.trim() ? undefined : 'Vul de bevindingen in.' });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <TextField id={ids.datum} label="Datum" type="date" required value={d} onChange={(e) => setD(e.target.value)} error={fouten.get('datum')} />
      <TextareaField id={ids.bevindingen} label="Bevindingen" required rows={4} value={bevindingen} onChange={(e) => setBevindingen(e.target.value)} error={fouten.get('bevindingen')} />
      <Acties bezig={m.isPending} opslaan="Screening opslaan" sluit={sluit} />
    </form>
  );
}

type Uitkomst = 'toegang' | 'doorverwijzing' | 'afwijzing';
type Wens = 'deze-regio' | 'andere-regio' | 'geen-voorkeur';

export function BesluitForm({ aanmelding, sluit, titelId }: { aanmelding: Aanmelding; sluit: () => void; titelId: string }) {
  const ref = useReferentie();
  const g = useGebruiker();
  const [uitkomst, setUitkomst] = useState<Uitkomst | ''>('');
  const [d, setD] = useState(vandaag());
  const [reden, setReden] = useState('');
  const [jaren, setJaren] = useState('');
  const [netwerk, setNetwerk] = useState(false);
  const [zorg, setZorg] = useState(false);
  const [wens, setWens] = useState<Wens>('geen-voorkeur');
  const [andere, setAndere] = useState('');

  const p = `besluit-${aanmelding.id}`;
  const ids: Record<string, string> = {
    uitkomst: `${p}-uitkomst-eerste`, datum: `${p}-datum`, reden: `${p}-reden`, jarenInRegio: `${p}-jaren`,
    sociaalNetwerkInRegio: `${p}-netwerk`, bekendBijLokaleZorg: `${p}-zorg`, wensClient: `${p}-wens`, andereTenantId: `${p}-andere`,
    regiobinding: `${p}-jaren`,
  };
  const { m, fouten, verstuur } = useClientActie(aanmelding.clientId, sluit, () => {
    const regiobinding = uitkomst === 'toegang' || jaren !== ''
      ? {
        jarenInRegio: Number(jaren || 0), sociaalNetwerkInRegio: netwerk, bekendBijLokaleZorg: zorg, wensClient: wens,
        andereTenantId: andere || undefined,
      }
      : undefined;
    return api<Besluit>(`/v1/aanmeldingen/${encodeURIComponent(aanmelding.id)}/besluiten`, {
      method: 'POST', body: { uitkomst, datum: d, reden: reden.trim() || undefined, regiobinding },
    });
  }, ids);
  const rb = (k: string) => fouten.get(`regiobinding.${k}`) ?? fouten.get(k);
  const submit = verstuur({
    uitkomst: uitkomst ? undefined : 'Kies de uitkomst van het besluit.',
    datum: d ? undefined : 'Vul de datum van het besluit in.',
    reden: uitkomst === 'afwijzing' && !reden.trim() ? 'Vul de reden van de afwijzing in.' : undefined,
    jarenInRegio: jaren !== '' && (!Number.isFinite(Number(jaren)) || Number(jaren) < 0) ? 'Vul een aantal jaren van 0 of meer in.' : undefined,
    andereTenantId: wens === 'andere-regio' && !andere ? 'Kies de andere centrumgemeente.' : undefined,
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <RadioGroup<Uitkomst>
        idPrefix={p}
        name="uitkomst"
        legend="Uitkomst"
        value={uitkomst}
        onChange={setUitkomst}
        error={fouten.get('uitkomst')}
        options={[
          { value: 'toegang', label: 'Toegang' },
          { value: 'doorverwijzing', label: 'Doorverwijzing voorliggend veld' },
          { value: 'afwijzing', label: 'Afwijzing' },
        ]}
      />
      <TextField id={ids.datum} label="Datum" type="date" required value={d} onChange={(e) => setD(e.target.value)} error={fouten.get('datum')} />
      <TextareaField
        id={ids.reden}
        label="Reden"
        required={uitkomst === 'afwijzing'}
        description="Verplicht bij afwijzing."
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        error={fouten.get('reden')}
      />
      <Fieldset legend="Regiobinding" description="Bepaalt welke centrumgemeente verantwoordelijk blijft. Noodopvang wordt altijd verleend.">
        <TextField id={ids.jarenInRegio} label="Jaren in de regio" type="number" min={0} step={1} inputMode="numeric" value={jaren} onChange={(e) => setJaren(e.target.value)} error={rb('jarenInRegio')} />
        <CheckboxField id={ids.sociaalNetwerkInRegio} label="Sociaal netwerk in de regio" checked={netwerk} onChange={(e) => setNetwerk(e.target.checked)} error={rb('sociaalNetwerkInRegio')} />
        <CheckboxField id={ids.bekendBijLokaleZorg} label="Bekend bij lokale zorg" checked={zorg} onChange={(e) => setZorg(e.target.checked)} error={rb('bekendBijLokaleZorg')} />
        <SelectField id={ids.wensClient} label="Wens cliënt" value={wens} onChange={(e) => setWens(e.target.value as Wens)} error={rb('wensClient')}>
          <option value="geen-voorkeur">Geen voorkeur</option>
          <option value="deze-regio">Deze regio</option>
          <option value="andere-regio">Andere regio</option>
        </SelectField>
        <SelectField id={ids.andereTenantId} label="Andere centrumgemeente" optional value={andere} onChange={(e) => setAndere(e.target.value)} error={rb('andereTenantId')}>
          <option value="">Geen</option>
          {(ref.data?.tenants ?? []).filter((t) => t.id !== g.tenant.id).map((t) => <option key={t.id} value={t.id}>{t.naam}</option>)}
        </SelectField>
      </Fieldset>
      <Acties bezig={m.isPending} opslaan="Besluit opslaan" sluit={sluit} />
    </form>
  );
}

export function BesluitWeergave({ besluit }: { besluit: Besluit }) {
  const rb = besluit.regiobinding;
  return (
    <div className="onderdak-besluit">
      <Heading level={4}>Besluit: {besluit.uitkomstLabel}</Heading>
      <DataList
        items={[
          ['Datum besluit', datum(besluit.datum)],
          ['Beslisser', besluit.beslisser],
          ...(besluit.reden ? [['Reden', besluit.reden] as [ReactNode, ReactNode]] : []),
          ['Bezwaar mogelijk tot', besluit.bezwaartermijnTot ? datum(besluit.bezwaartermijnTot) : '—'],
          ...(besluit.noodopvang ? [['Noodopvang', 'Ja, noodopvang is verleend'] as [ReactNode, ReactNode]] : []),
        ]}
      />
      {rb && (
        <div className="onderdak-regiobinding">
          <Heading level={4}>Regiobinding</Heading>
          <Paragraph>
            Verantwoordelijke centrumgemeente: <strong>{rb.verantwoordelijkeTenantNaam}</strong> (score {rb.score}).
          </Paragraph>
          {rb.warmeOverdracht && (
            <Alert type="warning" title="Warme overdracht">
              <p className="utrecht-paragraph">
                De cliënt krijgt noodopvang; het dossier wordt met een warme overdracht overgedragen aan {rb.verantwoordelijkeTenantNaam}.
              </p>
            </Alert>
          )}
          {rb.toelichting.length > 0 && (
            <ul className="utrecht-unordered-list">
              {rb.toelichting.map((t, i) => <li key={i} className="utrecht-unordered-list__item">{t}</li>)}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

// ---------- Plaatsen / verhuizen ----------

function EenheidKiezer({ prefix, locatieId, setLocatieId, eenheidId, setEenheidId, fouten, locatieLabel = 'Locatie' }: {
  prefix: string; locatieId: string; setLocatieId: (v: string) => void; eenheidId: string; setEenheidId: (v: string) => void;
  fouten: FormErrors; locatieLabel?: string;
}) {
  const locaties = useQuery(locatiesQuery);
  const bezetting = useQuery({
    queryKey: ['bezetting', locatieId],
    queryFn: () => api<Bezetting>(`/v1/locaties/${encodeURIComponent(locatieId)}/bezetting`),
    enabled: !!locatieId,
  });
  return (
    <>
      {locaties.error && <ErrorAlert error={locaties.error} />}
      <SelectField
        id={`${prefix}-locatie`}
        label={locatieLabel}
        required
        value={locatieId}
        onChange={(e) => { setLocatieId(e.target.value); setEenheidId(''); }}
        error={fouten.get('locatieId')}
        aria-busy={locaties.isPending || undefined}
      >
        <option value="">{locaties.isPending ? 'Laden…' : 'Kies een locatie'}</option>
        {(locaties.data?.resultaten ?? []).map((l) => (
          <option key={l.id} value={l.id}>{l.naam} ({l.vrij} vrij)</option>
        ))}
      </SelectField>
      {locatieId && bezetting.isPending && <Loading>Eenheden laden…</Loading>}
      {bezetting.error && <ErrorAlert error={bezetting.error} />}
      <SelectField
        id={`${prefix}-eenheid`}
        label="Eenheid"
        required
        disabled={!locatieId || bezetting.isPending}
        value={eenheidId}
        onChange={(e) => setEenheidId(e.target.value)}
        error={fouten.get('eenheidId')}
        description={locatieId ? undefined : 'Kies eerst een locatie.'}
      >
        <option value="">Kies een eenheid</option>
        {(bezetting.data?.eenheden ?? []).map((u) => (
          <option key={u.id} value={u.id}>
            {u.naam} — {u.vrij > 0 ? `${u.vrij} van ${u.bedden} vrij` : 'vol'}{u.reserve ? ' (reserve)' : ''}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** 409 (kamer vol / past niet) is shown as an alert with the problem detail; other errors per field. */
function ConflictOfFouten({ error, fouten }: { error: unknown; fouten: FormErrors }) {
  if (error instanceof ApiError && error.status === 409) {
    return (
      <Alert type="error" role="alert" title={error.title || 'Plaatsing niet mogelijk'}>
        <p className="utrecht-paragraph">{error.detail}</p>
      </Alert>
    );
  }
  return <ErrorSummary errors={fouten.summary()} />;
}

export function PlaatsenForm({ client, sluit, titelId }: { client: Client; sluit: () => void; titelId: string }) {
  const [locatieId, setLocatieId] = useState('');
  const [eenheidId, setEenheidId] = useState('');
  const [d, setD] = useState(vandaag());
  const [grootte, setGrootte] = useState(String(client.huishoudgrootte || 1));
  const p = 'plaatsen';
  const { m, fouten, verstuur } = useClientActie(client.id, sluit, () => api<Verblijf>('/v1/plaatsingen', {
    method: 'POST', body: { clientId: client.id, eenheidId, datum: d, huishoudgrootte: grootte ? Number(grootte) : undefined },
  }), { locatieId: `${p}-locatie`, eenheidId: `${p}-eenheid`, datum: `${p}-datum`, huishoudgrootte: `${p}-huishoudgrootte` }, { negeer409: true });
  const submit = verstuur({
    locatieId: locatieId ? undefined : 'Kies een locatie.',
    eenheidId: locatieId && !eenheidId ? 'Kies een eenheid.' : undefined,
    datum: d ? undefined : 'Vul de datum in.',
    huishoudgrootte: grootte && Number(grootte) >= 1 ? undefined : 'Vul een huishoudgrootte van 1 of meer in.',
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ConflictOfFouten error={m.error} fouten={fouten} />
      <EenheidKiezer prefix={p} locatieId={locatieId} setLocatieId={setLocatieId} eenheidId={eenheidId} setEenheidId={setEenheidId} fouten={fouten} />
      <TextField id={`${p}-datum`} label="Datum" type="date" required value={d} onChange={(e) => setD(e.target.value)} error={fouten.get('datum')} />
      <TextField id={`${p}-huishoudgrootte`} label="Huishoudgrootte" type="number" min={1} step={1} inputMode="numeric" required value={grootte} onChange={(e) => setGrootte(e.target.value)} error={fouten.get('huishoudgrootte')} />
      <Acties bezig={m.isPending} opslaan="Plaatsing opslaan" sluit={sluit} />
    </form>
  );
}

export function VerhuizenForm({ verblijf, sluit, titelId }: { verblijf: Verblijf; sluit: () => void; titelId: string }) {
  const [locatieId, setLocatieId] = useState(verblijf.locatieId);
  const [eenheidId, setEenheidId] = useState('');
  const [d, setD] = useState(vandaag());
  const p = 'verhuizen';
  const { m, fouten, verstuur } = useClientActie(verblijf.clientId, sluit,
    () => api<Verblijf>(`/v1/plaatsingen/${encodeURIComponent(verblijf.id)}/verhuizingen`, { method: 'POST', body: { eenheidId, datum: d } }),
    { locatieId: `${p}-locatie`, eenheidId: `${p}-eenheid`, datum: `${p}-datum` }, { negeer409: true });
  const submit = verstuur({ eenheidId: eenheidId ? undefined : 'Kies de nieuwe eenheid.', datum: d ? undefined : 'Vul de datum in.' });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ConflictOfFouten error={m.error} fouten={fouten} />
      <EenheidKiezer prefix={p} locatieId={locatieId} setLocatieId={setLocatieId} eenheidId={eenheidId} setEenheidId={setEenheidId} fouten={fouten} locatieLabel="Nieuwe locatie" />
      <TextField id={`${p}-datum`} label="Datum" type="date" required value={d} onChange={(e) => setD(e.target.value)} error={fouten.get('datum')} />
      <Acties bezig={m.isPending} opslaan="Verhuizing opslaan" sluit={sluit} />
    </form>
  );
}

export function BeeindigenForm({ verblijf, sluit, titelId }: { verblijf: Verblijf; sluit: () => void; titelId: string }) {
  const [d, setD] = useState(vandaag());
  const [reden, setReden] = useState('');
  const p = 'beeindigen';
  const { m, fouten, verstuur } = useClientActie(verblijf.clientId, sluit, () => api<Verblijf>(`/v1/plaatsingen/${encodeURIComponent(verblijf.id)}/beeindigingen`, {
    method: 'POST', body: { datum: d, reden: reden.trim() || undefined },
  }), { datum: `${p}-datum`, reden: `${p}-reden` });
  const submit = verstuur({ datum: d ? undefined : 'Vul de einddatum in.' });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <Paragraph>Het verblijf in {verblijf.eenheidNaam} ({verblijf.locatieNaam}) wordt beëindigd. Het traject blijft open.</Paragraph>
      <TextField id={`${p}-datum`} label="Einddatum" type="date" required value={d} onChange={(e) => setD(e.target.value)} error={fouten.get('datum')} />
      <TextareaField id={`${p}-reden`} label="Reden van vertrek" optional value={reden} onChange={(e) => setReden(e.target.value)} error={fouten.get('reden')} />
      <Acties bezig={m.isPending} opslaan="Beëindiging opslaan" sluit={sluit} />
    </form>
  );
}

// ---------- Uitstroom ----------

export function UitstroomForm({ traject, sluit, titelId }: { traject: Traject; sluit: () => void; titelId: string }) {
  const ref = useReferentie();
  const vernieuw = useVernieuwClient(traject.clientId);
  const [d, setD] = useState(vandaag());
  const [bestemming, setBestemming] = useState('');
  const [bevestigen, setBevestigen] = useState(false);
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const bevestigRef = useRef<HTMLDivElement>(null);
  useEffect(() => { if (bevestigen) bevestigRef.current?.focus(); }, [bevestigen]);
  const m = useMutation({
    mutationFn: () => api<Traject>(`/v1/trajecten/${encodeURIComponent(traject.id)}/uitstroom`, { method: 'POST', body: { datum: d, bestemming } }),
    onSuccess: async () => { await vernieuw(); sluit(); },
    onError: () => setBevestigen(false),
  });
  const p = 'uitstroom';
  const fouten = FormErrors.from(m.error, { datum: `${p}-datum`, bestemming: `${p}-bestemming` }, cf);
  const groepen = ref.data?.bestemmingsgroepen ?? [];
  const bestemmingen = ref.data?.bestemmingen ?? [];
  const gekozen = bestemmingen.find((b) => b.code === bestemming);

  function submit(e: FormEvent) {
    e.preventDefault();
    const f = { datum: d ? undefined : 'Vul de datum van uitstroom in.', bestemming: bestemming ? undefined : 'Kies de bestemming.' };
    setCf(f);
    if (f.datum || f.bestemming) { m.reset(); return; }
    m.reset();
    setBevestigen(true);
  }

  if (bevestigen) {
    return (
      <div ref={bevestigRef} tabIndex={-1} className="onderdak-bevestiging" role="group" aria-label="Uitstroom bevestigen">
        <Paragraph>
          Weet u zeker dat u de uitstroom wilt registreren per <strong>{datum(d)}</strong> naar <strong>{gekozen?.label ?? bestemming}</strong>?
          Het traject wordt afgesloten en een lopend verblijf wordt beëindigd.
        </Paragraph>
        <ButtonGroup>
          <Button variant="primary" onClick={() => m.mutate()} busy={m.isPending} disabled={m.isPending}>Bevestig uitstroom</Button>
          <Button variant="subtle" onClick={() => setBevestigen(false)}>Terug</Button>
        </ButtonGroup>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <TextField id={`${p}-datum`} label="Datum" type="date" required value={d} onChange={(e) => setD(e.target.value)} error={fouten.get('datum')} />
      <SelectField id={`${p}-bestemming`} label="Bestemming" required value={bestemming} onChange={(e) => setBestemming(e.target.value)} error={fouten.get('bestemming')}>
        <option value="">Kies de bestemming</option>
        {groepen.map((g) => (
          <optgroup key={g.code} label={g.label}>
            {bestemmingen.filter((b) => b.groep === g.code).map((b) => <option key={b.code} value={b.code}>{b.label}</option>)}
          </optgroup>
        ))}
        {bestemmingen.filter((b) => !groepen.some((g) => g.code === b.groep)).map((b) => <option key={b.code} value={b.code}>{b.label}</option>)}
      </SelectField>
      <Acties bezig={false} opslaan="Doorgaan" sluit={sluit} />
    </form>
  );
}

// ---------- Samenvoegen ----------

export function SamenvoegenForm({ client, sluit, titelId, onKlaar }: { client: Client; sluit: () => void; titelId: string; onKlaar: (c: Client) => void }) {
  const qc = useQueryClient();
  const [zoek, setZoek] = useState('');
  const [zoekterm, setZoekterm] = useState('');
  const [handmatig, setHandmatig] = useState('');
  const [gekozen, setGekozen] = useState<{ id: string; naam: string } | null>(null);
  const [bevestigen, setBevestigen] = useState(false);
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const bevestigRef = useRef<HTMLDivElement>(null);
  useEffect(() => { if (bevestigen) bevestigRef.current?.focus(); }, [bevestigen]);

  const resultaten = useQuery({
    queryKey: ['clienten', { zoek: zoekterm, pagina: 1, paginaGrootte: 10, sorteer: 'achternaam' }],
    queryFn: () => zoekClienten({ zoek: zoekterm, pagina: 1, paginaGrootte: 10, sorteer: 'achternaam' }),
    enabled: zoekterm.length > 0,
  });
  const m = useMutation({
    mutationFn: (anderId: string) => api<Client>(`/v1/clienten/${encodeURIComponent(client.id)}/samenvoegingen`, {
      method: 'POST', body: { samenTeVoegenClientId: anderId },
    }),
    onSuccess: async (c) => {
      qc.setQueryData(['client', client.id], c);
      await qc.invalidateQueries({ queryKey: ['clienten'] });
      await qc.invalidateQueries({ queryKey: ['client'] });
      onKlaar(c);
      sluit();
    },
    onError: () => setBevestigen(false),
  });
  const p = 'samenvoegen';
  const fouten = FormErrors.from(m.error, { samenTeVoegenClientId: `${p}-id` }, cf);
  const kandidaten: ClientSamenvatting[] = (resultaten.data?.resultaten ?? []).filter((c) => c.id !== client.id);

  function doorgaan(e: FormEvent) {
    e.preventDefault();
    const id = gekozen?.id ?? handmatig.trim();
    const f = {
      samenTeVoegenClientId: !id ? 'Kies een cliënt of vul het cliëntnummer in.' : id === client.id ? 'Een cliënt kan niet met zichzelf worden samengevoegd.' : undefined,
    };
    setCf(f);
    if (f.samenTeVoegenClientId) return;
    if (!gekozen) setGekozen({ id, naam: `cliëntnummer ${id}` });
    m.reset();
    setBevestigen(true);
  }

  if (bevestigen && gekozen) {
    return (
      <div ref={bevestigRef} tabIndex={-1} className="onderdak-bevestiging" role="group" aria-label="Samenvoegen bevestigen">
        <Alert type="warning" title="Let op: samenvoegen kan niet ongedaan worden gemaakt">
          <p className="utrecht-paragraph">
            De registratie van <strong>{gekozen.naam}</strong> wordt samengevoegd met het dossier van{' '}
            <strong>{client.voornaam} {client.achternaam}</strong>. Dit dossier blijft bestaan; de andere registratie wordt
            gemarkeerd als samengevoegd. De geschiedenis blijft bewaard.
          </p>
        </Alert>
        <ButtonGroup>
          <Button variant="primary" danger onClick={() => m.mutate(gekozen.id)} busy={m.isPending} disabled={m.isPending}>Bevestig samenvoegen</Button>
          <Button variant="subtle" onClick={() => setBevestigen(false)}>Terug</Button>
        </ButtonGroup>
      </div>
    );
  }

  return (
    <div>
      <ErrorSummary errors={fouten.summary()} />
      <form role="search" aria-label="Andere cliënt zoeken" noValidate onSubmit={(e) => { e.preventDefault(); setZoekterm(zoek.trim()); }}>
        <TextField id={`${p}-zoek`} label="Zoek de andere cliënt op naam" type="search" value={zoek} onChange={(e) => setZoek(e.target.value)} />
        <Button type="submit">Zoeken</Button>
      </form>
      {resultaten.isFetching && <Loading />}
      {resultaten.error && <ErrorAlert error={resultaten.error} />}
      <form onSubmit={doorgaan} noValidate aria-labelledby={titelId}>
        {zoekterm && resultaten.data && (
          kandidaten.length === 0 ? <Paragraph>Geen cliënten gevonden.</Paragraph> : (
            <RadioGroup<string>
              idPrefix={p}
              name="kandidaat"
              legend="Kies de cliënt die u wilt samenvoegen"
              value={gekozen?.id ?? ''}
              onChange={(id) => {
                const c = kandidaten.find((k) => k.id === id);
                setGekozen(c ? { id, naam: `${c.voornaam} ${c.achternaam}` } : null);
                setHandmatig('');
              }}
              options={kandidaten.map((c) => ({
                value: c.id,
                label: `${c.voornaam} ${c.achternaam}${c.geboortedatum ? `, geboren ${datum(c.geboortedatum)}` : ''} (${c.id})`,
              }))}
            />
          )
        )}
        <TextField
          id={`${p}-id`}
          label="Of vul het cliëntnummer in"
          optional
          value={handmatig}
          onChange={(e) => { setHandmatig(e.target.value); setGekozen(null); }}
          error={fouten.get('samenTeVoegenClientId')}
        />
        <ButtonGroup>
          <Button type="submit" variant="primary">Doorgaan</Button>
          <Button variant="subtle" onClick={sluit}>Annuleren</Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

export function InzagelogLink({ clientId }: { clientId: string }) {
  return (
    <Link to="/clienten/$clientId/inzagelog" params={{ clientId }} className="utrecht-link">Inzagelog</Link>
  );
}
