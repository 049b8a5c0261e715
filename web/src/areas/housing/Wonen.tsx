// Issue 5 — van opvang naar wonen: woonplekken registreren (corporatie), cliënten woonklaar melden, gerangschikte
// passende woonplekken met uitleg, aanbieden, de stappen van een aanbieding, het batchvoorstel, Housing First en
// prestatieafspraken.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useSearch } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs, type ClientSamenvatting, type Pagina } from '../../api/client';
import { datum, vandaag } from '../../ui/format';
import { Alert, Button, ButtonGroup, ErrorAlert, FormErrors, Heading, Loading, Paragraph, SelectField, StatusBadge, Table, TBody, Td, TextField, Th, THead, Tr, UnorderedList } from '../../ui/ui';
import { useGebruiker, useReferentie } from '../../api/queries';
import { useTitel } from '../../app/Layout';

interface Woonplek {
  id: string; corporatieNaam: string | null; type: string; typeLabel: string; adres: string; gemeente: string; gemeentecode: string; kamers: number; oppervlakte: number; huur: number;
  beschikbaarVanaf: string; huishoudenMin: number; huishoudenMax: number; ondersteuningLabel: string; status: string; mogelijkheden: { kandidatenZien: boolean; aanbieden: boolean };
}
interface Kandidaat { id: string; clientId: string; naam: string; huishoudgrootte: number; nettoInkomen: number; ondersteuningLabel: string; urgentie: string; woonklaarSinds: string; wachtdagen: number; status: string; voorkeursgemeenten: { naam: string }[] }
interface Onderdeel { code: string; label: string; punten: number }
interface Match { rang: number; score: number; uitleg: string; onderdelen: Onderdeel[]; nettoWoonlast: number; maximaleWoonlast: number }
interface Aanbieding {
  id: string; status: string; aangebodenOp: string; redenAfwijzing: string | null; verhuisdOp: string | null;
  woonplek: { id: string; adres: string; type: string };
  kandidaat: { naam: string; huishoudgrootte: number; ondersteuning: string; contact?: { telefoon: string | null; email: string | null } };
  mogelijkheden: Record<string, boolean>;
}

const euro = (n: number) => `€ ${n.toLocaleString('nl-NL', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
const STAP_LABEL: Record<string, string> = { geaccepteerd: 'Geaccepteerd', afgewezen: 'Afgewezen', ingetrokken: 'Intrekken', 'contract-getekend': 'Contract getekend', verhuisd: 'Verhuisd' };
const TYPES = [['corporatie', 'Reguliere corporatiewoning'], ['housing-first', 'Housing First-woning'], ['skaeve-huse', 'Skaeve Huse'], ['tussenvoorziening', 'Tussenvoorziening'], ['onder-de-pannen', 'Kamer bij gastgezin (Onder de Pannen / Kamers met Aandacht)']];
const STEUN = [['geen', 'Geen begeleiding'], ['licht', 'Licht ambulant'], ['intensief', 'Intensief ambulant'], ['housing-first', 'Housing First']];

// Each role's sections, as sub-pages addressed by ?onderdeel= so a link or the back button lands on the same one.
type WonenOnderdeel = { id: string; label: string; aantal?: (d: Tellingen) => number | null; eenheid?: string; inhoud: () => ReactNode };
interface Tellingen { kandidaten?: Kandidaat[]; woonplekken?: Woonplek[]; aanbiedingen?: Aanbieding[] }
const LOPEND = new Set(['aangeboden', 'geaccepteerd', 'contract-getekend']);
const ONDERDELEN: Record<string, WonenOnderdeel[]> = {
  toegang: [
    { id: 'kandidaten', label: 'Woonklare cliënten', aantal: (d) => d.kandidaten?.length ?? null, inhoud: () => <><Nieuw knop="Cliënt woonklaar melden">{(sluit) => <WoonklaarForm sluit={sluit} />}</Nieuw><Kandidaten /></> },
    { id: 'woonplekken', label: 'Woonplekken', eenheid: 'vrij', aantal: (d) => d.woonplekken?.filter((w) => w.status === 'beschikbaar').length ?? null, inhoud: () => <Woonplekken /> },
    { id: 'aanbiedingen', label: 'Aanbiedingen', eenheid: 'lopend', aantal: (d) => d.aanbiedingen?.filter((a) => LOPEND.has(a.status)).length ?? null, inhoud: () => <Aanbiedingen /> },
    { id: 'toewijzing', label: 'Beste toewijzing', inhoud: () => <Batch /> },
    { id: 'afspraken', label: 'Housing First en prestatieafspraken', inhoud: () => <><HousingFirst /><Prestatieafspraken /></> },
  ],
  corporatie: [
    { id: 'woonplekken', label: 'Woonplekken', eenheid: 'vrij', aantal: (d) => d.woonplekken?.filter((w) => w.status === 'beschikbaar').length ?? null, inhoud: () => <><Nieuw knop="Nieuwe woning registreren">{(sluit) => <WoningForm sluit={sluit} />}</Nieuw><Woonplekken /></> },
    { id: 'aanbiedingen', label: 'Aanbiedingen', eenheid: 'lopend', aantal: (d) => d.aanbiedingen?.filter((a) => LOPEND.has(a.status)).length ?? null, inhoud: () => <Aanbiedingen /> },
  ],
};
const kandidatenQuery = { queryKey: ['wonen', 'kandidaten'], queryFn: () => api<{ resultaten: Kandidaat[] }>('/v1/woonkandidaten') };
const woonplekkenQuery = { queryKey: ['wonen', 'woonplekken'], queryFn: () => api<{ resultaten: Woonplek[] }>('/v1/woonplekken') };
const aanbiedingenQuery = { queryKey: ['wonen', 'aanbiedingen'], queryFn: () => api<{ resultaten: Aanbieding[] }>('/v1/aanbiedingen') };

export function WonenPage() {
  useTitel('Wonen');
  const g = useGebruiker();
  const search = useSearch({ from: '/app/wonen' });
  const onderdelen = ONDERDELEN[g.rol];
  if (!onderdelen) {
    return <><Heading level={1}>Van opvang naar wonen</Heading><HousingFirst /><Prestatieafspraken /></>;
  }
  const actief = onderdelen.find((o) => o.id === search.onderdeel) ?? onderdelen[0]!;
  return (
    <>
      <Heading level={1}>Van opvang naar wonen</Heading>
      <OnderdeelMenu onderdelen={onderdelen} actief={actief.id} kandidaten={g.rol === 'toegang'} />
      {actief.inhoud()}
    </>
  );
}

function OnderdeelMenu({ onderdelen, actief, kandidaten }: { onderdelen: WonenOnderdeel[]; actief: string; kandidaten: boolean }) {
  // the same queries as the sections (shared cache), so the counts and the lists never disagree
  const k = useQuery({ ...kandidatenQuery, enabled: kandidaten });
  const w = useQuery(woonplekkenQuery);
  const a = useQuery(aanbiedingenQuery);
  const tellingen: Tellingen = { kandidaten: k.data?.resultaten, woonplekken: w.data?.resultaten, aanbiedingen: a.data?.resultaten };
  return (
    <nav aria-label="Onderdelen van Wonen" className="onderdak-subnav">
      <ul className="onderdak-subnav__list">
        {onderdelen.map((o) => {
          const n = o.aantal?.(tellingen);
          return (
            <li key={o.id}>
              <Link to="/wonen" search={{ onderdeel: o.id }} className="onderdak-subnav__link" aria-current={o.id === actief ? 'page' : undefined}>
                {o.label}{n !== undefined && n !== null && <span className="onderdak-subnav__aantal"> ({n}{o.eenheid ? ` ${o.eenheid}` : ''})</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** A form behind a button, so a list page opens with its list; the form closes with Sluiten or Escape. */
function Nieuw({ knop, children }: { knop: string; children: (sluit: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const knopRef = useRef<HTMLButtonElement>(null);
  const eerder = useRef(false);
  useEffect(() => { if (!open && eerder.current) knopRef.current?.focus(); eerder.current = true; }, [open]);
  if (!open) return <ButtonGroup><Button ref={knopRef} variant="primary" aria-expanded={false} onClick={() => setOpen(true)}>{knop}</Button></ButtonGroup>;
  return <div className="onderdak-card" onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>{children(() => setOpen(false))}</div>;
}

function WoningForm({ sluit }: { sluit: () => void }) {
  const qc = useQueryClient();
  const ref = useReferentie();
  const [f, setF] = useState({ type: 'corporatie', adres: '', postcode: '', gemeentecode: '', kamers: '1', oppervlakte: '40', huur: '550', beschikbaarVanaf: vandaag(), huishoudenMax: '1', ondersteuning: 'licht' });
  const [ok, setOk] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () => api<Woonplek>('/v1/woonplekken', { method: 'POST', body: { ...f, postcode: f.postcode || null, kamers: Number(f.kamers), oppervlakte: Number(f.oppervlakte), huur: Number(f.huur), huishoudenMin: 1, huishoudenMax: Number(f.huishoudenMax) } }),
    onSuccess: async (w) => { setOk(`Woning ${w.adres} is geregistreerd en beschikbaar.`); await qc.invalidateQueries({ queryKey: ['wonen'] }); },
  });
  const fe = FormErrors.from(m.error);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <section aria-labelledby="woning-nieuw">
      <h2 id="woning-nieuw" className="utrecht-heading-2" ref={useFocusOnMount<HTMLHeadingElement>()} tabIndex={-1}>Woning registreren</h2>
      {ok && <Alert type="ok" role="status">{ok}</Alert>}
      <form onSubmit={(e) => { e.preventDefault(); setOk(null); m.mutate(); }} noValidate>
        {fe.general.length > 0 && <ErrorAlert error={m.error} />}
        <SelectField id="w-type" label="Type woonplek" value={f.type} error={fe.get('type')} onChange={set('type')}>{TYPES.map(([c, l]) => <option key={c} value={c}>{l}</option>)}</SelectField>
        <TextField id="w-adres" label="Adres" value={f.adres} error={fe.get('adres')} onChange={set('adres')} />
        <TextField id="w-postcode" label="Postcode" optional value={f.postcode} error={fe.get('postcode')} onChange={set('postcode')} />
        <SelectField id="w-gemeente" label="Gemeente" value={f.gemeentecode} error={fe.get('gemeentecode')} onChange={set('gemeentecode')}>
          <option value="">Kies een gemeente</option>{ref.data?.gemeenten.map((x) => <option key={x.code} value={x.code}>{x.naam}</option>)}
        </SelectField>
        <TextField id="w-kamers" type="number" label="Aantal kamers" value={f.kamers} error={fe.get('kamers')} onChange={set('kamers')} />
        <TextField id="w-m2" type="number" label="Oppervlakte (m²)" value={f.oppervlakte} error={fe.get('oppervlakte')} onChange={set('oppervlakte')} />
        <TextField id="w-huur" type="number" label="Kale huur per maand (€)" value={f.huur} error={fe.get('huur')} onChange={set('huur')} />
        <TextField id="w-vanaf" type="date" label="Beschikbaar vanaf" value={f.beschikbaarVanaf} error={fe.get('beschikbaarVanaf')} onChange={set('beschikbaarVanaf')} />
        <TextField id="w-hhmax" type="number" label="Geschikt voor maximaal (personen)" value={f.huishoudenMax} error={fe.get('huishoudenMax')} onChange={set('huishoudenMax')} />
        <SelectField id="w-steun" label="Beschikbare ondersteuning" value={f.ondersteuning} error={fe.get('ondersteuning')} onChange={set('ondersteuning')}>{STEUN.map(([c, l]) => <option key={c} value={c}>{l}</option>)}</SelectField>
        <ButtonGroup><Button type="submit" variant="primary" busy={m.isPending}>Woning registreren</Button><Button variant="secondary" onClick={sluit}>Sluiten</Button></ButtonGroup>
      </form>
    </section>
  );
}

function Woonplekken() {
  const q = useQuery(woonplekkenQuery);
  const [open, setOpen] = useState<string | null>(null);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <section aria-labelledby="woonplekken">
      <Heading level={2} id="woonplekken">Woonplekken</Heading>
      <Table caption="Woonplekken" captionHidden>
        <THead><Tr><Th>Adres</Th><Th>Type</Th><Th>Gemeente</Th><Th numeric>Huur</Th><Th>Voor</Th><Th>Ondersteuning</Th><Th>Status</Th><Th>Actie</Th></Tr></THead>
        <TBody>
          {q.data.resultaten.map((w) => (
            <Tr key={w.id}>
              <Td>{w.adres}{w.corporatieNaam ? ` (${w.corporatieNaam})` : ''}</Td><Td>{w.typeLabel}</Td><Td>{w.gemeente}</Td><Td numeric>{euro(w.huur)}</Td>
              <Td>{w.huishoudenMin === w.huishoudenMax ? w.huishoudenMax : `${w.huishoudenMin}–${w.huishoudenMax}`} pers., {w.kamers} kamer(s)</Td><Td>{w.ondersteuningLabel}</Td>
              <Td><StatusBadge status={w.status === 'beschikbaar' ? 'success' : w.status === 'aangeboden' ? 'warning' : 'neutral'}>{w.status}</StatusBadge></Td>
              <Td>{w.mogelijkheden.kandidatenZien && <Button variant="subtle" onClick={() => setOpen(open === w.id ? null : w.id)} aria-expanded={open === w.id}>Kandidaten</Button>}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {open && <KandidatenBijWoonplek id={open} />}
    </section>
  );
}

function KandidatenBijWoonplek({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['wonen', 'kandidaten-bij', id], queryFn: () => api<{ woonplek: Woonplek; resultaten: (Match & { kandidaat: Kandidaat })[]; nietPassend: number }>(`/v1/woonplekken/${id}/kandidaten`) });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <section aria-labelledby={`kb-${id}`}>
      <Heading level={3} id={`kb-${id}`}>Passende kandidaten voor {q.data.woonplek.adres}</Heading>
      <Paragraph small>{q.data.nietPassend} woonklare cliënten voldoen niet aan de harde eisen.</Paragraph>
      <ol>{q.data.resultaten.map((r) => <li key={r.kandidaat.id}><strong>{r.kandidaat.naam}</strong> — {r.uitleg} <AanbiedKnop woonplekId={id} kandidaatId={r.kandidaat.id} /></li>)}</ol>
    </section>
  );
}

function AanbiedKnop({ woonplekId, kandidaatId }: { woonplekId: string; kandidaatId: string }) {
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => api('/v1/aanbiedingen', { method: 'POST', body: { woonplekId, kandidaatId, datum: vandaag() } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['wonen'] }),
  });
  if (m.isSuccess) return <StatusBadge status="success">Aangeboden</StatusBadge>;
  return <>{m.error ? <ErrorAlert error={m.error} /> : null}<Button variant="secondary" busy={m.isPending} onClick={() => m.mutate()}>Aanbieden</Button></>;
}

function WoonklaarForm({ sluit }: { sluit: () => void }) {
  const qc = useQueryClient();
  const ref = useReferentie();
  const [zoek, setZoek] = useState('');
  const clienten = useQuery({ queryKey: ['wonen', 'clienten', zoek], queryFn: () => api<Pagina<ClientSamenvatting>>(`/v1/clienten${qs({ zoek: zoek || undefined, paginaGrootte: 50 })}`), enabled: zoek.length >= 2 });
  const [f, setF] = useState({ clientId: '', huishoudgrootte: '1', nettoInkomen: '', ondersteuning: 'licht', voorkeursgemeente: '', netwerkgemeente: '', urgentie: 'normaal', woonklaarSinds: vandaag() });
  const [ok, setOk] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () => api<Kandidaat>('/v1/woonkandidaten', { method: 'POST', body: {
      clientId: f.clientId, huishoudgrootte: Number(f.huishoudgrootte), nettoInkomen: Number(f.nettoInkomen), ondersteuning: f.ondersteuning,
      voorkeursgemeenten: f.voorkeursgemeente ? [f.voorkeursgemeente] : [], netwerkgemeente: f.netwerkgemeente || null, urgentie: f.urgentie, woonklaarSinds: f.woonklaarSinds,
    } }),
    onSuccess: async (k) => { setOk(`${k.naam} staat nu als woonklaar geregistreerd.`); await qc.invalidateQueries({ queryKey: ['wonen'] }); },
  });
  const fe = FormErrors.from(m.error);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  // every match of the search; the server refuses (409) a client without an open trajectory, with a Dutch reason
  const inOpvang = (clienten.data?.resultaten ?? []).filter((c) => c.status !== 'uitgestroomd');
  return (
    <section aria-labelledby="woonklaar">
      <h2 id="woonklaar" className="utrecht-heading-2" ref={useFocusOnMount<HTMLHeadingElement>()} tabIndex={-1}>Cliënt woonklaar melden</h2>
      {ok && <Alert type="ok" role="status">{ok}</Alert>}
      <TextField id="wk-zoek" label="Cliënt zoeken (naam)" value={zoek} onChange={(e) => setZoek(e.target.value)} />
      <form onSubmit={(e) => { e.preventDefault(); setOk(null); m.mutate(); }} noValidate>
        {fe.general.length > 0 && <ErrorAlert error={m.error} />}
        <SelectField id="wk-client" label="Cliënt" value={f.clientId} error={fe.get('clientId')} onChange={set('clientId')}>
          <option value="">Kies een cliënt</option>{inOpvang.map((c) => <option key={c.id} value={c.id}>{c.voornaam} {c.achternaam}{c.huidigeLocatie ? ` — ${c.huidigeLocatie}` : ''}</option>)}
        </SelectField>
        <TextField id="wk-hh" type="number" label="Huishoudgrootte" value={f.huishoudgrootte} error={fe.get('huishoudgrootte')} onChange={set('huishoudgrootte')} />
        <TextField id="wk-inkomen" type="number" label="Netto maandinkomen (€)" value={f.nettoInkomen} error={fe.get('nettoInkomen')} onChange={set('nettoInkomen')} />
        <SelectField id="wk-steun" label="Benodigde ondersteuning" value={f.ondersteuning} error={fe.get('ondersteuning')} onChange={set('ondersteuning')}>{STEUN.map(([c, l]) => <option key={c} value={c}>{l}</option>)}</SelectField>
        <SelectField id="wk-voorkeur" label="Voorkeursgemeente" optional value={f.voorkeursgemeente} error={fe.get('voorkeursgemeenten')} onChange={set('voorkeursgemeente')}>
          <option value="">Geen voorkeur</option>{ref.data?.gemeenten.map((x) => <option key={x.code} value={x.code}>{x.naam}</option>)}
        </SelectField>
        <SelectField id="wk-netwerk" label="Gemeente van het netwerk" optional value={f.netwerkgemeente} error={fe.get('netwerkgemeente')} onChange={set('netwerkgemeente')}>
          <option value="">Onbekend</option>{ref.data?.gemeenten.map((x) => <option key={x.code} value={x.code}>{x.naam}</option>)}
        </SelectField>
        <SelectField id="wk-urgentie" label="Urgentie" value={f.urgentie} error={fe.get('urgentie')} onChange={set('urgentie')}><option value="normaal">Normaal</option><option value="hoog">Hoog</option><option value="urgent">Urgent</option></SelectField>
        <TextField id="wk-sinds" type="date" label="Woonklaar sinds" value={f.woonklaarSinds} error={fe.get('woonklaarSinds')} onChange={set('woonklaarSinds')} />
        <ButtonGroup><Button type="submit" variant="primary" busy={m.isPending}>Woonklaar melden</Button><Button variant="secondary" onClick={sluit}>Sluiten</Button></ButtonGroup>
      </form>
    </section>
  );
}

function Kandidaten() {
  const q = useQuery(kandidatenQuery);
  const [open, setOpen] = useState<string | null>(null);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <section aria-labelledby="kandidaten">
      <Heading level={2} id="kandidaten">Woonklare cliënten</Heading>
      <Table caption="Woonklare cliënten, langst wachtend eerst" captionHidden>
        <THead><Tr><Th>Naam</Th><Th numeric>Huishouden</Th><Th numeric>Inkomen</Th><Th>Ondersteuning</Th><Th>Urgentie</Th><Th>Woonklaar sinds</Th><Th>Actie</Th></Tr></THead>
        <TBody>
          {q.data.resultaten.map((k) => (
            <Tr key={k.id}>
              <Td>{k.naam}</Td><Td numeric>{k.huishoudgrootte}</Td><Td numeric>{euro(k.nettoInkomen)}</Td><Td>{k.ondersteuningLabel}</Td><Td>{k.urgentie}</Td>
              <Td>{datum(k.woonklaarSinds)} ({k.wachtdagen} dagen)</Td>
              <Td><Button variant="subtle" aria-expanded={open === k.id} onClick={() => setOpen(open === k.id ? null : k.id)}>Passende woonplekken van {k.naam}</Button></Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {open && <WoonplekkenBijKandidaat id={open} />}
    </section>
  );
}

function WoonplekkenBijKandidaat({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['wonen', 'woonplekken-bij', id], queryFn: () => api<{ kandidaat: Kandidaat; resultaten: (Match & { woonplek: Woonplek })[]; nietPassend: { woonplekId: string; adres: string; redenen: string[] }[]; regels: { hardeEisen: string[] } }>(`/v1/woonkandidaten/${id}/woonplekken`) });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  return (
    <section aria-labelledby={`wb-${id}`}>
      <Heading level={3} id={`wb-${id}`}>Passende woonplekken voor {d.kandidaat.naam}</Heading>
      {d.resultaten.length === 0 ? <Paragraph>Geen vrije woonplek voldoet aan de harde eisen.</Paragraph> : (
        <ol aria-label={`Woonplekken voor ${d.kandidaat.naam} op volgorde van passendheid`}>
          {d.resultaten.map((r) => (
            <li key={r.woonplek.id} data-testid="match">
              <strong>{r.woonplek.adres}</strong> ({r.woonplek.gemeente}, {euro(r.woonplek.huur)}) — <span className="onderdak-uitleg">{r.uitleg}</span>{' '}
              <AanbiedKnop woonplekId={r.woonplek.id} kandidaatId={id} />
            </li>
          ))}
        </ol>
      )}
      {d.nietPassend.length > 0 && (
        <details><summary>Niet passend ({d.nietPassend.length})</summary><UnorderedList>{d.nietPassend.map((n) => <li key={n.woonplekId}>{n.adres}: {n.redenen.join(' ')}</li>)}</UnorderedList></details>
      )}
      <details><summary>Hoe wordt er gematcht?</summary><UnorderedList>{d.regels.hardeEisen.map((r) => <li key={r}>{r}</li>)}</UnorderedList></details>
    </section>
  );
}

function Aanbiedingen() {
  const q = useQuery(aanbiedingenQuery);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <section aria-labelledby="aanbiedingen">
      <Heading level={2} id="aanbiedingen">Aanbiedingen</Heading>
      {q.data.resultaten.length === 0 ? <Paragraph>Nog geen aanbiedingen.</Paragraph> : (
        <Table caption="Aanbiedingen" captionHidden>
          <THead><Tr><Th>Woning</Th><Th>Kandidaat</Th><Th>Aangeboden</Th><Th>Status</Th><Th>Volgende stap</Th></Tr></THead>
          <TBody>{q.data.resultaten.map((a) => (
            <Tr key={a.id}>
              <Td>{a.woonplek.adres}</Td>
              <Td>{a.kandidaat.naam} ({a.kandidaat.huishoudgrootte} pers., {a.kandidaat.ondersteuning}){a.kandidaat.contact && <><br />{[a.kandidaat.contact.telefoon, a.kandidaat.contact.email].filter(Boolean).join(' · ')}</>}</Td>
              <Td>{datum(a.aangebodenOp)}</Td>
              <Td>{a.status}{a.redenAfwijzing ? `: ${a.redenAfwijzing}` : ''}</Td>
              <Td><Stappen a={a} /></Td>
            </Tr>
          ))}</TBody>
        </Table>
      )}
    </section>
  );
}

function Stappen({ a }: { a: Aanbieding }) {
  const qc = useQueryClient();
  const [reden, setReden] = useState('');
  const m = useMutation({
    mutationFn: (reactie: string) => api(`/v1/aanbiedingen/${a.id}/reacties`, { method: 'POST', body: { reactie, datum: vandaag(), reden: reden || null } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['wonen'] }),
  });
  const stappen = Object.entries(a.mogelijkheden).filter(([, v]) => v).map(([k]) => k);
  if (!stappen.length) return null;
  const fe = FormErrors.from(m.error);
  return (
    <>
      {fe.general.length > 0 && <ErrorAlert error={m.error} />}
      {(stappen.includes('afgewezen') || stappen.includes('ingetrokken')) && <TextField id={`reden-${a.id}`} label="Reden (bij afwijzen of intrekken)" optional value={reden} error={fe.get('reden')} onChange={(e) => setReden(e.target.value)} />}
      <ButtonGroup>{stappen.map((s) => <Button key={s} variant={s === 'afgewezen' || s === 'ingetrokken' ? 'subtle' : 'secondary'} busy={m.isPending && m.variables === s} onClick={() => m.mutate(s)}>{STAP_LABEL[s] ?? s}</Button>)}</ButtonGroup>
    </>
  );
}

function Batch() {
  const m = useMutation({ mutationFn: () => api<{ totaleScore: number; gulzigeScore: number; bewezenOptimaal: boolean; eerlijkheidsregel: string; methode: string; voorstellen: { kandidaat: Kandidaat; woonplek: Woonplek; score: number; uitleg: string }[]; zonderWoonplek: { naam: string }[] }>('/v1/toewijzingsvoorstellen', { method: 'POST', body: {} }) });
  return (
    <section aria-labelledby="batch">
      <Heading level={2} id="batch">Beste toewijzing van alle vrije woonplekken</Heading>
      <Paragraph>Berekent de toewijzing met de hoogste totale passendheid (geen gulzige volgorde); er wordt niets opgeslagen.</Paragraph>
      <ButtonGroup><Button variant="primary" busy={m.isPending} onClick={() => m.mutate()}>Voorstel berekenen</Button></ButtonGroup>
      {m.error ? <ErrorAlert error={m.error} /> : null}
      {m.data && (
        <>
          <Paragraph>{m.data.methode} Totale passendheid {m.data.totaleScore} punten (gulzig: {m.data.gulzigeScore}). {m.data.bewezenOptimaal ? 'Bewezen optimaal.' : ''}</Paragraph>
          <Paragraph small>{m.data.eerlijkheidsregel}</Paragraph>
          <Table caption="Voorgestelde koppelingen"><THead><Tr><Th>Kandidaat</Th><Th>Woonplek</Th><Th numeric>Punten</Th><Th>Waarom</Th></Tr></THead>
            <TBody>{m.data.voorstellen.map((v) => <Tr key={v.kandidaat.id}><Td>{v.kandidaat.naam}</Td><Td>{v.woonplek.adres}</Td><Td numeric>{v.score}</Td><Td>{v.uitleg}</Td></Tr>)}</TBody>
          </Table>
          {m.data.zonderWoonplek.length > 0 && <Paragraph>Zonder passende woonplek: {m.data.zonderWoonplek.map((z) => z.naam).join(', ')}.</Paragraph>}
        </>
      )}
    </section>
  );
}

export function HousingFirst() {
  const q = useQuery({ queryKey: ['wonen', 'housing-first'], queryFn: () => api<{ toelichting: string; perGemeente: { gemeente: string; trajecten: number; gestart: number; beschikkingWachtOpWoning: number; inVoorbereiding: number }[]; totaal: { trajecten: number; gestart: number; beschikkingWachtOpWoning: number; inVoorbereiding: number } }>('/v1/rapportages/housing-first') });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <section aria-labelledby="hf">
      <Heading level={2} id="hf">Housing First per gemeente</Heading>
      <Paragraph small>{q.data.toelichting}</Paragraph>
      <Table caption="Housing First-trajecten per gemeente" captionHidden>
        <THead><Tr><Th>Gemeente</Th><Th numeric>Trajecten</Th><Th numeric>Gestart</Th><Th numeric>Beschikking, wacht op woning</Th><Th numeric>In voorbereiding</Th></Tr></THead>
        <TBody>
          {q.data.perGemeente.map((g) => <Tr key={g.gemeente}><Th scope="row">{g.gemeente}</Th><Td numeric>{g.trajecten}</Td><Td numeric>{g.gestart}</Td><Td numeric>{g.beschikkingWachtOpWoning}</Td><Td numeric>{g.inVoorbereiding}</Td></Tr>)}
          <Tr><Th scope="row">Totaal</Th><Td numeric>{q.data.totaal.trajecten}</Td><Td numeric>{q.data.totaal.gestart}</Td><Td numeric>{q.data.totaal.beschikkingWachtOpWoning}</Td><Td numeric>{q.data.totaal.inVoorbereiding}</Td></Tr>
        </TBody>
      </Table>
    </section>
  );
}

function Prestatieafspraken() {
  const [jaar, setJaar] = useState(String(new Date().getFullYear()));
  const q = useQuery({ queryKey: ['wonen', 'prestatieafspraken', jaar], queryFn: () => api<{ afspraken: { corporatie: string; gemeente: string; afgesproken: number; gerealiseerd: number; percentage: number | null }[]; totaal: { afgesproken: number; gerealiseerd: number }; landelijkDoel: { extraWoonplekken: number; toelichting: string } }>(`/v1/prestatieafspraken${qs({ jaar })}`) });
  return (
    <section aria-labelledby="pa">
      <Heading level={2} id="pa">Prestatieafspraken</Heading>
      <SelectField id="pa-jaar" label="Jaar" value={jaar} onChange={(e) => setJaar(e.target.value)}>{[2024, 2025, 2026, 2027].map((y) => <option key={y} value={y}>{y}</option>)}</SelectField>
      {q.isPending ? <Loading /> : q.error ? <ErrorAlert error={q.error} /> : (
        <>
          <Table caption={`Afgesproken extra woonplekken en realisatie ${jaar}`} captionHidden>
            <THead><Tr><Th>Corporatie</Th><Th>Gemeente</Th><Th numeric>Afgesproken</Th><Th numeric>Gerealiseerd</Th><Th numeric>%</Th></Tr></THead>
            <TBody>
              {q.data.afspraken.map((a) => <Tr key={a.corporatie + a.gemeente}><Td>{a.corporatie}</Td><Td>{a.gemeente}</Td><Td numeric>{a.afgesproken}</Td><Td numeric>{a.gerealiseerd}</Td><Td numeric>{a.percentage ?? '–'}</Td></Tr>)}
              <Tr><Th scope="row">Totaal</Th><Td /><Td numeric>{q.data.totaal.afgesproken}</Td><Td numeric>{q.data.totaal.gerealiseerd}</Td><Td /></Tr>
            </TBody>
          </Table>
          <Paragraph small>{q.data.landelijkDoel.toelichting}</Paragraph>
        </>
      )}
    </section>
  );
}

/** Moves focus to the element when it mounts (a form that just opened), so keyboard and screen-reader users land in it. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => { ref.current?.focus(); }, []);
  return ref;
}
