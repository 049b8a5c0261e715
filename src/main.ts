import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from './app.js';
import { prepareSetup } from './areas/admin/setup.service.js';
import { startIntegrations } from './areas/integrations/start.js'; // issue 19
import { cachedDemo, writeDemoCache } from './demo/cache.js';
import { DEMO_PASSWORD, isSeeded, seedDemo } from './demo/seed.js';
import { type Database, DataDirLockedError, openFromEnv } from './platform/db/database.js';
import { MigrationChecksumError, migrate } from './platform/db/migrate.js';
import { drainable } from './platform/start/drain.js';
import { demoLoadingGate } from './platform/start/loading-gate.js';
import { todayInNl } from './platform/validation.js';

// Synchronous writes: a line is out before the next step runs (the demo load runs without yielding to the event loop).
const log = pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination({ dest: 1, sync: true }));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const demoDay = todayInNl(new Date());
  let database: Database;
  try {
    // Issue 13: a new data dir starts from the demo an earlier start kept (src/demo/cache.ts), when there is one.
    database = await openFromEnv(process.env, {
      initialDump: () =>
        process.env.ONDERDAK_DEMO !== '0' && process.env.ONDERDAK_DEMO_PROFIEL !== 'klein'
          ? cachedDemo('app', demoDay)
          : null,
    });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      log.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  try {
    const applied = await migrate(database);
    if (applied.length) log.info({ applied }, 'Migraties toegepast');
  } catch (e) {
    if (e instanceof MigrationChecksumError) {
      log.error(e.message);
      await database.close();
      process.exit(1);
    }
    throw e;
  }
  // Issue 11: the demo loads in one transaction (a crash leaves nothing, and the next start loads it again); without
  // the demo an empty installation gets a one-time setup link (or the code of ONDERDAK_SETUP_CODE, for scripts).
  // Issue 15: the server answers at once; the demo loads in the background and until it is there a login (and the
  // API root) answers 503 "De demo wordt nog geladen" (src/platform/start/loading-gate.ts).
  let setupCode: string | null = null;
  let demoLoading = false;
  if (process.env.ONDERDAK_DEMO !== '0') {
    demoLoading = !(await isSeeded(database));
  } else {
    setupCode = await prepareSetup(database, process.env.ONDERDAK_SETUP_CODE || undefined);
  }
  const stopIntegrations = await startIntegrations(database, log); // issue 19: fake BRP/ZGW (demo), outbox dispatcher
  const app = createApp({
    database,
    staticDir: path.join(root, 'web', 'dist'),
    secureCookies: process.env.SECURE_COOKIES === '1',
  });
  const port = Number(process.env.PORT ?? 3000);
  const drain = drainable(demoLoadingGate(app.fetch, () => demoLoading));
  const server = serve({ fetch: drain.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) => {
    log.info(
      `Onderdak draait op http://localhost:${info.port} (${database.kind === 'pglite' ? 'ingebouwde PGlite-database' : 'PostgreSQL'})`,
    );
    if (setupCode) {
      const base = process.env.PUBLIC_URL ?? `http://localhost:${info.port}`;
      const shown = process.env.ONDERDAK_SETUP_CODE ? '<de code uit ONDERDAK_SETUP_CODE>' : setupCode;
      log.warn(
        `Deze installatie is nog niet ingericht. Open eenmalig ${base}/installatie#code=${shown} (of: npm run cli -- installeren). De link werkt tot de inrichting klaar is of de server opnieuw start.`,
      );
    }
  });
  if (demoLoading) {
    log.info('Lege database: demoregio laden (eenmalig, op de achtergrond; de server antwoordt al)…');
    const profiel = process.env.ONDERDAK_DEMO_PROFIEL === 'klein' ? 'klein' : 'volledig'; // 'klein': tests only
    seedDemo(database, { today: demoDay, log: (m) => log.info(m), profiel }).then(
      async (summary) => {
        demoLoading = false;
        log.info({ summary }, `Demo geladen. Inloggen met bijvoorbeeld dordrecht.toegang / ${DEMO_PASSWORD}`);
        // Issue 13: keep it, so the next new data dir of this day and code starts from it (seconds, not minutes).
        if (database.pglite && !closing && profiel === 'volledig')
          await writeDemoCache('app', demoDay, database.pglite).catch((e) => log.warn(e, 'Demo niet bewaard'));
      },
      (e) => {
        if (closing) return; // stopped while loading: the transaction is rolled back, the next start loads it again
        log.error(e, 'Demo laden mislukt');
        process.exit(1);
      },
    );
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info(`${signal}: netjes afsluiten…`);
    server.close(); // no new connections
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    // the requests in flight finish (each commits or rolls back as a whole); new ones on open connections get 503
    const idle = await drain.stop(10_000);
    if (!idle)
      log.warn(
        `${drain.inFlight()} verzoek(en) na 10 s nog bezig; ze worden afgebroken (hun transactie niet vastgelegd)`,
      );
    stopIntegrations();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  log.error(e);
  process.exit(1);
});
