// Runs the unit/integration suite on PGlite, then again on PostgreSQL when DATABASE_URL is set.
import { spawnSync } from 'node:child_process';

const run = (label, env) => {
  console.log(`\n=== Tests op ${label} ===`);
  const r = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const runId = `${process.pid}`;
const { DATABASE_URL, ...rest } = process.env;
run('PGlite', { ...rest, ONDERDAK_TEST_RUN: runId });
if (DATABASE_URL) run(`PostgreSQL (${new URL(DATABASE_URL).host})`, { ...process.env, ONDERDAK_TEST_RUN: runId });
