// Issue 18: a simulation job that was cut off (the server stopped while it ran) is not shown as running forever.
import { describe, expect, it } from 'vitest';
import { type SimulationRow, STALE_MS, toSimulatie } from './planner.dto.js';

const row = (status: string, createdAt: Date): SimulationRow => ({
  id: 's1',
  scenario_id: null,
  name: '50 + 10',
  parameters: {},
  start_on: '2026-12-02',
  years: 5,
  runs: 1000,
  seed: 1,
  status,
  runs_done: 300,
  result: null,
  error: null,
  created_at: createdAt,
});

describe('een afgebroken simulatie', () => {
  const start = new Date('2026-12-02T10:00:00Z');
  it('blijft "bezig" zolang hij kan lopen, met de voortgang in procenten', () => {
    const s = toSimulatie(row('bezig', start), new Date(start.getTime() + STALE_MS - 1000));
    expect(s.status).toBe('bezig');
    expect(s.voortgang).toBe(30);
    expect(s.fout).toBeNull();
  });
  it('heet "mislukt" met een Nederlandse uitleg als hij na een uur nog "bezig" is', () => {
    const s = toSimulatie(row('bezig', start), new Date(start.getTime() + STALE_MS + 1000));
    expect(s.status).toBe('mislukt');
    expect(s.fout).toContain('Start de simulatie opnieuw');
    expect(toSimulatie(row('klaar', start), new Date(start.getTime() + 10 * STALE_MS)).status).toBe('klaar');
  });
});
