// Nazorg plan: the planned and registered contacts, and registering a contact (or closing the plan).

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, apiPad } from '../../../api/client';
import { datum, vandaag } from '../../../ui/format';
import {
  Button,
  ButtonGroup,
  CheckboxField,
  ErrorAlert,
  ErrorSummary,
  Formulier,
  Heading,
  RadioGroup,
  SelectField,
  StatusBadge,
  Table,
  TBody,
  Td,
  TextareaField,
  TextField,
  THead,
  Th,
  Tr,
} from '../../../ui/ui';
import { ContactmomentAanpassen, ContactmomentToevoegen } from './Contactmomenten';
import { contactMoment, type Plan } from './nazorgApi';

export function Contacten({ p, planId, zet }: { p: Plan; planId: string; zet: (p: Plan) => void }) {
  return (
    <section aria-labelledby="contacten-kop">
      <Heading level={2} id="contacten-kop">
        Contacten
      </Heading>
      <Table caption="Geplande en geregistreerde contacten" captionHidden>
        <THead>
          <Tr>
            <Th>Moment</Th>
            <Th>Gepland</Th>
            <Th>Gedaan</Th>
            <Th>Bereikt</Th>
            <Th>Notitie</Th>
            {p.mogelijkheden.planningWijzigen && <Th>Planning aanpassen</Th>}
          </Tr>
        </THead>
        <TBody>
          {p.contacten.map((x) => (
            <Tr key={x.id}>
              <Td>{contactMoment(x.maanden)}</Td>
              <Td>
                {x.gepland ? datum(x.gepland) : '—'}{' '}
                {x.status === 'gemist' && <StatusBadge status="danger">Gemist</StatusBadge>}
              </Td>
              <Td>{x.datum ? datum(x.datum) : '—'}</Td>
              <Td>
                {x.bereikt == null ? '—' : x.bereikt ? 'Ja' : 'Nee'}
                {x.zorgsignaal && (
                  <>
                    {' '}
                    <StatusBadge status="warning">Zorgsignaal</StatusBadge>
                  </>
                )}
              </Td>
              <Td>{x.notitie ?? '—'}</Td>
              {p.mogelijkheden.planningWijzigen && (
                <Td>
                  {x.gepland && x.status !== 'gedaan' ? (
                    <ContactmomentAanpassen planId={planId} contact={x} onSaved={zet} />
                  ) : (
                    '—'
                  )}
                </Td>
              )}
            </Tr>
          ))}
        </TBody>
      </Table>
      {p.mogelijkheden.planningWijzigen && <ContactmomentToevoegen planId={planId} onSaved={zet} />}
    </section>
  );
}

/** The form to register a contact, with "Nazorgplan afsluiten"; its state stays while the plan page is open. */
export function ContactRegistreren({ p, planId, zet }: { p: Plan; planId: string; zet: (p: Plan) => void }) {
  const [c, setC] = useState({
    datum: vandaag(),
    bereikt: '' as 'ja' | 'nee' | '',
    geplandContactId: '',
    zorgsignaal: false,
    notitie: '',
  });
  const contact = useMutation({
    // `bereikt` may be left empty: the server then says it is missing (so not apiPad, whose body type requires it)
    mutationFn: () =>
      api<Plan>(`/v1/nazorgplannen/${planId}/contacten`, {
        method: 'POST',
        body: {
          datum: c.datum,
          bereikt: c.bereikt === '' ? undefined : c.bereikt === 'ja',
          geplandContactId: c.geplandContactId || null,
          zorgsignaal: c.zorgsignaal,
          notitie: c.notitie || null,
        },
      }),
    onSuccess: (p) => {
      zet(p);
      setC({ ...c, bereikt: '', geplandContactId: '', zorgsignaal: false, notitie: '' });
    },
  });
  const afsluiten = useMutation({
    mutationFn: () =>
      apiPad('post', '/nazorgplannen/{id}/afsluitingen', { params: { id: planId }, body: { datum: vandaag() } }),
    onSuccess: zet,
  });
  if (!p.mogelijkheden.contactRegistreren) return null;
  const cf = contact.error instanceof ApiError ? contact.error.invalidParams : [];
  const open = p.contacten.filter((x) => x.status !== 'gedaan' && x.gepland);
  return (
    <section aria-labelledby="contact-kop">
      <Heading level={2} id="contact-kop">
        Contact registreren
      </Heading>
      <Formulier
        concept={`nazorgcontact:${planId}`}
        onSubmit={(e) => {
          e.preventDefault();
          contact.mutate();
        }}
        noValidate
        className="onderdak-form"
      >
        <ErrorSummary errors={cf.map((x) => ({ id: `nc-${x.name}`, message: x.reason }))} />
        {contact.error && !cf.length && <ErrorAlert error={contact.error} />}
        <SelectField
          id="nc-geplandContactId"
          label="Welk contactmoment"
          value={c.geplandContactId}
          onChange={(e) => setC({ ...c, geplandContactId: e.target.value })}
        >
          <option value="">Extra contact (niet gepland)</option>
          {open.map((x) => (
            <option key={x.id} value={x.id}>
              {contactMoment(x.maanden)} (gepland {datum(x.gepland)})
            </option>
          ))}
        </SelectField>
        <TextField
          id="nc-datum"
          type="date"
          label="Datum"
          value={c.datum}
          max={vandaag()}
          onChange={(e) => setC({ ...c, datum: e.target.value })}
          error={cf.find((x) => x.name === 'datum')?.reason}
        />
        <RadioGroup
          idPrefix="nc"
          name="bereikt"
          legend="Is de cliënt bereikt?"
          value={c.bereikt}
          onChange={(v) => setC({ ...c, bereikt: v })}
          options={[
            { value: 'ja', label: 'Ja' },
            { value: 'nee', label: 'Nee' },
          ]}
          error={cf.find((x) => x.name === 'bereikt')?.reason}
        />
        <CheckboxField
          id="nc-zorgsignaal"
          label="Zorgsignaal: tekenen van dreigende terugval"
          checked={c.zorgsignaal}
          onChange={(e) => setC({ ...c, zorgsignaal: e.target.checked })}
        />
        <TextareaField
          id="nc-notitie"
          label="Notitie"
          optional
          value={c.notitie}
          onChange={(e) => setC({ ...c, notitie: e.target.value })}
        />
        <ButtonGroup>
          <Button type="submit" variant="primary" busy={contact.isPending}>
            Contact registreren
          </Button>
          {p.mogelijkheden.afsluiten && (
            <Button variant="secondary" busy={afsluiten.isPending} onClick={() => afsluiten.mutate()}>
              Nazorgplan afsluiten
            </Button>
          )}
        </ButtonGroup>
        {afsluiten.error && <ErrorAlert error={afsluiten.error} />}
      </Formulier>
    </section>
  );
}
