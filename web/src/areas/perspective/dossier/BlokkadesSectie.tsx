// Perspective section: blockades for the exit (who is to act, since when, history), lifting and adding them.
import { useState } from 'react';
import { datum, tijdstip, vandaag } from '../../../ui/format';
import {
  Button,
  ButtonGroup,
  FormErrors,
  Heading,
  Inklapper,
  Paragraph,
  SelectField,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  Uitklap,
} from '../../../ui/ui';
import { type Blokkade, type Optie, type Perspectief, usePerspectiefMutatie } from '../perspectiefApi';
import { VELD_LABEL, VolgendeStapWijzigen } from '../VolgendeStapWijzigen';
import { Fout, WijzigDatum } from './statusWijzigen';

export function BlokkadesSectie({ p }: { p: Perspectief }) {
  const t = p.traject!;
  const blokkades = t.blokkades;
  const [op, setOp] = useState(vandaag());
  const m = usePerspectiefMutatie<Blokkade>(
    p.clientId,
    'POST',
    (b) => `/v1/blokkades/${b.id}/opheffingen`,
    () => ({ datum: op || vandaag() }),
  );
  return (
    <section aria-labelledby="blokkades-titel">
      <Heading level={3} id="blokkades-titel">
        Blokkades voor uitstroom
      </Heading>
      <Fout error={m.error} />
      {blokkades.length === 0 ? (
        <Paragraph>Geen blokkades vastgelegd.</Paragraph>
      ) : (
        <>
          <Paragraph>
            {blokkades.length} {blokkades.length === 1 ? 'blokkade' : 'blokkades'}, waarvan{' '}
            {blokkades.filter((b) => !b.opgeheven).length} nog niet opgeheven.
          </Paragraph>
          {/* issue 16: the count first; the table with its history and actions on request */}
          <Inklapper samenvatting={`Toon de ${blokkades.length === 1 ? 'blokkade' : `${blokkades.length} blokkades`}`}>
            {blokkades.some((b) => b.mogelijkheden.opheffen) && (
              <WijzigDatum id="blokkade-opheffdatum" label="Datum van opheffen" value={op} onChange={setOp} />
            )}
            <Table caption="Blokkades" captionHidden>
              <THead>
                <Tr>
                  <Th>Blokkade</Th>
                  <Th>Sinds</Th>
                  <Th numeric>Dagen</Th>
                  <Th>Aan zet</Th>
                  <Th>Status</Th>
                </Tr>
              </THead>
              <TBody>
                {blokkades.map((b) => (
                  <BlokkadeRij key={b.id} p={p} b={b} opheffen={() => m.mutate(b)} />
                ))}
              </TBody>
            </Table>
          </Inklapper>
        </>
      )}
      {p.mogelijkheden.blokkadeToevoegen && (
        <Uitklap knop="Blokkade toevoegen" titel="Blokkade voor uitstroom">
          {(sluit) => <BlokkadeForm p={p} sluit={sluit} />}
        </Uitklap>
      )}
    </section>
  );
}

function BlokkadeRij({ p, b, opheffen }: { p: Perspectief; b: Blokkade; opheffen: () => void }) {
  return (
    <Tr>
      <Td>
        {b.soortLabel}
        {b.omschrijving ? `: ${b.omschrijving}` : ''}
        <Wijzigingen b={b} eigenaren={p.keuzelijsten.eigenaren} />
      </Td>
      <Td>{datum(b.sinds)}</Td>
      <Td numeric>{b.dagen}</Td>
      <Td>
        {b.volgendeActor
          ? `${b.volgendeActor.organisatieLabel}${b.volgendeActor.naam ? ` — ${b.volgendeActor.naam}` : ''}`
          : '—'}
        {b.volgendeStap ? `: ${b.volgendeStap}` : ''}
        {!b.opgeheven && (b.volgendeActor || b.volgendeStap) ? (
          <>
            <br />
            <small>sinds {datum(b.bijgewerktOp ?? b.vastgelegdOp)}</small>
          </>
        ) : null}
      </Td>
      <Td>
        {b.opgeheven ? (
          `Opgeheven ${datum(b.opgeheven)}`
        ) : (
          <div className="onderdak-acties">
            {b.mogelijkheden.opheffen ? (
              <Button variant="subtle" onClick={opheffen}>
                Opheffen
              </Button>
            ) : (
              'Open'
            )}
            {b.mogelijkheden.wijzigen && (
              <VolgendeStapWijzigen clientId={p.clientId} blokkade={b} eigenaren={p.keuzelijsten.eigenaren} />
            )}
          </div>
        )}
      </Td>
    </Tr>
  );
}

function Wijzigingen({ b, eigenaren }: { b: Blokkade; eigenaren: Optie[] }) {
  if (!b.wijzigingen?.length) return null;
  const waarde = (veld: string, v: string | null) =>
    v === null ? 'leeg' : veld === 'volgendeActorOrganisatie' ? (eigenaren.find((o) => o.code === v)?.label ?? v) : v;
  return (
    <details>
      <summary>
        Geschiedenis ({b.wijzigingen.length} {b.wijzigingen.length === 1 ? 'wijziging' : 'wijzigingen'})
      </summary>
      <ul className="utrecht-unordered-list">
        {[...b.wijzigingen].reverse().map((w, i) => (
          <li key={i} className="utrecht-unordered-list__item">
            {tijdstip(w.op)}
            {w.door ? `, ${w.door}` : ''}:{' '}
            {w.velden
              .map(
                (v) =>
                  `${VELD_LABEL[v.veld] ?? v.veld} van “${waarde(v.veld, v.van)}” naar “${waarde(v.veld, v.naar)}”`,
              )
              .join('; ')}
          </li>
        ))}
      </ul>
    </details>
  );
}

function BlokkadeForm({ p, sluit }: { p: Perspectief; sluit: () => void }) {
  const [f, setF] = useState({
    soort: '',
    omschrijving: '',
    sinds: vandaag(),
    volgendeActorOrganisatie: '',
    volgendeActorNaam: '',
    volgendeStap: '',
  });
  const m = usePerspectiefMutatie<typeof f>(
    p.clientId,
    'POST',
    () => `/v1/trajecten/${p.traject!.id}/blokkades`,
    (x) => ({
      ...x,
      omschrijving: x.omschrijving || null,
      volgendeActorOrganisatie: x.volgendeActorOrganisatie || null,
      volgendeActorNaam: x.volgendeActorNaam || null,
      volgendeStap: x.volgendeStap || null,
    }),
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
        id="blokkade-soort"
        label="Blokkade"
        value={f.soort}
        error={fe.get('soort')}
        onChange={(e) => setF({ ...f, soort: e.target.value })}
      >
        <option value="">Kies</option>
        {p.keuzelijsten.blokkades.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <TextField
        id="blokkade-omschrijving"
        label="Omschrijving"
        optional={f.soort !== 'overig'}
        value={f.omschrijving}
        error={fe.get('omschrijving')}
        onChange={(e) => setF({ ...f, omschrijving: e.target.value })}
      />
      <TextField
        id="blokkade-sinds"
        type="date"
        label="Sinds"
        value={f.sinds}
        error={fe.get('sinds')}
        onChange={(e) => setF({ ...f, sinds: e.target.value })}
      />
      <SelectField
        id="blokkade-actor"
        label="Wie zet de volgende stap"
        optional
        value={f.volgendeActorOrganisatie}
        onChange={(e) => setF({ ...f, volgendeActorOrganisatie: e.target.value })}
      >
        <option value="">Nog niet bekend</option>
        {p.keuzelijsten.eigenaren.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <TextField
        id="blokkade-naam"
        label="Naam"
        optional
        value={f.volgendeActorNaam}
        onChange={(e) => setF({ ...f, volgendeActorNaam: e.target.value })}
      />
      <TextField
        id="blokkade-stap"
        label="Volgende stap"
        optional
        value={f.volgendeStap}
        onChange={(e) => setF({ ...f, volgendeStap: e.target.value })}
      />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={m.isPending}>
          Blokkade vastleggen
        </Button>
        <Button variant="subtle" onClick={sluit}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}
