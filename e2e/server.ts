// Starting the real app (tsx src/main.ts, as `npm start` does) for the browser tests. No vitest imports here: the
// e2e global setup (e2e/global-setup.ts) uses this too, outside a test file.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** How long the app may take to start (a copied data dir: seconds; seeding the demo on a busy machine: minutes). */
const START_TIMEOUT_MS = 240_000;
/** A fresh data dir without a kept demo (src/demo/cache.ts): the demo is made through the services. */
const FRESH_START_TIMEOUT_MS = 1_800_000;

/** The data directory with the demo already loaded, made once per run by e2e/global-setup.ts. */
export const TEMPLATE_ENV = 'ONDERDAK_E2E_TEMPLATE';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
    srv.on('error', reject);
  });
}

export interface RunningApp {
  url: string;
  dataDir: string;
  proc: ChildProcess;
  output: () => string;
  /**
   * Stops the server and waits for it to exit: SIGTERM (a clean shutdown), or with `{ discard: true }` SIGKILL, for a
   * copy whose data nobody needs. Removes the data dir unless it was given to startApp.
   */
  stop: (opts?: { discard?: boolean }) => Promise<void>;
}

interface StartOptions {
  /** Start on an empty data dir, so the app migrates and loads the demo itself (the first start of an installation). */
  fresh?: boolean;
  /** Use this data dir as it is (kept after stop); default: a new temporary one. */
  dataDir?: string;
}

/**
 * Starts the real app on its own embedded database with the demo region loaded: a copy of the run's pre-seeded data
 * dir (fast), or, with `fresh` or without a template, an empty one that the app seeds on start.
 */
export async function startApp(env: Record<string, string> = {}, opts: StartOptions = {}): Promise<RunningApp> {
  const port = await freePort();
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'onderdak-e2e-'));
  const template = process.env[TEMPLATE_ENV];
  if (ownDir && !opts.fresh && template) fs.cpSync(template, dataDir, { recursive: true });
  let out = '';
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...rest, PORT: String(port), DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => {
    out += d;
  });
  proc.stderr!.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const stop = async ({ discard = false } = {}) => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill(discard ? 'SIGKILL' : 'SIGTERM');
      await exited;
    }
    if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  // issue 13: a first start without a kept demo loads it through the services (minutes on a busy machine)
  const timeoutMs = opts.fresh ? FRESH_START_TIMEOUT_MS : START_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  // wait for the condition "the API answers", checking a few times a second, up to a generous deadline
  for (;;) {
    if (proc.exitCode !== null) {
      await stop();
      throw new Error(`server stopte (exit ${proc.exitCode}): ${out}`);
    }
    try {
      const r = await fetch(`${url}/v1`, { signal: AbortSignal.timeout(10_000) });
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      await stop({ discard: true });
      throw new Error(`server start niet binnen ${timeoutMs / 1000} s: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, dataDir, proc, output: () => out, stop };
}
