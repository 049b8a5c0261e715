// Perspective section: goals per life domain with their actions (status buttons, adding goals and actions).
import { useState } from 'react';
import { datum } from '../../../ui/format';
import {
  Button,
  ButtonGroup,
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
import {
  ACTIESTATUS,
  DOELSTATUS,
  type Doel,
  type Perspectief,
  type Plan,
  usePerspectiefMutatie,
} from '../perspectiefApi';
import { StatusKnoppen, WijzigDatum } from './statusWijzigen';

export function DoelKaart({
  p,
  doel,
  actieDatum,
  setActieDatum,
}: {
  p: Perspectief;
  doel: Doel;
  /** the date for status changes of actions, shared by all goals of the plan */
  actieDatum: string;
  setActieDatum: (d: string) => void;
}) {
  const verlopen = doel.acties.filter((a) => a.verlopen).length;
  return (
    <li className="onderdak-card">
      <article aria-labelledby={`doel-${doel.id}`}>
        <div className="onderdak-kaart__kop">
          <Heading level={4} id={`doel-${doel.id}`}>
            {doel.levensgebiedLabel}: {doel.omschrijving}
          </Heading>
          <StatusBadge
            status={doel.status === 'bereikt' ? 'success' : doel.status === 'gestopt' ? 'inactive' : 'active'}
          >
            {doel.statusLabel}
          </StatusBadge>
        </div>
        {/* issue 16: per life domain a short line; the status buttons and the actions on request (a new goal,
            without actions yet, starts open so the first action can be added at once) */}
        <Inklapper
          beginOpen={doel.acties.length === 0}
          samenvatting={
            doel.acties.length === 0
              ? 'Acties (nog geen)'
              : `Toon de ${doel.acties.length === 1 ? 'actie' : `${doel.acties.length} acties`}${verlopen ? ` (${verlopen} verlopen)` : ''}`
          }
        >
          {doel.mogelijkheden.statusWijzigen && (
            <StatusKnoppen
              clientId={p.clientId}
              pad={`/v1/doelen/${doel.id}/statuswijzigingen`}
              opties={doel.volgendeStatussen}
              labels={DOELSTATUS}
              label={`Status van doel ${doel.omschrijving}`}
            />
          )}
          {/* issue 16: the date field sits with the actions it is for (one value for the whole plan) */}
          {doel.acties.some((a) => a.volgendeStatussen.length > 0) && (
            <WijzigDatum
              id={`actie-statusdatum-${doel.id}`}
              label="Datum voor statuswijzigingen van acties"
              value={actieDatum}
              onChange={setActieDatum}
            />
          )}
          {doel.acties.length === 0 ? (
            <Paragraph>Nog geen acties.</Paragraph>
          ) : (
            <ActiesTabel clientId={p.clientId} doel={doel} actieDatum={actieDatum} />
          )}
          {doel.mogelijkheden.actieToevoegen && (
            <Uitklap knop="Actie toevoegen" titel={`Actie bij: ${doel.omschrijving}`}>
              {(sluit) => <ActieForm p={p} doel={doel} sluit={sluit} />}
            </Uitklap>
          )}
        </Inklapper>
      </article>
    </li>
  );
}

function ActiesTabel({ clientId, doel, actieDatum }: { clientId: string; doel: Doel; actieDatum: string }) {
  return (
    <Table caption={`Acties bij ${doel.omschrijving}`} captionHidden>
      <THead>
        <Tr>
          <Th>Actie</Th>
          <Th>Wie</Th>
          <Th>Uiterlijk</Th>
          <Th>Status</Th>
        </Tr>
      </THead>
      <TBody>
        {doel.acties.map((a) => (
          <Tr key={a.id}>
            <Td>{a.omschrijving}</Td>
            <Td>
              {a.eigenaarOrganisatieLabel}
              {a.eigenaarNaam ? ` — ${a.eigenaarNaam}` : ''}
            </Td>
            <Td>
              {datum(a.uiterlijk)} {a.verlopen && <StatusBadge status="danger">Verlopen</StatusBadge>}
            </Td>
            <Td>
              {a.statusLabel}
              {a.statusDatum ? ` (${datum(a.statusDatum)})` : ''}
              <StatusKnoppen
                clientId={clientId}
                pad={`/v1/acties/${a.id}/statuswijzigingen`}
                opties={a.volgendeStatussen}
                labels={ACTIESTATUS}
                label={`Status van actie ${a.omschrijving}`}
                datum={actieDatum}
              />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export function DoelForm({ p, plan, sluit }: { p: Perspectief; plan: Plan; sluit: () => void }) {
  const [f, setF] = useState({ levensgebied: '', omschrijving: '' });
  const m = usePerspectiefMutatie<typeof f>(
    p.clientId,
    'POST',
    () => `/v1/perspectiefplannen/${plan.id}/doelen`,
    (x) => x,
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
      <SelectField
        id="doel-gebied"
        label="Levensgebied"
        value={f.levensgebied}
        error={fe.get('levensgebied')}
        onChange={(e) => setF({ ...f, levensgebied: e.target.value })}
      >
        <option value="">Kies een levensgebied</option>
        {p.keuzelijsten.levensgebieden.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <TextField
        id="doel-omschrijving"
        label="Doel"
        value={f.omschrijving}
        error={fe.get('omschrijving')}
        onChange={(e) => setF({ ...f, omschrijving: e.target.value })}
      />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={m.isPending}>
          Doel toevoegen
        </Button>
        <Button variant="subtle" onClick={sluit}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}

function ActieForm({ p, doel, sluit }: { p: Perspectief; doel: Doel; sluit: () => void }) {
  const [f, setF] = useState({ omschrijving: '', eigenaarOrganisatie: '', eigenaarNaam: '', uiterlijk: '' });
  const m = usePerspectiefMutatie<typeof f>(
    p.clientId,
    'POST',
    () => `/v1/doelen/${doel.id}/acties`,
    (x) => ({ ...x, eigenaarNaam: x.eigenaarNaam || null }),
  );
  const fe = FormErrors.from(m.error);
  const id = `actie-${doel.id}`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate(f, { onSuccess: sluit });
      }}
      noValidate
    >
      <TextField
        id={`${id}-omschrijving`}
        label="Actie"
        value={f.omschrijving}
        error={fe.get('omschrijving')}
        onChange={(e) => setF({ ...f, omschrijving: e.target.value })}
      />
      <SelectField
        id={`${id}-eigenaar`}
        label="Wie voert het uit (organisatie)"
        value={f.eigenaarOrganisatie}
        error={fe.get('eigenaarOrganisatie')}
        onChange={(e) => setF({ ...f, eigenaarOrganisatie: e.target.value })}
      >
        <option value="">Kies</option>
        {p.keuzelijsten.eigenaren.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${id}-naam`}
        label="Naam van de uitvoerder"
        optional
        value={f.eigenaarNaam}
        error={fe.get('eigenaarNaam')}
        onChange={(e) => setF({ ...f, eigenaarNaam: e.target.value })}
      />
      <TextField
        id={`${id}-uiterlijk`}
        type="date"
        label="Uiterlijk klaar op"
        value={f.uiterlijk}
        error={fe.get('uiterlijk')}
        onChange={(e) => setF({ ...f, uiterlijk: e.target.value })}
      />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={m.isPending}>
          Actie toevoegen
        </Button>
        <Button variant="subtle" onClick={sluit}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}
