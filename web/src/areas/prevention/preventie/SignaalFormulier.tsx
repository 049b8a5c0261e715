// Preventie: record one signal of payment arrears by hand.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, apiPad } from '../../../api/client';
import { vandaag } from '../../../ui/format';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorAlert,
  ErrorSummary,
  Heading,
  Paragraph,
  SelectField,
  TextField,
} from '../../../ui/ui';
import { BRONNEN } from './preventieApi';

const LEEG = {
  bron: 'corporatie',
  bronNaam: '',
  referentie: '',
  datum: '',
  voornaam: '',
  achternaam: '',
  geboortedatum: '',
  bsn: '',
  postcode: '',
  huisnummer: '',
  bedragAchterstand: '',
  maandenAchterstand: '',
};

export function SignaalFormulier() {
  const qc = useQueryClient();
  const [f, setF] = useState({ ...LEEG, datum: vandaag() });
  const opslaan = useMutation({
    mutationFn: () =>
      apiPad('post', '/signalen', { body: { ...f, geboortedatum: f.geboortedatum || null, bsn: f.bsn || null } }),
    onSuccess: () => {
      setF({ ...LEEG, datum: vandaag() });
      void qc.invalidateQueries({ queryKey: ['preventiezaken'] });
    },
  });
  const fouten = opslaan.error instanceof ApiError ? opslaan.error.invalidParams : [];
  const fout = (veld: string) => fouten.find((p) => p.name === veld)?.reason;
  const veld = (naam: keyof typeof LEEG, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      id={`sig-${naam}`}
      label={label}
      value={f[naam]}
      error={fout(naam)}
      onChange={(e) => setF({ ...f, [naam]: e.target.value })}
      {...extra}
    />
  );
  return (
    <section aria-labelledby="signaal-kop">
      <Heading level={2} id="signaal-kop">
        Eén signaal vastleggen
      </Heading>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          opslaan.mutate();
        }}
        noValidate
        className="onderdak-form"
      >
        <ErrorSummary errors={fouten.map((p) => ({ id: `sig-${p.name}`, message: p.reason }))} />
        {opslaan.error && !fouten.length && <ErrorAlert error={opslaan.error} />}
        {opslaan.data && (
          <Alert type="ok" role="status" title="Signaal vastgelegd">
            <Paragraph>
              <Link to="/preventie/$zaakId" params={{ zaakId: opslaan.data.zaakId }} className="utrecht-link">
                Open de zaak
              </Link>
            </Paragraph>
          </Alert>
        )}
        <SelectField id="sig-bron" label="Bron" value={f.bron} onChange={(e) => setF({ ...f, bron: e.target.value })}>
          {BRONNEN.map(([c, l]) => (
            <option key={c} value={c}>
              {l}
            </option>
          ))}
        </SelectField>
        {veld('bronNaam', 'Naam melder')}
        {veld('referentie', 'Kenmerk van de melder')}
        {veld('datum', 'Signaaldatum', { type: 'date' })}
        {veld('voornaam', 'Voornaam', { autoComplete: 'off' })}
        {veld('achternaam', 'Achternaam', { autoComplete: 'off' })}
        {veld('geboortedatum', 'Geboortedatum', { type: 'date', optional: true })}
        {veld('bsn', 'BSN', { optional: true, inputMode: 'numeric', autoComplete: 'off' })}
        {veld('postcode', 'Postcode', { description: 'Bijvoorbeeld 3311AB' })}
        {veld('huisnummer', 'Huisnummer')}
        {veld('bedragAchterstand', 'Bedrag achterstand (euro)', { inputMode: 'decimal' })}
        {veld('maandenAchterstand', 'Maanden achterstand', { inputMode: 'numeric' })}
        <ButtonGroup>
          <Button type="submit" variant="primary" busy={opslaan.isPending}>
            Signaal vastleggen
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
