import { createApp } from '../app.js';
import { createDemoDatabase } from './db.js';

/**
 * The whole demo region as of `today` (a clone of the run's demo template of that day, src/test/db.ts), and the app
 * on it with the clock at 10:00 UTC that day.
 */
export async function seededDemo(today: string) {
  const database = await createDemoDatabase(today);
  const app = createApp({ database, now: () => new Date(`${today}T10:00:00Z`) });
  return { database, app };
}
