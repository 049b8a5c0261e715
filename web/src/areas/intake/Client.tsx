import { useParams, Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { api, type Aanmelding, type Client, type TijdlijnSoort } from '../../api/client';
import { datum, meervoud } from '../../ui/format';
import { Alert, DataList, Heading, Loading, Paragraph, StatusBadge, Table, TBody, Td, Th, THead, Tr } from '../../ui/ui';
import { PaginaFout, useTitel } from '../../app/Layout';
import { AanmeldingStatusBadge } from './Aanmeldingen';
import { EerderBekend } from '../reporting/Voorgeschiedenis';
import { PerspectiefSectie } from '../perspective/PerspectiefSectie';
import {
  BeeindigenForm, BesluitForm, BesluitWeergave, InzagelogLink, NieuweAanmeldingForm, PlaatsenForm, SamenvoegenForm, ScreeningForm,
  Uitklap, UitstroomForm, VerhuizenForm,
} from './clientActies';
import { useState } from 'react';

const RELATIE: Record<string, string> = { partner: 'Partner', kind: 'Kind', overig: 'Overig' };
const SOORT: Record<TijdlijnSoort, string> = {
  aanmelding: 'Aanmelding', screening: 'Screening', besluit: 'Besluit', plaatsing: 'Plaatsing', verhuizing: 'Verhuizing',
  vertrek: 'Vertrek', uitstroom: 'Uitstroom', samenvoeging: 'Samenvoeging',
};

export function clientQuery(clientId: string) {
  return {
    queryKey: ['client', clientId] as const,
    queryFn: () => api<Client>(`/v1/clienten/${encodeURIComponent(clientId)}`),
  };
}

function AanmeldingKaart({ a }: { a: Aanmelding }) {
  const titelId = `aanmelding-${a.id}-titel`;
  return (
    <li className="onderdak-card onderdak-aanmelding">
      <article aria-labelledby={titelId}>
        <div className="onderdak-kaart__kop">
          <h3 id={titelId} className="utrecht-heading-3">Aanmelding van {datum(a.datum)}</h3>
          <AanmeldingStatusBadge status={a.status} />
        </div>
        <DataList
          items={[
            ['Bron', a.bronLabel],
            ['Toelichting', a.toelichting || '—'],
            ['Screening', a.screening ? `${a.screening}${a.screeningDatum ? ` (${datum(a.screeningDatum)})` : ''}` : 'Nog niet gescreend'],
          ]}
        />
        {a.besluit && <BesluitWeergave besluit={a.besluit} />}
        <div className="onderdak-acties">
          {a.mogelijkheden.screenen && (
            <Uitklap knop="Screening vastleggen" titel="Screening vastleggen">
              {(sluit, id) => <ScreeningForm aanmelding={a} sluit={sluit} titelId={id} />}
            </Uitklap>
          )}
          {a.mogelijkheden.besluiten && (
            <Uitklap knop="Besluit nemen" titel="Besluit nemen" variant="primary">
              {(sluit, id) => <BesluitForm aanmelding={a} sluit={sluit} titelId={id} />}
            </Uitklap>
          )}
        </div>
      </article>
    </li>
  );
}

export function ClientPage() {
  const { clientId } = useParams({ from: '/app/clienten/$clientId' });
  const q = useQuery(clientQuery(clientId));
  const [melding, setMelding] = useState<string | null>(null);
  useTitel(q.data ? `${q.data.voornaam} ${q.data.achternaam}` : 'Cliënt');

  if (q.isPending) return <Loading />;
  if (q.error) return (<><Heading level={1}>Cliënt</Heading><PaginaFout error={q.error} /></>);
  const c = q.data;
  const m = c.mogelijkheden;
  const huidig = c.verblijven.find((v) => !v.tot) ?? null;
  const eerdere = c.verblijven.filter((v) => v.tot);
  const openTraject = c.trajecten.find((t) => !t.eind) ?? null;
  const tijdlijn = c.tijdlijn.map((t, i) => ({ ...t, i })).sort((a, b) => b.datum.localeCompare(a.datum) || b.i - a.i);
  const aanmeldingen = [...c.aanmeldingen].sort((a, b) => b.datum.localeCompare(a.datum));

  return (
    <>
      <p className="utrecht-paragraph"><Link to="/clienten" className="utrecht-link">← Terug naar cliënten</Link></p>
      <div className="onderdak-titelbalk">
        <Heading level={1}>{c.voornaam} {c.achternaam}</Heading>
        {m.inzageLog && <InzagelogLink clientId={c.id} />}
      </div>
      {melding && <Alert type="ok" role="status">{melding}</Alert>}
      <EerderBekend clientId={c.id} />

      <div className="onderdak-kolommen">
        <section aria-labelledby="persoon-titel" className="onderdak-card">
          <Heading level={2} id="persoon-titel">Persoonsgegevens</Heading>
          <DataList
            items={[
              ['Cliëntnummer', <code key="id">{c.id}</code>],
              ['Geboortedatum', datum(c.geboortedatum)],
              ['BSN', c.bsn ?? 'Niet bekend'],
              ['Herkomst', c.herkomst ?? '—'],
              ['Aanleiding', c.aanleidingLabel ?? c.aanleiding ?? '—'],
              ['Telefoon', c.telefoon || '—'],
              ['E-mail', c.email || '—'],
              ['Huishoudgrootte', String(c.huishoudgrootte)],
            ]}
          />
        </section>

        <section aria-labelledby="huishouden-titel" className="onderdak-card">
          <Heading level={2} id="huishouden-titel">Huishouden</Heading>
          {c.huishoudleden.length === 0 ? <Paragraph>Geen huishoudleden geregistreerd.</Paragraph> : (
            <Table captionHidden caption="Huishoudleden">
              <THead><Tr><Th>Naam</Th><Th>Geboortedatum</Th><Th>Relatie</Th></Tr></THead>
              <TBody>
                {c.huishoudleden.map((h, i) => (
                  <Tr key={i}><Td>{h.naam}</Td><Td>{datum(h.geboortedatum)}</Td><Td>{RELATIE[h.relatie] ?? h.relatie}</Td></Tr>
                ))}
              </TBody>
            </Table>
          )}
        </section>
      </div>

      <section aria-labelledby="aanmeldingen-titel">
        <Heading level={2} id="aanmeldingen-titel">Aanmeldingen</Heading>
        {aanmeldingen.length === 0 ? <Paragraph>Nog geen aanmeldingen.</Paragraph> : (
          <ul className="onderdak-kaartlijst">
            {aanmeldingen.map((a) => <AanmeldingKaart key={a.id} a={a} />)}
          </ul>
        )}
        {m.aanmelden && (
          <Uitklap knop="Nieuwe aanmelding" titel="Nieuwe aanmelding">
            {(sluit, id) => <NieuweAanmeldingForm client={c} sluit={sluit} titelId={id} />}
          </Uitklap>
        )}
      </section>

      <section aria-labelledby="verblijf-titel">
        <Heading level={2} id="verblijf-titel">Verblijf</Heading>
        {huidig ? (
          <div className="onderdak-card">
            <Heading level={3}>Huidig verblijf</Heading>
            <DataList
              items={[
                ['Locatie', <Link key="l" to="/locaties/$locatieId" params={{ locatieId: huidig.locatieId }} className="utrecht-link">{huidig.locatieNaam}</Link>],
                ['Eenheid', huidig.eenheidNaam],
                ['Sinds', datum(huidig.van)],
                ['Nachten', meervoud(huidig.nachten, 'nacht', 'nachten')],
                ['Huishoudgrootte', String(huidig.huishoudgrootte)],
              ]}
            />
            <div className="onderdak-acties">
              {huidig.mogelijkheden.verhuizen && (
                <Uitklap knop="Verhuizen" titel="Verhuizen naar een andere eenheid">
                  {(sluit, id) => <VerhuizenForm verblijf={huidig} sluit={sluit} titelId={id} />}
                </Uitklap>
              )}
              {huidig.mogelijkheden.beeindigen && (
                <Uitklap knop="Verblijf beëindigen" titel="Verblijf beëindigen">
                  {(sluit, id) => <BeeindigenForm verblijf={huidig} sluit={sluit} titelId={id} />}
                </Uitklap>
              )}
            </div>
          </div>
        ) : (
          <Paragraph>De cliënt verblijft op dit moment niet in de opvang.</Paragraph>
        )}
        {!huidig && m.plaatsen && (
          <Uitklap knop="Plaatsen" titel="Cliënt plaatsen" variant="primary">
            {(sluit, id) => <PlaatsenForm client={c} sluit={sluit} titelId={id} />}
          </Uitklap>
        )}
        {eerdere.length > 0 && (
          <Table caption="Eerdere verblijven">
            <THead><Tr><Th>Locatie</Th><Th>Eenheid</Th><Th>Van</Th><Th>Tot</Th><Th numeric>Nachten</Th></Tr></THead>
            <TBody>
              {eerdere.map((v) => (
                <Tr key={v.id}>
                  <Td>{v.locatieNaam}</Td><Td>{v.eenheidNaam}</Td><Td>{datum(v.van)}</Td><Td>{datum(v.tot)}</Td>
                  <Td numeric>{v.nachten}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>

      <PerspectiefSectie clientId={c.id} />

      <section aria-labelledby="trajecten-titel">
        <Heading level={2} id="trajecten-titel">Trajecten</Heading>
        {c.trajecten.length === 0 ? <Paragraph>Nog geen traject. Een traject start met een besluit tot toegang.</Paragraph> : (
          <Table captionHidden caption="Trajecten">
            <THead><Tr><Th>Start</Th><Th>Einde</Th><Th>Bestemming</Th><Th numeric>Dagen</Th><Th numeric>Nachten</Th></Tr></THead>
            <TBody>
              {c.trajecten.map((t) => (
                <Tr key={t.id}>
                  <Td>{datum(t.start)}</Td>
                  <Td>{t.eind ? datum(t.eind) : <StatusBadge status="active">Lopend</StatusBadge>}</Td>
                  <Td>{t.bestemmingLabel ?? '—'}</Td>
                  <Td numeric>{t.dagen}</Td>
                  <Td numeric>{t.nachten}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {openTraject && m.uitstroom && (
          <Uitklap knop="Uitstroom registreren" titel="Uitstroom registreren">
            {(sluit, id) => <UitstroomForm traject={openTraject} sluit={sluit} titelId={id} />}
          </Uitklap>
        )}
      </section>

      {m.samenvoegen && (
        <section aria-labelledby="samenvoegen-titel">
          <Heading level={2} id="samenvoegen-titel">Dubbele registratie</Heading>
          <Uitklap knop="Samenvoegen met…" titel="Samenvoegen met een andere registratie">
            {(sluit, id) => (
              <SamenvoegenForm client={c} sluit={sluit} titelId={id} onKlaar={() => setMelding('De registraties zijn samengevoegd.')} />
            )}
          </Uitklap>
        </section>
      )}

      <section aria-labelledby="tijdlijn-titel">
        <Heading level={2} id="tijdlijn-titel">Tijdlijn</Heading>
        {tijdlijn.length === 0 ? <Paragraph>Nog geen gebeurtenissen.</Paragraph> : (
          <ol className="utrecht-ordered-list onderdak-tijdlijn" aria-label="Tijdlijn, nieuwste eerst">
            {tijdlijn.map((t) => (
              <li key={t.i} className={`utrecht-ordered-list__item onderdak-tijdlijn__item onderdak-tijdlijn__item--${t.soort}`}>
                <time dateTime={t.datum} className="onderdak-tijdlijn__datum">{datum(t.datum)}</time>
                <span className="onderdak-tijdlijn__soort">{SOORT[t.soort] ?? t.soort}</span>
                <strong className="onderdak-tijdlijn__titel">{t.titel}</strong>
                {t.omschrijving && <span className="onderdak-tijdlijn__omschrijving">{t.omschrijving}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
