// New-client page: the fieldsets "Persoonsgegevens" and "Contact".
import type { Referentie } from '../../../api/types';
import { elfproef } from '../../../ui/format';
import { Fieldset, type FormErrors, SelectField, TextField } from '../../../ui/ui';

const HERKOMST_OVERIG = ['Overig Nederland', 'Buitenland', 'Onbekend'] as const;

export interface Formulier {
  voornaam: string;
  achternaam: string;
  geboortedatum: string;
  bsn: string;
  herkomst: string;
  aanleiding: string;
  telefoon: string;
  email: string;
}
export const LEEG: Formulier = {
  voornaam: '',
  achternaam: '',
  geboortedatum: '',
  bsn: '',
  herkomst: '',
  aanleiding: '',
  telefoon: '',
  email: '',
};

export const IDS: Record<string, string> = {
  voornaam: 'client-voornaam',
  achternaam: 'client-achternaam',
  geboortedatum: 'client-geboortedatum',
  bsn: 'client-bsn',
  herkomst: 'client-herkomst',
  herkomstGemeentecode: 'client-herkomst',
  aanleiding: 'client-aanleiding',
  telefoon: 'client-telefoon',
  email: 'client-email',
  huishoudleden: 'client-huishouden',
};

type Zet = (k: keyof Formulier) => (e: { target: { value: string } }) => void;

export function PersoonVelden({
  f,
  set,
  fouten,
  referentie,
}: {
  f: Formulier;
  set: Zet;
  fouten: FormErrors;
  referentie: Referentie;
}) {
  const bsnHint =
    f.bsn.trim() && !elfproef(f.bsn.trim())
      ? 'Let op: dit BSN voldoet niet aan de elfproef. Controleer het nummer.'
      : undefined;
  return (
    <Fieldset legend="Persoonsgegevens">
      <TextField
        id={IDS.voornaam}
        label="Voornaam"
        required
        autoComplete="off"
        value={f.voornaam}
        onChange={set('voornaam')}
        error={fouten.get('voornaam')}
      />
      <TextField
        id={IDS.achternaam}
        label="Achternaam"
        required
        autoComplete="off"
        value={f.achternaam}
        onChange={set('achternaam')}
        error={fouten.get('achternaam')}
      />
      <TextField
        id={IDS.geboortedatum}
        label="Geboortedatum"
        type="date"
        optional
        value={f.geboortedatum}
        onChange={set('geboortedatum')}
        error={fouten.get('geboortedatum')}
      />
      <TextField
        id={IDS.bsn}
        label="BSN"
        optional
        inputMode="numeric"
        autoComplete="off"
        maxLength={9}
        value={f.bsn}
        onChange={set('bsn')}
        description={bsnHint ?? 'Burgerservicenummer, 9 cijfers.'}
        error={fouten.get('bsn')}
      />
      <SelectField
        id={IDS.herkomst}
        label="Herkomst"
        required
        value={f.herkomst}
        onChange={set('herkomst')}
        error={fouten.get('herkomst') ?? fouten.get('herkomstGemeentecode')}
      >
        <option value="">Kies de herkomst</option>
        <optgroup label="Gemeenten in de regio">
          {referentie.gemeenten.map((g) => (
            <option key={g.code} value={`gm:${g.code}`}>
              {g.naam}
            </option>
          ))}
        </optgroup>
        <optgroup label="Buiten de regio">
          {HERKOMST_OVERIG.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <SelectField
        id={IDS.aanleiding}
        label="Aanleiding"
        optional
        value={f.aanleiding}
        onChange={set('aanleiding')}
        error={fouten.get('aanleiding')}
      >
        <option value="">Kies de aanleiding</option>
        {referentie.aanleidingen.map((a) => (
          <option key={a.code} value={a.code}>
            {a.label}
          </option>
        ))}
      </SelectField>
    </Fieldset>
  );
}

export function ContactVelden({ f, set, fouten }: { f: Formulier; set: Zet; fouten: FormErrors }) {
  return (
    <Fieldset legend="Contact">
      <TextField
        id={IDS.telefoon}
        label="Telefoon"
        type="tel"
        optional
        autoComplete="off"
        value={f.telefoon}
        onChange={set('telefoon')}
        error={fouten.get('telefoon')}
      />
      <TextField
        id={IDS.email}
        label="E-mail"
        type="email"
        optional
        autoComplete="off"
        value={f.email}
        onChange={set('email')}
        error={fouten.get('email')}
      />
    </Fieldset>
  );
}
