// Response schemas of the capaciteitsplanner (issue 18) and the functions that shape rows into them.
import { z } from '@hono/zod-openapi';
import { DatumUit, Tijdstip } from '../../platform/http/schemas.js';
import type { ScenarioParams, Summary } from './model.js';

export const Locatie = z
  .object({
    naam: z.string().max(120),
    kamers: z.number().openapi({ description: 'Eenpersoonskamers (plaatsen die altijd beschikbaar zijn)' }),
    reserve: z.number().openapi({ description: 'Reserveplaatsen, alleen in gebruik als alle kamers vol zijn' }),
  })
  .openapi('CapaciteitLocatie');

export const ScenarioParameters = z
  .object({
    locaties: z.array(Locatie).max(10),
    minderInstroomProcent: z
      .number()
      .openapi({ description: 'Minder instroom door preventie, in procenten (15 = −15%)' }),
    kortereVerblijfsduurDagen: z.number().openapi({ description: 'Dagen korter verblijf door snellere uitstroom' }),
    extraWoonplekkenPerMaand: z
      .number()
      .openapi({ description: 'Extra woonplekken per maand voor wie in de opvang wacht' }),
    housingFirstProcent: z.number().openapi({
      description: 'Deel van wie een vervolgplek nodig heeft dat direct naar Housing First gaat, in procenten',
    }),
  })
  .openapi('ScenarioParameters');

export const Scenario = z
  .object({
    id: z.string(),
    naam: z.string(),
    parameters: ScenarioParameters,
    gewijzigdOp: Tijdstip,
  })
  .openapi('CapaciteitScenario');
export const Scenarios = z.object({ resultaten: z.array(Scenario) }).openapi('CapaciteitScenarios');

const Band = z
  .object({ mediaan: z.number(), p5: z.number(), p95: z.number() })
  .openapi('Bandbreedte', { description: 'Mediaan en 90%-interval (5e en 95e percentiel) over de runs' });
const Dag = z
  .object({
    datum: DatumUit,
    mediaan: z.number(),
    p5: z.number(),
    p95: z.number(),
    kansKamersVol: z.number().openapi({ description: 'Kans dat die nacht alle kamers bezet zijn' }),
    kansAllesVol: z.number().openapi({ description: 'Kans dat die nacht ook alle reserveplaatsen bezet zijn' }),
  })
  .openapi('SimulatieDag');
const Jaar = z
  .object({
    jaar: z.number().int(),
    instroom: Band,
    afgewezen: Band.openapi({ description: 'Mensen die geen plaats kregen (elders opgevangen of weggestuurd)' }),
    reserveplaatsNachten: Band,
    nachtenKamersVol: Band,
    gemiddeldeBezetting: Band,
    verblijfsduur: Band.openapi({ description: 'Gemiddelde verblijfsduur in dagen van wie dat jaar vertrok' }),
    wachttijdVervolgplek: Band.openapi({ description: 'Gemiddelde wachttijd in dagen op een vervolgplek' }),
  })
  .openapi('SimulatieJaar');
export const SimulatieResultaat = z
  .object({
    runs: z.number().int(),
    kamers: z.number().int(),
    reserve: z.number().int(),
    dagen: z.array(Dag),
    jaren: z.array(Jaar),
    kansKamersVolPerNacht: z.number(),
    kansAllesVolPerNacht: z.number(),
  })
  .openapi('SimulatieResultaat');

export const Simulatie = z
  .object({
    id: z.string(),
    scenarioId: z.string().nullable(),
    naam: z.string(),
    parameters: ScenarioParameters,
    startdatum: DatumUit,
    jaren: z.number().int(),
    runs: z.number().int(),
    seed: z.number().int(),
    status: z.enum(['bezig', 'klaar', 'mislukt']),
    runsKlaar: z.number().int(),
    voortgang: z.number().int().openapi({ description: 'Procent van de runs klaar' }),
    fout: z.string().nullable(),
    gestartOp: Tijdstip,
    resultaat: SimulatieResultaat.nullable().openapi({ description: 'Alleen bij status klaar' }),
  })
  .openapi('Simulatie');
export type Simulatie = z.infer<typeof Simulatie>;
export const Simulaties = z
  .object({ resultaten: z.array(Simulatie.omit({ resultaat: true }).openapi('SimulatieKort')) })
  .openapi('Simulaties');

const Groep = z
  .object({ groep: z.string(), aantal: z.number().int(), gemiddeld: z.number(), mediaan: z.number() })
  .openapi('VerblijfsduurGroep');
const BacktestMaand = z
  .object({ maand: z.string(), werkelijk: z.number(), model: z.number(), p5: z.number(), p95: z.number() })
  .openapi('BacktestMaand');
export const Capaciteitsmodel = z
  .object({
    vanaf: DatumUit,
    tot: DatumUit,
    verblijvenInHistorie: z.number().int(),
    instroomPerDag: z.number(),
    weekdagpatroon: z.array(z.number()).openapi({ description: 'Maandag … zondag, gemiddelde 1' }),
    seizoenspatroon: z.array(z.number()).openapi({ description: 'Januari … december, gemiddelde 1' }),
    gemiddeldeVerblijfsduur: z.number(),
    aandeelVervolgplek: z.number(),
    gemiddeldeWachttijd: z.number(),
    wachttijdAangenomen: z.boolean(),
    woonplekkenPerMaand: z.number(),
    huidigeBezetting: z.number().int(),
    kamers: z.number().int(),
    reserve: z.number().int(),
    perVoorzieningstype: z.array(Groep),
    perHuishouden: z.array(Groep),
    backtest: z
      .object({
        vanaf: DatumUit,
        tot: DatumUit,
        runs: z.number().int(),
        maanden: z.array(BacktestMaand),
        gemiddeldeAfwijking: z.number().openapi({ description: 'Gemiddelde absolute fout per maand (plaatsen)' }),
        gemiddeldeAfwijkingProcent: z.number(),
        dagenBinnenBand: z
          .number()
          .openapi({ description: 'Procent van de nachten met de echte bezetting binnen de 90%-band' }),
      })
      .nullable(),
  })
  .openapi('Capaciteitsmodel');
export type Capaciteitsmodel = z.infer<typeof Capaciteitsmodel>;

export interface SimulationRow {
  id: string;
  scenario_id: string | null;
  name: string;
  parameters: unknown;
  start_on: string;
  years: number;
  runs: number;
  seed: number;
  status: string;
  runs_done: number;
  result: unknown | null;
  error: string | null;
  created_at: Date;
}
/** A job still 'bezig' after this long was cut off (the server stopped while it ran): it is shown as failed. */
export const STALE_MS = 60 * 60 * 1000;

export function toSimulatie(r: SimulationRow, now?: Date): Simulatie {
  const stale = r.status === 'bezig' && now && now.getTime() - new Date(r.created_at).getTime() > STALE_MS;
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    naam: r.name,
    parameters: r.parameters as ScenarioParams,
    startdatum: r.start_on,
    jaren: r.years,
    runs: r.runs,
    seed: r.seed,
    status: stale ? 'mislukt' : (r.status as Simulatie['status']),
    runsKlaar: r.runs_done,
    voortgang: Math.floor((100 * r.runs_done) / r.runs),
    fout: stale ? 'De berekening is afgebroken (de server is gestopt). Start de simulatie opnieuw.' : r.error,
    gestartOp: new Date(r.created_at).toISOString(),
    resultaat: (r.result as Summary | null) ?? null,
  };
}
