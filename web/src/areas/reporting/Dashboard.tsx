// Dashboard maatschappelijke opvang (issue 3): the key figures of domain.md §4 in the Leger des Heils layout
// (periods as columns, figures as rows), trends over the years, origin on a map of the region, causes, exits and
// current occupancy against capacity. Filters: gemeente of origin, household type, age group, facility.
// Policy officers get protected figures only (issue 13: cell key method, fixed calendar periods; a "Hoe beschermd?"
// note explains it); toegang sees exact figures with Little's law beside them.
// The sections are in ./dashboard/; the figures of the other action lines come from their areas (*Cijfers).

import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { api, qs } from '../../api/client';
import { useGebruiker, useReferentie } from '../../api/queries';
import { datum, vandaag } from '../../ui/format';
import { Button, ButtonGroup, Heading, Inklapblok, Loading, PaginaFout, Paragraph, useTitel } from '../../ui/ui';
import './dashboard.css';
import { TerugvalCijfers } from '../aftercare/TerugvalCijfers';
import { DatakwaliteitScore } from '../data-quality/DatakwaliteitScore';
import { WonenCijfers } from '../housing/WonenCijfers';
import { PerspectiefCijfers } from '../perspective/PerspectiefCijfers';
import { HoeBeschermd, WetVanLittle } from './dashboard/Bescherming';
import { BezettingSectie } from './dashboard/BezettingSectie';
import { bezettingQuery, type Kerncijfers, type Periode, type Reeks } from './dashboard/cijfers';
import { DashboardFilters } from './dashboard/DashboardFilters';
import { useRegioKaart } from './dashboard/delen';
import { HerkomstEnAanleiding } from './dashboard/HerkomstEnAanleiding';
import { KerncijfersTabel } from './dashboard/KerncijfersTabel';
import { type DashboardSearch, type Keuze, perioden } from './dashboard/periode';
import { AANTAL_TRENDGRAFIEKEN, TrendSectie } from './dashboard/TrendSectie';

export function DashboardPage() {
  useTitel('Dashboard maatschappelijke opvang');
  const g = useGebruiker();
  const ref = useReferentie();
  const search = useSearch({ from: '/app/rapportage' }) as DashboardSearch;
  const huidigJaar = Number(vandaag().slice(0, 4));
  const keuze: Keuze = {
    soort: search.soort ?? 'jaar',
    jaar: search.jaar ?? huidigJaar - 1,
    deel: search.deel ?? 1,
    van: search.van ?? `${huidigJaar}-01-01`,
    tot: search.tot ?? vandaag(),
  };
  const filters = {
    herkomstGemeentecode: search.herkomst,
    huishouden: search.huishouden,
    leeftijdsgroep: search.leeftijd,
    locatieId: search.locatie,
  };
  const p = perioden(keuze);
  const regio = g.tenant.id;

  const tabelQs = p.interval
    ? qs({ regio, van: p.tabelVan, tot: p.tot, interval: p.interval, ...filters })
    : qs({ regio, van: p.van, tot: p.tot, ...filters });
  const tabelPad = p.interval ? `/v1/rapportages/reeksen${tabelQs}` : `/v1/rapportages/kerncijfers${tabelQs}`;
  const tabel = useQuery({
    queryKey: ['dashboard', 'tabel', tabelPad],
    queryFn: async (): Promise<{ perioden: Periode[]; bescherming: Kerncijfers['bescherming'] }> => {
      if (p.interval) {
        const r = await api<Reeks>(tabelPad);
        return { perioden: r.perioden, bescherming: r.bescherming };
      }
      const k = await api<Kerncijfers>(tabelPad);
      return { perioden: [{ ...k, label: `${datum(k.van)} – ${datum(k.tot)}` }], bescherming: k.bescherming };
    },
  });
  const bezetting = useQuery(bezettingQuery(regio));
  const kaart = useRegioKaart(regio);

  const gekozen = tabel.data?.perioden[tabel.data.perioden.length - 1];
  const aggregaat = g.rol !== 'toegang';
  const gemeenten = ref.data?.gemeenten ?? [];
  const filterTekst = [
    search.herkomst && `herkomst ${gemeenten.find((x) => x.code === search.herkomst)?.naam ?? search.herkomst}`,
    search.huishouden && (search.huishouden === 'gezin' ? 'gezinnen' : 'alleenstaanden'),
    search.leeftijd && `leeftijd ${search.leeftijd.replace('tot-18', 'jonger dan 18').replace('50-plus', '50+')}`,
    search.locatie && `locatie ${bezetting.data?.locaties.find((l) => l.id === search.locatie)?.naam ?? ''}`,
  ]
    .filter(Boolean)
    .join(', ');
  const csvHref = tabelPad + (tabelPad.includes('?') ? '&' : '?') + 'formaat=csv';

  return (
    <div className="onderdak-dashboard">
      <Heading level={1}>Dashboard maatschappelijke opvang</Heading>
      <Paragraph>
        Kerncijfers van {g.tenant.naam} volgens de definities van de Leger des Heils-tabel: perioden als kolommen,
        cijfers als rijen.
        {aggregaat &&
          ' U ziet beschermde cijfers: elk aantal wijkt een klein beetje af, zodat niemand te herkennen is. U kiest uit vaste kalenderperioden.'}
      </Paragraph>
      {aggregaat && tabel.data && <HoeBeschermd bescherming={tabel.data.bescherming} />}
      <DashboardFilters
        keuze={keuze}
        search={search}
        huidigJaar={huidigJaar}
        gemeenten={gemeenten}
        locaties={bezetting.data?.locaties ?? []}
        vastePerioden={aggregaat}
      />
      <ButtonGroup>
        <a
          className="utrecht-button utrecht-button--secondary-action onderdak-dashboard__geen-print"
          href={csvHref}
          download
        >
          Download CSV (Excel)
        </a>
        <Button className="onderdak-dashboard__geen-print" onClick={() => window.print()}>
          Afdrukken
        </Button>
      </ButtonGroup>
      {tabel.isPending ? (
        <Loading />
      ) : tabel.error ? (
        <PaginaFout error={tabel.error} />
      ) : (
        <KerncijfersTabel
          perioden={tabel.data.perioden}
          titel={p.titel}
          aggregaat={aggregaat}
          uitleg={
            <>
              {p.interval && 'Met ter vergelijking de vier voorgaande perioden. '}
              {filterTekst ? `Filter: ${filterTekst}. ` : ''}Beweeg over een cijfer of lees de definities onder de
              tabel.
            </>
          }
        />
      )}
      {/* issue 16: the key figures first; each theme below is one click away (charts render when opened) */}
      {gekozen && (
        <Inklapblok titel={`Herkomst, aanleiding en uitstroom (${p.titel})`} aantal="3 grafieken">
          <HerkomstEnAanleiding gekozen={gekozen} titel={p.titel} regio={regio} kaart={kaart} gemeenten={gemeenten} />
        </Inklapblok>
      )}
      {!aggregaat && tabel.data && <WetVanLittle perioden={tabel.data.perioden} />}
      <Inklapblok titel="Trends over de jaren" aantal={`${AANTAL_TRENDGRAFIEKEN} grafieken`}>
        <TrendSectie regio={regio} filters={filters} filterTekst={filterTekst} vastePerioden={aggregaat} />
      </Inklapblok>
      <Inklapblok
        titel="Actuele bezetting per locatie"
        aantal={bezetting.data ? `${bezetting.data.locaties.length} locaties` : undefined}
      >
        <BezettingSectie regio={regio} />
      </Inklapblok>
      {/* The figures of the other action lines for the chosen (last) period of the table: perspectief (issue 4),
          wonen (issue 5), terugval and preventie (issue 6). Aggregates only; for beleid and beheer protected with
          the cell key method, and always one fixed calendar period (issue 13). */}
      <Inklapblok titel="Perspectief, wonen, terugval en preventie" aantal="4 onderdelen">
        {gekozen && <PerspectiefCijfers van={gekozen.van} tot={gekozen.tot} />}
        {gekozen && <WonenCijfers van={gekozen.van} tot={gekozen.tot} />}
        <TerugvalCijfers />
      </Inklapblok>
      <Inklapblok titel="Datakwaliteit per maand">
        <DatakwaliteitScore /> {/* issue 20 */}
      </Inklapblok>
    </div>
  );
}
