// Onderdak CLI. It talks to the running server's API (never opens the PGlite data directory itself: that
// directory belongs to the server process and has no lock of its own).
import { Command } from 'commander';
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

program.parseAsync().catch((e: Error) => {
  console.error(`Fout: ${e.message}`);
  process.exit(1);
});
