// Issue 13 (docs/adr/0014): the demo is made through the app's own services, which takes minutes instead of
// seconds. The result of a load is kept as a template (a PGlite data-dir dump) in a cache directory, and later loads
// of the same demo (the same day, the same code) start from that copy instead of seeding again:
// - `npm start` on an empty data dir (also the e2e global setup, which starts the app like that);
// - the test runs' demo templates on PGlite (src/test/db.ts, createDemoDatabase).
// The key is the demo day plus a hash of every non-test file under src/ (services, rules, seeders, migrations) and
// the PGlite version: any change to what could change the demo makes a new key, so a stale copy is never used.
// ONDERDAK_DEMO_CACHE=<map> chooses the directory, ONDERDAK_DEMO_CACHE=0 turns the cache off (the kill -9 test).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Copies kept (the newest); older ones are removed when a new one is written. */
const KEEP = 4;

/** The cache directory, or null when the cache is off. */
export function demoCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const v = env.ONDERDAK_DEMO_CACHE;
  if (v === '0') return null;
  return path.resolve(v || path.join(root, '.tmp', 'demo-cache'));
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (!/\.test\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

/** A hash of the code the demo depends on (every non-test file under src/, and the PGlite version); some 50 ms. */
function codeHash(): string {
  const h = crypto.createHash('sha256');
  const src = path.join(root, 'src');
  for (const f of filesUnder(src).sort()) {
    h.update(path.relative(src, f));
    h.update('\0');
    h.update(fs.readFileSync(f));
    h.update('\0');
  }
  try {
    h.update(fs.readFileSync(path.join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json')));
  } catch {
    /* no version known: the source hash alone */
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * Which copy: 'app' (a data dir made by `npm start`: migrated and seeded by the app) or 'test' (the test run's
 * migrated template, seeded by createDemoDatabase). Kept apart: they start from different empty databases.
 */
export type DemoCacheKind = 'app' | 'test';

/** The cache file of the demo of `today` with the current code. */
export function demoCacheFile(kind: DemoCacheKind, today: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = demoCacheDir(env);
  return dir ? path.join(dir, `demo-${kind}-${today}-${codeHash()}.tar`) : null;
}

/** The file with the dump of the demo of `today`, when an earlier load with the same code kept one. */
export function cachedDemo(kind: DemoCacheKind, today: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const file = demoCacheFile(kind, today, env);
  return file && fs.existsSync(file) ? file : null;
}

/** Keeps the data dir of a freshly loaded demo (written whole, then renamed: a half file is never read). */
export async function writeDemoCache(
  kind: DemoCacheKind,
  today: string,
  pglite: PGlite,
  env: NodeJS.ProcessEnv = process.env,
) {
  const dump = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
  keep(kind, today, env, (tmp) => fs.writeFileSync(tmp, dump));
}

/** Keeps a dump file already written (the test run's demo template). */
export function keepDemoFile(
  kind: DemoCacheKind,
  today: string,
  dumpFile: string,
  env: NodeJS.ProcessEnv = process.env,
) {
  keep(kind, today, env, (tmp) => fs.copyFileSync(dumpFile, tmp));
}

function keep(kind: DemoCacheKind, today: string, env: NodeJS.ProcessEnv, write: (tmp: string) => void) {
  const file = demoCacheFile(kind, today, env);
  if (!file) return;
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    write(tmp);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const old = fs
    .readdirSync(dir)
    .filter((f) => /^demo-.*\.tar$/.test(f))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
    .slice(KEEP);
  for (const f of old) fs.rmSync(f, { force: true });
}
