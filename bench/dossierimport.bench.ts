// Benchmark issue 11: moving a caseload in — the preview and the import of the 200-row CSV (197 good rows, 3 bad)
// on a fresh in-memory PGlite, through the API as the toegang user does it. A user waits for this; it should stay
// well under 5 seconds.
// Run alone: `npx tsx bench/dossierimport.bench.ts`, or with all benches via `npm run bench`.

import { createApp } from '../src/app.js';
import { openPglite } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { caseloadFile } from '../src/test/caseload-file.js';
import { loginAs, seedFixture } from '../src/test/fixtures.js';

const LOC = 'Nachtopvang Bench';
const database = await openPglite();
await migrate(database);
await seedFixture(database);
const app = createApp({ database, now: () => new Date('2026-12-02T10:00:00Z') });
const beheer = await loginAs(app, 'beheer');
const toegang = await loginAs(app, 'toegang');
const loc = await beheer.post('/v1/locaties', {
  naam: LOC,
  type: 'crisisopvang',
  adres: 'Straat 1',
  gemeentecode: '0505',
});
await beheer.post(`/v1/locaties/${loc.body.id}/eenheidreeksen`, {
  reeksen: [{ voorvoegsel: 'K', van: 1, tot: 30, soort: 'eenpersoonskamer', bedden: 1 }],
});
const file = { bestandsnaam: 'caseload.csv', inhoud: caseloadFile(LOC) };

async function timed(what: string, path: string) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await toegang.post(path, file);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000;
  // PGlite runs in this process: the CPU time is the work itself, the wall time also the wait on a busy machine
  console.log(
    `${what}: ${(ms / 1000).toFixed(2)} s wandklok, ${(cpu / 1000).toFixed(2)} s CPU (${(cpu / 200).toFixed(1)} ms CPU per regel) — status ${r.status}, ${JSON.stringify(r.body.aantallen)}`,
  );
}
await timed('voorvertoning 200 regels', '/v1/dossierimports/voorvertoningen');
await timed('import 200 regels', '/v1/dossierimports');
await timed('dezelfde import nogmaals (verandert niets)', '/v1/dossierimports');
await database.close();
