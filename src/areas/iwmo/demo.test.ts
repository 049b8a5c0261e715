import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.js';
import { createDemoDatabase } from '../../test/db.js';
import { readBericht } from './messages.js';
import { validateAgainstXsd, xmllintAvailable } from './xsd.js';

// Issue 19: the demo's zorgaanbieders have AGB codes and a placement in the demo has a 301 that validates.

let database: Database;
beforeAll(async () => {
  database = await createDemoDatabase('2026-11-23');
});
afterAll(() => database?.close());

describe('iWmo in de demo', () => {
  it('elke actieve locatie heeft een AGB-code en plaatsingen hebben een 301 die tegen de XSD valideert', async () => {
    const aanbieders = await database.db.selectFrom('iwmo_aanbieders').select(['agb_code', 'tenant_id']).execute();
    expect(aanbieders.length).toBeGreaterThan(0);
    expect(aanbieders.every((a) => /^\d{8}$/.test(a.agb_code))).toBe(true);
    const berichten = await database.db
      .selectFrom('iwmo_berichten')
      .innerJoin('iwmo_toewijzingen', 'iwmo_toewijzingen.bericht_id', 'iwmo_berichten.id')
      .select(['iwmo_berichten.xml', 'iwmo_toewijzingen.stay_id'])
      .where('iwmo_berichten.berichtcode', '=', '301')
      .execute();
    expect(berichten.length).toBeGreaterThan(0);
    expect(berichten.every((b) => b.stay_id !== null)).toBe(true);
    if (!xmllintAvailable()) throw new Error('xmllint ontbreekt: installeer libxml2-utils');
    for (const b of berichten.slice(0, 5)) {
      expect(validateAgainstXsd(b.xml, '301')).toEqual([]);
      expect(readBericht(b.xml).soort).toBe('301');
    }
  });
});
