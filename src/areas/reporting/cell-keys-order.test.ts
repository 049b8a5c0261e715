import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCellKeys, type KeyFigures } from './kerncijfers.js';

// The cell keys of herkomst and aanleiding are sums over the groups a query returns. PostgreSQL may return those
// groups in another order with another plan (a prepared statement's generic plan, ADR 0034); a stored result and a
// fresh one must still be the same JSON, key order and last bit included.
describe('celsleutels hangen niet af van de volgorde van de rijen', () => {
  const presenceRow = fc.record({
    tenant_id: fc.constant('t'),
    i: fc.constant(1),
    by_origin: fc.constantFrom(0, 1),
    origin_label: fc.constantFrom('Dordrecht', 'Overig Nederland', 'Buitenland', null),
    origin_code: fc.constantFrom('0505', '0590', null),
    cause: fc.constantFrom('relatiebreuk', 'schulden', null),
    ck_aantal: fc.double({ min: 0, max: 0.999999, noNaN: true }),
  });
  const keysOf = (rows: object[]) => {
    const result = new Map<string, KeyFigures[]>([['t', [{} as KeyFigures]]]);
    const none = { rows: [] as object[] };
    addCellKeys(['t'], result, { regR: none, trR: none, occR: none, presR: { rows } });
    return JSON.stringify(result.get('t')![0]!.celsleutels);
  };

  it('elke volgorde van dezelfde groepen geeft dezelfde celsleutels', () => {
    fc.assert(
      fc.property(
        fc
          .array(presenceRow, { minLength: 2, maxLength: 12 })
          .chain((rows) =>
            fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
          ),
        ([rows, shuffled]) => {
          expect(keysOf(shuffled)).toBe(keysOf(rows));
        },
      ),
      { numRuns: 300, seed: 3400 },
    );
  });
});
