import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFromEnv, openPglite } from '../platform/db/database.js';
import { cachedDemo, demoCacheDir, demoCacheFile, keepDemoFile, writeDemoCache } from './cache.js';

// Issue 13 (ADR 0014): the demo made through the services is kept per day and code, and a new data dir starts from it.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onderdak-democache-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const env = { ONDERDAK_DEMO_CACHE: path.join(tmp, 'cache') };

describe('bewaarde demo', () => {
  it('heeft een sleutel per soort en peildatum, en staat uit met ONDERDAK_DEMO_CACHE=0', () => {
    const a = demoCacheFile('app', '2026-05-01', env)!;
    expect(path.dirname(a)).toBe(env.ONDERDAK_DEMO_CACHE);
    expect(demoCacheFile('app', '2026-05-02', env)).not.toBe(a);
    expect(demoCacheFile('test', '2026-05-01', env)).not.toBe(a);
    expect(demoCacheDir({ ONDERDAK_DEMO_CACHE: '0' })).toBeNull();
    expect(cachedDemo('app', '2026-05-01', { ONDERDAK_DEMO_CACHE: '0' })).toBeNull();
    expect(cachedDemo('app', '2026-05-01', env)).toBeNull();
  });

  it('een nieuwe datamap start uit de bewaarde dump; een bestaande datamap blijft wat hij is', async () => {
    const source = await openPglite();
    await source.execScript("create table proef (x text); insert into proef values ('uit de bewaarde demo')");
    await writeDemoCache('app', '2026-05-01', source.pglite!, env);
    await source.close();
    const kept = cachedDemo('app', '2026-05-01', env);
    expect(kept).not.toBeNull();

    const dataDir = path.join(tmp, 'data');
    const first = await openFromEnv({ DATA_DIR: dataDir }, { initialDump: () => kept });
    expect(first.fromDump).toBe(true);
    expect((await first.pglite!.query<{ x: string }>('select x from proef')).rows).toEqual([
      { x: 'uit de bewaarde demo' },
    ]);
    await first.pglite!.exec("insert into proef values ('daarna ingevoerd')");
    await first.close();
    expect(fs.existsSync(path.join(dataDir, 'pgdata.laden'))).toBe(false);

    let asked = false;
    const again = await openFromEnv(
      { DATA_DIR: dataDir },
      {
        initialDump: () => {
          asked = true;
          return kept;
        },
      },
    );
    expect(asked).toBe(false);
    expect(again.fromDump).toBe(false);
    expect((await again.pglite!.query('select x from proef')).rows).toHaveLength(2);
    await again.close();
  }, 600_000);

  it('bewaart niet meer dan vier kopieën (de nieuwste)', () => {
    const dump = path.join(tmp, 'dump.tar');
    fs.writeFileSync(dump, 'x');
    for (const day of ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05']) {
      keepDemoFile('test', day, dump, env);
      const f = demoCacheFile('test', day, env)!;
      const t = new Date(`${day}T00:00:00Z`);
      fs.utimesSync(f, t, t);
    }
    keepDemoFile('test', '2026-01-06', dump, env);
    const files = fs.readdirSync(env.ONDERDAK_DEMO_CACHE).filter((f) => f.endsWith('.tar'));
    expect(files).toHaveLength(4);
    expect(cachedDemo('test', '2026-01-06', env)).not.toBeNull();
    expect(cachedDemo('test', '2026-01-01', env)).toBeNull();
  });
});
