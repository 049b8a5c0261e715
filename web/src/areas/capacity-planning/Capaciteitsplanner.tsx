// Issue 18 — capaciteitsplanner: "zijn 50 kamers en 10 reserveplaatsen genoeg — en wat verandert dat?". Scenario's
// invoeren en opslaan, doorrekenen (een simulatie in werkthreads; de voortgang wordt opgevraagd), en de antwoorden
// met hun onzekerheid naast elkaar: tabel, grafiek en CSV.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { api, apiGet, apiPad } from '../../api/client';
import { Chart } from '../../ui/Chart';
import { FormErrors } from '../../ui/formErrors';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorAlert,
  ErrorSummary,
  Fieldset,
  Heading,
  Loading,
  Paragraph,
  SelectField,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';
import {
  band,
  basis,
  bezettingsOptie,
  csvDagen,
  download,
  drieScenarios,
  num,
  type Params,
  pct,
  type Simulatie,
} from './planner';

interface Invoer {
  naam: string;
  parameters: Params;
}

export function CapaciteitsplannerPage() {
  useTitel('Capaciteitsplanner');
  const qc = useQueryClient();
  const model = useQuery({ queryKey: ['capaciteit', 'model'], queryFn: () => apiGet('/capaciteitsplanning/model') });
  const scenarios = useQuery({
    queryKey: ['capaciteit', 'scenarios'],
    queryFn: () => apiGet('/capaciteitsplanning/scenarios'),
  });
  const [jaren, setJaren] = useState(5);
  const [invoer, setInvoer] = useState<Invoer | null>(null);
  const [vergelijk, setVergelijk] = useState<string[]>([]);
  const kamers = model.data?.kamers ?? 50;
  const reserve = model.data?.reserve ?? 10;
  const huidig: Invoer = invoer ?? { naam: `${kamers} + ${reserve}`, parameters: basis(kamers, reserve) };

  const start = useMutation({
    mutationFn: (scs: Invoer[]) =>
      Promise.all(
        scs.map((scenario) =>
          api<Simulatie>('/v1/capaciteitsplanning/simulaties', {
            method: 'POST',
            body: { scenario, jaren, runs: 1000, seed: 1 },
          }),
        ),
      ),
    onSuccess: (jobs) =>
      setVergelijk((v) => [...v.filter((id) => !jobs.some((j) => j.id === id)), ...jobs.map((j) => j.id)].slice(-5)),
  });
  const opslaan = useMutation({
    mutationFn: (s: Invoer) => apiPad('post', '/capaciteitsplanning/scenarios', { body: s }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['capaciteit', 'scenarios'] }),
  });
  const verwijder = useMutation({
    mutationFn: (id: string) => apiPad('delete', '/capaciteitsplanning/scenarios/{id}', { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['capaciteit', 'scenarios'] }),
  });
  const fouten = FormErrors.from(start.error ?? opslaan.error, {
    'scenario.naam': 'sc-naam',
    naam: 'sc-naam',
    'scenario.parameters.minderInstroomProcent': 'sc-instroom',
    'parameters.minderInstroomProcent': 'sc-instroom',
  });

  return (
    <>
      <Heading level={1}>Capaciteitsplanner</Heading>
      <Paragraph lead>
        Zijn {kamers} kamers en {reserve} reserveplaatsen genoeg? Reken scenario’s door met een model dat is gefit op de
        eigen historie van de nachtopvang, en zie de uitkomsten met hun onzekerheid.{' '}
        <Link to="/capaciteitsplanner/model" className="utrecht-link">
          Hoe het model werkt en hoe goed het het afgelopen jaar voorspelde
        </Link>
        .
      </Paragraph>
      {model.isPending ? <Loading /> : model.error ? <ErrorAlert error={model.error} /> : null}

      <section aria-labelledby="cp-scenario">
        <Heading level={2} id="cp-scenario">
          Scenario
        </Heading>
        {fouten.hasErrors && <ErrorSummary errors={fouten.summary()} />}
        <form
          aria-label="Scenario"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate([huidig]);
          }}
        >
          <TextField
            id="sc-naam"
            label="Naam van het scenario"
            value={huidig.naam}
            error={fouten.get('scenario.naam') ?? fouten.get('naam')}
            onChange={(e) => setInvoer({ ...huidig, naam: e.target.value })}
          />
          {huidig.parameters.locaties.map((l, i) => (
            <Fieldset key={`loc-${i}`} legend={`Locatie ${i + 1}`}>
              <TextField
                id={`sc-loc-${i}-naam`}
                label="Naam"
                value={l.naam}
                error={fouten.get(`scenario.parameters.locaties.${i}.naam`)}
                onChange={(e) => setLocatie(i, { naam: e.target.value })}
              />
              <TextField
                id={`sc-loc-${i}-kamers`}
                label="Kamers"
                type="number"
                inputMode="numeric"
                min={0}
                value={l.kamers}
                error={fouten.get(`scenario.parameters.locaties.${i}.kamers`)}
                onChange={(e) => setLocatie(i, { kamers: Number(e.target.value) })}
              />
              <TextField
                id={`sc-loc-${i}-reserve`}
                label="Reserveplaatsen"
                type="number"
                inputMode="numeric"
                min={0}
                value={l.reserve}
                error={fouten.get(`scenario.parameters.locaties.${i}.reserve`)}
                onChange={(e) => setLocatie(i, { reserve: Number(e.target.value) })}
              />
              {huidig.parameters.locaties.length > 1 && (
                <Button
                  variant="subtle"
                  onClick={() => setParams({ locaties: huidig.parameters.locaties.filter((_, k) => k !== i) })}
                >
                  Locatie {i + 1} weghalen
                </Button>
              )}
            </Fieldset>
          ))}
          <Button
            variant="subtle"
            onClick={() =>
              setParams({
                locaties: [
                  ...huidig.parameters.locaties,
                  { naam: `Locatie ${huidig.parameters.locaties.length + 1}`, kamers: 20, reserve: 0 },
                ],
              })
            }
          >
            Locatie toevoegen
          </Button>
          <Fieldset legend="Beleid">
            <TextField
              id="sc-instroom"
              label="Minder instroom door preventie (%)"
              type="number"
              min={0}
              max={90}
              value={huidig.parameters.minderInstroomProcent}
              error={
                fouten.get('scenario.parameters.minderInstroomProcent') ??
                fouten.get('parameters.minderInstroomProcent')
              }
              onChange={(e) => setParams({ minderInstroomProcent: Number(e.target.value) })}
            />
            <TextField
              id="sc-korter"
              label="Korter verblijf door snellere uitstroom (dagen)"
              type="number"
              min={0}
              value={huidig.parameters.kortereVerblijfsduurDagen}
              error={fouten.get('scenario.parameters.kortereVerblijfsduurDagen')}
              onChange={(e) => setParams({ kortereVerblijfsduurDagen: Number(e.target.value) })}
            />
            <TextField
              id="sc-woonplekken"
              label="Extra woonplekken per maand"
              type="number"
              min={0}
              value={huidig.parameters.extraWoonplekkenPerMaand}
              error={fouten.get('scenario.parameters.extraWoonplekkenPerMaand')}
              onChange={(e) => setParams({ extraWoonplekkenPerMaand: Number(e.target.value) })}
            />
            <TextField
              id="sc-hf"
              label="Direct naar Housing First (% van wie een vervolgplek nodig heeft)"
              type="number"
              min={0}
              max={100}
              value={huidig.parameters.housingFirstProcent}
              error={fouten.get('scenario.parameters.housingFirstProcent')}
              onChange={(e) => setParams({ housingFirstProcent: Number(e.target.value) })}
            />
          </Fieldset>
          <SelectField id="sc-jaren" label="Periode" value={jaren} onChange={(e) => setJaren(Number(e.target.value))}>
            {[1, 2, 3, 4, 5].map((j) => (
              <option key={j} value={j}>
                {j} jaar
              </option>
            ))}
          </SelectField>
          <ButtonGroup>
            <Button type="submit" variant="primary" busy={start.isPending}>
              Doorrekenen
            </Button>
            <Button busy={opslaan.isPending} onClick={() => opslaan.mutate(huidig)}>
              Scenario opslaan
            </Button>
            <Button onClick={() => start.mutate(drieScenarios(kamers, reserve))}>Drie scenario’s vergelijken</Button>
          </ButtonGroup>
          {opslaan.isSuccess && (
            <Alert type="ok" role="status">
              Scenario “{opslaan.data.naam}” is opgeslagen.
            </Alert>
          )}
        </form>
      </section>

      <section aria-labelledby="cp-opgeslagen">
        <Heading level={2} id="cp-opgeslagen">
          Opgeslagen scenario’s
        </Heading>
        {scenarios.data?.resultaten.length ? (
          <Table caption="Opgeslagen scenario’s" captionHidden>
            <THead>
              <Tr>
                <Th>Naam</Th>
                <Th>Kamers + reserve</Th>
                <Th>Acties</Th>
              </Tr>
            </THead>
            <TBody>
              {scenarios.data.resultaten.map((s) => (
                <Tr key={s.id}>
                  <Th scope="row">{s.naam}</Th>
                  <Td>
                    {s.parameters.locaties.reduce((a, l) => a + l.kamers, 0)} +{' '}
                    {s.parameters.locaties.reduce((a, l) => a + l.reserve, 0)}
                  </Td>
                  <Td>
                    <ButtonGroup>
                      <Button variant="subtle" onClick={() => setInvoer({ naam: s.naam, parameters: s.parameters })}>
                        {`Openen: ${s.naam}`}
                      </Button>
                      <Button
                        variant="subtle"
                        onClick={() => start.mutate([{ naam: s.naam, parameters: s.parameters }])}
                      >
                        {`Doorrekenen: ${s.naam}`}
                      </Button>
                      <Button variant="subtle" danger onClick={() => verwijder.mutate(s.id)}>
                        {`Verwijderen: ${s.naam}`}
                      </Button>
                    </ButtonGroup>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        ) : (
          <Paragraph>Nog geen opgeslagen scenario’s.</Paragraph>
        )}
      </section>

      <Uitkomsten ids={vergelijk} onWeg={(id) => setVergelijk((v) => v.filter((x) => x !== id))} />
    </>
  );

  function setParams(p: Partial<Params>) {
    setInvoer({ ...huidig, parameters: { ...huidig.parameters, ...p } });
  }
  function setLocatie(i: number, p: Partial<Params['locaties'][number]>) {
    setParams({ locaties: huidig.parameters.locaties.map((l, k) => (k === i ? { ...l, ...p } : l)) });
  }
}

function useSimulatie(id: string) {
  return useQuery({
    queryKey: ['capaciteit', 'simulatie', id],
    queryFn: () => apiGet('/capaciteitsplanning/simulaties/{id}', { params: { id } }),
    refetchInterval: (q) => (q.state.data?.status === 'bezig' || !q.state.data ? 500 : false),
  });
}

function Voortgang({ id, onKlaar }: { id: string; onKlaar: (s: Simulatie) => void }) {
  const q = useSimulatie(id);
  useEffect(() => {
    if (q.data && q.data.status !== 'bezig') onKlaar(q.data);
  }, [q.data, onKlaar]);
  if (!q.data) return <Loading />;
  return (
    <p className="utrecht-paragraph">
      <label htmlFor={`vg-${id}`}>{q.data.naam}: </label>
      <progress id={`vg-${id}`} max={100} value={q.data.voortgang}>
        {q.data.voortgang}%
      </progress>{' '}
      {q.data.voortgang}% van {num(q.data.runs)} runs
    </p>
  );
}

function Uitkomsten({ ids, onWeg }: { ids: string[]; onWeg: (id: string) => void }) {
  const [klaar, setKlaar] = useState<Record<string, Simulatie>>({});
  if (!ids.length) return null;
  const bezig = ids.filter((id) => !klaar[id]);
  const sims = ids.map((id) => klaar[id]).filter((s): s is Simulatie => !!s && s.status === 'klaar' && !!s.resultaat);
  const mislukt = ids.map((id) => klaar[id]).filter((s) => s?.status === 'mislukt');
  const jaar = (s: Simulatie) => s.resultaat?.jaren[0];
  const rijen: [string, (s: Simulatie) => string][] = [
    ['Kans dat alle kamers vol zijn op een nacht', (s) => pct(s.resultaat?.kansKamersVolPerNacht ?? 0)],
    ['Kans dat ook de reserve vol is op een nacht', (s) => pct(s.resultaat?.kansAllesVolPerNacht ?? 0)],
    ['Nachten met alle kamers vol (jaar 1)', (s) => band(jaar(s)!.nachtenKamersVol)],
    ['Nachten op een reserveplaats (jaar 1, opgeteld)', (s) => band(jaar(s)!.reserveplaatsNachten)],
    ['Geen plaats, elders opgevangen of weggestuurd (jaar 1)', (s) => band(jaar(s)!.afgewezen)],
    ['Gemiddelde bezetting (jaar 1)', (s) => band(jaar(s)!.gemiddeldeBezetting, 1)],
    ['Verblijfsduur in dagen (jaar 1)', (s) => band(jaar(s)!.verblijfsduur, 1)],
    ['Wachten op een vervolgplek in dagen (jaar 1)', (s) => band(jaar(s)!.wachttijdVervolgplek, 1)],
  ];
  return (
    <section aria-labelledby="cp-uitkomsten">
      <Heading level={2} id="cp-uitkomsten">
        Uitkomsten
      </Heading>
      <div aria-live="polite">
        {bezig.map((id) => (
          <Voortgang key={id} id={id} onKlaar={(s) => setKlaar((k) => (k[id] ? k : { ...k, [id]: s }))} />
        ))}
      </div>
      {mislukt.map((s) => (
        <Alert key={s!.id} type="error" title={`${s!.naam}: mislukt`}>
          <Paragraph>{s!.fout}</Paragraph>
        </Alert>
      ))}
      {sims.length > 0 && (
        <>
          <Paragraph>
            Per uitkomst de mediaan van {num(sims[0].runs)} runs, met tussen haakjes het 90%-interval: in 9 van de 10
            runs lag de uitkomst daartussen.
          </Paragraph>
          <div className="onderdak-table-scroll">
            <Table caption="Scenario’s naast elkaar">
              <THead>
                <Tr>
                  <Th>Uitkomst</Th>
                  {sims.map((s) => (
                    <Th key={s.id}>{s.naam}</Th>
                  ))}
                </Tr>
              </THead>
              <TBody>
                {rijen.map(([label, f]) => (
                  <Tr key={label}>
                    <Th scope="row">{label}</Th>
                    {sims.map((s) => (
                      <Td key={s.id}>{f(s)}</Td>
                    ))}
                  </Tr>
                ))}
              </TBody>
            </Table>
          </div>
          <Heading level={3}>Bezetting per week</Heading>
          <Chart
            option={bezettingsOptie(sims)}
            label={`Bezetting per week, mediaan met 90%-band, voor ${sims.map((s) => s.naam).join(', ')}. De tabellen geven dezelfde cijfers per jaar.`}
          />
          {sims.map((s) => (
            <PerJaar key={s.id} s={s} onWeg={() => onWeg(s.id)} />
          ))}
        </>
      )}
    </section>
  );
}

function PerJaar({ s, onWeg }: { s: Simulatie; onWeg: () => void }) {
  const r = s.resultaat!;
  return (
    <div>
      <Heading level={3}>{s.naam}</Heading>
      <Paragraph>
        {r.kamers} kamers en {r.reserve} reserveplaatsen; start {s.startdatum}; seed {s.seed}.
      </Paragraph>
      <div className="onderdak-table-scroll">
        <Table caption={`${s.naam}: per jaar (mediaan en 90%-interval)`}>
          <THead>
            <Tr>
              <Th>Jaar</Th>
              <Th>Instroom</Th>
              <Th>Nachten kamers vol</Th>
              <Th>Reserveplaats-nachten</Th>
              <Th>Geen plaats</Th>
              <Th>Bezetting</Th>
              <Th>Verblijf (dagen)</Th>
              <Th>Wachten (dagen)</Th>
            </Tr>
          </THead>
          <TBody>
            {r.jaren.map((j) => (
              <Tr key={j.jaar}>
                <Th scope="row">{j.jaar}</Th>
                <Td>{band(j.instroom)}</Td>
                <Td>{band(j.nachtenKamersVol)}</Td>
                <Td>{band(j.reserveplaatsNachten)}</Td>
                <Td>{band(j.afgewezen)}</Td>
                <Td>{band(j.gemiddeldeBezetting, 1)}</Td>
                <Td>{band(j.verblijfsduur, 1)}</Td>
                <Td>{band(j.wachttijdVervolgplek, 1)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
      <ButtonGroup>
        <Button onClick={() => download(`capaciteit-${s.naam.replace(/[^\w-]+/g, '-')}.csv`, csvDagen(s))}>
          {`CSV per dag: ${s.naam}`}
        </Button>
        <Button variant="subtle" onClick={onWeg}>
          {`Uit de vergelijking: ${s.naam}`}
        </Button>
      </ButtonGroup>
    </div>
  );
}
