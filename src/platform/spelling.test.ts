// Issue 16: one spelling in the interface (docs/begrippen.md). Fails on the known wrong spellings in the web sources and
// in the server's messages, so they do not come back.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
function bronnen(dir: string, uitz: RegExp): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir)) {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) out.push(...bronnen(p, uitz));
    else if (/\.(ts|tsx)$/.test(p) && !uitz.test(p)) out.push(p);
  }
  return out;
}

/** Wrong spelling → the one to use (docs/begrippen.md). */
const FOUT: [RegExp, string][] = [
  [/beddenbord/i, 'bedbord'],
  [/bezettingsbord/i, 'bedbord'],
  [/['"`>]Dashboard opvang['"`<]/, 'Dashboard maatschappelijke opvang'],
  [/&lt;5|'<5'/, '— met de uitleg van een onderdrukte cel'],
  [/\$\{[^}]+\} punten(?!'\))/, '1 punt / 2 punten (enkelvoud bij 1)'],
  [/(['"])Conflict\1/, 'Niet mogelijk'],
];

describe('één schrijfwijze (docs/begrippen.md)', () => {
  it('de web-bronnen en de meldingen van de server gebruiken geen bekende foute schrijfwijze', () => {
    const web = bronnen(path.join(ROOT, 'web/src'), /schema\.d\.ts$/);
    const server = bronnen(path.join(ROOT, 'src'), /\.test\.ts$/);
    expect(web.length).toBeGreaterThan(50);
    const gevonden: string[] = [];
    for (const f of [...web, ...server]) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((regel, i) => {
          if (/^(\/\/|\/\*|\*)/.test(regel.trim())) return; // comments may name the wrong form
          for (const [fout, goed] of FOUT)
            if (fout.test(regel)) gevonden.push(`${path.relative(ROOT, f)}:${i + 1}: ${regel.trim()} → ${goed}`);
        });
    }
    expect(gevonden).toEqual([]);
  });

  it('een verplicht veld krijgt nooit "(niet verplicht)"', () => {
    const velden = readFileSync(path.join(ROOT, 'web/src/ui/fields.tsx'), 'utf8');
    expect(velden).toMatch(/optional && !required && <span className="onderdak-optioneel"> \(niet verplicht\)<\/span>/);
  });
});
