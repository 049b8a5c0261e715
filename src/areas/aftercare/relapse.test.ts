import { describe, expect, it } from 'vitest';
import { computeRelapse, countReturns, type EntryRow, type ExitRow, personReturns } from './relapse.js';

// Hand-computed cases (dates in the leap year 2024). Look-back window [2024-01-01, 2025-01-01).
const exits: ExitRow[] = [
  { clientId: 'A', exitDate: '2024-01-10', destination: 'huur-corporatie', group: 'permanent' },
  { clientId: 'B', exitDate: '2024-02-01', destination: 'housing-first', group: 'permanent' },
  { clientId: 'C', exitDate: '2024-03-01', destination: 'tussenvoorziening', group: 'tijdelijk' }, // not to housing
  { clientId: 'C2', exitDate: '2024-03-01', destination: 'ggz-kliniek', group: 'beschermd' }, // institutional, not beschermd wonen
  { clientId: 'D', exitDate: '2024-06-01', destination: 'huur-particulier', group: 'permanent' }, // second exit of D
  { clientId: 'D', exitDate: '2024-01-05', destination: 'beschermd-wonen', group: 'beschermd' }, // earliest: counts
  { clientId: 'E', exitDate: '2024-04-01', destination: 'familie-vrienden-permanent', group: 'permanent' },
  { clientId: 'F', exitDate: '2024-05-01', destination: 'huur-corporatie', group: 'permanent' },
  { clientId: 'G', exitDate: '2023-12-31', destination: 'huur-corporatie', group: 'permanent' }, // before the window
  { clientId: 'H', exitDate: '2025-01-01', destination: 'huur-corporatie', group: 'permanent' }, // `to` is exclusive
];
const entries: EntryRow[] = [
  { clientId: 'A', date: '2024-09-01' }, // second return of A: ignored
  { clientId: 'A', date: '2024-03-10' }, // first return: 60 days
  { clientId: 'B', date: '2024-07-31' }, // day 181: just outside 6 months
  { clientId: 'C', date: '2024-04-01' },
  { clientId: 'C2', date: '2024-04-01' },
  { clientId: 'D', date: '2024-03-01' }, // 56 days after the earliest exit
  { clientId: 'D', date: '2024-07-01' },
  { clientId: 'F', date: '2024-05-01' }, // the exit day itself is no return
  { clientId: 'F', date: '2026-06-01' }, // 761 days: outside 24 months
  { clientId: 'G', date: '2024-02-01' },
  { clientId: 'H', date: '2025-02-01' },
];
const window = { from: '2024-01-01', to: '2025-01-01' };

describe('terugval (HUD SPM 2)', () => {
  it('neemt per persoon de eerste uitstroom naar wonen en de eerste latere instroom', () => {
    const p = personReturns(exits, entries, window);
    expect(p.map((x) => [x.clientId, x.exitDate, x.type, x.returnDate, x.daysToReturn])).toEqual([
      ['D', '2024-01-05', 'beschermd-wonen', '2024-03-01', 56],
      ['A', '2024-01-10', 'eigen-woning', '2024-03-10', 60],
      ['B', '2024-02-01', 'housing-first', '2024-07-31', 181],
      ['E', '2024-04-01', 'familie-vrienden', null, null],
      ['F', '2024-05-01', 'eigen-woning', '2026-06-01', 761],
    ]);
  });

  it('telt terugval binnen 6, 12 en 24 maanden (dag 181 valt buiten 6 maanden; twee keer terug telt één keer)', () => {
    const r = computeRelapse(exits, entries, { ...window, peildatum: '2027-06-01' });
    // permanent only: A, B, D (huur-particulier 06-01, back on 07-01: 30 days), E, F; D's earlier exit to beschermd
    // wonen is its own line, never mixed into the total (issue 13)
    expect(r.totaal.uitstromen).toBe(5);
    expect(r.totaal.binnen6Maanden).toEqual({ noemer: 5, teruggekeerd: 2, aandeel: 2 / 5, nogNietVolledig: 0 }); // A, D
    expect(r.totaal.binnen12Maanden).toEqual({ noemer: 5, teruggekeerd: 3, aandeel: 3 / 5, nogNietVolledig: 0 }); // + B
    expect(r.totaal.binnen24Maanden).toEqual({ noemer: 5, teruggekeerd: 3, aandeel: 3 / 5, nogNietVolledig: 0 }); // F at 761 days not
    const by = Object.fromEntries(
      r.perBestemming.map((x) => [
        x.type,
        [x.uitstromen, x.binnen6Maanden.teruggekeerd, x.binnen12Maanden.teruggekeerd, x.binnen24Maanden.teruggekeerd],
      ]),
    );
    expect(by).toEqual({
      'eigen-woning': [3, 2, 2, 2], // A, D, F
      'housing-first': [1, 0, 1, 1],
      'familie-vrienden': [1, 0, 0, 0],
      'beschermd-wonen': [1, 1, 1, 1],
    });
  });

  it('mengt uitstroom naar beschermd wonen nooit in het totaal', () => {
    const only = computeRelapse(
      [{ clientId: 'X', exitDate: '2024-02-01', destination: 'beschermd-wonen', group: 'beschermd' }],
      [{ clientId: 'X', date: '2024-03-01' }],
      { ...window, peildatum: '2027-06-01' },
    );
    expect(only.totaal.uitstromen).toBe(0);
    expect(only.perBestemming.find((x) => x.type === 'beschermd-wonen')).toMatchObject({
      uitstromen: 1,
      binnen6Maanden: { noemer: 1, teruggekeerd: 1 },
    });
  });

  it('telt een termijn alleen voor uitstromen waarvan de termijn op de peildatum voorbij is', () => {
    const persons = personReturns(exits, entries, window);
    const c = countReturns(persons, '2024-08-01');
    // D (209 days), A (204), B (182) are followed for 180 days; E (122) and F (92) not yet.
    expect(c.binnen6Maanden).toEqual({ noemer: 3, teruggekeerd: 2, aandeel: 2 / 3, nogNietVolledig: 2 });
    expect(c.binnen12Maanden).toEqual({ noemer: 0, teruggekeerd: 0, aandeel: null, nogNietVolledig: 5 });
  });
});
