// Benchmark of loading the demo region (issue 13: the history is enacted through the services, one call per event,
// instead of bulk inserts). Times seedDemo on a fresh migrated PGlite database, with wall-clock and CPU time per step
// and per history year (the CPU time is what counts on a busy machine).
//
//   npm run bench -- demo-seed

import { seedDemo } from '../src/demo/seed.js';
import { openPglite } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';

const database = await openPglite();
await migrate(database);
const t0 = Date.now();
const cpu0 = process.cpuUsage();
const stamp = () => {
  const c = process.cpuUsage(cpu0);
  return `${((Date.now() - t0) / 1000).toFixed(1)} s (cpu ${((c.user + c.system) / 1e6).toFixed(1)} s)`;
};
await seedDemo(database, {
  today: '2026-05-01',
  log: (m) => console.log(stamp(), m),
  afterStep: (s) => console.log(stamp(), `stap ${s} klaar`),
});
console.log(`demo geladen in ${stamp()}`);
await database.close();
