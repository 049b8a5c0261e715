// Perspective section: the client's waiting lists for the next step (position, expected wait) and placing on one.

import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { datum, vandaag } from '../../../ui/format';
import {
  Button,
  ButtonGroup,
  CheckboxField,
  FormErrors,
  Heading,
  Inklapper,
  Paragraph,
  SelectField,
  StatusBadge,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  Uitklap,
} from '../../../ui/ui';
import { type Perspectief, usePerspectiefMutatie } from '../perspectiefApi';
import { Fout } from './statusWijzigen';

export function WachtlijstenSectie({ p }: { p: Perspectief }) {
  const w = p.wachtlijsten;
  return (
    <section aria-labelledby="wachtlijsten-titel">
      <Heading level={3} id="wachtlijsten-titel">
        Wachtlijsten vervolgstap
      </Heading>
      {w.actief.length === 0 ? (
        <Paragraph>Staat op geen wachtlijst.</Paragraph>
      ) : (
        // issue 16: the list names with positions in a line; the table with waiting times on request
        <>
          <Paragraph>
            {w.actief
              .map((e) => `${e.lijstNaam}${e.urgent ? ' (urgent)' : ''}: ${e.positie} van ${e.lengte}`)
              .join('; ')}
            .
          </Paragraph>
          <Inklapper
            samenvatting={`Toon de ${w.actief.length === 1 ? 'wachtlijst' : `${w.actief.length} wachtlijsten`} met de verwachte wachttijd`}
          >
            <Table caption="Wachtlijsten van de cliënt" captionHidden>
              <THead>
                <Tr>
                  <Th>Wachtlijst</Th>
                  <Th>Sinds</Th>
                  <Th numeric>Positie</Th>
                  <Th>Verwachte wachttijd</Th>
                </Tr>
              </THead>
              <TBody>
                {w.actief.map((e) => (
                  <Tr key={e.id}>
                    <Td>
                      <Link to="/wachtlijsten" search={{ lijst: e.lijst }} className="utrecht-link">
                        {e.lijstNaam}
                      </Link>{' '}
                      {e.urgent && <StatusBadge status="warning">Urgent</StatusBadge>}
                    </Td>
                    <Td>
                      {datum(e.opLijstSinds)} ({e.wachtDagen} dagen)
                    </Td>
                    <Td numeric>
                      {e.positie} van {e.lengte}
                    </Td>
                    <Td>
                      {e.verwachteWachttijdDagen === null
                        ? 'Onbekend (geen recente plaatsingen)'
                        : `ongeveer ${e.verwachteWachttijdDagen} dagen (${datum(e.verwachteDatum)})`}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </Inklapper>
        </>
      )}
      {w.eerder.length > 0 && (
        <Paragraph small>
          Eerder:{' '}
          {w.eerder
            .map(
              (e) =>
                `${e.lijstNaam} (${datum(e.opLijstSinds)} – ${datum(e.afgemeldOp)}, ${e.redenLabel!.toLowerCase()})`,
            )
            .join('; ')}
          .
        </Paragraph>
      )}
      {p.mogelijkheden.wachtlijstPlaatsen && (
        <Uitklap knop="Op wachtlijst plaatsen" titel="Op wachtlijst plaatsen">
          {(sluit) => <WachtlijstForm p={p} sluit={sluit} />}
        </Uitklap>
      )}
    </section>
  );
}

function WachtlijstForm({ p, sluit }: { p: Perspectief; sluit: () => void }) {
  const [f, setF] = useState({ lijst: '', datum: vandaag(), urgent: false, toelichting: '' });
  const m = usePerspectiefMutatie<typeof f>(
    p.clientId,
    'POST',
    (x) => `/v1/wachtlijsten/${x.lijst || 'onbekend'}/plaatsingen`,
    (x) => ({ clientId: p.clientId, datum: x.datum, urgent: x.urgent, toelichting: x.toelichting || null }),
  );
  const fe = FormErrors.from(m.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate(f, { onSuccess: sluit });
      }}
      noValidate
    >
      {fe.general.length > 0 && <Fout error={m.error} />}
      <SelectField
        id="wl-lijst"
        label="Wachtlijst"
        value={f.lijst}
        onChange={(e) => setF({ ...f, lijst: e.target.value })}
      >
        <option value="">Kies een wachtlijst</option>
        {p.wachtlijsten.lijsten.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <TextField
        id="wl-datum"
        type="date"
        label="Op de lijst sinds"
        value={f.datum}
        error={fe.get('datum')}
        onChange={(e) => setF({ ...f, datum: e.target.value })}
      />
      <CheckboxField
        id="wl-urgent"
        label="Urgent (gaat voor; toelichting verplicht)"
        checked={f.urgent}
        onChange={(e) => setF({ ...f, urgent: e.target.checked })}
      />
      <TextField
        id="wl-toelichting"
        label="Toelichting"
        optional={!f.urgent}
        value={f.toelichting}
        error={fe.get('toelichting')}
        onChange={(e) => setF({ ...f, toelichting: e.target.value })}
      />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={m.isPending}>
          Op wachtlijst plaatsen
        </Button>
        <Button variant="subtle" onClick={sluit}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}
