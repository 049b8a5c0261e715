// Issue 17 — the Dordrecht demo holds its wijken, Kromhout-Kasperspad with its meldingen and 2019 agreements, and
// one new location half-way through the procedure (with an overdue step on the beleid worklist).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { Database } from '../platform/db/database.js';
import { createDemoDatabase } from '../test/db.js';
import { type ApiClient, type Json, loginAs } from '../test/fixtures.js';
import { DEMO_PASSWORD } from './seed.js';

const TODAY = '2026-12-02';
let database: Database;
let beleid: ApiClient;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  database = await createDemoDatabase(TODAY);
  app = createApp({ database, now: () => new Date(`${TODAY}T10:00:00Z`) });
  beleid = await loginAs(app, 'dordrecht.beleid', DEMO_PASSWORD);
});
afterAll(async () => {
  await database?.close();
});

describe('the neighbourhood demo of Dordrecht', () => {
  it('has the wijken with facilities and the heaviest pressure around Kromhout-Kasperspad', async () => {
    const r = await beleid.get('/v1/wijken');
    expect(r.status).toBe(200);
    const names = r.body.wijken.map((w: Json) => w.naam);
    expect(names).toEqual(expect.arrayContaining(['Binnenstad', 'Reeland', 'Krispijn', 'Sterrenburg', 'Dubbeldam']));
    const lowest = [...r.body.wijken].sort((a: Json, b: Json) => a.draagkracht - b.draagkracht)[0];
    expect(lowest.naam).toBe('Noordflank (Kromhout)');
  });

  it('shows the Kasperspad public page with the 2019 agreements, and a history of meldingen that falls', async () => {
    const page = await app.request('/v1/openbare-locaties/kromhout-kasperspad');
    const body = (await page.json()) as Json;
    expect(body.afspraken.length).toBe(6);
    expect(body.afspraken[0].gemaaktOp).toBe('2019-12-16');
    const monitor = await beleid.get('/v1/leefbaarheidsmonitor?jaar=2026');
    const trend = monitor.body.trend.map((t: Json) => t.meldingen);
    expect(trend[0]).toBeGreaterThan(trend[3]);
  });

  it('has one new location half-way through the procedure, with an overdue step on the worklist', async () => {
    const sites = (await beleid.get('/v1/locatiekandidaten')).body.kandidaten;
    expect(sites.length).toBe(3);
    const halfway = sites.find((s: Json) => s.status === 'procedure');
    expect(halfway.procedure.filter((s: Json) => s.gedaan).length).toBe(3);
    const work = await beleid.get('/v1/buurtwerklijst');
    expect(work.body.telaatStappen.map((s: Json) => s.locatie)).toContain('Tussenvoorziening Sterrenburg');
  });
});
