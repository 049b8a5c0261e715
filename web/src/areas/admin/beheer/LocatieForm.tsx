// Beheer: create a location (shelter facility).

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPad } from '../../../api/client';
import { useReferentie } from '../../../api/queries';
import { Alert, Button, CheckboxField, ErrorSummary, FormErrors, SelectField, TextField } from '../../../ui/ui';
import { type Fouten, heeftFout } from './fouten';

const LEEG = { naam: '', type: '', adres: '', postcode: '', gemeentecode: '', wijk: '', nachtopvang: false };

export function LocatieForm() {
  const qc = useQueryClient();
  const [f, setF] = useState(LEEG);
  const [cf, setCf] = useState<Fouten>({});
  const [klaar, setKlaar] = useState<string | null>(null);
  const maak = useMutation({
    mutationFn: () =>
      apiPad('post', '/locaties', {
        body: {
          naam: f.naam.trim(),
          type: f.type,
          adres: f.adres.trim(),
          postcode: f.postcode.trim() || undefined,
          gemeentecode: f.gemeentecode,
          wijk: f.wijk.trim() || undefined,
          nachtopvang: f.nachtopvang,
        },
      }),
    onSuccess: async () => {
      setKlaar(`Locatie ${f.naam} is aangemaakt.`); // the response is only { id }
      setF(LEEG);
      await qc.invalidateQueries({ queryKey: ['locaties'] });
    },
  });
  const ids = {
    naam: 'locatie-naam',
    type: 'locatie-type',
    adres: 'locatie-adres',
    postcode: 'locatie-postcode',
    gemeentecode: 'locatie-gemeente',
    wijk: 'locatie-wijk',
    nachtopvang: 'locatie-nachtopvang',
  };
  const fouten = FormErrors.from(maak.error, ids, cf);
  function submit(e: FormEvent) {
    e.preventDefault();
    setKlaar(null);
    const c: Fouten = {
      naam: f.naam.trim() ? undefined : 'Vul de naam van de locatie in.',
      type: f.type ? undefined : 'Kies het type voorziening.',
      adres: f.adres.trim() ? undefined : 'Vul het adres in.',
      gemeentecode: f.gemeentecode ? undefined : 'Kies de gemeente.',
    };
    setCf(c);
    if (heeftFout(c)) {
      maak.reset();
      return;
    }
    maak.mutate();
  }
  return (
    <div className="onderdak-card">
      <h3 id="nieuwe-locatie-titel" className="utrecht-heading-3">
        Nieuwe locatie
      </h3>
      {klaar && (
        <Alert type="ok" role="status">
          {klaar}
        </Alert>
      )}
      <ErrorSummary errors={fouten.summary()} />
      <form onSubmit={submit} noValidate aria-labelledby="nieuwe-locatie-titel">
        <LocatieVelden f={f} setF={setF} fouten={fouten} ids={ids} />
        <Button type="submit" variant="primary" busy={maak.isPending} disabled={maak.isPending}>
          Locatie aanmaken
        </Button>
      </form>
    </div>
  );
}

function LocatieVelden({
  f,
  setF,
  fouten,
  ids,
}: {
  f: typeof LEEG;
  setF: (f: typeof LEEG) => void;
  fouten: FormErrors;
  ids: Record<keyof typeof LEEG, string>;
}) {
  const ref = useReferentie();
  return (
    <>
      <TextField
        id={ids.naam}
        label="Naam locatie"
        required
        value={f.naam}
        onChange={(e) => setF({ ...f, naam: e.target.value })}
        error={fouten.get('naam')}
      />
      <SelectField
        id={ids.type}
        label="Type voorziening"
        required
        value={f.type}
        onChange={(e) => setF({ ...f, type: e.target.value })}
        error={fouten.get('type')}
      >
        <option value="">Kies het type</option>
        {(ref.data?.voorzieningtypen ?? []).map((t) => (
          <option key={t.code} value={t.code}>
            {t.label}
          </option>
        ))}
      </SelectField>
      <TextField
        id={ids.adres}
        label="Adres"
        required
        value={f.adres}
        onChange={(e) => setF({ ...f, adres: e.target.value })}
        error={fouten.get('adres')}
      />
      <TextField
        id={ids.postcode}
        label="Postcode"
        optional
        className="utrecht-textbox--postal-code-nl-size"
        value={f.postcode}
        onChange={(e) => setF({ ...f, postcode: e.target.value })}
        error={fouten.get('postcode')}
      />
      <SelectField
        id={ids.gemeentecode}
        label="Gemeente"
        required
        value={f.gemeentecode}
        onChange={(e) => setF({ ...f, gemeentecode: e.target.value })}
        error={fouten.get('gemeentecode')}
      >
        <option value="">Kies de gemeente</option>
        {(ref.data?.gemeenten ?? []).map((g) => (
          <option key={g.code} value={g.code}>
            {g.naam}
          </option>
        ))}
      </SelectField>
      <TextField
        id={ids.wijk}
        label="Wijk"
        optional
        value={f.wijk}
        onChange={(e) => setF({ ...f, wijk: e.target.value })}
        error={fouten.get('wijk')}
      />
      <CheckboxField
        id={ids.nachtopvang}
        label="Nachtopvang"
        checked={f.nachtopvang}
        onChange={(e) => setF({ ...f, nachtopvang: e.target.checked })}
        error={fouten.get('nachtopvang')}
      />
    </>
  );
}
