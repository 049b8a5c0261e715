// Onderdak CLI. It talks to the running server's API (never opens the PGlite data directory itself: that
// directory belongs to the server process). The one exception is `restore`, which writes a backup into a new,
// empty data directory (locked while it works) before any server uses it.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { restoreBackup } from '../platform/db/backup.js';
import { ApiClient } from './client.js';

const program = new Command();
program
  .name('onderdak')
  .description('Onderdak vanaf de opdrachtregel (via de API van een draaiende server)')
  .option('-u, --url <url>', 'adres van de server', process.env.ONDERDAK_URL ?? 'http://localhost:3000')
  .option('-g, --gebruiker <naam>', 'gebruikersnaam', process.env.ONDERDAK_GEBRUIKER)
  .option('-w, --wachtwoord <wachtwoord>', 'wachtwoord (of ONDERDAK_WACHTWOORD)', process.env.ONDERDAK_WACHTWOORD);

async function client() {
  const o = program.opts<{ url: string; gebruiker?: string; wachtwoord?: string }>();
  if (!o.gebruiker || !o.wachtwoord)
    throw new Error('Geef --gebruiker en --wachtwoord (of ONDERDAK_GEBRUIKER / ONDERDAK_WACHTWOORD).');
  const c = new ApiClient(o.url);
  await c.login(o.gebruiker, o.wachtwoord);
  return c;
}

program
  .command('status')
  .description('controleert of de server draait')
  .action(async () => {
    const o = program.opts<{ url: string }>();
    const r = await fetch(`${o.url}/v1`);
    const body = (await r.json()) as { naam: string; versie: string };
    console.log(`${body.naam} ${body.versie} draait op ${o.url} (API-Version ${r.headers.get('api-version')})`);
  });

program
  .command('kerncijfers')
  .description('kerncijfers voor een periode [van, tot)')
  .requiredOption('--van <datum>', 'begindatum JJJJ-MM-DD')
  .requiredOption('--tot <datum>', 'einddatum (exclusief) JJJJ-MM-DD')
  .option('--json', 'als JSON')
  .action(async (opts: { van: string; tot: string; json?: boolean }) => {
    const c = await client();
    const r = (await c.get(
      `/v1/rapportages/kerncijfers?van=${encodeURIComponent(opts.van)}&tot=${encodeURIComponent(opts.tot)}`,
    )) as Record<string, unknown>;
    if (opts.json) {
      console.log(JSON.stringify(r, null, 2));
      return;
    }
    const rows: [string, unknown][] = [
      ['Aanmeldingen', r.aanmeldingen],
      ['Waarvan > 3 nachten en start traject', r.startTraject],
      ['Gemiddeld aantal nachten', r.gemiddeldAantalNachten],
      ['Gemiddelde duur traject (dagen)', r.gemiddeldeDuurTrajectDagen],
      ['Uitgestroomd', r.uitgestroomd],
      ['Gemiddelde bedbezetting', r.gemiddeldeBedbezetting],
    ];
    for (const [k, v] of rows) console.log(`${k.padEnd(40)} ${v ?? '–'}`);
  });

program
  .command('bezetting')
  .description('bezetting per locatie')
  .action(async () => {
    const c = await client();
    const r = (await c.get('/v1/locaties')) as {
      resultaten: { naam: string; bezet: number; bedden: number; reserveVrij: number }[];
    };
    for (const l of r.resultaten)
      console.log(
        `${l.naam.padEnd(50)} ${String(l.bezet).padStart(3)} / ${String(l.bedden).padEnd(3)} bezet, reserve vrij ${l.reserveVrij}`,
      );
  });

// Issue 11: the first-start step for scripted installs. Start the server with ONDERDAK_DEMO=0 and
// ONDERDAK_SETUP_CODE=<a secret of 20+ characters>, then run this with the same code.
program
  .command('installeren')
  .description('eerste start: installatiebeheerder, eerste centrumgemeente met regiogemeenten en beheerder')
  .requiredOption(
    '--code <code>',
    'de code uit de installatielink of ONDERDAK_SETUP_CODE',
    process.env.ONDERDAK_SETUP_CODE,
  )
  .requiredOption('--centrumgemeente <naam>', 'naam van de centrumgemeente, bijvoorbeeld Breda')
  .requiredOption('--cbs-code <code>', 'CBS-gemeentecode van de centrumgemeente (4 cijfers)')
  .option('--regiogemeente <code=naam...>', 'regiogemeente, bijvoorbeeld 0784=Oosterhout (meermaals)', [])
  .requiredOption('--installatiebeheerder <gebruikersnaam>', 'gebruikersnaam van de installatiebeheerder')
  .requiredOption('--beheerder <gebruikersnaam>', 'gebruikersnaam van de eerste beheerder van de centrumgemeente')
  .action(
    async (opts: {
      code: string;
      centrumgemeente: string;
      cbsCode: string;
      regiogemeente: string[];
      installatiebeheerder: string;
      beheerder: string;
    }) => {
      const o = program.opts<{ url: string }>();
      const installPassword = process.env.ONDERDAK_INSTALLATIE_WACHTWOORD;
      const adminPassword = process.env.ONDERDAK_BEHEERDER_WACHTWOORD;
      if (!installPassword || !adminPassword)
        throw new Error(
          'Zet ONDERDAK_INSTALLATIE_WACHTWOORD en ONDERDAK_BEHEERDER_WACHTWOORD (niet op de opdrachtregel).',
        );
      const regiogemeenten = opts.regiogemeente.map((r) => {
        const [code, ...naam] = r.split('=');
        return { code: code.trim(), naam: naam.join('=').trim() };
      });
      const r = (await new ApiClient(o.url).post('/v1/installatie', {
        code: opts.code,
        installatiebeheerder: {
          gebruikersnaam: opts.installatiebeheerder,
          naam: opts.installatiebeheerder,
          wachtwoord: installPassword,
        },
        centrumgemeente: {
          naam: opts.centrumgemeente,
          cbsCode: opts.cbsCode,
          regiogemeenten,
          beheerder: { gebruikersnaam: opts.beheerder, naam: opts.beheerder, wachtwoord: adminPassword },
        },
      })) as { centrumgemeente: { naam: string }; beheerder: string; installatiebeheerder: string };
      console.log(
        `${r.centrumgemeente.naam} is ingericht. Inloggen als ${r.beheerder} (beheerder) of ${r.installatiebeheerder} (installatiebeheerder).`,
      );
    },
  );
program
  .command('backup')
  .description('reservekopie van de draaiende server (PGlite) naar een bestand; als beheerder (PostgreSQL: pg_dump)')
  .argument('<bestand>', 'doelbestand, bijvoorbeeld onderdak-2026-12-02.tar.gz')
  .action(async (file: string) => {
    const c = await client();
    const bytes = await c.download('/v1/reservekopie');
    if (fs.existsSync(file)) throw new Error(`${file} bestaat al; kies een nieuwe naam.`);
    fs.writeFileSync(file, bytes);
    console.log(`Reservekopie geschreven naar ${path.resolve(file)} (${(bytes.length / 1024 / 1024).toFixed(1)} MB).`);
  });

program
  .command('restore')
  .description(
    'zet een reservekopie terug in een lege gegevensmap (DATA_DIR) en werkt die bij naar deze versie; start daarna de server met DATA_DIR=<map>',
  )
  .argument('<bestand>', 'de reservekopie (.tar.gz)')
  .argument('<map>', 'een lege of nieuwe gegevensmap')
  .action(async (file: string, dir: string) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const { applied } = await restoreBackup(bytes, dir);
    console.log(
      `Teruggezet in ${path.resolve(dir)}${applied.length ? `; bijgewerkt met ${applied.join(', ')}` : ''}. Start de server met DATA_DIR=${dir}.`,
    );
  });

// Issue 15: the figures come from maintained facts (ADR 0015). This recomputes them from the raw registrations,
// trajectories and stays and compares them row by row; exit code 1 on a difference. A direct database command
// (like restore): with DATABASE_URL it runs beside the server; on PGlite (DATA_DIR) stop the server first — the
// data directory is locked by whoever uses it. --herstellen writes the recomputation.
program
  .command('cijfers-controleren')
  .description(
    'herberekent de feiten onder de kerncijfers uit de ruwe gegevens en vergelijkt (DATABASE_URL, of DATA_DIR met de server gestopt); afsluitcode 1 bij een verschil',
  )
  .option('--regio <id>', 'alleen deze centrumgemeente (tenant-id)')
  .option('--herstellen', 'schrijf de herberekening weg als er verschillen zijn')
  .action(async (opts: { regio?: string; herstellen?: boolean }) => {
    const { openFromEnv } = await import('../platform/db/database.js');
    const { migrate } = await import('../platform/db/migrate.js');
    const { compareFigureFacts, rebuildFigureFacts } = await import('../areas/reporting/figure-facts.js');
    const database = await openFromEnv();
    try {
      await migrate(database);
      const diff = await compareFigureFacts(database.db, opts.regio);
      // ADR 0032: every stored result (each claims to be current), recomputed from the facts (with the tenant's cell-key
      // secret when it was stored with cell keys)
      const { compareFigureResults, resultKey } = await import('../areas/reporting/figure-results.js');
      const { computeSeries } = await import('../areas/reporting/kerncijfers.js');
      const { tenantSecret } = await import('../areas/reporting/disclosure.js');
      const wrong = await compareFigureResults(
        database.db,
        async (tenantId, key) => {
          const k = JSON.parse(key) as { van: string; tot: string; f: Record<string, string>; dag: string; ck: string };
          const secret = k.ck === 'exact' ? undefined : await tenantSecret(database.db, tenantId);
          const q = {
            tenantIds: [tenantId],
            periods: [{ from: k.van, to: k.tot }],
            filters: k.f,
            today: k.dag,
            cellKeySecret: secret,
          };
          if (resultKey(q, q.periods[0]!) !== key) return null; // stored under another secret: never read again
          return (await computeSeries(database.db, { ...q, source: 'facts' })).get(tenantId)?.[0] ?? null;
        },
        opts.regio,
      );
      if (wrong.length) {
        console.log(`${wrong.length} opgeslagen kerncijferuitkomst(en) wijken af van de herberekening:`);
        for (const r of wrong.slice(0, 20)) console.log(`  ${r.tenantId}: ${r.key}`);
        if (opts.herstellen) {
          await database.db.deleteFrom('figure_results').execute();
          console.log(
            'Hersteld: de opgeslagen uitkomsten zijn gewist; ze worden bij de volgende vraag opnieuw berekend.',
          );
        }
        process.exitCode = 1;
      }
      if (!diff.length) {
        console.log(`De kerncijferfeiten${opts.regio ? ` van ${opts.regio}` : ''} zijn gelijk aan de herberekening.`);
        return;
      }
      console.log(
        `${diff.length}${diff.length >= 1000 ? '+' : ''} verschil(len) tussen de feiten en de herberekening:`,
      );
      for (const d of diff.slice(0, 50))
        console.log(
          `  ${d.table.padEnd(22)} ${d.kind === 'ontbreekt' ? 'ontbreekt of wijkt af' : 'overbodig of verouderd'}: ${d.key}`,
        );
      if (opts.herstellen) {
        await database.db.transaction().execute((tx) => rebuildFigureFacts(tx, opts.regio));
        await database.flush();
        console.log('Hersteld: de feiten zijn opnieuw berekend uit de ruwe gegevens.');
      }
      process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

// Issue 19: the retention purge through the API (as beheerder): a dry run by default, --uitvoeren destroys exactly the
// files the dry run listed and prints the destruction log.
program
  .command('bewaartermijnen')
  .description('dossiers met een verstreken bewaartermijn: proefrun (standaard) of --uitvoeren; als beheerder')
  .option('--uitvoeren', 'vernietig de dossiers uit de proefrun en schrijf het vernietigingslog')
  .action(async (opts: { uitvoeren?: boolean }) => {
    const c = await client();
    const dry = (await c.get('/v1/bewaartermijnen/verlopen-dossiers')) as {
      peildatum: string;
      aantal: number;
      dossiers: { referentie: string; termijn: string; vernietigenVanaf: string }[];
    };
    console.log(`Proefrun op ${dry.peildatum}: ${dry.aantal} dossier(s) met een verstreken bewaartermijn.`);
    for (const d of dry.dossiers) console.log(`  ${d.referentie}  ${d.vernietigenVanaf}  ${d.termijn}`);
    if (!opts.uitvoeren || !dry.aantal) return;
    const log = (await c.post('/v1/vernietigingen', {
      bevestigd: true,
      referenties: dry.dossiers.map((d) => d.referentie),
    })) as { resultaten: { referentie: string; tijdstip: string; door: string }[] };
    console.log(
      `Vernietigd: ${dry.aantal} dossier(s). Vernietigingslog (laatste ${Math.min(10, log.resultaten.length)}):`,
    );
    for (const r of log.resultaten.slice(0, 10)) console.log(`  ${r.tijdstip}  ${r.referentie}  door ${r.door}`);
  });

// Issue 20, ADR 0027: the data-quality findings are stored and kept current on every change. This recomputes them
// from the raw data and compares them with the stored ones, per tenant; exit code 1 on a difference. Like
// cijfers-controleren a direct database command (DATABASE_URL, or DATA_DIR with the server stopped).
program
  .command('datakwaliteit-controleren')
  .description(
    'herberekent de bevindingen van de datakwaliteit uit de ruwe gegevens en vergelijkt ze met de opgeslagen (DATABASE_URL, of DATA_DIR met de server gestopt); afsluitcode 1 bij een verschil',
  )
  .option('--regio <id>', 'alleen deze centrumgemeente (tenant-id)')
  .action(async (opts: { regio?: string }) => {
    const { openFromEnv } = await import('../platform/db/database.js');
    const { migrate } = await import('../platform/db/migrate.js');
    const { compareFindings } = await import('../areas/data-quality/findings-store.js');
    const { actAsTenant } = await import('../rights/context.js');
    const database = await openFromEnv();
    try {
      await migrate(database);
      const tenants = await database.db
        .selectFrom('data_quality_state')
        .select(['tenant_id', 'refreshed_on'])
        .execute();
      let differences = 0;
      for (const t of tenants.filter((x) => !opts.regio || x.tenant_id === opts.regio)) {
        if (!t.refreshed_on) {
          console.log(`${t.tenant_id}: nog niet berekend (gebeurt bij de eerste keer lezen).`);
          continue;
        }
        const diff = await database.db.transaction().execute(async (tx) => {
          await actAsTenant(tx, t.tenant_id);
          const actor = {
            userId: 'cli',
            username: 'cli',
            displayName: 'cli',
            role: 'beheerder' as const,
            tenantId: t.tenant_id,
            facilityId: null,
            clientId: null,
          };
          return compareFindings({ actor, db: tx, now: new Date() });
        });
        const n = diff.ontbreekt.length + diff.overbodig.length;
        differences += n;
        console.log(
          `${t.tenant_id}: ${n ? `${n} verschil(len)` : 'gelijk aan de herberekening'} (berekend op ${t.refreshed_on}).`,
        );
        for (const k of diff.ontbreekt.slice(0, 20)) console.log(`  ontbreekt: ${k}`);
        for (const k of diff.overbodig.slice(0, 20)) console.log(`  overbodig: ${k}`);
      }
      if (differences) process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

program.parseAsync().catch((e: Error) => {
  console.error(`Fout: ${e.message}`);
  process.exit(1);
});
