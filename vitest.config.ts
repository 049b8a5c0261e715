import { defineConfig } from 'vitest/config';

// Unit and integration tests (scripts/test-unit.mjs runs them on PGlite, then on PostgreSQL). Every test file gets its
// own database, a clone of a template made once per run (src/test/global-setup.ts, src/test/db.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // A worker runs its test files one after another in one module graph: the app is imported once per worker
    // instead of once per file (a large share of the run on two cores). Safe because the code keeps no state in
    // modules (all state is in the database, and every file has its own); a test must not either (no vi.mock).
    isolate: false,
    // generous: a test is judged by what it asserts, not by how fast a busy two-core machine runs it (speed: npm run bench)
    testTimeout: 180_000,
    // a beforeAll that needs a demo day may build its template (the whole demo through the services) while the other
    // worker does the same for another day: minutes each on two busy cores
    hookTimeout: 1_200_000,
  },
});
