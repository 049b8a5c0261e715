// Issue 17 — the pure rules of locaties en buurt: business-case formulas and their source figures, the draagkracht
// score, the bounded rate limiter, the form token and the cleaning of public text.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanText, formTokens, rateLimiter, spotKey } from './abuse.js';
import { computeBusinessCase, defaultAssumptions, SOURCE_FIGURES } from './business-case.js';
import { draagkrachtScores } from './draagkracht.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const figures = JSON.parse(fs.readFileSync(path.resolve(here, '../../demo/seed-figures.json'), 'utf8'));
const midpoint = (range: string) => {
  const [a, b] = range.replace('%', '').split('-').map(Number);
  return (a + b) / 2;
};

describe('business case', () => {
  it('takes its outflow rates and nights per stay from seed-figures.json', () => {
    expect(SOURCE_FIGURES.housingFirstSuccess).toBe(midpoint(figures.landelijk.housing_first_slagingskans));
    expect(SOURCE_FIGURES.shelterSuccess).toBe(midpoint(figures.landelijk.maatschappelijke_opvang_slagingskans));
    const nights: (number | null)[] = figures.nachtopvang_dordrecht.gemiddeld_aantal_nachten;
    const year = figures.nachtopvang_dordrecht.periods.indexOf('2018');
    expect(SOURCE_FIGURES.nightsPerShelterStay).toBe(nights[year]);
  });

  it('computes avoided costs from shelter nights saved at the cost per night, and the payback time', () => {
    const a = { ...defaultAssumptions('housing_first', 100), bezettingsgraad: 100, investering: 100_000 };
    const r = computeBusinessCase(10, a);
    expect(r.bespaardeOpvangnachten).toBe(3650);
    expect(r.vermedenOpvangkosten).toBe(365_000);
    expect(r.jaarlijkseKosten).toBe(10 * a.kostenPerPlekPerJaar);
    // 10 occupied × 0.5 residents/place/year × (85 − 45)% = 2 people more housed for good, each 72 nights avoided
    expect(r.extraDuurzaamGehuisvest).toBe(2);
    expect(r.vermedenTerugvalkosten).toBe(2 * 72 * 100);
    expect(r.nettoPerJaar).toBe(365_000 + 14_400 - 160_000);
    expect(r.terugverdientijdJaren).toBe(Math.round((100_000 / 219_400) * 10) / 10);
  });

  it('has no payback time when the site costs more than it avoids', () => {
    const r = computeBusinessCase(5, { ...defaultAssumptions('opvang', 10), kostenPerPlekPerJaar: 900_000 });
    expect(r.nettoPerJaar).toBeLessThan(0);
    expect(r.terugverdientijdJaren).toBeNull();
  });
});

describe('draagkracht', () => {
  it('is 100 minus the weighted pressures scaled to the heaviest wijk', () => {
    const scores = draagkrachtScores(
      [
        { placesPer1000: 10, reportsPer1000: 4, indicator: 20 },
        { placesPer1000: 0, reportsPer1000: 0, indicator: 10 },
        { placesPer1000: 5, reportsPer1000: 1, indicator: null },
      ],
      { places: 0.5, reports: 0.3, indicator: 0.2 },
    );
    expect(scores).toEqual([0, 90, Math.round(100 * (1 - (0.5 * 0.5 + 0.3 * 0.25)))]);
  });

  it('follows the weights the tenant sets', () => {
    const wijken = [
      { placesPer1000: 10, reportsPer1000: 0, indicator: null },
      { placesPer1000: 0, reportsPer1000: 10, indicator: null },
    ];
    expect(draagkrachtScores(wijken, { places: 1, reports: 0, indicator: 0 })).toEqual([0, 100]);
    expect(draagkrachtScores(wijken, { places: 0, reports: 1, indicator: 0 })).toEqual([100, 0]);
  });
});

describe('abuse handling', () => {
  it('refuses a burst above the limit and forgets it after the window', () => {
    const limiter = rateLimiter(3, 60);
    const t0 = new Date('2026-12-02T10:00:00Z');
    expect([1, 2, 3].map(() => limiter.hit('a', t0))).toEqual([null, null, null]);
    expect(limiter.hit('a', t0)).toBe(60);
    expect(limiter.hit('b', t0)).toBeNull();
    expect(limiter.hit('a', new Date(t0.getTime() + 61_000))).toBeNull();
  });

  it('remembers a bounded number of addresses', () => {
    const limiter = rateLimiter(1, 60, 100);
    const t = new Date('2026-12-02T10:00:00Z');
    for (let i = 0; i < 1000; i++) limiter.hit(`ip${i}`, t);
    expect(limiter.size()).toBe(100);
  });

  it('accepts a form token only from the same slug, after the minimum fill time and before it expires', () => {
    const tokens = formTokens('geheim');
    const t0 = new Date('2026-12-02T10:00:00Z');
    const token = tokens.issue('kasperspad', t0);
    expect(tokens.check(token, 'kasperspad', new Date(t0.getTime() + 1000))).toMatch(/te snel/);
    expect(tokens.check(token, 'kasperspad', new Date(t0.getTime() + 5000))).toBeNull();
    expect(tokens.check(token, 'andere-locatie', new Date(t0.getTime() + 5000))).toMatch(/niet geldig/);
    expect(tokens.check(token, 'kasperspad', new Date(t0.getTime() + 5 * 3600_000))).toMatch(/verlopen/);
    const forged = token.replace(/^\d+/, String(t0.getTime() - 10_000));
    expect(tokens.check(forged, 'kasperspad', new Date(t0.getTime() + 5000))).toMatch(/niet geldig/);
    expect(formTokens('ander-geheim').check(token, 'kasperspad', new Date(t0.getTime() + 5000))).toMatch(/niet geldig/);
  });

  it('strips control and bidi-override characters but keeps line breaks and markup as plain text', () => {
    expect(cleanText(' a\u0007b\u202Ec\r\nd <b>x</b> ')).toBe('abc\nd <b>x</b>');
    expect(spotKey('Kasperspad, hoek Kromhout!')).toBe(spotKey('kasperspad hoek  KROMHOUT'));
  });
});
