// `npm run bench`: runs every bench/*.bench.ts in sequence (each in its own process, so one bench's memory and
// database do not disturb the next) and prints what each reports. Add a bench by adding a file; no edit here.
// Optional filter: `npm run bench -- kerncijfers` runs only files whose name contains "kerncijfers".

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter.length || filter.some((x) => f.includes(x)))
  .sort();
if (!files.length) {
  console.log('Geen benchmarks gevonden (bench/*.bench.ts).');
  process.exit(0);
}
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, f)], { stdio: 'inherit', env: process.env });
  console.log(
    `--- ${f}: ${r.status === 0 ? 'klaar' : `MISLUKT (exit ${r.status})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
