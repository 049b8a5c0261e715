import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/platform/db/database.js';
import { type RunningApp, startApp } from './harness.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
let app: RunningApp | null = null;
afterAll(async () => {
  await app?.stop();
});

describe('opstarten met de ingebouwde database', () => {
  it('start met demo, weigert een tweede proces op dezelfde map, sluit netjes af en start daarna weer', async () => {
    app = await startApp({}, { fresh: true }); // an empty data dir: the app migrates and loads the demo itself
    const res = await fetch(`${app.url}/v1/openapi.json`);
    expect(res.status).toBe(200);
    const html = await (await fetch(`${app.url}/clienten`)).text();
    expect(html).toContain('<html lang="nl"');
    const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: app.dataDir, PORT: '0' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(second.status).not.toBe(0);
    expect(second.stdout + second.stderr).toMatch(/in gebruik door een ander proces/);

    app.proc.kill('SIGTERM');
    await new Promise((r) => app!.proc.once('exit', r));
    expect(fs.existsSync(path.join(app.dataDir, '.onderdak.lock'))).toBe(false);
    // After a clean stop the data are all there.
    const db = await openPglite({ dataDir: path.join(app.dataDir, 'pgdata') });
    const n = await db.db
      .selectFrom('registrations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(n.n).toBeGreaterThan(1000);
    // A changed, already applied migration stops start-up with a clear error.
    await db.db
      .updateTable('schema_migrations')
      .set({ checksum: 'gewijzigd' })
      .where('version', '=', '0001_init')
      .execute();
    await db.close();
    const changed = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: app.dataDir, PORT: '0' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(changed.status).toBe(1);
    expect(changed.stdout + changed.stderr).toMatch(/Migratie 0001_init is gewijzigd/);
  });
});
