// Issue 20 on the Dordrecht demo: the counts give the vision's buitenslapers (122 in 2017, 153 in 2018), veldwerk
// contacts and a turn-away register exist, and the monthly flow satisfies inflow − outflow = change in active, every
// month of the demo's history.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../app.js';
import { DEMO_PASSWORD } from '../../demo/seed.js';
import type { Database } from '../../platform/db/database.js';
import { seededDemo } from '../../test/demo.js';
import { type Json, loginAs } from '../../test/fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const figures = JSON.parse(fs.readFileSync(path.resolve(here, '../../demo/seed-figures.json'), 'utf8'));
const TODAY = '2026-05-01';
let database: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  ({ database, app } = await seededDemo(TODAY));
});
afterAll(() => database.close());

describe('het hele beeld in de demo van Dordrecht', () => {
  it('geeft de buitenslapers van de visie uit de tellingen: 122 in 2017 en 153 in 2018', async () => {
    const beleid = await loginAs(app, 'dordrecht.beleid', DEMO_PASSWORD);
    const r = await beleid.get('/v1/straattellingen');
    const perYear = Object.fromEntries(r.body.perJaar.map((y: Json) => [String(y.jaar), y.aantal]));
    const expected = figures.overige_cijfers_dordrecht.buitenslapers;
    expect(expected).toEqual({ 2017: 122, 2018: 153 });
    expect(perYear).toMatchObject(expected);
  });

  it('heeft veldwerkcontacten, anonieme personen op de namenlijst en een register van afgewezen verzoeken', async () => {
    const t = await loginAs(app, 'dordrecht.toegang', DEMO_PASSWORD);
    const contacts = await t.get('/v1/veldwerkcontacten?van=2025-05-01');
    expect(contacts.body.resultaten.length).toBeGreaterThan(50);
    const list = await t.get('/v1/namenlijst');
    expect(list.body.resultaten.some((p: Json) => p.alleenVeldwerk)).toBe(true);
    expect(list.body.resultaten.some((p: Json) => p.situatie === 'opvang')).toBe(true);
    const reg = await t.get('/v1/afgewezen-verzoeken');
    expect(reg.body.resultaten.length).toBeGreaterThan(30);
    expect(new Set(reg.body.resultaten.map((x: Json) => x.reden))).toEqual(
      new Set(['vol', 'past_niet', 'regiobinding', 'afgewezen', 'doorverwezen']),
    );
    expect(reg.body.resultaten.some((x: Json) => x.bron === 'toegangsbesluit')).toBe(true);
  });

  it('heeft elke maand instroom − uitstroom = verandering van het aantal actieven', async () => {
    const t = await loginAs(app, 'dordrecht.toegang', DEMO_PASSWORD);
    const r = await t.get('/v1/maandstromen?van=2017-01&tot=2026-04');
    expect(r.status).toBe(200);
    expect(r.body.maanden).toHaveLength(112);
    let moving = 0;
    for (const m of r.body.maanden) {
      const inflow = m.instroomNieuw + m.instroomTerugUitWonen + m.instroomTerugNaInactiviteit;
      const outflow = m.uitstroomNaarWonen + m.uitstroomInactief;
      expect(inflow - outflow).toBe(m.actiefEind - m.actiefBegin);
      moving += inflow + outflow;
    }
    expect(moving).toBeGreaterThan(100);
    for (let i = 1; i < r.body.maanden.length; i++)
      expect(r.body.maanden[i].actiefBegin).toBe(r.body.maanden[i - 1].actiefEind);
  });

  it('toont de bevindingen van de datakwaliteit met de regio-score', async () => {
    const t = await loginAs(app, 'dordrecht.toegang', DEMO_PASSWORD);
    const r = await t.get('/v1/datakwaliteit?regel=AFW-01');
    expect(r.status).toBe(200);
    expect(r.body.aantal).toBeGreaterThanOrEqual(3);
    expect(r.body.score).toBeGreaterThan(0);
  });
});
