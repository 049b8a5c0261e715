// Prestatieafspraken: agreed extra homes per corporation and gemeente against the realisation, with the national goal.
import { z } from '@hono/zod-openapi';
import type { AgreementRow, RealisedRow } from './housing.queries.js';

const NATIONAL_GOAL_EXTRA_WOONPLEKKEN = 10_000;

const Stand = { afgesproken: z.number().int(), gerealiseerd: z.number().int() };
const Prestatieafspraak = z
  .object({
    corporatieId: z.string(),
    corporatie: z.string(),
    gemeentecode: z.string(),
    gemeente: z.string(),
    ...Stand,
    percentage: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Gerealiseerd als percentage van afgesproken; null zonder afspraak' }),
  })
  .openapi('PrestatieafspraakStand');
export const Prestatieafspraken = z
  .object({
    jaar: z.number().int(),
    afspraken: z.array(Prestatieafspraak),
    perCorporatie: z.array(z.object({ corporatie: z.string(), ...Stand })),
    perGemeente: z.array(z.object({ gemeente: z.string(), ...Stand })),
    totaal: z.object(Stand),
    landelijkDoel: z.object({ extraWoonplekken: z.number().int(), toelichting: z.string() }),
  })
  .openapi('Prestatieafspraken');

type Stand = { afgesproken: number; gerealiseerd: number };
const sum = (rows: Stand[]): Stand => ({
  afgesproken: rows.reduce((s, r) => s + r.afgesproken, 0),
  gerealiseerd: rows.reduce((s, r) => s + r.gerealiseerd, 0),
});

/** Agreements and realisation merged per (corporation, gemeente), with subtotals per corporation and per gemeente. */
export function agreementsDto(
  year: number,
  agreements: AgreementRow[],
  realised: RealisedRow[],
  names: Map<string, string>,
): z.infer<typeof Prestatieafspraken> {
  const key = (c: string, m: string) => `${c}|${m.trim()}`;
  const gemeente = (code: string) => names.get(code.trim()) ?? code;
  const rows = new Map<
    string,
    {
      corporatieId: string;
      corporatie: string;
      gemeentecode: string;
      gemeente: string;
      afgesproken: number;
      gerealiseerd: number;
    }
  >();
  for (const a of agreements) {
    rows.set(key(a.corporation_id, a.municipality_code), {
      corporatieId: a.corporation_id,
      corporatie: a.name,
      gemeentecode: a.municipality_code.trim(),
      gemeente: gemeente(a.municipality_code),
      afgesproken: a.agreed_count,
      gerealiseerd: 0,
    });
  }
  for (const r of realised) {
    const k = key(r.corporation_id, r.municipality_code);
    const row = rows.get(k) ?? {
      corporatieId: r.corporation_id,
      corporatie: r.name,
      gemeentecode: r.municipality_code.trim(),
      gemeente: gemeente(r.municipality_code),
      afgesproken: 0,
      gerealiseerd: 0,
    };
    row.gerealiseerd = Number(r.n);
    rows.set(k, row);
  }
  const list = [...rows.values()]
    .sort((a, b) => a.corporatie.localeCompare(b.corporatie) || a.gemeente.localeCompare(b.gemeente))
    .map((r) => ({ ...r, percentage: r.afgesproken > 0 ? Math.round((100 * r.gerealiseerd) / r.afgesproken) : null }));
  const groups = (by: (r: (typeof list)[number]) => string) => {
    const map = new Map<string, typeof list>();
    for (const r of list) map.set(by(r), [...(map.get(by(r)) ?? []), r]);
    return [...map.entries()];
  };
  return {
    jaar: year,
    afspraken: list,
    perCorporatie: groups((r) => r.corporatie).map(([corporatie, rs]) => ({ corporatie, ...sum(rs) })),
    perGemeente: groups((r) => r.gemeente)
      .map(([gemeente, rs]) => ({ gemeente, ...sum(rs) }))
      .sort((a, b) => a.gemeente.localeCompare(b.gemeente)),
    totaal: sum(list),
    landelijkDoel: {
      extraWoonplekken: NATIONAL_GOAL_EXTRA_WOONPLEKKEN,
      toelichting:
        'Landelijk doel: 10.000 extra woonplekken voor (voormalig) dakloze mensen (seed-figures.json, landelijk).',
    },
  };
}
