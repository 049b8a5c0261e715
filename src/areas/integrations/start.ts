// Start-up of the koppelingen (issue 19), called once from src/main.ts:
// - without BRP_URL / ZGW_* configuration and with the demo on (ONDERDAK_DEMO != 0), the fake BRP and the fake ZGW
//   service run inside this process on their own local ports and the app is configured to use them (the demo and the
//   browser tests show the whole path); ONDERDAK_FAKES=0 turns this off;
// - the outbox dispatcher runs in the background when a zaaksysteem is configured (real or fake).
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createFakeBrp } from '../../fakes/brp.js';
import { createFakeZgw, FAKE_ZGW_CLIENT_ID } from '../../fakes/zgw.js';
import type { Database } from '../../platform/db/database.js';
import { startDispatcher } from './outbox.dispatcher.js';
import { zgwClient, zgwConfigFromEnv } from './zgw.client.js';

async function listen(
  fetch: (r: Request) => Response | Promise<Response>,
): Promise<{ port: number; close: () => void }> {
  const server = serve({ fetch, port: Number(process.env.ONDERDAK_FAKES_PORT ?? 0), hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

export async function startIntegrations(
  database: Database,
  log: { info: (m: string) => void; error: (o: unknown, m: string) => void },
): Promise<() => void> {
  const stops: (() => void)[] = [];
  const fakes = process.env.ONDERDAK_FAKES ?? (process.env.ONDERDAK_DEMO !== '0' ? '1' : '0');
  if (fakes === '1' && !process.env.BRP_URL) {
    const key = 'demo-sleutel';
    const brp = await listen(createFakeBrp({ apiKey: key }).app.fetch);
    process.env.BRP_URL = `http://127.0.0.1:${brp.port}/haalcentraal/api/brp`;
    process.env.BRP_API_KEY = key;
    stops.push(brp.close);
    log.info(`Nep-BRP (demo) op ${process.env.BRP_URL}`);
  }
  if (fakes === '1' && !zgwConfigFromEnv()) {
    const secret = 'demo-geheim';
    let base = '';
    // the fake's URLs need its own address, known only after it listens
    const holder: { fetch?: (r: Request) => Response | Promise<Response> } = {};
    const srv = await listen((r) => holder.fetch!(r));
    base = `http://127.0.0.1:${srv.port}`;
    const fake = createFakeZgw({ base, secret });
    holder.fetch = fake.app.fetch;
    Object.assign(process.env, {
      ZGW_ZAKEN_URL: `${base}/zaken/api/v1`,
      ZGW_BESLUITEN_URL: `${base}/besluiten/api/v1`,
      ZGW_CLIENT_ID: FAKE_ZGW_CLIENT_ID,
      ZGW_SECRET: secret,
      ZGW_ZAAKTYPE: fake.catalog.zaaktype,
      ZGW_BESLUITTYPE: fake.catalog.besluittype,
      ZGW_STATUSTYPE_AANGEMELD: fake.catalog.statustypen.aangemeld,
      ZGW_STATUSTYPE_GESCREEND: fake.catalog.statustypen.gescreend,
      ZGW_STATUSTYPE_BESLOTEN: fake.catalog.statustypen.besloten,
      ZGW_STATUSTYPE_AFGESLOTEN: fake.catalog.statustypen.afgesloten,
    });
    stops.push(srv.close);
    log.info(`Nep-zaaksysteem (demo) op ${base}`);
  }
  const cfg = zgwConfigFromEnv();
  if (cfg) {
    const client = zgwClient(cfg);
    stops.push(
      startDispatcher(database, () => client, {
        intervalMs: Number(process.env.ZGW_INTERVAL_MS ?? 2000),
        onError: (e) => log.error(e, 'Zaaksysteem: verzendronde mislukt (wordt herhaald)'),
      }),
    );
  }
  return () => {
    for (const s of stops) s();
  };
}
