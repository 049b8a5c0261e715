// Issue 16: every date a person reads in a server message is Dutch text ("13 januari 2027"), never ISO.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datumTekst, periodeTekst, tijdstipTekst } from './dates.js';

describe('datums in berichten als Nederlandse tekst', () => {
  it('een ISO-datum wordt "13 januari 2027", zonder voorloopnul in de dag', () => {
    expect(datumTekst('2027-01-13')).toBe('13 januari 2027');
    expect(datumTekst('2026-12-02')).toBe('2 december 2026');
    expect(datumTekst('2024-02-29')).toBe('29 februari 2024');
  });

  it('een tijdstip telt met de dag in Nederland (23:30 UTC in de winter is al de volgende dag)', () => {
    expect(datumTekst(new Date('2026-11-22T23:30:00Z'))).toBe('23 november 2026');
    expect(datumTekst('2026-06-30T22:30:00.000Z')).toBe('1 juli 2026');
    expect(tijdstipTekst('2026-12-02T13:30:00Z')).toBe('2 december 2026 om 14:30');
    expect(tijdstipTekst(new Date('2026-07-01T08:05:00Z'))).toBe('1 juli 2026 om 10:05');
  });

  it('leeg geeft de opgegeven tekst; iets wat geen datum is, komt ongewijzigd terug', () => {
    expect(datumTekst(null)).toBe('—');
    expect(datumTekst(undefined, 'een eerdere datum')).toBe('een eerdere datum');
    expect(datumTekst('open einde')).toBe('open einde');
    expect(datumTekst('2026-13-01')).toBe('2026-13-01');
  });

  it('een periode: "van … tot …", of "vanaf …" als het einde open is', () => {
    expect(periodeTekst('2026-01-01', '2026-04-01')).toBe('van 1 januari 2026 tot 1 april 2026');
    expect(periodeTekst('2026-01-01')).toBe('vanaf 1 januari 2026');
  });

  it('geen melding in src/areas zet een datumveld ongeformatteerd in de tekst (bewaakt de bron)', () => {
    // A line that builds a message for a person (problem detail, field error, task or signal text) and puts a date
    // field (…_on, …_date, …datum, …Tot) into a template string without datumTekst() is the ISO date coming back.
    const root = path.resolve(import.meta.dirname, '../areas');
    const bestanden: string[] = [];
    const loop = (dir: string) => {
      for (const n of readdirSync(dir)) {
        const p = path.join(dir, n);
        if (statSync(p).isDirectory()) loop(p);
        else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) bestanden.push(p);
      }
    };
    loop(root);
    const melding =
      /ConflictError\(|\.add\(|notBefore\(|\b(tekst|omschrijving|reden|samenvatting|toelichting|uitleg):|`(De|Dit|Deze|Een|Het|U|Op) /;
    const kaleDatum = /\$\{\s*[\w.?!]*(_on|_date|[dD]atum|Tot|Sinds|registered_on|begindatum|einddatum)\s*\}/;
    const fout: string[] = [];
    for (const f of bestanden) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((regel, i) => {
          if (melding.test(regel) && kaleDatum.test(regel) && !/sql`|audit\(|detail: `/.test(regel))
            fout.push(`${path.relative(root, f)}:${i + 1}: ${regel.trim()}`);
        });
    }
    expect(bestanden.length).toBeGreaterThan(100);
    expect(fout).toEqual([]);
  });
});
