// Every data-quality rule, one by one (issue 20): its own fixture makes it fire on the record it is about, and its
// near miss (or the clean example) does not. The rules are data; this table-driven test runs each row both ways.
import { describe, expect, it } from 'vitest';
import { runRules } from './engine.js';
import { cleanExample } from './example.js';
import { RULES } from './rules.js';

describe('de datakwaliteitsregels', () => {
  it('zijn er minstens 100, elk met een unieke code en een Nederlandse tekst', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
    for (const r of RULES) expect(r.text).toMatch(/^[A-Z"].*[.?:]$|^[A-Z"].*\.$/);
  });

  it('vinden niets in het schone voorbeeld', () => {
    expect(runRules(cleanExample()).map((f) => f.code)).toEqual([]);
  });

  describe.each(RULES.map((r) => [r.code, r] as const))('%s', (_code, rule) => {
    it(`vindt "${rule.text}" in het eigen voorbeeld`, () => {
      const d = cleanExample();
      rule.example.hit(d);
      const target = (d.rows[rule.entity][0] as { id: string }).id;
      const found = runRules(d, [rule]);
      expect(found.map((f) => f.recordId)).toContain(target);
    });
    it('vindt niets in de bijna-treffer', () => {
      const d = cleanExample();
      rule.example.miss?.(d);
      const target = (d.rows[rule.entity][0] as { id: string }).id;
      expect(runRules(d, [rule]).map((f) => f.recordId)).not.toContain(target);
    });
  });
});
