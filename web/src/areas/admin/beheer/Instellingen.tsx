// Issue 11: the settings of the own centrumgemeente — theme, norms, the suppression threshold, the bed-voor-de-nacht
// maximum, two-factor login and the idle timeout.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiGet, apiPad } from '../../../api/client';
import { sessieQuery } from '../../../api/queries';
import type { Schema } from '../../../api/types';
import {
  Alert,
  Button,
  CheckboxField,
  ErrorSummary,
  FormErrors,
  Heading,
  Loading,
  PaginaFout,
  TextField,
} from '../../../ui/ui';

type Instellingen = Schema<'Instellingen'>;
interface Velden {
  primair: string;
  logoTekst: string;
  tweeFactorVerplicht: boolean;
  normDoorstroomDagen: string;
  planTermijnDagen: string;
  onderdrukkingsDrempel: string;
  bedVoorDeNachtMax: string;
  inactiefMinuten: string;
}
const NUMMERS = [
  [
    'normDoorstroomDagen',
    'Norm doorstroom (dagen)',
    'Binnen zoveel dagen doorgestroomd telt als gehaald. Standaard 91.',
  ],
  [
    'planTermijnDagen',
    'Termijn perspectiefplan (dagen)',
    'Het plan is er binnen zoveel dagen na de start. Standaard 5.',
  ],
  ['onderdrukkingsDrempel', 'Onderdrukkingsdrempel', 'Aantallen onder deze drempel ziet beleid niet. Minstens 5.'],
  [
    'bedVoorDeNachtMax',
    'Bed voor de nacht (nachten)',
    'Hoogstens zoveel nachten voor het toegangsbesluit. Standaard 3.',
  ],
  ['inactiefMinuten', 'Uitloggen na inactiviteit (minuten)', 'Standaard 30.'],
] as const;

export function InstellingenBeheer() {
  const q = useQuery({ queryKey: ['instellingen'], queryFn: () => apiGet('/instellingen') });
  return (
    <section aria-labelledby="instellingen-titel">
      <Heading level={2} id="instellingen-titel">
        Instellingen
      </Heading>
      {q.isPending ? <Loading /> : q.error ? <PaginaFout error={q.error} /> : <Formulier huidig={q.data} />}
    </section>
  );
}

function Formulier({ huidig }: { huidig: Instellingen }) {
  const qc = useQueryClient();
  const [f, setF] = useState<Velden>(() => ({
    primair: huidig.thema.primair,
    logoTekst: huidig.thema.logoTekst,
    tweeFactorVerplicht: huidig.tweeFactorVerplicht,
    normDoorstroomDagen: String(huidig.normDoorstroomDagen),
    planTermijnDagen: String(huidig.planTermijnDagen),
    onderdrukkingsDrempel: String(huidig.onderdrukkingsDrempel),
    bedVoorDeNachtMax: String(huidig.bedVoorDeNachtMax),
    inactiefMinuten: String(huidig.inactiefMinuten),
  }));
  const [opgeslagen, setOpgeslagen] = useState(false);
  const opslaan = useMutation({
    mutationFn: () =>
      apiPad('put', '/instellingen', {
        body: {
          thema: { primair: f.primair, logoTekst: f.logoTekst },
          tweeFactorVerplicht: f.tweeFactorVerplicht,
          normDoorstroomDagen: Number(f.normDoorstroomDagen),
          planTermijnDagen: Number(f.planTermijnDagen),
          onderdrukkingsDrempel: Number(f.onderdrukkingsDrempel),
          bedVoorDeNachtMax: Number(f.bedVoorDeNachtMax),
          inactiefMinuten: Number(f.inactiefMinuten),
        },
      }),
    onSuccess: async (r) => {
      qc.setQueryData(['instellingen'], r);
      await qc.invalidateQueries({ queryKey: sessieQuery.queryKey }); // the theme
      setOpgeslagen(true);
    },
  });
  const ids: Record<string, string> = {
    'thema.primair': 'inst-kleur',
    'thema.logoTekst': 'inst-logo',
    primair: 'inst-kleur',
    logoTekst: 'inst-logo',
    ...Object.fromEntries(NUMMERS.map(([k]) => [k, `inst-${k}`])),
  };
  const fouten = FormErrors.from(opslaan.error, ids);
  function submit(e: FormEvent) {
    e.preventDefault();
    setOpgeslagen(false);
    opslaan.mutate();
  }
  return (
    <div className="onderdak-card">
      {opgeslagen && (
        <Alert type="ok" role="status">
          De instellingen zijn opgeslagen.
        </Alert>
      )}
      <ErrorSummary errors={fouten.summary()} />
      <form onSubmit={submit} noValidate aria-labelledby="instellingen-titel">
        <TextField
          id={ids.primair}
          label="Huiskleur"
          description="Als #RRGGBB, bijvoorbeeld #154273."
          value={f.primair}
          onChange={(e) => setF({ ...f, primair: e.target.value })}
          error={fouten.get('thema.primair')}
        />
        <TextField
          id={ids.logoTekst}
          label="Tekst bij het logo"
          value={f.logoTekst}
          onChange={(e) => setF({ ...f, logoTekst: e.target.value })}
          error={fouten.get('thema.logoTekst')}
        />
        {NUMMERS.map(([k, label, uitleg]) => (
          <TextField
            key={k}
            id={ids[k]}
            label={label}
            description={uitleg}
            inputMode="numeric"
            value={f[k]}
            onChange={(e) => setF({ ...f, [k]: e.target.value })}
            error={fouten.get(k)}
          />
        ))}
        <CheckboxField
          id="inst-tweefactor"
          label="Tweestapsverificatie verplicht"
          description="Medewerkers die persoonsgegevens zien, loggen in met een code uit een authenticator-app."
          checked={f.tweeFactorVerplicht}
          onChange={(e) => setF({ ...f, tweeFactorVerplicht: e.target.checked })}
        />
        <Button type="submit" variant="primary" busy={opslaan.isPending} disabled={opslaan.isPending}>
          Instellingen opslaan
        </Button>
      </form>
    </div>
  );
}
