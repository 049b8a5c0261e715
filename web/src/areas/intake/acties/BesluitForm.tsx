// Action form on the case page: the decision (besluit) on a registration, with the regional-binding questions.
import { useState } from 'react';
import { apiPad } from '../../../api/client';
import { useGebruiker, useReferentie } from '../../../api/queries';
import type { Aanmelding, Schema } from '../../../api/types';
import { vandaag } from '../../../ui/format';
import {
  CheckboxField,
  ErrorSummary,
  Fieldset,
  RadioGroup,
  SelectField,
  TextareaField,
  TextField,
} from '../../../ui/ui';
import { FormKnoppen } from './FormKnoppen';
import { useClientActie } from './useClientActie';

type Uitkomst = Schema<'Besluituitkomst'>;
type Wens = Schema<'RegiobindingInvoer'>['wensClient'];
interface Regiobinding {
  jaren: string;
  netwerk: boolean;
  zorg: boolean;
  wens: Wens;
  andere: string;
  toestemming: boolean;
}
const GEEN_REGIOBINDING: Regiobinding = {
  jaren: '',
  netwerk: false,
  zorg: false,
  wens: 'geen-voorkeur',
  andere: '',
  toestemming: false,
};

export function BesluitForm({
  aanmelding,
  sluit,
  titelId,
}: {
  aanmelding: Aanmelding;
  sluit: () => void;
  titelId: string;
}) {
  const [uitkomst, setUitkomst] = useState<Uitkomst | ''>('');
  const [d, setD] = useState(vandaag());
  const [reden, setReden] = useState('');
  const [rb, setRb] = useState<Regiobinding>(GEEN_REGIOBINDING);

  const p = `besluit-${aanmelding.id}`;
  const ids: Record<string, string> = {
    uitkomst: `${p}-uitkomst-eerste`,
    datum: `${p}-datum`,
    reden: `${p}-reden`,
    jarenInRegio: `${p}-jaren`,
    sociaalNetwerkInRegio: `${p}-netwerk`,
    bekendBijLokaleZorg: `${p}-zorg`,
    wensClient: `${p}-wens`,
    andereTenantId: `${p}-andere`,
    toestemmingOverdracht: `${p}-toestemming`,
    regiobinding: `${p}-jaren`,
  };
  const { m, fouten, verstuur } = useClientActie(
    aanmelding.clientId,
    sluit,
    () => {
      const regiobinding =
        uitkomst === 'toegang' || rb.jaren !== ''
          ? {
              jarenInRegio: Number(rb.jaren || 0),
              sociaalNetwerkInRegio: rb.netwerk,
              bekendBijLokaleZorg: rb.zorg,
              wensClient: rb.wens,
              andereTenantId: rb.andere || undefined,
              toestemmingOverdracht: rb.andere ? rb.toestemming : undefined,
            }
          : undefined;
      return apiPad('post', '/aanmeldingen/{id}/besluiten', {
        params: { id: aanmelding.id },
        body: { uitkomst: uitkomst as Uitkomst, datum: d, reden: reden.trim() || undefined, regiobinding },
      });
    },
    ids,
  );
  const submit = verstuur({
    uitkomst: uitkomst ? undefined : 'Kies de uitkomst van het besluit.',
    datum: d ? undefined : 'Vul de datum van het besluit in.',
    reden: uitkomst === 'afwijzing' && !reden.trim() ? 'Vul de reden van de afwijzing in.' : undefined,
    jarenInRegio:
      rb.jaren !== '' && (!Number.isFinite(Number(rb.jaren)) || Number(rb.jaren) < 0)
        ? 'Vul een aantal jaren van 0 of meer in.'
        : undefined,
    andereTenantId: rb.wens === 'andere-regio' && !rb.andere ? 'Kies de andere centrumgemeente.' : undefined,
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fouten.summary()} />
      <RadioGroup<Uitkomst>
        idPrefix={p}
        name="uitkomst"
        legend="Uitkomst"
        value={uitkomst}
        onChange={setUitkomst}
        error={fouten.get('uitkomst')}
        options={[
          { value: 'toegang', label: 'Toegang' },
          { value: 'doorverwijzing', label: 'Doorverwijzing voorliggend veld' },
          { value: 'afwijzing', label: 'Afwijzing' },
        ]}
      />
      <TextField
        id={ids.datum}
        label="Datum"
        type="date"
        required
        value={d}
        onChange={(e) => setD(e.target.value)}
        error={fouten.get('datum')}
      />
      <TextareaField
        id={ids.reden}
        label="Reden"
        required={uitkomst === 'afwijzing'}
        description="Verplicht bij afwijzing."
        value={reden}
        onChange={(e) => setReden(e.target.value)}
        error={fouten.get('reden')}
      />
      <RegiobindingVelden
        ids={ids}
        rb={rb}
        zet={(w) => setRb((o) => ({ ...o, ...w }))}
        fout={(k) => fouten.get(`regiobinding.${k}`) ?? fouten.get(k)}
      />
      <FormKnoppen bezig={m.isPending} opslaan="Besluit opslaan" sluit={sluit} />
    </form>
  );
}

/** Fieldset "Regiobinding": decides which central municipality stays responsible. */
function RegiobindingVelden({
  ids,
  rb,
  zet,
  fout,
}: {
  ids: Record<string, string>;
  rb: Regiobinding;
  zet: (w: Partial<Regiobinding>) => void;
  fout: (veld: string) => string | undefined;
}) {
  const ref = useReferentie();
  const g = useGebruiker();
  return (
    <Fieldset
      legend="Regiobinding"
      description="Bepaalt welke centrumgemeente verantwoordelijk blijft. Noodopvang wordt altijd verleend."
    >
      <TextField
        id={ids.jarenInRegio}
        label="Jaren in de regio"
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        value={rb.jaren}
        onChange={(e) => zet({ jaren: e.target.value })}
        error={fout('jarenInRegio')}
      />
      <CheckboxField
        id={ids.sociaalNetwerkInRegio}
        label="Sociaal netwerk in de regio"
        checked={rb.netwerk}
        onChange={(e) => zet({ netwerk: e.target.checked })}
        error={fout('sociaalNetwerkInRegio')}
      />
      <CheckboxField
        id={ids.bekendBijLokaleZorg}
        label="Bekend bij lokale zorg"
        checked={rb.zorg}
        onChange={(e) => zet({ zorg: e.target.checked })}
        error={fout('bekendBijLokaleZorg')}
      />
      <SelectField
        id={ids.wensClient}
        label="Wens cliënt"
        value={rb.wens}
        onChange={(e) => zet({ wens: e.target.value as Wens })}
        error={fout('wensClient')}
      >
        <option value="geen-voorkeur">Geen voorkeur</option>
        <option value="deze-regio">Deze regio</option>
        <option value="andere-regio">Andere regio</option>
      </SelectField>
      <SelectField
        id={ids.andereTenantId}
        label="Andere centrumgemeente"
        optional
        value={rb.andere}
        onChange={(e) => zet({ andere: e.target.value })}
        error={fout('andereTenantId')}
      >
        <option value="">Geen</option>
        {(ref.data?.tenants ?? [])
          .filter((t) => t.id !== g.tenant.id)
          .map((t) => (
            <option key={t.id} value={t.id}>
              {t.naam}
            </option>
          ))}
      </SelectField>
      {rb.andere && (
        <CheckboxField
          id={ids.toestemmingOverdracht}
          label="De cliënt geeft toestemming voor warme overdracht"
          description="Nodig als de andere centrumgemeente de zaak overneemt: alleen naam, geboortedatum, BSN, telefoon en huishoudgrootte gaan mee."
          checked={rb.toestemming}
          onChange={(e) => zet({ toestemming: e.target.checked })}
          error={fout('toestemmingOverdracht')}
        />
      )}
    </Fieldset>
  );
}
