// Wonen (corporatie): register a new housing unit.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiPad } from '../../../api/client';
import { useReferentie } from '../../../api/queries';
import { vandaag } from '../../../ui/format';
import { Alert, Button, ButtonGroup, ErrorAlert, FormErrors, SelectField, TextField } from '../../../ui/ui';
import { useFocusOnMount } from './Nieuw';
import { STEUN } from './wonenApi';

const TYPES = [
  ['corporatie', 'Reguliere corporatiewoning'],
  ['housing-first', 'Housing First-woning'],
  ['skaeve-huse', 'Skaeve Huse'],
  ['tussenvoorziening', 'Tussenvoorziening'],
  ['onder-de-pannen', 'Kamer bij gastgezin (Onder de Pannen / Kamers met Aandacht)'],
];

type WoningFormulier = {
  type: string;
  adres: string;
  postcode: string;
  gemeentecode: string;
  kamers: string;
  oppervlakte: string;
  huur: string;
  beschikbaarVanaf: string;
  huishoudenMax: string;
  ondersteuning: string;
};

export function WoningForm({ sluit }: { sluit: () => void }) {
  const qc = useQueryClient();
  const [f, setF] = useState<WoningFormulier>({
    type: 'corporatie',
    adres: '',
    postcode: '',
    gemeentecode: '',
    kamers: '1',
    oppervlakte: '40',
    huur: '550',
    beschikbaarVanaf: vandaag(),
    huishoudenMax: '1',
    ondersteuning: 'licht',
  });
  const [ok, setOk] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () =>
      apiPad('post', '/woonplekken', {
        body: {
          ...f,
          postcode: f.postcode || null,
          kamers: Number(f.kamers),
          oppervlakte: Number(f.oppervlakte),
          huur: Number(f.huur),
          huishoudenMin: 1,
          huishoudenMax: Number(f.huishoudenMax),
        },
      }),
    onSuccess: async (w) => {
      setOk(`Woning ${w.adres} is geregistreerd en beschikbaar.`);
      await qc.invalidateQueries({ queryKey: ['wonen'] });
    },
  });
  const fe = FormErrors.from(m.error);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <section aria-labelledby="woning-nieuw">
      <h2 id="woning-nieuw" className="utrecht-heading-2" ref={useFocusOnMount<HTMLHeadingElement>()} tabIndex={-1}>
        Woning registreren
      </h2>
      {ok && (
        <Alert type="ok" role="status">
          {ok}
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setOk(null);
          m.mutate();
        }}
        noValidate
      >
        {fe.general.length > 0 && <ErrorAlert error={m.error} />}
        <WoningVelden f={f} set={set} fe={fe} />
        <ButtonGroup>
          <Button type="submit" variant="primary" busy={m.isPending}>
            Woning registreren
          </Button>
          <Button variant="secondary" onClick={sluit}>
            Sluiten
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function WoningVelden({
  f,
  set,
  fe,
}: {
  f: WoningFormulier;
  set: (k: keyof WoningFormulier) => (e: { target: { value: string } }) => void;
  fe: FormErrors;
}) {
  const ref = useReferentie();
  return (
    <>
      <SelectField id="w-type" label="Type woonplek" value={f.type} error={fe.get('type')} onChange={set('type')}>
        {TYPES.map(([c, l]) => (
          <option key={c} value={c}>
            {l}
          </option>
        ))}
      </SelectField>
      <TextField id="w-adres" label="Adres" value={f.adres} error={fe.get('adres')} onChange={set('adres')} />
      <TextField
        id="w-postcode"
        label="Postcode"
        optional
        value={f.postcode}
        error={fe.get('postcode')}
        onChange={set('postcode')}
      />
      <SelectField
        id="w-gemeente"
        label="Gemeente"
        value={f.gemeentecode}
        error={fe.get('gemeentecode')}
        onChange={set('gemeentecode')}
      >
        <option value="">Kies een gemeente</option>
        {ref.data?.gemeenten.map((x) => (
          <option key={x.code} value={x.code}>
            {x.naam}
          </option>
        ))}
      </SelectField>
      <TextField
        id="w-kamers"
        type="number"
        label="Aantal kamers"
        value={f.kamers}
        error={fe.get('kamers')}
        onChange={set('kamers')}
      />
      <TextField
        id="w-m2"
        type="number"
        label="Oppervlakte (m²)"
        value={f.oppervlakte}
        error={fe.get('oppervlakte')}
        onChange={set('oppervlakte')}
      />
      <TextField
        id="w-huur"
        type="number"
        label="Kale huur per maand (€)"
        value={f.huur}
        error={fe.get('huur')}
        onChange={set('huur')}
      />
      <TextField
        id="w-vanaf"
        type="date"
        label="Beschikbaar vanaf"
        value={f.beschikbaarVanaf}
        error={fe.get('beschikbaarVanaf')}
        onChange={set('beschikbaarVanaf')}
      />
      <TextField
        id="w-hhmax"
        type="number"
        label="Geschikt voor maximaal (personen)"
        value={f.huishoudenMax}
        error={fe.get('huishoudenMax')}
        onChange={set('huishoudenMax')}
      />
      <SelectField
        id="w-steun"
        label="Beschikbare ondersteuning"
        value={f.ondersteuning}
        error={fe.get('ondersteuning')}
        onChange={set('ondersteuning')}
      >
        {STEUN.map(([c, l]) => (
          <option key={c} value={c}>
            {l}
          </option>
        ))}
      </SelectField>
    </>
  );
}
