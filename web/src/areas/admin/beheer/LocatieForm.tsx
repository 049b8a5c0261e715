// Beheer: create a location (shelter facility), with its rooms and reserve places in the same step ("50 kamers
// K01–K50, 1 bed, plus 10 reserveplekken"): the location first, then the series of units.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, apiPad } from '../../../api/client';
import { useReferentie } from '../../../api/queries';
import { Alert, Button, CheckboxField, ErrorSummary, FormErrors, SelectField, TextField } from '../../../ui/ui';
import { type Fouten, heeftFout } from './fouten';

const LEEG = { naam: '', type: '', adres: '', postcode: '', gemeentecode: '', wijk: '', nachtopvang: false };
const LEGE_EENHEDEN = { kamers: '0', voorvoegsel: 'K', bedden: '1', reserve: '0', reserveVoorvoegsel: 'R' };

export function LocatieForm() {
  const qc = useQueryClient();
  const [f, setF] = useState(LEEG);
  const [u, setU] = useState(LEGE_EENHEDEN);
  const [cf, setCf] = useState<Fouten>({});
  const [klaar, setKlaar] = useState<string | null>(null);
  const maak = useMutation({
    mutationFn: async () => {
      const loc = await apiPad('post', '/locaties', {
        body: {
          naam: f.naam.trim(),
          type: f.type,
          adres: f.adres.trim(),
          postcode: f.postcode.trim() || undefined,
          gemeentecode: f.gemeentecode,
          wijk: f.wijk.trim() || undefined,
          nachtopvang: f.nachtopvang,
        },
      });
      const kamers = Number(u.kamers);
      const reserve = Number(u.reserve);
      const reeksen = [
        ...(kamers > 0
          ? [{ voorvoegsel: u.voorvoegsel, van: 1, tot: kamers, soort: 'eenpersoonskamer', bedden: Number(u.bedden) }]
          : []),
        ...(reserve > 0
          ? [{ voorvoegsel: u.reserveVoorvoegsel, van: 1, tot: reserve, soort: 'reserve', bedden: 1, reserve: true }]
          : []),
      ];
      if (!reeksen.length) return 0;
      try {
        return (await apiPad('post', '/locaties/{id}/eenheidreeksen', { params: { id: loc.id }, body: { reeksen } }))
          .aantal;
      } catch (e) {
        // the location exists; say so, and where to add the units
        const reden =
          e instanceof ApiError && e.invalidParams.length
            ? e.invalidParams.map((p) => p.reason).join(' ')
            : (e as Error).message;
        throw new Error(
          `Locatie ${f.naam} is aangemaakt, maar de eenheden niet: ${reden} Voeg ze toe via Regio inrichten.`,
        );
      }
    },
    onSuccess: async (aantal) => {
      setKlaar(`Locatie ${f.naam} is aangemaakt${aantal ? ` met ${aantal} eenheden` : ''}.`);
      setF(LEEG);
      setU(LEGE_EENHEDEN);
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['locaties'] }),
        qc.invalidateQueries({ queryKey: ['beheerlocaties'] }),
      ]);
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
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">Kamers en reserveplekken (meteen aanmaken)</legend>
          <div className="onderdak-kolommen">
            <TextField
              id="locatie-kamers"
              label="Aantal kamers"
              description="0: later toevoegen via Regio inrichten"
              type="number"
              min={0}
              value={u.kamers}
              onChange={(e) => setU({ ...u, kamers: e.target.value })}
            />
            <TextField
              id="locatie-kamers-voorvoegsel"
              label="Voorvoegsel kamers"
              description="K geeft K01, K02, …"
              value={u.voorvoegsel}
              onChange={(e) => setU({ ...u, voorvoegsel: e.target.value })}
            />
            <TextField
              id="locatie-kamers-bedden"
              label="Bedden per kamer"
              type="number"
              min={1}
              value={u.bedden}
              onChange={(e) => setU({ ...u, bedden: e.target.value })}
            />
          </div>
          <div className="onderdak-kolommen">
            <TextField
              id="locatie-reserve"
              label="Aantal reserveplekken"
              type="number"
              min={0}
              value={u.reserve}
              onChange={(e) => setU({ ...u, reserve: e.target.value })}
            />
            <TextField
              id="locatie-reserve-voorvoegsel"
              label="Voorvoegsel reserveplekken"
              value={u.reserveVoorvoegsel}
              onChange={(e) => setU({ ...u, reserveVoorvoegsel: e.target.value })}
            />
          </div>
        </fieldset>
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
