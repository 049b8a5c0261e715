// Issue 6 — Vroegsignalering / Vroeg Eropaf: worklist, CSV upload with preview and a single signal form.
// The case detail is PreventieZaak.tsx; the parts are in ./preventie/.

import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { apiGet } from '../../api/client';
import { datum } from '../../ui/format';
import {
  Heading,
  Inklapblok,
  Loading,
  PaginaFout,
  Paragraph,
  SelectField,
  StatusBadge,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';
import { euro, statusBadge } from './preventie/preventieApi';
import { SignaalBestand } from './preventie/SignaalBestand';
import { SignaalFormulier } from './preventie/SignaalFormulier';

export function PreventiePage() {
  useTitel('Preventie — vroegsignalering');
  return (
    <>
      <Heading level={1}>Preventie: vroegsignalering</Heading>
      <Paragraph lead>
        Signalen van betalingsachterstanden (huur, energie, water, zorgverzekering) worden een Vroeg Eropaf-zaak:
        contact zoeken, huisbezoek, uitkomst. Doel: nul huisuitzettingen door schulden, elk signaal binnen 2 weken
        opgepakt.
      </Paragraph>
      <Werklijst />
      <SignaalBestand />
      {/* issue 16: most signals come in by file; the form for one signal opens on demand */}
      <Inklapblok titel="Eén signaal met de hand vastleggen">
        <SignaalFormulier />
      </Inklapblok>
    </>
  );
}

function Werklijst() {
  const [status, setStatus] = useState<'open' | 'afgesloten' | 'alle'>('open');
  const [sorteer, setSorteer] = useState<'leeftijd' | 'bedrag'>('leeftijd');
  const lijst = useQuery({
    queryKey: ['preventiezaken', { status, sorteer }],
    queryFn: () => apiGet('/preventiezaken', { query: { status, sorteer, paginaGrootte: 200 } }),
  });
  return (
    <section aria-labelledby="werklijst-kop">
      <Heading level={2} id="werklijst-kop">
        Werklijst
      </Heading>
      <form className="onderdak-filter" onSubmit={(e) => e.preventDefault()} aria-label="Filter werklijst">
        <SelectField
          id="pz-status"
          label="Zaken"
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
        >
          <option value="open">Open zaken</option>
          <option value="afgesloten">Afgesloten zaken</option>
          <option value="alle">Alle zaken</option>
        </SelectField>
        <SelectField
          id="pz-sorteer"
          label="Volgorde"
          value={sorteer}
          onChange={(e) => setSorteer(e.target.value as typeof sorteer)}
        >
          <option value="leeftijd">Oudste signaal eerst</option>
          <option value="bedrag">Hoogste achterstand eerst</option>
        </SelectField>
      </form>
      {lijst.isPending ? (
        <Loading />
      ) : lijst.error ? (
        <PaginaFout error={lijst.error} />
      ) : lijst.data.resultaten.length === 0 ? (
        <Paragraph>Geen zaken.</Paragraph>
      ) : (
        <Table caption={`Preventiezaken (${lijst.data.resultaten.length})`} captionHidden>
          <THead>
            <Tr>
              <Th>Bewoner</Th>
              <Th>Adres</Th>
              <Th>Bron</Th>
              <Th>Signaal</Th>
              <Th numeric>Achterstand</Th>
              <Th>Status</Th>
              <Th>Termijn</Th>
            </Tr>
          </THead>
          <TBody>
            {lijst.data.resultaten.map((z) => (
              <Tr key={z.id}>
                <Td>
                  <Link to="/preventie/$zaakId" params={{ zaakId: z.id }} className="utrecht-link">
                    {z.naam}
                  </Link>
                </Td>
                <Td>{z.adres}</Td>
                <Td>
                  {z.signaal.bronNaam} <span className="onderdak-muted">({z.signaal.bronLabel})</span>
                </Td>
                <Td>
                  {datum(z.signaal.datum)} <span className="onderdak-muted">({z.dagenOud} dagen)</span>
                </Td>
                <Td numeric>
                  {euro.format(z.signaal.bedragAchterstand)}{' '}
                  <span className="onderdak-muted">({z.signaal.maandenAchterstand} mnd)</span>
                </Td>
                <Td>
                  <StatusBadge status={statusBadge(z.status)}>{z.uitkomstLabel ?? z.statusLabel}</StatusBadge>
                </Td>
                <Td>
                  {z.eersteActie ? (
                    `Opgepakt ${datum(z.eersteActie)}`
                  ) : z.termijnVerlopen ? (
                    <StatusBadge status="danger">Over termijn</StatusBadge>
                  ) : (
                    'Binnen termijn'
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}
