import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../app.js';
import type { Database } from '../platform/db/database.js';
import { seededDemo } from '../test/demo.js';
import { loginAs } from '../test/fixtures.js';
import { DEMO_PASSWORD } from './seed.js';

// Issue 16 demo: the nightly presence check has history, so on the first day the shift view flags only the bookings
// nobody ever confirmed (one in ten), not every resident.
let database: Database;
let app: ReturnType<typeof createApp>;
const TODAY = '2026-05-01';

beforeAll(async () => {
  ({ database, app } = await seededDemo(TODAY));
});
afterAll(() => database.close());

describe('demodata aanwezigheid', () => {
  it('markeert op de eerste dag alleen de boekingen die nooit bevestigd zijn als onbevestigd', async () => {
    const t = await loginAs(app, 'dordrecht.toegang', DEMO_PASSWORD);
    const res = await t.get('/v1/locaties');
    expect(res.status).toBe(200);
    const locations = res.body.resultaten as { bezet: number; reserveBezet: number; onbevestigd: number | null }[];
    const occupied = locations.reduce((n, l) => n + l.bezet + l.reserveBezet, 0);
    const unconfirmed = locations.reduce((n, l) => n + (l.onbevestigd ?? 0), 0);
    expect(occupied).toBeGreaterThan(10);
    expect(unconfirmed).toBeGreaterThan(0);
    expect(unconfirmed).toBeLessThan(occupied / 4);
  });
});
