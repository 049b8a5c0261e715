// Once per browser-test run: start the real app on an empty data dir (it migrates and loads the demo region, as on
// a first installation), stop it cleanly, and keep that data dir as the template every test file copies
// (e2e/server.ts). Seeding once instead of once per file; the files stay independent of each other and of their order.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, TEMPLATE_ENV } from './server.js';

export default async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onderdak-e2e-template-'));
  try {
    const app = await startApp({}, { dataDir: dir, fresh: true });
    await app.stop();
    if (app.proc.exitCode !== 0)
      throw new Error(`de server stopte niet netjes (exit ${app.proc.exitCode}): ${app.output()}`);
    if (fs.existsSync(path.join(dir, '.onderdak.lock')))
      throw new Error('de server liet zijn slot op de gegevensmap staan');
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  process.env[TEMPLATE_ENV] = dir;
  return () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
