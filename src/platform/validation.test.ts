import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, isValidBsn, normalizePostcode, todayInNl } from './validation.js';

describe('validatie', () => {
  it('elfproef voor BSN', () => {
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('999990408')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
  });
  it('postcode zonder spatie', () => {
    expect(normalizePostcode('3311 ab')).toBe('3311AB');
    expect(normalizePostcode('0311AB')).toBeNull();
  });
  it('datums', () => {
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(daysBetween('2019-01-01', '2019-04-02')).toBe(91);
    expect(todayInNl(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
  });
});
