// Issue 6 — dashboard section: relapse within 6/12/24 months after an exit to housing (domain.md §4, HUD SPM 2),
// the share of clients who used shelter before, and the prevention figures of a year. Aggregates only; for roles
// other than toegang the counts are protected (cell key method: a little off, never 1 or 2) and a share below the
// threshold arrives as null (issue 13). Those roles choose fixed calendar periods: the default is one whole year.

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet } from '../../api/client';
import type { Schema } from '../../api/types';
import { aandeel, datum, getal, vandaag } from '../../ui/format';
import { Heading, Loading, PaginaFout, Paragraph, Table, TBody, Td, TextField, THead, Th, Tr } from '../../ui/ui';

type Venster = Schema<'TerugvalTermijn'>;
type Terugval = Schema<'Terugvalcijfers'>;
type Preventie = Schema<'Preventiecijfers'>;

const cel = (c: { aantal: number | null; onderdrukt?: boolean }) => (c.onderdrukt ? '—' : getal(c.aantal));
function venster(v: Venster) {
  if (v.onderdrukt)
    return `— (te weinig personen voor een percentage: ${getal(v.teruggekeerd)} van ${getal(v.noemer)})`;
  if (!v.noemer) return v.nogNietVolledig ? `nog niet te meten (${v.nogNietVolledig})` : '—';
  return `${aandeel(v.aandeel)} (${getal(v.teruggekeerd)} van ${getal(v.noemer)})`;
}

export function TerugvalCijfers() {
  const vandaagIso = vandaag();
  const [van, setVan] = useState(`${Number(vandaagIso.slice(0, 4)) - 2}-01-01`);
  const [tot, setTot] = useState(`${Number(vandaagIso.slice(0, 4)) - 1}-01-01`);
  const jaar = Number(vandaagIso.slice(0, 4));
  const terugval = useQuery({
    queryKey: ['terugval', van, tot],
    queryFn: () => apiGet('/rapportages/terugval', { query: { van, tot } }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(van) && /^\d{4}-\d{2}-\d{2}$/.test(tot) && van < tot,
  });
  const preventie = useQuery({
    queryKey: ['preventiecijfers', jaar],
    queryFn: () => apiGet('/rapportages/preventie', { query: { jaar } }),
  });
  return (
    <section aria-labelledby="terugval-kop" className="onderdak-section">
      <Heading level={2} id="terugval-kop">
        Terugval na uitstroom naar wonen
      </Heading>
      <form className="onderdak-filter" onSubmit={(e) => e.preventDefault()} aria-label="Periode van uitstroom">
        <TextField
          id="tv-van"
          type="date"
          label="Uitstroom vanaf"
          value={van}
          onChange={(e) => setVan(e.target.value)}
        />
        <TextField
          id="tv-tot"
          type="date"
          label="tot (exclusief)"
          value={tot}
          onChange={(e) => setTot(e.target.value)}
        />
      </form>
      {terugval.isPending ? (
        terugval.fetchStatus === 'idle' ? (
          <Paragraph>Kies een geldige periode.</Paragraph>
        ) : (
          <Loading />
        )
      ) : terugval.error ? (
        <PaginaFout error={terugval.error} />
      ) : (
        <TerugvalTabel t={terugval.data} />
      )}
      <Heading level={2} id="preventie-kop">
        Preventie {jaar}
      </Heading>
      {preventie.isPending ? (
        <Loading />
      ) : preventie.error ? (
        <PaginaFout error={preventie.error} />
      ) : (
        <PreventieTabel p={preventie.data} />
      )}
    </section>
  );
}

function TerugvalTabel({ t }: { t: Terugval }) {
  return (
    <>
      <Table
        caption={`Terugval binnen 6, 12 en 24 maanden na uitstroom tussen ${datum(t.van)} en ${datum(t.tot)} (peildatum ${datum(t.peildatum)})`}
      >
        <THead>
          <Tr>
            <Th>Bestemming</Th>
            <Th numeric>Uitstromen</Th>
            <Th numeric>Binnen 6 maanden</Th>
            <Th numeric>Binnen 12 maanden</Th>
            <Th numeric>Binnen 24 maanden</Th>
          </Tr>
        </THead>
        <TBody>
          {[...t.perBestemming, { ...t.totaal, type: 'totaal', label: 'Totaal' }].map((r) => (
            <Tr key={r.type}>
              <Th scope="row">{r.label}</Th>
              <Td numeric>{r.uitstromen == null ? '< 5' : getal(r.uitstromen)}</Td>
              <Td numeric>{venster(r.binnen6Maanden)}</Td>
              <Td numeric>{venster(r.binnen12Maanden)}</Td>
              <Td numeric>{venster(r.binnen24Maanden)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Paragraph small>{t.definitie}</Paragraph>
      <Paragraph>
        Cliënten in de opvang in deze periode die eerder al in de opvang verbleven:{' '}
        <strong>{aandeel(t.eerderInOpvang.aandeel)}</strong> ({getal(t.eerderInOpvang.waarvanEerder)} van{' '}
        {getal(t.eerderInOpvang.clienten)}; visie 2020–2025: 40%).
      </Paragraph>
    </>
  );
}

function PreventieTabel({ p }: { p: Preventie }) {
  return (
    <Table caption={`Vroegsignalering en huisuitzettingen ${p.jaar}`}>
      <THead>
        <Tr>
          <Th>Cijfer</Th>
          <Th numeric>Waarde</Th>
        </Tr>
      </THead>
      <TBody>
        <Tr>
          <Th scope="row">Signalen betalingsachterstand</Th>
          <Td numeric>{cel(p.signalen)}</Td>
        </Tr>
        {p.signalenPerBron.map((b) => (
          <Tr key={b.bron}>
            <Th scope="row">— waarvan {b.label.toLowerCase()}</Th>
            <Td numeric>{cel(b)}</Td>
          </Tr>
        ))}
        <Tr>
          <Th scope="row">Binnen {p.binnen2Weken.termijnDagen} dagen opgepakt (contact of huisbezoek)</Th>
          <Td numeric>{aandeel(p.binnen2Weken.aandeel)}</Td>
        </Tr>
        <Tr>
          <Th scope="row">Huisuitzettingen door schulden (doel: {p.huisuitzettingen.doel})</Th>
          <Td numeric>{cel(p.huisuitzettingen)}</Td>
        </Tr>
        {p.uitkomsten
          .filter((u) => u.uitkomst !== 'huisuitzetting')
          .map((u) => (
            <Tr key={u.uitkomst}>
              <Th scope="row">Uitkomst: {u.label.toLowerCase()}</Th>
              <Td numeric>{cel(u)}</Td>
            </Tr>
          ))}
        <Tr>
          <Th scope="row">Open zaken (nu)</Th>
          <Td numeric>{cel(p.openZaken)}</Td>
        </Tr>
      </TBody>
    </Table>
  );
}
