// Dashboard: the form for the period and the filters; applying it puts the choice in the URL.

import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Button, ErrorSummary, SelectField, TextField } from '../../../ui/ui';
import { type DashboardSearch, type Keuze, MAANDEN, SOORTEN, type Soort } from './periode';

type Form = Keuze & { herkomst: string; huishouden: string; leeftijd: string; locatie: string };
type ZetForm = (f: Form) => void;

interface Props {
  keuze: Keuze;
  search: DashboardSearch;
  huidigJaar: number;
  gemeenten: { code: string; naam: string }[];
  locaties: { id: string; naam: string }[];
  /** Policy roles (issue 13): only calendar periods, no free dates. */
  vastePerioden?: boolean;
}

export function DashboardFilters({ keuze, search, huidigJaar, gemeenten, locaties, vastePerioden = false }: Props) {
  const navigate = useNavigate({ from: '/rapportage' });
  const [form, setForm] = useState<Form>({
    ...keuze,
    herkomst: search.herkomst ?? '',
    huishouden: search.huishouden ?? '',
    leeftijd: search.leeftijd ?? '',
    locatie: search.locatie ?? '',
  });
  const [fout, setFout] = useState<string | null>(null);

  function toepassen(e: FormEvent) {
    e.preventDefault();
    if (form.soort === 'aangepast' && (!form.van || !form.tot || form.tot <= form.van)) {
      setFout('Kies een begindatum vóór de einddatum.');
      return;
    }
    setFout(null);
    void navigate({
      search: {
        soort: form.soort,
        jaar: form.soort === 'aangepast' ? undefined : form.jaar,
        deel: form.soort === 'aangepast' || form.soort === 'jaar' ? undefined : form.deel,
        van: form.soort === 'aangepast' ? form.van : undefined,
        tot: form.soort === 'aangepast' ? form.tot : undefined,
        herkomst: form.herkomst || undefined,
        huishouden: form.huishouden || undefined,
        leeftijd: form.leeftijd || undefined,
        locatie: form.locatie || undefined,
      },
    });
  }

  return (
    <>
      <ErrorSummary errors={fout ? [{ id: 'dashboard-van', message: fout }] : []} />
      <form
        onSubmit={toepassen}
        noValidate
        aria-label="Periode en filters kiezen"
        className="onderdak-filter onderdak-dashboard__filters onderdak-dashboard__geen-print"
      >
        <PeriodeVelden
          form={form}
          setForm={setForm}
          fout={fout}
          huidigJaar={huidigJaar}
          vastePerioden={vastePerioden}
        />
        <FilterVelden form={form} setForm={setForm} gemeenten={gemeenten} locaties={locaties} />
        <div className="onderdak-filter__actie">
          <Button type="submit" variant="primary">
            Toon cijfers
          </Button>
        </div>
      </form>
    </>
  );
}

function PeriodeVelden({
  form,
  setForm,
  fout,
  huidigJaar,
  vastePerioden,
}: {
  form: Form;
  setForm: ZetForm;
  fout: string | null;
  huidigJaar: number;
  vastePerioden: boolean;
}) {
  const jaren = Array.from({ length: huidigJaar - 2014 + 1 }, (_, i) => huidigJaar - i);
  const delen =
    form.soort === 'halfjaar'
      ? [1, 2]
      : form.soort === 'kwartaal'
        ? [1, 2, 3, 4]
        : form.soort === 'maand'
          ? MAANDEN.map((_, i) => i + 1)
          : [];
  const deelLabel = (d: number) =>
    form.soort === 'maand' ? MAANDEN[d - 1] : form.soort === 'halfjaar' ? `${d}e halfjaar` : `${d}e kwartaal`;

  return (
    <>
      <SelectField
        id="dashboard-soort"
        label="Periode"
        value={form.soort}
        onChange={(e) => setForm({ ...form, soort: e.target.value as Soort, deel: 1 })}
      >
        {SOORTEN.filter((s) => !vastePerioden || s.code !== 'aangepast').map((s) => (
          <option key={s.code} value={s.code}>
            {s.label}
          </option>
        ))}
      </SelectField>
      {form.soort === 'aangepast' ? (
        <>
          <TextField
            id="dashboard-van"
            label="Van"
            type="date"
            value={form.van}
            onChange={(e) => setForm({ ...form, van: e.target.value })}
            error={fout ?? undefined}
          />
          <TextField
            id="dashboard-tot"
            label="Tot (niet t/m)"
            type="date"
            value={form.tot}
            onChange={(e) => setForm({ ...form, tot: e.target.value })}
          />
        </>
      ) : (
        <>
          <SelectField
            id="dashboard-jaar"
            label="Jaar"
            value={String(form.jaar)}
            onChange={(e) => setForm({ ...form, jaar: Number(e.target.value) })}
          >
            {jaren.map((j) => (
              <option key={j} value={j}>
                {j}
              </option>
            ))}
          </SelectField>
          {delen.length > 0 && (
            <SelectField
              id="dashboard-deel"
              label={form.soort === 'maand' ? 'Maand' : form.soort === 'halfjaar' ? 'Halfjaar' : 'Kwartaal'}
              value={String(Math.min(form.deel, delen.length))}
              onChange={(e) => setForm({ ...form, deel: Number(e.target.value) })}
            >
              {delen.map((d) => (
                <option key={d} value={d}>
                  {deelLabel(d)}
                </option>
              ))}
            </SelectField>
          )}
        </>
      )}
    </>
  );
}

function FilterVelden({
  form,
  setForm,
  gemeenten,
  locaties,
}: {
  form: Form;
  setForm: ZetForm;
  gemeenten: Props['gemeenten'];
  locaties: Props['locaties'];
}) {
  return (
    <>
      <SelectField
        id="dashboard-herkomst"
        label="Gemeente van herkomst"
        value={form.herkomst}
        onChange={(e) => setForm({ ...form, herkomst: e.target.value })}
      >
        <option value="">Alle</option>
        {gemeenten.map((m) => (
          <option key={m.code} value={m.code}>
            {m.naam}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="dashboard-huishouden"
        label="Huishouden"
        value={form.huishouden}
        onChange={(e) => setForm({ ...form, huishouden: e.target.value })}
      >
        <option value="">Alle</option>
        <option value="alleenstaand">Alleenstaand</option>
        <option value="gezin">Gezin</option>
      </SelectField>
      <SelectField
        id="dashboard-leeftijd"
        label="Leeftijd bij aanmelding"
        value={form.leeftijd}
        onChange={(e) => setForm({ ...form, leeftijd: e.target.value })}
      >
        <option value="">Alle</option>
        <option value="tot-18">Jonger dan 18</option>
        <option value="18-26">18 – 26</option>
        <option value="27-49">27 – 49</option>
        <option value="50-plus">50 en ouder</option>
      </SelectField>
      <SelectField
        id="dashboard-locatie"
        label="Locatie"
        description="Het bereik van alle cijfers van dit rapport."
        value={form.locatie}
        onChange={(e) => setForm({ ...form, locatie: e.target.value })}
      >
        <option value="">Alle nachtopvanglocaties</option>
        <option value="alle">Alle locaties</option>
        {locaties.map((l) => (
          <option key={l.id} value={l.id}>
            {l.naam}
          </option>
        ))}
      </SelectField>
    </>
  );
}
