// Issue 6 — Vroegsignalering / Vroeg Eropaf: worklist, single signal form, CSV upload with preview, case detail.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../api/client';
import { datum, vandaag } from '../../ui/format';
import {
  Alert, Button, ButtonGroup, DataList, ErrorAlert, ErrorSummary, Heading, Loading, Paragraph, SelectField, StatusBadge,
  Table, TBody, Td, TextareaField, TextField, Th, THead, Tr, RadioGroup, type BadgeStatus,
} from '../../ui/ui';
import { PaginaFout, useTitel } from '../../app/Layout';

// ---------- types (GET/POST /v1/preventiezaken, /v1/signaalbestanden) ----------
interface SignaalKort { id: string; bron: string; bronLabel: string; bronNaam: string; referentie: string; datum: string; bedragAchterstand: number; maandenAchterstand: number }
interface ZaakRegel {
  id: string; status: string; statusLabel: string; uitkomst: string | null; uitkomstLabel: string | null; uitkomstDatum: string | null;
  signaal: SignaalKort; naam: string; adres: string; dagenOud: number; eersteActie: string | null; aantalStappen: number; termijnVerlopen: boolean;
}
interface Zaak {
  id: string; status: string; statusLabel: string; uitkomst: string | null; uitkomstLabel: string | null; uitkomstDatum: string | null;
  signaal: SignaalKort & { voornaam: string; achternaam: string; geboortedatum: string | null; bsn: string | null; postcode: string; huisnummer: string; bestandsregel: number | null };
  bekendeClientId: string | null; dagenOud: number; eersteActie: string | null; binnenTermijn: boolean | null;
  stappen: { id: string; soort: string; soortLabel: string; datum: string; bereikt: boolean | null; uitkomst: string | null; uitkomstLabel: string | null; toelichting: string | null; door: string | null }[];
  mogelijkheden: { contactpoging: boolean; huisbezoek: boolean; afsluiten: boolean; uitkomsten: string[] };
}
interface Rij { rij: number; status: 'geldig' | 'fout' | 'al-ontvangen' | 'opgeslagen'; fouten: { veld: string; reden: string }[]; waarden: Record<string, string> }
interface Voorvertoning {
  id: string; bestandsnaam: string; verwerkt: boolean; bestandsfouten: string[]; aantalRijen: number; aantalGeldig: number; aantalFout: number; aantalAlOntvangen: number;
  rijen: Rij[]; mogelijkheden: { verwerken: boolean };
}
interface Verwerking { aantalOpgeslagen: number; aantalAlOntvangen: number; afgewezen: { rij: number; fouten: { veld: string; reden: string }[] }[] }

const BRONNEN = [
  ['corporatie', 'Woningcorporatie'], ['verhuurder', 'Verhuurder (particulier)'], ['energie', 'Energieleverancier'], ['water', 'Waterbedrijf'], ['zorgverzekeraar', 'Zorgverzekeraar'],
] as const;
export const UITKOMSTEN: Record<string, string> = {
  opgelost: 'Opgelost (betalingsregeling of achterstand betaald)',
  'doorverwezen-schuldhulp': 'Doorverwezen naar schuldhulpverlening',
  'huisuitzetting-voorkomen': 'Huisuitzetting voorkomen',
  huisuitzetting: 'Huisuitzetting',
  'geen-contact': 'Geen contact gekregen',
};
const VELDLABELS: Record<string, string> = {
  bron: 'Bron', bronNaam: 'Melder', referentie: 'Kenmerk', datum: 'Signaaldatum', voornaam: 'Voornaam', achternaam: 'Achternaam', geboortedatum: 'Geboortedatum',
  bsn: 'BSN', postcode: 'Postcode', huisnummer: 'Huisnummer', bedragAchterstand: 'Bedrag', maandenAchterstand: 'Maanden', '(regel)': 'Regel',
};
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

function statusBadge(status: string): BadgeStatus {
  return status === 'afgesloten' ? 'success' : status === 'in-contact' ? 'active' : status === 'benaderd' ? 'warning' : 'neutral';
}

// ---------- /preventie ----------
export function PreventiePage() {
  useTitel('Preventie — vroegsignalering');
  const [status, setStatus] = useState<'open' | 'afgesloten' | 'alle'>('open');
  const [sorteer, setSorteer] = useState<'leeftijd' | 'bedrag'>('leeftijd');
  const lijst = useQuery({
    queryKey: ['preventiezaken', { status, sorteer }],
    queryFn: () => api<{ resultaten: ZaakRegel[] }>(`/v1/preventiezaken${qs({ status, sorteer, paginaGrootte: 200 })}`),
  });
  return (
    <>
      <Heading level={1}>Preventie: vroegsignalering</Heading>
      <Paragraph lead>Signalen van betalingsachterstanden (huur, energie, water, zorgverzekering) worden een Vroeg Eropaf-zaak: contact zoeken, huisbezoek, uitkomst. Doel: nul huisuitzettingen door schulden, elk signaal binnen 2 weken opgepakt.</Paragraph>
      <section aria-labelledby="werklijst-kop">
        <Heading level={2} id="werklijst-kop">Werklijst</Heading>
        <form className="onderdak-filter" onSubmit={(e) => e.preventDefault()} aria-label="Filter werklijst">
          <SelectField id="pz-status" label="Zaken" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="open">Open zaken</option><option value="afgesloten">Afgesloten zaken</option><option value="alle">Alle zaken</option>
          </SelectField>
          <SelectField id="pz-sorteer" label="Volgorde" value={sorteer} onChange={(e) => setSorteer(e.target.value as typeof sorteer)}>
            <option value="leeftijd">Oudste signaal eerst</option><option value="bedrag">Hoogste achterstand eerst</option>
          </SelectField>
        </form>
        {lijst.isPending ? <Loading /> : lijst.error ? <PaginaFout error={lijst.error} /> : lijst.data.resultaten.length === 0 ? <Paragraph>Geen zaken.</Paragraph> : (
          <Table caption={`Preventiezaken (${lijst.data.resultaten.length})`} captionHidden>
            <THead><Tr><Th>Bewoner</Th><Th>Adres</Th><Th>Bron</Th><Th>Signaal</Th><Th numeric>Achterstand</Th><Th>Status</Th><Th>Termijn</Th></Tr></THead>
            <TBody>
              {lijst.data.resultaten.map((z) => (
                <Tr key={z.id}>
                  <Td><Link to="/preventie/$zaakId" params={{ zaakId: z.id }} className="utrecht-link">{z.naam}</Link></Td>
                  <Td>{z.adres}</Td>
                  <Td>{z.signaal.bronNaam} <span className="onderdak-muted">({z.signaal.bronLabel})</span></Td>
                  <Td>{datum(z.signaal.datum)} <span className="onderdak-muted">({z.dagenOud} dagen)</span></Td>
                  <Td numeric>{euro.format(z.signaal.bedragAchterstand)} <span className="onderdak-muted">({z.signaal.maandenAchterstand} mnd)</span></Td>
                  <Td><StatusBadge status={statusBadge(z.status)}>{z.uitkomstLabel ?? z.statusLabel}</StatusBadge></Td>
                  <Td>{z.eersteActie ? `Opgepakt ${datum(z.eersteActie)}` : z.termijnVerlopen ? <StatusBadge status="danger">Over termijn</StatusBadge> : 'Binnen termijn'}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
      <SignaalBestand />
      <SignaalFormulier />
    </>
  );
}

function SignaalBestand() {
  const qc = useQueryClient();
  // The File itself is kept on change and read when sending: reading it in onChange raced a quick click on
  // "Voorvertoning maken" (the file was chosen, but its text not yet read, so the form said no file was chosen).
  const [bestand, setBestand] = useState<File | null>(null);
  const [invoerFout, setInvoerFout] = useState<string | null>(null);
  const voorvertoning = useMutation({
    mutationFn: async (f: File) => api<Voorvertoning>('/v1/signaalbestanden', { method: 'POST', body: { bestandsnaam: f.name, inhoud: await f.text() } }),
  });
  const verwerking = useMutation({
    mutationFn: (id: string) => api<Verwerking>(`/v1/signaalbestanden/${id}/verwerkingen`, { method: 'POST', body: {} }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['preventiezaken'] }),
  });
  const v = voorvertoning.data;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!bestand) { setInvoerFout('Kies een CSV-bestand.'); return; }
    setInvoerFout(null);
    verwerking.reset();
    voorvertoning.mutate(bestand);
  };
  return (
    <section aria-labelledby="csv-kop">
      <Heading level={2} id="csv-kop">Signalen uploaden (CSV)</Heading>
      <Paragraph small>Kopregel: <code>bron;bronnaam;referentie;datum;voornaam;achternaam;geboortedatum;bsn;postcode;huisnummer;bedrag;maanden</code>. Eerst ziet u een voorvertoning met fouten per regel; pas na "Verwerken" worden de goede regels opgeslagen. Een regel die al eerder is ontvangen (zelfde melder en kenmerk) wordt niet dubbel opgeslagen.</Paragraph>
      <form onSubmit={onSubmit} noValidate>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="csv-bestand">CSV-bestand</label>
          <input
            id="csv-bestand" type="file" accept=".csv,text/csv,text/plain" className="utrecht-textbox"
            aria-invalid={invoerFout ? true : undefined} aria-describedby={invoerFout ? 'csv-bestand-fout' : undefined}
            onChange={(e) => setBestand(e.target.files?.[0] ?? null)}
          />
          {invoerFout && <div id="csv-bestand-fout" className="utrecht-form-field-error-message" role="alert">{invoerFout}</div>}
        </div>
        <ButtonGroup><Button type="submit" variant="secondary" busy={voorvertoning.isPending}>Voorvertoning maken</Button></ButtonGroup>
      </form>
      {voorvertoning.error && <ErrorAlert error={voorvertoning.error} />}
      {v && (
        <div className="onderdak-stack">
          <Heading level={3}>Voorvertoning: {v.bestandsnaam}</Heading>
          {v.bestandsfouten.length > 0 && <Alert type={v.aantalRijen ? 'warning' : 'error'} role="alert" title="Problemen met het bestand"><ul className="utrecht-unordered-list">{v.bestandsfouten.map((f) => <li key={f} className="utrecht-unordered-list__item">{f}</li>)}</ul></Alert>}
          <Paragraph>{v.aantalGeldig} {v.aantalGeldig === 1 ? 'regel is' : 'regels zijn'} goed, {v.aantalFout} met fouten, {v.aantalAlOntvangen} al eerder ontvangen.</Paragraph>
          {v.aantalFout > 0 && <Alert type="warning" role="alert" title={`${v.aantalFout} ${v.aantalFout === 1 ? 'regel heeft' : 'regels hebben'} fouten en ${v.aantalFout === 1 ? 'wordt' : 'worden'} niet opgeslagen`}>
            <ul className="utrecht-unordered-list">{v.rijen.filter((r) => r.status === 'fout').map((r) => <li key={r.rij} className="utrecht-unordered-list__item">Regel {r.rij}: {r.fouten.map((f) => `${VELDLABELS[f.veld] ?? f.veld}: ${f.reden}`).join(' ')}</li>)}</ul>
          </Alert>}
          {v.rijen.length > 0 && (
            <Table caption={`Regels van ${v.bestandsnaam}`}>
              <THead><Tr><Th numeric>Regel</Th><Th>Status</Th><Th>Naam</Th><Th>Adres</Th><Th>Melder</Th><Th>Kenmerk</Th><Th>Bedrag</Th><Th>Fouten</Th></Tr></THead>
              <TBody>
                {v.rijen.map((r) => (
                  <Tr key={r.rij}>
                    <Td numeric>{r.rij}</Td>
                    <Td><StatusBadge status={r.status === 'fout' ? 'danger' : r.status === 'al-ontvangen' ? 'neutral' : 'success'}>{r.status === 'fout' ? 'Fout' : r.status === 'al-ontvangen' ? 'Al ontvangen' : 'Goed'}</StatusBadge></Td>
                    <Td>{r.waarden.voornaam} {r.waarden.achternaam}</Td>
                    <Td>{r.waarden.postcode} {r.waarden.huisnummer}</Td>
                    <Td>{r.waarden.bronNaam}</Td>
                    <Td>{r.waarden.referentie}</Td>
                    <Td>{r.waarden.bedragAchterstand}</Td>
                    <Td>{r.fouten.length ? <ul className="utrecht-unordered-list onderdak-compact">{r.fouten.map((f, i) => <li key={i} className="utrecht-unordered-list__item">{VELDLABELS[f.veld] ?? f.veld}: {f.reden}</li>)}</ul> : '—'}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
          {!verwerking.data && v.mogelijkheden.verwerken && (
            <ButtonGroup><Button variant="primary" busy={verwerking.isPending} onClick={() => verwerking.mutate(v.id)}>Verwerken: {v.aantalGeldig} {v.aantalGeldig === 1 ? 'signaal' : 'signalen'} opslaan</Button></ButtonGroup>
          )}
          {verwerking.error && <ErrorAlert error={verwerking.error} />}
          {verwerking.data && (
            <Alert type="ok" role="status" title="Bestand verwerkt">
              <Paragraph>{verwerking.data.aantalOpgeslagen} {verwerking.data.aantalOpgeslagen === 1 ? 'signaal' : 'signalen'} opgeslagen en als zaak op de werklijst gezet; {verwerking.data.aantalAlOntvangen} al eerder ontvangen; {verwerking.data.afgewezen.length} afgewezen ({verwerking.data.afgewezen.map((a) => `regel ${a.rij}`).join(', ') || 'geen'}).</Paragraph>
            </Alert>
          )}
        </div>
      )}
    </section>
  );
}

const LEEG = { bron: 'corporatie', bronNaam: '', referentie: '', datum: '', voornaam: '', achternaam: '', geboortedatum: '', bsn: '', postcode: '', huisnummer: '', bedragAchterstand: '', maandenAchterstand: '' };

function SignaalFormulier() {
  const qc = useQueryClient();
  const [f, setF] = useState({ ...LEEG, datum: vandaag() });
  const opslaan = useMutation({
    mutationFn: () => api<{ zaakId: string }>('/v1/signalen', { method: 'POST', body: { ...f, geboortedatum: f.geboortedatum || null, bsn: f.bsn || null } }),
    onSuccess: () => { setF({ ...LEEG, datum: vandaag() }); void qc.invalidateQueries({ queryKey: ['preventiezaken'] }); },
  });
  const fouten = opslaan.error instanceof ApiError ? opslaan.error.invalidParams : [];
  const fout = (veld: string) => fouten.find((p) => p.name === veld)?.reason;
  const veld = (naam: keyof typeof LEEG, label: string, extra: Record<string, unknown> = {}) => (
    <TextField id={`sig-${naam}`} label={label} value={f[naam]} error={fout(naam)} onChange={(e) => setF({ ...f, [naam]: e.target.value })} {...extra} />
  );
  return (
    <section aria-labelledby="signaal-kop">
      <Heading level={2} id="signaal-kop">Eén signaal vastleggen</Heading>
      <form onSubmit={(e) => { e.preventDefault(); opslaan.mutate(); }} noValidate className="onderdak-form">
        <ErrorSummary errors={fouten.map((p) => ({ id: `sig-${p.name}`, message: p.reason }))} />
        {opslaan.error && !fouten.length && <ErrorAlert error={opslaan.error} />}
        {opslaan.data && <Alert type="ok" role="status" title="Signaal vastgelegd"><Paragraph><Link to="/preventie/$zaakId" params={{ zaakId: opslaan.data.zaakId }} className="utrecht-link">Open de zaak</Link></Paragraph></Alert>}
        <SelectField id="sig-bron" label="Bron" value={f.bron} onChange={(e) => setF({ ...f, bron: e.target.value })}>
          {BRONNEN.map(([c, l]) => <option key={c} value={c}>{l}</option>)}
        </SelectField>
        {veld('bronNaam', 'Naam melder')}
        {veld('referentie', 'Kenmerk van de melder')}
        {veld('datum', 'Signaaldatum', { type: 'date' })}
        {veld('voornaam', 'Voornaam', { autoComplete: 'off' })}
        {veld('achternaam', 'Achternaam', { autoComplete: 'off' })}
        {veld('geboortedatum', 'Geboortedatum', { type: 'date', optional: true })}
        {veld('bsn', 'BSN', { optional: true, inputMode: 'numeric', autoComplete: 'off' })}
        {veld('postcode', 'Postcode', { description: 'Bijvoorbeeld 3311AB' })}
        {veld('huisnummer', 'Huisnummer')}
        {veld('bedragAchterstand', 'Bedrag achterstand (euro)', { inputMode: 'decimal' })}
        {veld('maandenAchterstand', 'Maanden achterstand', { inputMode: 'numeric' })}
        <ButtonGroup><Button type="submit" variant="primary" busy={opslaan.isPending}>Signaal vastleggen</Button></ButtonGroup>
      </form>
    </section>
  );
}

// ---------- /preventie/$zaakId ----------
export function PreventieZaakPage() {
  const { zaakId } = useParams({ strict: false }) as { zaakId: string };
  const qc = useQueryClient();
  const zaak = useQuery({ queryKey: ['preventiezaak', zaakId], queryFn: () => api<Zaak>(`/v1/preventiezaken/${zaakId}`) });
  useTitel('Preventiezaak');
  const [soort, setSoort] = useState<'contactpoging' | 'huisbezoek' | 'uitkomst'>('contactpoging');
  const [bereikt, setBereikt] = useState<'ja' | 'nee' | ''>('');
  const [uitkomst, setUitkomst] = useState('');
  const [stapDatum, setStapDatum] = useState(vandaag());
  const [toelichting, setToelichting] = useState('');
  const stap = useMutation({
    mutationFn: () => api<Zaak>(`/v1/preventiezaken/${zaakId}/stappen`, { method: 'POST', body: { soort, datum: stapDatum, bereikt: soort === 'uitkomst' ? null : bereikt === '' ? null : bereikt === 'ja', uitkomst: soort === 'uitkomst' ? uitkomst || null : null, toelichting: toelichting || null } }),
    onSuccess: (z) => { qc.setQueryData(['preventiezaak', zaakId], z); void qc.invalidateQueries({ queryKey: ['preventiezaken'] }); setToelichting(''); setBereikt(''); setUitkomst(''); },
  });
  if (zaak.isPending) return <Loading />;
  if (zaak.error) return <PaginaFout error={zaak.error} />;
  const z = zaak.data;
  const s = z.signaal;
  const m = z.mogelijkheden;
  const fouten = stap.error instanceof ApiError ? stap.error.invalidParams : [];
  const kanStap = m.contactpoging || m.huisbezoek || m.afsluiten;
  return (
    <>
      <Paragraph><Link to="/preventie" className="utrecht-link">← Werklijst preventie</Link></Paragraph>
      <Heading level={1}>Preventiezaak {s.voornaam} {s.achternaam}</Heading>
      <Paragraph><StatusBadge status={statusBadge(z.status)}>{z.uitkomstLabel ?? z.statusLabel}</StatusBadge>{' '}
        {z.eersteActie ? (z.binnenTermijn ? `Binnen 2 weken opgepakt (${datum(z.eersteActie)}).` : `Opgepakt op ${datum(z.eersteActie)}, na de termijn van 2 weken.`) : `${z.dagenOud} dagen sinds het signaal, nog geen contact of huisbezoek.`}</Paragraph>
      {z.bekendeClientId && <Alert type="warning" title="Deze persoon is bekend bij de opvang"><Paragraph><Link to="/clienten/$clientId" params={{ clientId: z.bekendeClientId }} className="utrecht-link">Open het dossier</Link></Paragraph></Alert>}
      <section aria-labelledby="sig-kop">
        <Heading level={2} id="sig-kop">Signaal</Heading>
        <DataList items={[
          ['Bron', `${s.bronNaam} (${s.bronLabel})`], ['Kenmerk', s.referentie], ['Signaaldatum', datum(s.datum)],
          ['Achterstand', `${euro.format(s.bedragAchterstand)} (${s.maandenAchterstand} maanden)`], ['Adres', `${s.postcode} ${s.huisnummer}`],
          ['Geboortedatum', s.geboortedatum ? datum(s.geboortedatum) : '—'], ['BSN', s.bsn ?? '—'],
        ]} />
      </section>
      <section aria-labelledby="stappen-kop">
        <Heading level={2} id="stappen-kop">Stappen</Heading>
        {z.stappen.length === 0 ? <Paragraph>Nog geen stappen.</Paragraph> : (
          <Table caption="Stappen" captionHidden>
            <THead><Tr><Th>Datum</Th><Th>Stap</Th><Th>Resultaat</Th><Th>Toelichting</Th><Th>Door</Th></Tr></THead>
            <TBody>
              {z.stappen.map((st) => <Tr key={st.id}><Td>{datum(st.datum)}</Td><Td>{st.soortLabel}</Td><Td>{st.uitkomstLabel ?? (st.bereikt ? 'Bereikt' : 'Niet bereikt')}</Td><Td>{st.toelichting ?? '—'}</Td><Td>{st.door ?? '—'}</Td></Tr>)}
            </TBody>
          </Table>
        )}
      </section>
      {kanStap && (
        <section aria-labelledby="stap-kop">
          <Heading level={2} id="stap-kop">Stap vastleggen</Heading>
          <form onSubmit={(e) => { e.preventDefault(); stap.mutate(); }} noValidate className="onderdak-form">
            <ErrorSummary errors={fouten.map((p) => ({ id: `stap-${p.name}`, message: p.reason }))} />
            {stap.error && !fouten.length && <ErrorAlert error={stap.error} />}
            <SelectField id="stap-soort" label="Soort stap" value={soort} onChange={(e) => setSoort(e.target.value as typeof soort)}>
              {m.contactpoging && <option value="contactpoging">Contactpoging (telefoon, brief, mail)</option>}
              {m.huisbezoek && <option value="huisbezoek">Huisbezoek</option>}
              {m.afsluiten && <option value="uitkomst">Uitkomst (zaak afsluiten)</option>}
            </SelectField>
            <TextField id="stap-datum" type="date" label="Datum" value={stapDatum} max={vandaag()} onChange={(e) => setStapDatum(e.target.value)} error={fouten.find((p) => p.name === 'datum')?.reason} />
            {soort !== 'uitkomst' ? (
              <RadioGroup idPrefix="stap" name="bereikt" legend="Is de bewoner bereikt?" value={bereikt} onChange={setBereikt} options={[{ value: 'ja', label: 'Ja' }, { value: 'nee', label: 'Nee' }]} error={fouten.find((p) => p.name === 'bereikt')?.reason} />
            ) : (
              <SelectField id="stap-uitkomst" label="Uitkomst" value={uitkomst} onChange={(e) => setUitkomst(e.target.value)} error={fouten.find((p) => p.name === 'uitkomst')?.reason}>
                <option value="">Kies een uitkomst</option>
                {m.uitkomsten.map((u) => <option key={u} value={u}>{UITKOMSTEN[u] ?? u}</option>)}
              </SelectField>
            )}
            <TextareaField id="stap-toelichting" label="Toelichting" optional value={toelichting} onChange={(e) => setToelichting(e.target.value)} />
            <ButtonGroup><Button type="submit" variant="primary" busy={stap.isPending}>Stap vastleggen</Button></ButtonGroup>
          </form>
        </section>
      )}
    </>
  );
}
