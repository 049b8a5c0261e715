// The layout's rules (docs/adr/0005), checked on the source itself so they cannot erode quietly.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Relative imports of a file, resolved to repository paths (type-only imports included: they couple modules too). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.flatMap((spec) => {
    const base = path.normalize(path.join(path.dirname(file), spec)).replace(/\.js$/, '');
    const found = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((c) => fs.existsSync(path.join(root, c)));
    return found ? [found] : [];
  });
}

function findCycle(files: string[]): string[] | null {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const state = new Map<string, 'busy' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null;
    if (state.get(f) === 'busy') return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, 'busy');
    stack.push(f);
    for (const dep of graph.get(f) ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of files) {
    const cycle = visit(f);
    if (cycle) return cycle;
  }
  return null;
}

describe('opbouw van de code', () => {
  it('heeft geen importcirkels, niet in de server en niet in de webinterface', () => {
    expect(findCycle(sourceFiles('src').filter((f) => !f.endsWith('.test.ts')))).toBeNull();
    expect(findCycle(sourceFiles('web/src'))).toBeNull();
  });

  it('platform kent geen ketengebieden: src/platform importeert niets uit src/areas', () => {
    const offenders = sourceFiles('src/platform')
      .filter((f) => !f.endsWith('.test.ts'))
      .filter((f) => importsOf(f).some((dep) => dep.startsWith('src/areas/')));
    expect(offenders).toEqual([]);
  });

  it('routes zijn getypeerd: geen any aan de HTTP-rand', () => {
    const untyped = sourceFiles('src')
      .filter((f) => f.endsWith('.routes.ts') || f.startsWith('src/platform/http/') || f === 'src/app.ts')
      .filter((f) => /:\s*any\b|as any\b|<any>/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(untyped).toEqual([]);
  });

  it('rolvergelijkingen staan alleen in de rechtentabel en de zichtbaarheidsregels', () => {
    const allowed = new Set(['src/rights/rights.ts', 'src/rights/visibility.ts', 'src/rights/audit.ts']);
    const offenders = sourceFiles('src')
      .filter((f) => !f.endsWith('.test.ts') && !allowed.has(f) && !f.startsWith('src/demo/'))
      .filter((f) =>
        /\.role\s*[!=]==|includes\([^)]*\.role\)|requireRole\(/.test(fs.readFileSync(path.join(root, f), 'utf8')),
      );
    expect(offenders).toEqual([]);
  });
});
