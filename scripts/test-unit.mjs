// Runs the unit/integration suite on PGlite, then again on PostgreSQL when DATABASE_URL is set.
// One run id for both: the PostgreSQL templates and clones of this run are named after it (src/test/db.ts).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';

const run = (label, env) => {
  console.log(`\n=== Tests op ${label} ===`);
  const t0 = Date.now();
  const r = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env });
  console.log(`=== ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s ===`);
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const runId = `${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
const { DATABASE_URL, ...rest } = process.env;
run('PGlite', { ...rest, ONDERDAK_TEST_RUN: runId });
if (DATABASE_URL) run(`PostgreSQL (${new URL(DATABASE_URL).host})`, { ...process.env, ONDERDAK_TEST_RUN: runId });
