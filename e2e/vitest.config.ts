import { defineConfig } from 'vitest/config';

// Browser tests: one file at a time (each starts the app on its own copy of the demo data dir and a chromium).
// Waits are conditions with generous timeouts (CI has two busy cores); a test's own timeout is larger than the
// sum of the waits that can happen in it, so a failing wait reports what it waited for.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
});
