import { describe, expect, it } from 'vitest';
import { expectedWaitDays, orderWaitingList, planTimeliness, shelterControl } from './rules.js';

describe('5-dagenregel perspectiefplan', () => {
  it('plaatsing op 1 maart: plan uiterlijk 6 maart; zonder plan te laat vanaf 7 maart', () => {
    expect(planTimeliness('2026-03-01', null, '2026-03-06')).toEqual({
      status: 'nog-binnen-termijn',
      uiterlijkeDatum: '2026-03-06',
      dagenTeLaat: 0,
    });
    expect(planTimeliness('2026-03-01', null, '2026-03-07')).toEqual({
      status: 'te-laat',
      uiterlijkeDatum: '2026-03-06',
      dagenTeLaat: 1,
    });
    expect(planTimeliness('2026-03-01', '2026-03-06', '2026-04-01')).toEqual({
      status: 'op-tijd-opgesteld',
      uiterlijkeDatum: '2026-03-06',
      dagenTeLaat: 0,
    });
    expect(planTimeliness('2026-03-01', '2026-03-09', '2026-04-01')).toEqual({
      status: 'te-laat-opgesteld',
      uiterlijkeDatum: '2026-03-06',
      dagenTeLaat: 3,
    });
    // over the end of February in a non-leap year
    expect(planTimeliness('2027-02-26', null, '2027-03-04').status).toBe('te-laat');
    expect(planTimeliness(null, null, '2026-03-07').status).toBe('geen-plaatsing');
  });
});

describe('driemaandencontrole', () => {
  const at = (days: number) =>
    shelterControl('2026-01-01', new Date(Date.UTC(2026, 0, 1 + days)).toISOString().slice(0, 10));
  it('signalen op precies 6, 10 en 12 weken, niet een dag eerder', () => {
    expect(at(41).signaal).toBeNull();
    expect(at(42).signaal).toBe('6-weken');
    expect(at(69).signaal).toBe('6-weken');
    expect(at(70).signaal).toBe('10-weken');
    expect(at(83).signaal).toBe('10-weken');
    expect(at(84).signaal).toBe('12-weken');
  });
  it('91 dagen is nog binnen de norm, 92 erboven', () => {
    expect(at(91)).toMatchObject({ dagenInOpvang: 91, bovenDoel: false, resterendeDagen: 0 });
    expect(at(92)).toMatchObject({ dagenInOpvang: 92, bovenDoel: true, resterendeDagen: -1, signaal: '12-weken' });
  });
});

describe('wachtlijst', () => {
  it('urgent eerst, dan de vroegste datum op de lijst, dan wie het eerst is ingeschreven', () => {
    const e = (id: string, urgent: boolean, listedOn: string, createdAt: string) => ({
      id,
      urgent,
      listedOn,
      createdAt,
    });
    const order = orderWaitingList([
      e('a', false, '2026-02-01', '2026-02-01T10:00:00Z'),
      e('b', true, '2026-03-01', '2026-03-01T10:00:00Z'),
      e('c', false, '2026-01-15', '2026-01-20T10:00:00Z'),
      e('d', false, '2026-01-15', '2026-01-16T10:00:00Z'),
      e('f', true, '2026-02-20', '2026-02-20T09:00:00Z'),
    ]).map((x) => x.id);
    expect(order).toEqual(['f', 'b', 'd', 'c', 'a']);
  });
  it('verwachte wachttijd: positie × 180 / plaatsingen in 180 dagen, naar boven afgerond; onbekend zonder doorstroom', () => {
    expect(expectedWaitDays(1, 3)).toBe(60);
    expect(expectedWaitDays(2, 4)).toBe(90);
    expect(expectedWaitDays(1, 7)).toBe(26); // 25.7 → 26
    expect(expectedWaitDays(3, 0)).toBeNull();
  });
});
