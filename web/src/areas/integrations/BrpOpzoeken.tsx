// Issue 19: look a person up in the BRP by BSN to fill the registration form. The BSN goes in the request body; the
// server logs every lookup with its purpose (doelbinding).
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { datum } from '../../ui/format';
import { Alert, Button, ErrorSummary, FormErrors, Heading, Paragraph, SelectField, TextField } from '../../ui/ui';

export type BrpPersoon = NonNullable<Schema<'BrpRaadpleging'>['persoon']>;

export function BrpOpzoeken({ onGevonden }: { onGevonden: (p: BrpPersoon) => void }) {
  const [bsn, setBsn] = useState('');
  const [doel, setDoel] = useState('toegang-opvang');
  const m = useMutation({
    mutationFn: () => apiPad('post', '/brp-raadplegingen', { body: { bsn: bsn.trim(), doelbinding: doel } }),
    onSuccess: (r) => {
      if (r.persoon) onGevonden(r.persoon);
    },
  });
  const fouten = FormErrors.from(m.error, { bsn: 'brp-bsn', doelbinding: 'brp-doel' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  const p = m.data?.persoon;
  return (
    <form onSubmit={submit} noValidate aria-label="Opzoeken in de BRP" className="onderdak-form">
      <Heading level={2}>Opzoeken in de BRP</Heading>
      <Paragraph>
        Heeft de cliënt een BSN? Zoek de gegevens op in de Basisregistratie Personen; naam, geboortedatum en BSN worden
        dan ingevuld. Elke raadpleging wordt met het doel vastgelegd.
      </Paragraph>
      <ErrorSummary errors={fouten.summary()} />
      <TextField
        id="brp-bsn"
        label="BSN"
        inputMode="numeric"
        autoComplete="off"
        value={bsn}
        onChange={(e) => setBsn(e.target.value)}
        error={fouten.get('bsn')}
      />
      <SelectField id="brp-doel" label="Doel van de raadpleging" value={doel} onChange={(e) => setDoel(e.target.value)}>
        <option value="toegang-opvang">Aanmelding maatschappelijke opvang vullen en controleren</option>
        <option value="eigen-bijdrage">Eigen bijdrage vaststellen</option>
      </SelectField>
      <Button type="submit" busy={m.isPending} disabled={m.isPending}>
        Opzoeken in de BRP
      </Button>
      {m.data && !p && (
        <Alert type="warning" role="status">
          Geen persoon gevonden met dit BSN. Controleer het nummer of vul de gegevens met de hand in.
        </Alert>
      )}
      {p && (
        <Alert type="ok" role="status" title="Gevonden in de BRP">
          <p className="utrecht-paragraph">
            {[p.voornamen, p.voorvoegsel, p.geslachtsnaam].filter(Boolean).join(' ')}, geboren {datum(p.geboortedatum)}.{' '}
            {p.adres
              ? `${p.adres.functie === 'briefadres' ? 'Briefadres' : 'Woonadres'}: ${p.adres.straat ?? ''} ${p.adres.huisnummer ?? ''}, ${p.adres.postcode ?? ''} ${p.adres.woonplaats ?? ''}.`
              : 'Geen adres bekend.'}
            {p.geheimhouding && ' Let op: geheimhouding van persoonsgegevens.'} De gegevens zijn hieronder ingevuld.
          </p>
        </Alert>
      )}
    </form>
  );
}
