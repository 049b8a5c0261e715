import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { beforeAll, afterAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const p = (srv.address() as net.AddressInfo).port; srv.close(() => resolve(p)); });
    srv.on('error', reject);
  });
}

export interface RunningApp { url: string; dataDir: string; proc: ChildProcess; output: () => string; stop: () => Promise<void> }

/** Starts the real app as `npm start` would (tsx src/main.ts) on a fresh embedded database, demo loaded. */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onderdak-e2e-'));
  let out = '';
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root, env: { ...rest, PORT: String(port), DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server stopte: ${out}`);
    try { const r = await fetch(`${url}/v1`); if (r.ok) break; } catch { /* not yet */ }
    if (Date.now() > deadline) { proc.kill(); throw new Error(`server start niet: ${out}`); }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url, dataDir, proc, output: () => out,
    async stop() {
      if (proc.exitCode === null) { proc.kill('SIGTERM'); await new Promise((r) => proc.once('exit', r)); }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export const DEMO_PASSWORD = 'Onderdak-demo-2026';

/** Logs in through the login page as a demo user and waits until the app shows the logout button. */
export async function login(page: Page, app: RunningApp, user: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${app.url}/inloggen`);
  await page.getByLabel('Gebruikersnaam').fill(user);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

/** Opens a page through the main menu; exact, because dashboard links like "14 open preventiezaken" also contain the word. */
export async function openMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
}

/**
 * For a test file: starts the app (with a fresh demo data dir) and chromium before its tests and stops both after.
 * The fields are set once beforeAll has run; `login` logs in as a demo user on this app.
 */
export function withAppAndBrowser(env: Record<string, string> = {}) {
  const e2e = {
    app: undefined as unknown as RunningApp,
    browser: undefined as unknown as Browser,
    login: (page: Page, user: string) => login(page, e2e.app, user),
    /** A new page logged in as `user`; uncaught errors in the page land in `errors` (tests expect it to stay empty). */
    loggedInPage: async (user: string, errors: string[] = []) => {
      const page = await e2e.browser.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await login(page, e2e.app, user);
      return { page, errors };
    },
  };
  beforeAll(async () => { e2e.app = await startApp(env); e2e.browser = await launchBrowser(); });
  afterAll(async () => { await e2e.browser?.close(); await e2e.app?.stop(); });
  return e2e;
}
