// Dashboard maatschappelijke opvang (issue 3): the key figures of domain.md §4 in the Leger des Heils layout
// (periods as columns, figures as rows), trends over the years, origin on a map of the region, causes, exits and
// current occupancy against capacity. Filters: gemeente of origin, household type, age group, facility.
// Policy officers get aggregates only: the API suppresses cells of fewer than 5 persons (shown as "<5").
import { lazy, Suspense, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client';
import { useGebruiker, useReferentie } from '../../api/queries';
import { aandeel, datum, getal, vandaag } from '../../ui/format';
import { Button, ButtonGroup, ErrorSummary, Heading, Loading, Paragraph, SelectField, TextField } from '../../ui/ui';
import { PaginaFout, useTitel } from '../../app/Layout';
import './dashboard.css';
import { TerugvalCijfers } from '../aftercare/TerugvalCijfers';
import { PerspectiefCijfers } from '../perspective/PerspectiefCijfers';
import { WonenCijfers } from '../housing/WonenCijfers';

const Chart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.Chart })));

// ---------- types of /v1/rapportages/* ----------
type Num = number | null;
interface Cijfers {
  aanmeldingen: Num; startTraject: Num; gemiddeldAantalNachten: Num; gemiddeldeDuurTrajectDagen: Num; trajectenBeeindigd: Num; uitgestroomd: Num;
  gemiddeldeBedbezetting: Num; binnenDrieMaandenDoorgestroomd: Num; uitstroomNaarWonen: Num; personenInOpvang: Num;
  herkomst: { herkomst: string; aantal: Num; onderdrukt?: boolean }[];
  herkomstPerGemeente: { gemeentecode: string; aantal: Num; onderdrukt?: boolean }[];
  aanleiding: { aanleiding: string; aantal: Num; onderdrukt?: boolean }[];
  uitstroomPerGroep: { groep: string; label: string; aantal: Num; onderdrukt?: boolean }[];
  onderdrukt: string[];
}
interface Periode extends Cijfers { label: string; van: string; tot: string }
interface Reeks { regio: string; van: string; tot: string; interval: string; perioden: Periode[]; onderdrukkingsgrens: number | null }
interface Kerncijfers extends Cijfers { regio: string; van: string; tot: string; onderdrukkingsgrens: number | null }
interface BezettingLocatie { id: string; naam: string; type: string; nachtopvang: boolean; capaciteit: number; reserve: number; bezet: number; reserveBezet: number; vrij: number; bezettingsgraad: number | null }
interface BezettingRapport { regio: string; peildatum: string; locaties: BezettingLocatie[]; totaal: { capaciteit: number; reserve: number; bezet: number; reserveBezet: number } }

// ---------- search params ----------
export type Soort = 'jaar' | 'halfjaar' | 'kwartaal' | 'maand' | 'aangepast';
export interface DashboardSearch {
  soort?: Soort; jaar?: number; deel?: number; van?: string; tot?: string;
  herkomst?: string; huishouden?: string; leeftijd?: string; locatie?: string;
}
const SOORTEN: { code: Soort; label: string }[] = [
  { code: 'jaar', label: 'Jaar' }, { code: 'halfjaar', label: 'Halfjaar' }, { code: 'kwartaal', label: 'Kwartaal' }, { code: 'maand', label: 'Maand' }, { code: 'aangepast', label: 'Aangepast (van – tot)' },
];
const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const STAP: Record<Exclude<Soort, 'aangepast'>, number> = { jaar: 12, halfjaar: 6, kwartaal: 3, maand: 1 };
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const posInt = (v: unknown) => { const n = Number(v); return Number.isInteger(n) && n > 0 ? n : undefined; };
export function validateDashboardSearch(s: Record<string, unknown>): DashboardSearch {
  const soort = SOORTEN.some((x) => x.code === s.soort) ? (s.soort as Soort) : undefined;
  return { soort, jaar: posInt(s.jaar), deel: posInt(s.deel), van: str(s.van), tot: str(s.tot), herkomst: str(s.herkomst), huishouden: str(s.huishouden), leeftijd: str(s.leeftijd), locatie: str(s.locatie) };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** First day of month m (1-based, may be out of 1..12) of year y. */
function maandStart(y: number, m: number): string {
  const t = y * 12 + (m - 1);
  return `${Math.floor(t / 12)}-${pad((t % 12) + 1)}-01`;
}
function addDay(d: string): string { return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10); }

interface Keuze { soort: Soort; jaar: number; deel: number; van: string; tot: string }
/** The selected period and the range of the table (the selected period and the four before it). */
function perioden(k: Keuze): { van: string; tot: string; tabelVan: string; interval: Exclude<Soort, 'aangepast'> | null; titel: string } {
  if (k.soort === 'aangepast') return { van: k.van, tot: k.tot, tabelVan: k.van, interval: null, titel: `${datum(k.van)} tot ${datum(k.tot)}` };
  const stap = STAP[k.soort];
  const deel = Math.min(k.deel, 12 / stap);
  const m = (deel - 1) * stap + 1;
  const van = maandStart(k.jaar, k.soort === 'jaar' ? 1 : m);
  const titel = k.soort === 'jaar' ? String(k.jaar) : k.soort === 'halfjaar' ? `${deel}e halfjaar ${k.jaar}` : k.soort === 'kwartaal' ? `${deel}e kwartaal ${k.jaar}` : `${MAANDEN[deel - 1]} ${k.jaar}`;
  return { van, tot: maandStart(k.jaar, (k.soort === 'jaar' ? 1 : m) + stap), tabelVan: maandStart(k.jaar, (k.soort === 'jaar' ? 1 : m) - 4 * stap), interval: k.soort, titel };
}

// ---------- figures with their definitions (domain.md §4) ----------
type Soortcijfer = 'aantal' | 'gemiddelde' | 'aandeel';
const CIJFERS: { key: keyof Cijfers; label: string; soort: Soortcijfer; definitie: string }[] = [
  { key: 'aanmeldingen', label: 'Aanmeldingen', soort: 'aantal', definitie: 'Aanmeldingen met een datum in de periode.' },
  { key: 'startTraject', label: 'Waarvan > 3 nachten en start traject', soort: 'aantal', definitie: 'Van deze aanmeldingen: die waarvan de plaatsing in de nachtopvang langer dan 3 nachten duurde en waarbij een traject startte.' },
  { key: 'gemiddeldAantalNachten', label: 'Gemiddeld aantal nachten', soort: 'gemiddelde', definitie: 'Gemiddeld aantal nachten in de opvang per traject dat in de periode eindigde (trajecten met ten minste één verblijf).' },
  { key: 'gemiddeldeDuurTrajectDagen', label: 'Gemiddelde duur traject (dagen)', soort: 'gemiddelde', definitie: 'Gemiddelde duur (einddatum − startdatum, in dagen) van de trajecten die in de periode eindigden.' },
  { key: 'trajectenBeeindigd', label: 'Trajecten beëindigd', soort: 'aantal', definitie: 'Trajecten die in de periode eindigden, met of zonder geregistreerde uitstroom (de noemer van de gemiddelden).' },
  { key: 'uitgestroomd', label: 'Uitgestroomd', soort: 'aantal', definitie: 'Trajecten die in de periode eindigden met een geregistreerde uitstroombestemming.' },
  { key: 'gemiddeldeBedbezetting', label: 'Gemiddelde bedbezetting nachtopvang', soort: 'gemiddelde', definitie: 'Gemiddeld aantal bezette bedden in de nachtopvang over alle nachten van de periode (één bed per verblijf).' },
  { key: 'binnenDrieMaandenDoorgestroomd', label: 'Binnen 3 maanden doorgestroomd', soort: 'aandeel', definitie: 'Aandeel van de beëindigde trajecten met een duur van ten hoogste 91 dagen (de beleidsdoelstelling).' },
  { key: 'uitstroomNaarWonen', label: 'Uitstroom naar wonen', soort: 'aandeel', definitie: 'Aandeel van de uitstroom naar permanente woonruimte (eigen huur- of koopwoning, Housing First, permanent bij familie of vrienden); beschermd wonen telt apart.' },
  { key: 'personenInOpvang', label: 'Personen in opvang', soort: 'aantal', definitie: 'Verschillende cliënten met een verblijf in de periode (het totaal van herkomst en aanleiding).' },
];
const ONDERDRUKT = 'Onderdrukt: minder dan 5 personen (alleen geaggregeerde cijfers).';

function Waarde({ c, k, soort }: { c: Cijfers; k: keyof Cijfers; soort: Soortcijfer }) {
  if (c.onderdrukt.includes(k)) return <span title={ONDERDRUKT} className="onderdak-dashboard__onderdrukt">&lt;5<span className="onderdak-sr-only"> (onderdrukt)</span></span>;
  const v = c[k] as Num;
  return <>{soort === 'aandeel' ? aandeel(v) : getal(v)}</>;
}
const aantalTekst = (x: { aantal: Num; onderdrukt?: boolean }) => (x.onderdrukt ? '<5' : getal(x.aantal));

function Sectie({ id, titel, children, uitleg }: { id: string; titel: string; children: ReactNode; uitleg?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="onderdak-dashboard__sectie">
      <Heading level={2} id={id}>{titel}</Heading>
      {uitleg && <Paragraph small>{uitleg}</Paragraph>}
      {children}
    </section>
  );
}

function GrafiekTabel({ caption, kolommen, rijen }: { caption: string; kolommen: string[]; rijen: { label: string; waarden: string[] }[] }) {
  return (
    <details className="onderdak-dashboard__gegevens">
      <summary>Gegevens van deze grafiek als tabel</summary>
      <div className="utrecht-table-container utrecht-table-container--overflow-inline">
        <div className="utrecht-table-container utrecht-table-container--overflow-inline"><table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption">{caption}</caption>
          <thead className="utrecht-table__header"><tr className="utrecht-table__row"><th scope="col" className="utrecht-table__header-cell">Reeks</th>{kolommen.map((k) => <th key={k} scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{k}</th>)}</tr></thead>
          <tbody className="utrecht-table__body">
            {rijen.map((r) => <tr key={r.label} className="utrecht-table__row"><th scope="row" className="utrecht-table__header-cell">{r.label}</th>{r.waarden.map((w, i) => <td key={i} className="utrecht-table__cell utrecht-table__cell--numeric-data">{w}</td>)}</tr>)}
          </tbody>
        </table></div>
      </div>
    </details>
  );
}

function primair(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--onderdak-primary').trim() || '#00529b';
}
const KLEUREN = () => [primair(), '#c05600', '#2e7d32', '#6a1b9a', '#5f6368'];

export function DashboardPage() {
  useTitel('Dashboard opvang');
  const g = useGebruiker();
  const ref = useReferentie();
  const search = useSearch({ from: '/app/rapportage' }) as DashboardSearch;
  const navigate = useNavigate({ from: '/rapportage' });
  const huidigJaar = Number(vandaag().slice(0, 4));
  const keuze: Keuze = {
    soort: search.soort ?? 'jaar', jaar: search.jaar ?? huidigJaar - 1, deel: search.deel ?? 1,
    van: search.van ?? `${huidigJaar}-01-01`, tot: search.tot ?? vandaag(),
  };
  const filters = { herkomstGemeentecode: search.herkomst, huishouden: search.huishouden, leeftijdsgroep: search.leeftijd, locatieId: search.locatie };
  const [form, setForm] = useState({ ...keuze, herkomst: search.herkomst ?? '', huishouden: search.huishouden ?? '', leeftijd: search.leeftijd ?? '', locatie: search.locatie ?? '' });
  const [fout, setFout] = useState<string | null>(null);
  const p = perioden(keuze);
  const regio = g.tenant.id;

  const tabelQs = p.interval
    ? qs({ regio, van: p.tabelVan, tot: p.tot, interval: p.interval, ...filters })
    : qs({ regio, van: p.van, tot: p.tot, ...filters });
  const tabelPad = p.interval ? `/v1/rapportages/reeksen${tabelQs}` : `/v1/rapportages/kerncijfers${tabelQs}`;
  const tabel = useQuery({
    queryKey: ['dashboard', 'tabel', tabelPad],
    queryFn: async (): Promise<Periode[]> => {
      if (p.interval) return (await api<Reeks>(tabelPad)).perioden;
      const k = await api<Kerncijfers>(tabelPad);
      return [{ ...k, label: `${datum(k.van)} – ${datum(k.tot)}` }];
    },
  });
  const trendTot = addDay(vandaag());
  const trendPad = `/v1/rapportages/reeksen${qs({ regio, van: '2015-01-01', tot: trendTot, interval: 'jaar', ...filters })}`;
  const trend = useQuery({ queryKey: ['dashboard', 'trend', trendPad], queryFn: () => api<Reeks>(trendPad) });
  const bezetting = useQuery({ queryKey: ['dashboard', 'bezetting', regio], queryFn: () => api<BezettingRapport>(`/v1/rapportages/bezetting${qs({ regio })}`) });
  const [kaart, setKaart] = useState(false);
  useEffect(() => { let actief = true; void import('./DashboardCharts').then((m) => m.loadRegionMap(regio)).then((ok) => { if (actief) setKaart(ok); }); return () => { actief = false; }; }, [regio]);

  const gekozen = tabel.data?.[tabel.data.length - 1];
  const aggregaat = g.rol !== 'toegang';

  function toepassen(e: FormEvent) {
    e.preventDefault();
    if (form.soort === 'aangepast' && (!form.van || !form.tot || form.tot <= form.van)) { setFout('Kies een begindatum vóór de einddatum.'); return; }
    setFout(null);
    void navigate({
      search: {
        soort: form.soort, jaar: form.soort === 'aangepast' ? undefined : form.jaar, deel: form.soort === 'aangepast' || form.soort === 'jaar' ? undefined : form.deel,
        van: form.soort === 'aangepast' ? form.van : undefined, tot: form.soort === 'aangepast' ? form.tot : undefined,
        herkomst: form.herkomst || undefined, huishouden: form.huishouden || undefined, leeftijd: form.leeftijd || undefined, locatie: form.locatie || undefined,
      },
    });
  }

  const jaren = Array.from({ length: huidigJaar - 2014 + 1 }, (_, i) => huidigJaar - i);
  const delen = form.soort === 'halfjaar' ? [1, 2] : form.soort === 'kwartaal' ? [1, 2, 3, 4] : form.soort === 'maand' ? MAANDEN.map((_, i) => i + 1) : [];
  const deelLabel = (d: number) => (form.soort === 'maand' ? MAANDEN[d - 1] : form.soort === 'halfjaar' ? `${d}e halfjaar` : `${d}e kwartaal`);
  const gemeenten = ref.data?.gemeenten ?? [];
  const filterTekst = [
    search.herkomst && `herkomst ${gemeenten.find((x) => x.code === search.herkomst)?.naam ?? search.herkomst}`,
    search.huishouden && (search.huishouden === 'gezin' ? 'gezinnen' : 'alleenstaanden'),
    search.leeftijd && `leeftijd ${search.leeftijd.replace('tot-18', 'jonger dan 18').replace('50-plus', '50+')}`,
    search.locatie && `locatie ${bezetting.data?.locaties.find((l) => l.id === search.locatie)?.naam ?? ''}`,
  ].filter(Boolean).join(', ');

  // ---------- chart options ----------
  const trendPerioden = trend.data?.perioden ?? [];
  const jaarLabels = trendPerioden.map((x) => (x.tot === trendTot ? `${x.label} (t/m vandaag)` : x.label));
  const lijn = (reeksen: { naam: string; data: Num[] }[], procent = false) => ({
    color: KLEUREN(),
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v == null ? '—' : procent ? aandeel(v) : getal(v)) },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: jaarLabels, axisLabel: { color: '#1a1a1a' } },
    yAxis: { type: 'value', axisLabel: { color: '#1a1a1a', formatter: procent ? (v: number) => `${Math.round(v * 100)}%` : undefined } },
    series: reeksen.map((r) => ({ type: 'line', name: r.naam, data: r.data, connectNulls: false, symbolSize: 7 })),
    aria: { enabled: true, decal: { show: true } },
  });
  const reeks = (k: keyof Cijfers) => trendPerioden.map((x) => x[k] as Num);
  const fmtReeks = (k: keyof Cijfers, soort: Soortcijfer) => trendPerioden.map((x) => (x.onderdrukt.includes(k) ? '<5' : soort === 'aandeel' ? aandeel(x[k] as Num) : getal(x[k] as Num)));
  const opties = useMemo(() => ({
    volume: lijn([{ naam: 'Aanmeldingen', data: reeks('aanmeldingen') }, { naam: '> 3 nachten en start traject', data: reeks('startTraject') }, { naam: 'Uitgestroomd', data: reeks('uitgestroomd') }]),
    duur: lijn([{ naam: 'Gemiddeld aantal nachten', data: reeks('gemiddeldAantalNachten') }, { naam: 'Gemiddelde duur traject (dagen)', data: reeks('gemiddeldeDuurTrajectDagen') }]),
    bezetting: lijn([{ naam: 'Gemiddelde bedbezetting nachtopvang', data: reeks('gemiddeldeBedbezetting') }]),
    doorstroom: lijn([{ naam: 'Binnen 3 maanden doorgestroomd', data: reeks('binnenDrieMaandenDoorgestroomd') }, { naam: 'Uitstroom naar wonen', data: reeks('uitstroomNaarWonen') }], true),
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [trend.data]);

  const staaf = (labels: string[], data: Num[], naam: string) => ({
    color: [primair()], tooltip: { trigger: 'axis' }, grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { color: '#1a1a1a' } },
    series: [{ type: 'bar', name: naam, data, label: { show: true, position: 'right', color: '#1a1a1a', formatter: (x: { value: number | null }) => (x.value == null ? '<5' : getal(x.value)) } }],
    aria: { enabled: true, decal: { show: true } },
  });
  const kaartOptie = useMemo(() => {
    const perCode = new Map((gekozen?.herkomstPerGemeente ?? []).map((h) => [h.gemeentecode, h]));
    const data = gemeenten.map((m) => ({ name: m.naam, value: perCode.get(m.code)?.aantal ?? (perCode.get(m.code)?.onderdrukt ? null : 0) }));
    const max = Math.max(1, ...data.map((d) => d.value ?? 0));
    return {
      tooltip: { trigger: 'item', formatter: (x: { name: string; value: number | null }) => `${x.name}: ${x.value == null || Number.isNaN(x.value) ? '<5 (onderdrukt)' : getal(x.value)} cliënten` },
      visualMap: { min: 0, max, left: 0, bottom: 0, text: ['meer', 'minder'], inRange: { color: ['#e8f0f8', primair()] }, calculable: false },
      series: [{ type: 'map', map: regio, roam: false, nameProperty: 'name', label: { show: true, fontSize: 10, color: '#1a1a1a' }, data }],
      aria: { enabled: true },
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gekozen, gemeenten, kaart]);
  const bezettingOptie = useMemo(() => {
    const l = bezetting.data?.locaties ?? [];
    return {
      color: [primair(), '#c8d6e5', '#c05600'], tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', inverse: true, data: l.map((x) => x.naam), axisLabel: { color: '#1a1a1a', width: 220, overflow: 'truncate' } },
      series: [
        { type: 'bar', stack: 'c', name: 'Bezet', data: l.map((x) => Math.min(x.bezet, x.capaciteit)) },
        { type: 'bar', stack: 'c', name: 'Vrij', data: l.map((x) => x.vrij) },
        { type: 'bar', stack: 'c', name: 'Reserve (bezet / totaal)', data: l.map((x) => x.reserve), label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => (l[p.dataIndex]!.reserve ? `${l[p.dataIndex]!.reserveBezet}/${l[p.dataIndex]!.reserve}` : '') } },
      ],
      aria: { enabled: true, decal: { show: true } },
    };
  }, [bezetting.data]);

  const csvHref = tabelPad + (tabelPad.includes('?') ? '&' : '?') + 'formaat=csv';

  return (
    <div className="onderdak-dashboard">
      <Heading level={1}>Dashboard maatschappelijke opvang</Heading>
      <Paragraph>
        Kerncijfers van {g.tenant.naam} volgens de definities van de Leger des Heils-tabel: perioden als kolommen, cijfers als rijen.
        {aggregaat && ' U ziet alleen geaggregeerde cijfers: cellen met minder dan 5 personen zijn onderdrukt (<5).'}
      </Paragraph>

      <ErrorSummary errors={fout ? [{ id: 'dashboard-van', message: fout }] : []} />
      <form onSubmit={toepassen} noValidate aria-label="Periode en filters kiezen" className="onderdak-filter onderdak-dashboard__filters onderdak-dashboard__geen-print">
        <SelectField id="dashboard-soort" label="Periode" value={form.soort} onChange={(e) => setForm({ ...form, soort: e.target.value as Soort, deel: 1 })}>
          {SOORTEN.map((s) => <option key={s.code} value={s.code}>{s.label}</option>)}
        </SelectField>
        {form.soort === 'aangepast' ? (
          <>
            <TextField id="dashboard-van" label="Van" type="date" value={form.van} onChange={(e) => setForm({ ...form, van: e.target.value })} error={fout ?? undefined} />
            <TextField id="dashboard-tot" label="Tot (niet t/m)" type="date" value={form.tot} onChange={(e) => setForm({ ...form, tot: e.target.value })} />
          </>
        ) : (
          <>
            <SelectField id="dashboard-jaar" label="Jaar" value={String(form.jaar)} onChange={(e) => setForm({ ...form, jaar: Number(e.target.value) })}>
              {jaren.map((j) => <option key={j} value={j}>{j}</option>)}
            </SelectField>
            {delen.length > 0 && (
              <SelectField id="dashboard-deel" label={form.soort === 'maand' ? 'Maand' : form.soort === 'halfjaar' ? 'Halfjaar' : 'Kwartaal'} value={String(Math.min(form.deel, delen.length))} onChange={(e) => setForm({ ...form, deel: Number(e.target.value) })}>
                {delen.map((d) => <option key={d} value={d}>{deelLabel(d)}</option>)}
              </SelectField>
            )}
          </>
        )}
        <SelectField id="dashboard-herkomst" label="Gemeente van herkomst" value={form.herkomst} onChange={(e) => setForm({ ...form, herkomst: e.target.value })}>
          <option value="">Alle</option>
          {gemeenten.map((m) => <option key={m.code} value={m.code}>{m.naam}</option>)}
        </SelectField>
        <SelectField id="dashboard-huishouden" label="Huishouden" value={form.huishouden} onChange={(e) => setForm({ ...form, huishouden: e.target.value })}>
          <option value="">Alle</option><option value="alleenstaand">Alleenstaand</option><option value="gezin">Gezin</option>
        </SelectField>
        <SelectField id="dashboard-leeftijd" label="Leeftijd bij aanmelding" value={form.leeftijd} onChange={(e) => setForm({ ...form, leeftijd: e.target.value })}>
          <option value="">Alle</option><option value="tot-18">Jonger dan 18</option><option value="18-26">18 – 26</option><option value="27-49">27 – 49</option><option value="50-plus">50 en ouder</option>
        </SelectField>
        <SelectField id="dashboard-locatie" label="Locatie" value={form.locatie} onChange={(e) => setForm({ ...form, locatie: e.target.value })}>
          <option value="">Alle (nachtopvang)</option>
          {(bezetting.data?.locaties ?? []).map((l) => <option key={l.id} value={l.id}>{l.naam}</option>)}
        </SelectField>
        <div className="onderdak-filter__actie"><Button type="submit" variant="primary">Toon cijfers</Button></div>
      </form>

      <ButtonGroup>
        <a className="utrecht-button utrecht-button--secondary-action onderdak-dashboard__geen-print" href={csvHref} download>Download CSV (Excel)</a>
        <Button className="onderdak-dashboard__geen-print" onClick={() => window.print()}>Afdrukken</Button>
      </ButtonGroup>

      {tabel.isPending ? <Loading /> : tabel.error ? <PaginaFout error={tabel.error} /> : (
        <Sectie id="kerncijfers-titel" titel={`Kerncijfers ${p.titel}`} uitleg={<>{p.interval && 'Met ter vergelijking de vier voorgaande perioden. '}{filterTekst ? `Filter: ${filterTekst}. ` : ''}Beweeg over een cijfer of lees de definities onder de tabel.</>}>
          <div className="utrecht-table-container utrecht-table-container--overflow-inline">
            <div className="utrecht-table-container utrecht-table-container--overflow-inline"><table className="utrecht-table utrecht-table--html-table onderdak-dashboard__tabel">
              <caption className="utrecht-table__caption onderdak-sr-only">Kerncijfers maatschappelijke opvang per periode</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">Kerncijfer</th>
                  {tabel.data.map((c, i) => (
                    <th key={c.label} scope="col" title={`${datum(c.van)} tot ${datum(c.tot)}`} className={`utrecht-table__header-cell utrecht-table__header-cell--numeric-column${i === tabel.data.length - 1 ? ' onderdak-dashboard__gekozen' : ''}`}>{c.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {CIJFERS.map((r) => (
                  <tr key={r.key} className="utrecht-table__row" data-cijfer={r.key}>
                    <th scope="row" title={r.definitie} className="utrecht-table__header-cell onderdak-dashboard__rijkop">{r.label}</th>
                    {tabel.data.map((c, i) => (
                      <td key={c.label} title={r.definitie} className={`utrecht-table__cell utrecht-table__cell--numeric-data${i === tabel.data.length - 1 ? ' onderdak-dashboard__gekozen' : ''}`}><Waarde c={c} k={r.key} soort={r.soort} /></td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table></div>
          </div>
          <details className="onderdak-dashboard__definities" open>
            <summary>Definities</summary>
            <dl>
              {CIJFERS.map((r) => <div key={r.key}><dt>{r.label}</dt><dd>{r.definitie}</dd></div>)}
              <div><dt>Periode</dt><dd>Van de begindatum tot (niet tot en met) de einddatum. Een verblijf dat over de grens loopt telt in beide perioden mee met de nachten die erin vallen.</dd></div>
              {aggregaat && <div><dt>&lt;5</dt><dd>{ONDERDRUKT} Ook gemiddelden en aandelen over minder dan 5 personen worden niet getoond.</dd></div>}
            </dl>
          </details>
        </Sectie>
      )}

      {gekozen && (
        <div className="onderdak-dashboard__raster">
          <Sectie id="herkomst-titel" titel={`Herkomst (${p.titel})`} uitleg="Cliënten met een verblijf in de periode, naar gemeente van herkomst. De kaart gebruikt vereenvoudigde, benaderde gemeentegrenzen.">
            {kaart && (
              <Suspense fallback={<Loading>Kaart laden…</Loading>}>
                <Chart option={kaartOptie} height={360} label={`Kaart van de regio met het aantal cliënten per gemeente van herkomst in ${p.titel}. De aantallen staan ook in de tabel hieronder.`} />
              </Suspense>
            )}
            <div className="utrecht-table-container utrecht-table-container--overflow-inline"><table className="utrecht-table utrecht-table--html-table">
              <caption className="utrecht-table__caption onderdak-sr-only">Herkomst van cliënten</caption>
              <thead className="utrecht-table__header"><tr className="utrecht-table__row"><th scope="col" className="utrecht-table__header-cell">Herkomst</th><th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">Cliënten</th></tr></thead>
              <tbody className="utrecht-table__body">
                {gekozen.herkomst.map((h) => <tr key={h.herkomst} className="utrecht-table__row"><th scope="row" className="utrecht-table__header-cell">{h.herkomst}</th><td className="utrecht-table__cell utrecht-table__cell--numeric-data" title={h.onderdrukt ? ONDERDRUKT : undefined}>{aantalTekst(h)}</td></tr>)}
              </tbody>
            </table></div>
          </Sectie>
          <Sectie id="aanleiding-titel" titel={`Aanleiding dakloosheid (${p.titel})`} uitleg="Cliënten met een verblijf in de periode, naar de geregistreerde aanleiding.">
            {gekozen.aanleiding.length > 0 && (
              <Suspense fallback={<Loading>Grafiek laden…</Loading>}>
                <Chart option={staaf(gekozen.aanleiding.map((a) => a.aanleiding), gekozen.aanleiding.map((a) => a.aantal), 'Cliënten')} height={gekozen.aanleiding.length * 30 + 30} label={`Staafdiagram: aanleiding dakloosheid in ${p.titel}. ${gekozen.aanleiding.map((a) => `${a.aanleiding}: ${aantalTekst(a)}`).join('; ')}.`} />
              </Suspense>
            )}
            <Heading level={3}>Uitstroom per bestemmingsgroep</Heading>
            <Paragraph small>Trajecten die in de periode eindigden met een uitstroombestemming, gegroepeerd (permanent, beschermd/institutioneel, tijdelijk, dakloos, overig).</Paragraph>
            {gekozen.uitstroomPerGroep.length === 0 ? <Paragraph>Geen uitstroom in deze periode.</Paragraph> : (
              <Suspense fallback={<Loading>Grafiek laden…</Loading>}>
                <Chart option={staaf(gekozen.uitstroomPerGroep.map((u) => u.label), gekozen.uitstroomPerGroep.map((u) => u.aantal), 'Uitgestroomd')} height={gekozen.uitstroomPerGroep.length * 30 + 30} label={`Staafdiagram: uitstroom per bestemmingsgroep in ${p.titel}. ${gekozen.uitstroomPerGroep.map((u) => `${u.label}: ${aantalTekst(u)}`).join('; ')}.`} />
              </Suspense>
            )}
          </Sectie>
        </div>
      )}

      <Sectie id="trend-titel" titel="Trends per jaar" uitleg={`Sinds 2015${filterTekst ? `; filter: ${filterTekst}` : ''}. Het lopende jaar telt tot en met vandaag.`}>
        {trend.isPending ? <Loading /> : trend.error ? <PaginaFout error={trend.error} /> : (
          <div className="onderdak-dashboard__raster">
            {([
              ['volume', 'Aanmeldingen, trajecten en uitstroom', [['Aanmeldingen', 'aanmeldingen', 'aantal'], ['> 3 nachten en start traject', 'startTraject', 'aantal'], ['Uitgestroomd', 'uitgestroomd', 'aantal']]],
              ['duur', 'Gemiddelde nachten en duur traject', [['Gemiddeld aantal nachten', 'gemiddeldAantalNachten', 'gemiddelde'], ['Gemiddelde duur traject (dagen)', 'gemiddeldeDuurTrajectDagen', 'gemiddelde']]],
              ['bezetting', 'Gemiddelde bedbezetting nachtopvang', [['Gemiddelde bedbezetting', 'gemiddeldeBedbezetting', 'gemiddelde']]],
              ['doorstroom', 'Binnen 3 maanden doorgestroomd en uitstroom naar wonen', [['Binnen 3 maanden doorgestroomd', 'binnenDrieMaandenDoorgestroomd', 'aandeel'], ['Uitstroom naar wonen', 'uitstroomNaarWonen', 'aandeel']]],
            ] as [keyof typeof opties, string, [string, keyof Cijfers, Soortcijfer][]][]).map(([key, titel, rijen]) => (
              <figure key={key} className="onderdak-dashboard__figuur">
                <figcaption className="utrecht-heading-3">{titel}</figcaption>
                <Suspense fallback={<Loading>Grafiek laden…</Loading>}>
                  <Chart option={opties[key]} height={260} label={`Lijndiagram per jaar: ${titel.toLowerCase()}. De waarden staan in de tabel onder de grafiek.`} />
                </Suspense>
                <GrafiekTabel caption={titel} kolommen={jaarLabels} rijen={rijen.map(([label, k, soort]) => ({ label, waarden: fmtReeks(k, soort) }))} />
              </figure>
            ))}
          </div>
        )}
      </Sectie>

      <Sectie id="bezetting-titel" titel="Actuele bezetting per locatie" uitleg={bezetting.data ? `Peildatum ${datum(bezetting.data.peildatum)}: bezette bedden tegenover de capaciteit (exclusief reserveplekken, die apart staan).` : undefined}>
        {bezetting.isPending ? <Loading /> : bezetting.error ? <PaginaFout error={bezetting.error} /> : (
          <>
            <Suspense fallback={<Loading>Grafiek laden…</Loading>}>
              <Chart option={bezettingOptie} height={bezetting.data.locaties.length * 44 + 60} label={`Gestapeld staafdiagram: bezette en vrije bedden per locatie. ${bezetting.data.locaties.map((l) => `${l.naam}: ${l.bezet} van ${l.capaciteit} bezet`).join('; ')}.`} />
            </Suspense>
            <div className="utrecht-table-container utrecht-table-container--overflow-inline"><table className="utrecht-table utrecht-table--html-table">
              <caption className="utrecht-table__caption onderdak-sr-only">Bezetting per locatie</caption>
              <thead className="utrecht-table__header"><tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">Locatie</th>
                {['Capaciteit', 'Bezet', 'Vrij', 'Bezettingsgraad', 'Reserve (bezet / totaal)'].map((h) => <th key={h} scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{h}</th>)}
              </tr></thead>
              <tbody className="utrecht-table__body">
                {bezetting.data.locaties.map((l) => (
                  <tr key={l.id} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">{l.naam}{l.nachtopvang ? ' (nachtopvang)' : ''}</th>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{l.capaciteit}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{l.bezet}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{l.vrij}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{aandeel(l.bezettingsgraad)}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{l.reserve ? `${l.reserveBezet} / ${l.reserve}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table></div>
          </>
        )}
      </Sectie>

      {/* The figures of the other action lines for the same period: perspectief (issue 4), wonen (issue 5),
          terugval and preventie (issue 6). Aggregates only; cells below 5 arrive suppressed. */}
      <PerspectiefCijfers van={p.van} tot={p.tot} />
      <WonenCijfers van={p.van} tot={p.tot} />
      <TerugvalCijfers />
    </div>
  );
}
