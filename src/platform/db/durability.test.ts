import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDbKind } from '../../test/db.js';
import { openPglite } from './database.js';
import { migrate } from './migrate.js';

describe.runIf(testDbKind() === 'pglite')('PGlite in een gegevensmap', () => {
  it('bewaart bevestigde schrijfacties na sluiten en opnieuw openen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onderdak-pg-'));
    try {
      const a = await openPglite({ dataDir: dir });
      await migrate(a);
      await a.db
        .transaction()
        .execute((tx) =>
          tx.insertInto('tenants').values({ id: 't1', name: 'Test', central_municipality_code: '0505' }).execute(),
        );
      await a.flush();
      await a.close();
      const b = await openPglite({ dataDir: dir });
      expect(await migrate(b)).toEqual([]);
      const row = await b.db.selectFrom('tenants').select('name').where('id', '=', 't1').executeTakeFirst();
      expect(row?.name).toBe('Test');
      await b.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
