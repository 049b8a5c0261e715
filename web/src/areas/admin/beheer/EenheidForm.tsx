// Beheer: create a unit (room, bed place) at a location.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPad } from '../../../api/client';
import { locatiesQuery, useReferentie } from '../../../api/queries';
import { Alert, Button, CheckboxField, ErrorSummary, FormErrors, SelectField, TextField } from '../../../ui/ui';
import { type Fouten, heeftFout } from './fouten';

const LEEG = { locatieId: '', naam: '', soort: '', bedden: '1', reserve: false, maxHuishoudens: '', doelgroepen: '' };

export function EenheidForm() {
  const qc = useQueryClient();
  const [f, setF] = useState(LEEG);
  const [cf, setCf] = useState<Fouten>({});
  const [klaar, setKlaar] = useState<string | null>(null);
  const maak = useMutation({
    mutationFn: () =>
      apiPad('post', '/locaties/{id}/eenheden', {
        params: { id: f.locatieId },
        body: {
          naam: f.naam.trim(),
          soort: f.soort,
          bedden: Number(f.bedden),
          reserve: f.reserve,
          maxHuishoudens: f.maxHuishoudens ? Number(f.maxHuishoudens) : undefined,
          doelgroepen: f.doelgroepen.trim()
            ? f.doelgroepen
                .split(',')
                .map((d) => d.trim())
                .filter(Boolean)
            : undefined,
        },
      }),
    onSuccess: async () => {
      setKlaar(`Eenheid ${f.naam} is aangemaakt.`); // the response is only { id }
      setF({ ...LEEG, locatieId: f.locatieId });
      await qc.invalidateQueries({ queryKey: ['locaties'] });
      await qc.invalidateQueries({ queryKey: ['bezetting'] });
    },
  });
  const ids = {
    locatieId: 'eenheid-locatie',
    naam: 'eenheid-naam',
    soort: 'eenheid-soort',
    bedden: 'eenheid-bedden',
    reserve: 'eenheid-reserve',
    maxHuishoudens: 'eenheid-max-huishoudens',
    doelgroepen: 'eenheid-doelgroepen',
  };
  const fouten = FormErrors.from(maak.error, ids, cf);
  function submit(e: FormEvent) {
    e.preventDefault();
    setKlaar(null);
    const c: Fouten = {
      locatieId: f.locatieId ? undefined : 'Kies de locatie.',
      naam: f.naam.trim() ? undefined : 'Vul de naam van de eenheid in.',
      soort: f.soort ? undefined : 'Kies de soort eenheid.',
      bedden:
        Number(f.bedden) >= 1 && Number.isInteger(Number(f.bedden))
          ? undefined
          : 'Vul een aantal bedden van 1 of meer in.',
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
      <h3 id="nieuwe-eenheid-titel" className="utrecht-heading-3">
        Nieuwe eenheid
      </h3>
      {klaar && (
        <Alert type="ok" role="status">
          {klaar}
        </Alert>
      )}
      <ErrorSummary errors={fouten.summary()} />
      <form onSubmit={submit} noValidate aria-labelledby="nieuwe-eenheid-titel">
        <EenheidVelden f={f} setF={setF} fouten={fouten} ids={ids} />
        <Button type="submit" variant="primary" busy={maak.isPending} disabled={maak.isPending}>
          Eenheid aanmaken
        </Button>
      </form>
    </div>
  );
}

function EenheidVelden({
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
  const locaties = useQuery(locatiesQuery);
  return (
    <>
      <SelectField
        id={ids.locatieId}
        label="Bij locatie"
        required
        value={f.locatieId}
        onChange={(e) => setF({ ...f, locatieId: e.target.value })}
        error={fouten.get('locatieId')}
      >
        <option value="">Kies de locatie</option>
        {(locaties.data?.resultaten ?? []).map((l) => (
          <option key={l.id} value={l.id}>
            {l.naam}
          </option>
        ))}
      </SelectField>
      <TextField
        id={ids.naam}
        label="Naam eenheid"
        required
        value={f.naam}
        onChange={(e) => setF({ ...f, naam: e.target.value })}
        error={fouten.get('naam')}
      />
      <SelectField
        id={ids.soort}
        label="Soort eenheid"
        required
        value={f.soort}
        onChange={(e) => setF({ ...f, soort: e.target.value })}
        error={fouten.get('soort')}
      >
        <option value="">Kies de soort</option>
        {(ref.data?.eenheidsoorten ?? []).map((s) => (
          <option key={s.code} value={s.code}>
            {s.label}
          </option>
        ))}
      </SelectField>
      <TextField
        id={ids.bedden}
        label="Aantal bedden"
        type="number"
        min={1}
        step={1}
        required
        value={f.bedden}
        onChange={(e) => setF({ ...f, bedden: e.target.value })}
        error={fouten.get('bedden')}
      />
      <CheckboxField
        id={ids.reserve}
        label="Reserveplek"
        checked={f.reserve}
        onChange={(e) => setF({ ...f, reserve: e.target.checked })}
        error={fouten.get('reserve')}
      />
      <TextField
        id={ids.maxHuishoudens}
        label="Maximaal aantal huishoudens"
        type="number"
        min={1}
        step={1}
        optional
        value={f.maxHuishoudens}
        onChange={(e) => setF({ ...f, maxHuishoudens: e.target.value })}
        error={fouten.get('maxHuishoudens')}
      />
      <TextField
        id={ids.doelgroepen}
        label="Doelgroepen"
        optional
        description="Gescheiden door komma's, bijvoorbeeld: jongeren, gezinnen."
        value={f.doelgroepen}
        onChange={(e) => setF({ ...f, doelgroepen: e.target.value })}
        error={fouten.get('doelgroepen')}
      />
    </>
  );
}
