import { createTestDatabase } from './db.js';
import { createApp } from '../app.js';
import { seedDemo } from '../demo/seed.js';

/** A fresh database with the whole demo region as of `today`, and the app on it with the clock at 10:00 UTC that day. */
export async function seededDemo(today: string) {
  const database = await createTestDatabase();
  await seedDemo(database, { today });
  const app = createApp({ database, now: () => new Date(`${today}T10:00:00Z`) });
  return { database, app };
}
