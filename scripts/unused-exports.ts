// Exports no other file uses, found with the TypeScript compiler (no extra dependency):
//   npx tsx scripts/unused-exports.ts
// Walks every identifier of the server program (tsconfig.json) and the web program (web/tsconfig.json), resolves it
// to the declaration it names (through imports and re-exports) and lists the exports never named from another file.
// "(alleen in eigen bestand)" = used in its own file only: the `export` can go, the code stays.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Files whose exports a tool reads by convention (config files, vitest's globalSetup), not an import. */
const consumedByTools = new Set([
  'vitest.config.ts',
  'e2e/vitest.config.ts',
  'web/vite.config.ts',
  'src/test/global-setup.ts',
  'e2e/global-setup.ts',
]);

function programOf(tsconfig: string): ts.Program {
  const file = path.join(root, tsconfig);
  const config = ts.readConfigFile(file, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(file));
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}

const own = (f: ts.SourceFile) => !f.isDeclarationFile && !f.fileName.includes('/node_modules/');
const rel = (fileName: string) => path.relative(root, fileName);

/** Where a symbol is declared, as "file:position" (the same across both programs). */
function keyOf(symbol: ts.Symbol): string | null {
  const decl = symbol.declarations?.[0];
  return decl ? `${rel(decl.getSourceFile().fileName)}:${decl.getStart()}` : null;
}

const usedElsewhere = new Set<string>();
const usedInOwnFile = new Set<string>();
const exported = new Map<string, { file: string; line: number; name: string }>();

for (const program of [programOf('tsconfig.json'), programOf('web/tsconfig.json')]) {
  const checker = program.getTypeChecker();
  const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);

  for (const sourceFile of program.getSourceFiles().filter(own)) {
    const file = rel(sourceFile.fileName);
    const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
    if (moduleSymbol && !consumedByTools.has(file)) {
      for (const e of checker.getExportsOfModule(moduleSymbol)) {
        const target = resolve(e);
        const key = keyOf(target);
        const decl = target.declarations?.[0];
        // A re-export (`export … from`) is reported where the original is declared.
        if (!key || !decl || rel(decl.getSourceFile().fileName) !== file) continue;
        const line = sourceFile.getLineAndCharacterOfPosition(decl.getStart()).line + 1;
        exported.set(key, { file, line, name: e.name });
      }
    }

    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node)) {
        const symbols = [checker.getSymbolAtLocation(node)];
        if (ts.isShorthandPropertyAssignment(node.parent))
          symbols.push(checker.getShorthandAssignmentValueSymbol(node.parent));
        for (const s of symbols) {
          if (!s) continue;
          const target = resolve(s);
          const key = keyOf(target);
          const decl = target.declarations?.[0];
          if (!key || !decl) continue;
          // The declaration's own name is not a use.
          if (ts.getNameOfDeclaration(decl) === node) continue;
          (rel(decl.getSourceFile().fileName) === file ? usedInOwnFile : usedElsewhere).add(key);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
}

const unused = [...exported.entries()]
  .filter(([key]) => !usedElsewhere.has(key))
  .map(([key, e]) => ({ ...e, local: usedInOwnFile.has(key) }))
  .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);

for (const e of unused) console.log(`${e.file}:${e.line} ${e.name}${e.local ? ' (alleen in eigen bestand)' : ''}`);
console.log(`\n${unused.length} ongebruikte exports (${unused.filter((e) => !e.local).length} nergens gebruikt).`);
