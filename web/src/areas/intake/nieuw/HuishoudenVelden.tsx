// New-client page: the fieldset "Huishouden" (add, edit and remove household members).
import { type Dispatch, type SetStateAction, useRef } from 'react';
import type { Huishoudlid } from '../../../api/types';
import { Button, Fieldset, type FormErrors, Paragraph, SelectField, TextField } from '../../../ui/ui';
import { IDS } from './PersoonVelden';

export interface LidRij {
  sleutel: number;
  naam: string;
  geboortedatum: string;
  relatie: Huishoudlid['relatie'];
}

export function HuishoudenVelden({
  leden,
  setLeden,
  fouten,
}: {
  leden: LidRij[];
  setLeden: Dispatch<SetStateAction<LidRij[]>>;
  fouten: FormErrors;
}) {
  const volgende = useRef(1);
  const wijzig = (sleutel: number, w: Partial<LidRij>) =>
    setLeden((ls) => ls.map((x) => (x.sleutel === sleutel ? { ...x, ...w } : x)));
  return (
    <Fieldset
      legend="Huishouden"
      id={IDS.huishoudleden}
      error={fouten.get('huishoudleden')}
      description="Voeg partner, kinderen of andere gezinsleden toe die met de cliënt meekomen."
    >
      {leden.length === 0 && <Paragraph>Geen huishoudleden toegevoegd.</Paragraph>}
      {leden.map((l, i) => (
        <div key={l.sleutel} className="onderdak-lid" role="group" aria-label={`Huishoudlid ${i + 1}`}>
          <TextField
            id={`lid-${l.sleutel}-naam`}
            label="Naam"
            required
            value={l.naam}
            onChange={(e) => wijzig(l.sleutel, { naam: e.target.value })}
            error={fouten.get(`huishoudleden.${i}.naam`)}
          />
          <TextField
            id={`lid-${l.sleutel}-geboortedatum`}
            label="Geboortedatum"
            type="date"
            optional
            value={l.geboortedatum}
            onChange={(e) => wijzig(l.sleutel, { geboortedatum: e.target.value })}
            error={fouten.get(`huishoudleden.${i}.geboortedatum`)}
          />
          <SelectField
            id={`lid-${l.sleutel}-relatie`}
            label="Relatie"
            value={l.relatie}
            onChange={(e) => wijzig(l.sleutel, { relatie: e.target.value as LidRij['relatie'] })}
            error={fouten.get(`huishoudleden.${i}.relatie`)}
          >
            <option value="partner">Partner</option>
            <option value="kind">Kind</option>
            <option value="overig">Overig</option>
          </SelectField>
          <div className="onderdak-lid__actie">
            <Button variant="subtle" onClick={() => setLeden((ls) => ls.filter((x) => x.sleutel !== l.sleutel))}>
              Verwijder huishoudlid {i + 1}
            </Button>
          </div>
        </div>
      ))}
      <Button
        onClick={() => {
          const sleutel = volgende.current++;
          setLeden((ls) => [...ls, { sleutel, naam: '', geboortedatum: '', relatie: 'kind' }]);
          setTimeout(() => document.getElementById(`lid-${sleutel}-naam`)?.focus(), 0);
        }}
      >
        Huishoudlid toevoegen
      </Button>
    </Fieldset>
  );
}
