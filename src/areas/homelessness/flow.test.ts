// The monthly flow (issue 20): inflow − outflow = change in the active number, every month, for any evidence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, type Evidence, monthlyFlow, replayAll, replayPerson, totalIn, totalOut } from './flow.js';

const TODAY = '2026-12-02';

describe('het verloop van één persoon', () => {
  it('wordt actief bij het eerste contact (nieuw) en inactief na 3 maanden zonder contact', () => {
    const t = replayPerson('p', [{ person: 'p', kind: 'contact', from: '2026-01-10', to: '2026-01-10' }], TODAY, 3);
    expect(t?.transitions).toEqual([
      { person: 'p', on: '2026-01-10', kind: 'nieuw' },
      { person: 'p', on: '2026-04-10', kind: 'inactief' },
    ]);
    expect(t?.state).toBe('inactief');
  });
  it('komt terug na inactiviteit wanneer er weer contact is', () => {
    const t = replayPerson(
      'p',
      [
        { person: 'p', kind: 'contact', from: '2026-01-10', to: '2026-01-10' },
        { person: 'p', kind: 'contact', from: '2026-06-01', to: '2026-06-01' },
      ],
      TODAY,
      3,
    );
    expect(t?.transitions.map((x) => x.kind)).toEqual(['nieuw', 'inactief', 'terug_na_inactiviteit', 'inactief']);
  });
  it('telt de uitstroom naar wonen en de terugkeer uit wonen', () => {
    const t = replayPerson(
      'p',
      [
        { person: 'p', kind: 'contact', from: '2026-01-01', to: '2026-03-01' },
        { person: 'p', kind: 'housed', on: '2026-03-01' },
        { person: 'p', kind: 'contact', from: '2026-09-01', to: '2026-12-31' },
      ],
      TODAY,
      3,
    );
    expect(t?.transitions.map((x) => x.kind)).toEqual(['nieuw', 'naar_wonen', 'terug_uit_wonen']);
    expect(t?.state).toBe('actief');
    expect(t?.activeSince).toBe('2026-09-01');
  });
  it('blijft actief zolang een verblijf openstaat (contact tot vandaag)', () => {
    const t = replayPerson('p', [{ person: 'p', kind: 'contact', from: '2025-01-01', to: '2099-01-01' }], TODAY, 3);
    expect(t?.state).toBe('actief');
    expect(t?.lastContact).toBe(TODAY);
  });
  it('volgt de instelling: met 6 maanden is dezelfde persoon nog actief', () => {
    const ev: Evidence[] = [{ person: 'p', kind: 'contact', from: '2026-08-01', to: '2026-08-01' }];
    expect(replayPerson('p', ev, TODAY, 3)?.state).toBe('inactief');
    expect(replayPerson('p', ev, TODAY, 6)?.state).toBe('actief');
  });
  it('addMonths houdt de laatste dag van een kortere maand aan', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
});

const day = fc.integer({ min: 0, max: 900 }).map((n) => {
  const d = new Date(Date.UTC(2024, 0, 1) + n * 86400000);
  return d.toISOString().slice(0, 10);
});
const evidence = fc.oneof(
  fc.record({ person: fc.constantFrom('a', 'b', 'c', 'd', 'e'), from: day, len: fc.integer({ min: 0, max: 120 }) }).map(
    ({ person, from, len }): Evidence => ({
      person,
      kind: 'contact',
      from,
      to: new Date(Date.parse(from) + len * 86400000).toISOString().slice(0, 10),
    }),
  ),
  fc
    .record({ person: fc.constantFrom('a', 'b', 'c', 'd', 'e'), on: day })
    .map(({ person, on }): Evidence => ({ person, kind: 'housed', on })),
);

describe('de maandelijkse stroom', () => {
  it('instroom − uitstroom = verandering van het aantal actieven, elke maand (property-based)', () => {
    fc.assert(
      fc.property(fc.array(evidence, { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (ev, months) => {
        const flow = monthlyFlow(replayAll(ev, '2026-06-15', months), '2023-12', '2026-07');
        for (const m of flow) expect(totalIn(m) - totalOut(m)).toBe(m.actiefEind - m.actiefBegin);
        for (let i = 1; i < flow.length; i++) expect(flow[i]!.actiefBegin).toBe(flow[i - 1]!.actiefEind);
      }),
      { numRuns: 200 },
    );
  });
  it('telt een persoon die in één maand instroomt en uitstroomt aan beide kanten', () => {
    const flow = monthlyFlow(
      replayAll(
        [
          { person: 'x', kind: 'contact', from: '2026-03-05', to: '2026-03-20' },
          { person: 'x', kind: 'housed', on: '2026-03-20' },
        ],
        TODAY,
        3,
      ),
      '2026-03',
      '2026-03',
    );
    expect(flow[0]).toMatchObject({
      actiefBegin: 0,
      actiefEind: 0,
      instroom: { nieuw: 1 },
      uitstroom: { naar_wonen: 1 },
    });
  });
  it('is reproduceerbaar: dezelfde gegevens geven dezelfde stroom', () => {
    const ev: Evidence[] = [
      { person: 'a', kind: 'contact', from: '2025-02-01', to: '2025-02-01' },
      { person: 'b', kind: 'contact', from: '2025-03-01', to: '2025-05-01' },
    ];
    const one = monthlyFlow(replayAll(ev, TODAY, 3), '2025-01', '2025-12');
    const two = monthlyFlow(replayAll([...ev].reverse(), TODAY, 3), '2025-01', '2025-12');
    expect(two).toEqual(one);
  });
});
