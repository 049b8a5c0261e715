import { lazy, Suspense, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { api, qs, type Kerncijfers } from '../api';
import { useGebruiker, useReferentie } from '../queries';
import { aandeel, datum, getal, vandaag } from '../format';
import { Button, ErrorSummary, Heading, Loading, Paragraph, SelectField, Table, TBody, Td, TextField, Th, THead, Tr } from '../components/ui';
import { PaginaFout, useTitel } from './Layout';
import { TerugvalCijfers } from './TerugvalCijfers';
import { PerspectiefCijfers } from './PerspectiefCijfers';
import { WonenCijfers } from './WonenCijfers';

// ECharts is large: load it only on this page.
const Chart = lazy(() => import('../components/Chart').then((m) => ({ default: m.Chart })));

function beginJaar(): string { return `${vandaag().slice(0, 4)}-01-01`; }

interface Cijfer { label: string; waarde: ReactNode; definitie: string }

export function RapportagePage() {
  useTitel('Rapportage');
  const g = useGebruiker();
  const ref = useReferentie();
  const search = useSearch({ from: '/app/rapportage' });
  const navigate = useNavigate({ from: '/rapportage' });
  const regio = search.regio ?? g.tenant.id;
  const van = search.van ?? beginJaar();
  const tot = search.tot ?? vandaag();
  const [f, setF] = useState({ regio, van, tot });
  const [fout, setFout] = useState<string | null>(null);

  const q = useQuery({
    queryKey: ['kerncijfers', regio, van, tot],
    queryFn: () => api<Kerncijfers>(`/v1/rapportages/kerncijfers${qs({ regio, van, tot })}`),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!f.van || !f.tot) { setFout('Vul zowel de begin- als de einddatum in.'); return; }
    if (f.van > f.tot) { setFout('De begindatum moet vóór de einddatum liggen.'); return; }
    setFout(null);
    void navigate({ search: { regio: f.regio, van: f.van, tot: f.tot } });
  }

  const tenants = ref.data?.tenants ?? [{ id: g.tenant.id, naam: g.tenant.naam }];
  const regioNaam = tenants.find((t) => t.id === regio)?.naam ?? regio;

  const option = useMemo(() => {
    const herkomst = [...(q.data?.herkomst ?? [])].sort((a, b) => b.aantal - a.aantal);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: herkomst.map((h) => h.herkomst), axisLabel: { color: '#1a1a1a' } },
      series: [{
        type: 'bar', name: 'Cliënten', data: herkomst.map((h) => h.aantal),
        itemStyle: { color: getComputedStyle(document.documentElement).getPropertyValue('--onderdak-primary').trim() || '#00529b' },
        label: { show: true, position: 'right', color: '#1a1a1a' },
      }],
      aria: { enabled: true, decal: { show: true } },
    };
  }, [q.data]);

  let cijfers: Cijfer[] = [];
  if (q.data) {
    const k = q.data;
    cijfers = [
      { label: 'Aanmeldingen', waarde: getal(k.aanmeldingen), definitie: 'Aanmeldingen met een datum in de periode.' },
      { label: 'Waarvan > 3 nachten en start traject', waarde: getal(k.startTraject), definitie: 'Van deze aanmeldingen: de plaatsingen die langer dan 3 nachten duurden en waarbij een traject startte.' },
      { label: 'Gemiddeld aantal nachten', waarde: getal(k.gemiddeldAantalNachten), definitie: 'Gemiddeld aantal nachten in de opvang per traject dat in de periode eindigde.' },
      { label: 'Gemiddelde duur traject (dagen)', waarde: getal(k.gemiddeldeDuurTrajectDagen), definitie: 'Gemiddelde duur (einde − start, in dagen) van trajecten die in de periode eindigden.' },
      { label: 'Uitgestroomd', waarde: getal(k.uitgestroomd), definitie: 'Trajecten die in de periode eindigden met een geregistreerde uitstroom.' },
      { label: 'Gemiddelde bedbezetting nachtopvang', waarde: getal(k.gemiddeldeBedbezetting), definitie: 'Gemiddeld aantal bezette bedden in de nachtopvang over de nachten van de periode.' },
      { label: 'Binnen 3 maanden doorgestroomd', waarde: aandeel(k.binnenDrieMaandenDoorgestroomd), definitie: 'Aandeel van de beëindigde trajecten met een duur van ten hoogste 91 dagen (de beleidsdoelstelling).' },
      { label: 'Uitstroom naar wonen', waarde: aandeel(k.uitstroomNaarWonen), definitie: 'Aandeel van de uitstroom met als bestemming permanente woonruimte (eigen woning, Housing First); beschermd wonen telt apart.' },
    ];
  }

  return (
    <>
      <Heading level={1}>Rapportage</Heading>
      <Paragraph>Kerncijfers van de maatschappelijke opvang voor een regio en periode. De periode loopt van de begindatum tot (niet tot en met) de einddatum.</Paragraph>
      <ErrorSummary errors={fout ? [{ id: 'rapportage-van', message: fout }] : []} />
      <form onSubmit={submit} noValidate aria-label="Periode en regio kiezen" className="onderdak-filter">
        <SelectField id="rapportage-regio" label="Regio" value={f.regio} onChange={(e) => setF({ ...f, regio: e.target.value })}>
          {tenants.map((t) => <option key={t.id} value={t.id}>{t.naam}</option>)}
        </SelectField>
        <TextField id="rapportage-van" label="Van" type="date" required value={f.van} onChange={(e) => setF({ ...f, van: e.target.value })} error={fout ?? undefined} />
        <TextField id="rapportage-tot" label="Tot" type="date" required value={f.tot} onChange={(e) => setF({ ...f, tot: e.target.value })} />
        <div className="onderdak-filter__actie"><Button type="submit" variant="primary">Toon cijfers</Button></div>
      </form>

      {q.isPending ? <Loading /> : q.error ? <PaginaFout error={q.error} /> : (
        <>
          <section aria-labelledby="kerncijfers-titel">
            <Heading level={2} id="kerncijfers-titel">Kerncijfers {regioNaam}, {datum(q.data.van ?? van)} tot {datum(q.data.tot ?? tot)}</Heading>
            <Table captionHidden caption="Kerncijfers met definitie" className="onderdak-kerncijfers">
              <THead><Tr><Th>Kerncijfer</Th><Th numeric>Waarde</Th><Th>Definitie</Th></Tr></THead>
              <TBody>
                {cijfers.map((c) => (
                  <Tr key={c.label}>
                    <Th scope="row">{c.label}</Th>
                    <Td numeric><span className="onderdak-kerncijfer__waarde">{c.waarde}</span></Td>
                    <Td><span className="onderdak-kerncijfer__definitie">{c.definitie}</span></Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </section>

          <section aria-labelledby="herkomst-titel">
            <Heading level={2} id="herkomst-titel">Herkomst van cliënten</Heading>
            {q.data.herkomst.length === 0 ? <Paragraph>Geen gegevens over herkomst in deze periode.</Paragraph> : (
              <>
                <Suspense fallback={<Loading>Grafiek laden…</Loading>}>
                  <Chart option={option} label={`Staafdiagram: herkomst van cliënten in ${regioNaam}. De gegevens staan ook in de tabel hieronder.`} height={Math.max(200, q.data.herkomst.length * 32 + 40)} />
                </Suspense>
                <Table captionHidden caption="Herkomst van cliënten">
                  <THead><Tr><Th>Herkomst</Th><Th numeric>Aantal</Th></Tr></THead>
                  <TBody>
                    {[...q.data.herkomst].sort((a, b) => b.aantal - a.aantal).map((h) => (
                      <Tr key={h.herkomst}><Th scope="row">{h.herkomst}</Th><Td numeric>{getal(h.aantal)}</Td></Tr>
                    ))}
                  </TBody>
                </Table>
              </>
            )}
          </section>

          {q.data.aanleiding.length > 0 && (
            <section aria-labelledby="aanleiding-titel">
              <Heading level={2} id="aanleiding-titel">Aanleiding dakloosheid</Heading>
              <Table captionHidden caption="Aanleiding dakloosheid">
                <THead><Tr><Th>Aanleiding</Th><Th numeric>Aantal</Th></Tr></THead>
                <TBody>
                  {[...q.data.aanleiding].sort((a, b) => b.aantal - a.aantal).map((a) => (
                    <Tr key={a.aanleiding}><Th scope="row">{a.aanleiding}</Th><Td numeric>{getal(a.aantal)}</Td></Tr>
                  ))}
                </TBody>
              </Table>
            </section>
          )}

          {q.data.uitstroomPerGroep.length > 0 && (
            <section aria-labelledby="uitstroom-titel">
              <Heading level={2} id="uitstroom-titel">Uitstroom per bestemmingsgroep</Heading>
              <Table captionHidden caption="Uitstroom per bestemmingsgroep">
                <THead><Tr><Th>Bestemmingsgroep</Th><Th numeric>Aantal</Th></Tr></THead>
                <TBody>
                  {q.data.uitstroomPerGroep.map((u) => (
                    <Tr key={u.groep}>
                      <Th scope="row">{ref.data?.bestemmingsgroepen.find((b) => b.code === u.groep)?.label ?? u.groep}</Th>
                      <Td numeric>{getal(u.aantal)}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </section>
          )}
        </>
      )}
      <TerugvalCijfers />
      <PerspectiefCijfers van={van} tot={tot} />
      <WonenCijfers van={van} tot={tot} />
    </>
  );
}
