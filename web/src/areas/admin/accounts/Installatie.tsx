// Issue 11: the first start of an empty installation. The server printed a one-time link (/installatie#code=…);
// whoever holds it creates the installatiebeheerder, the first centrumgemeente with its regiogemeenten (CBS codes)
// and its first beheerder. The link then stops working.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { apiGet, apiPad } from '../../../api/client';
import {
  Alert,
  Button,
  ErrorSummary,
  Fieldset,
  FormErrors,
  Heading,
  Loading,
  Paragraph,
  TextareaField,
  TextField,
  useTitel,
} from '../../../ui/ui';
import { codeUitLink } from './WachtwoordInstellen';

/** "0784 Oosterhout" per line → regiogemeenten; lines that do not fit give an error. */
export function leesGemeenten(tekst: string): { lijst: { code: string; naam: string }[]; fout?: string } {
  const lijst: { code: string; naam: string }[] = [];
  for (const [i, regel] of tekst.split('\n').entries()) {
    const r = regel.trim();
    if (!r) continue;
    const m = /^(?:GM)?(\d{4})\s*[-=,:]?\s*(.+)$/i.exec(r);
    if (!m)
      return {
        lijst,
        fout: `Regel ${i + 1}: schrijf de CBS-code (4 cijfers) en dan de naam, bijvoorbeeld 0784 Oosterhout.`,
      };
    lijst.push({ code: m[1], naam: m[2].trim() });
  }
  return { lijst };
}

const LEEG = {
  code: '',
  installatieGebruikersnaam: '',
  installatieNaam: '',
  installatieWachtwoord: '',
  naam: '',
  cbsCode: '',
  gemeenten: '',
  beheerderGebruikersnaam: '',
  beheerderNaam: '',
  beheerderWachtwoord: '',
};
const IDS: Record<string, string> = {
  code: 'inst-code',
  'installatiebeheerder.gebruikersnaam': 'inst-igebruikersnaam',
  'installatiebeheerder.naam': 'inst-inaam',
  'installatiebeheerder.wachtwoord': 'inst-iwachtwoord',
  'centrumgemeente.naam': 'inst-naam',
  'centrumgemeente.cbsCode': 'inst-cbs',
  'centrumgemeente.regiogemeenten': 'inst-gemeenten',
  'centrumgemeente.beheerder.gebruikersnaam': 'inst-bgebruikersnaam',
  'centrumgemeente.beheerder.naam': 'inst-bnaam',
  'centrumgemeente.beheerder.wachtwoord': 'inst-bwachtwoord',
};

export function InstallatiePage() {
  useTitel('Installatie');
  const status = useQuery({ queryKey: ['installatie'], queryFn: () => apiGet('/installatie') });
  const [f, setF] = useState({ ...LEEG, code: codeUitLink() });
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const maak = useMutation({
    mutationFn: () =>
      apiPad('post', '/installatie', {
        body: {
          code: f.code.trim(),
          installatiebeheerder: {
            gebruikersnaam: f.installatieGebruikersnaam.trim(),
            naam: f.installatieNaam.trim(),
            wachtwoord: f.installatieWachtwoord,
          },
          centrumgemeente: {
            naam: f.naam.trim(),
            cbsCode: f.cbsCode.trim().replace(/^GM/i, ''),
            regiogemeenten: leesGemeenten(f.gemeenten).lijst,
            beheerder: {
              gebruikersnaam: f.beheerderGebruikersnaam.trim(),
              naam: f.beheerderNaam.trim(),
              wachtwoord: f.beheerderWachtwoord,
            },
          },
        },
      }),
  });
  // field errors of the regiogemeenten list (…regiogemeenten.3.code) show at the one text area
  const serverFouten = FormErrors.from(maak.error, IDS, cf);
  const fouten = new Map<string, string>();
  for (const [k, v] of serverFouten.byName)
    fouten.set(k.startsWith('centrumgemeente.regiogemeenten') ? 'centrumgemeente.regiogemeenten' : k, v);
  const summary = [
    ...[...fouten].map(([k, message]) => ({ id: IDS[k], message })),
    ...serverFouten.general.map((message) => ({ message })),
  ];
  const veld = (k: keyof typeof LEEG) => ({
    value: f[k],
    onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const vereist = (v: string, m: string) => (v.trim() ? undefined : m);
    const c: Record<string, string | undefined> = {
      code: vereist(f.code, 'Vul de code uit de installatielink in.'),
      'installatiebeheerder.gebruikersnaam': vereist(f.installatieGebruikersnaam, 'Vul een gebruikersnaam in.'),
      'installatiebeheerder.naam': vereist(f.installatieNaam, 'Vul de naam in.'),
      'installatiebeheerder.wachtwoord': vereist(f.installatieWachtwoord, 'Kies een wachtwoord.'),
      'centrumgemeente.naam': vereist(f.naam, 'Vul de naam van de centrumgemeente in.'),
      'centrumgemeente.cbsCode': /^(GM)?\d{4}$/i.test(f.cbsCode.trim())
        ? undefined
        : 'De CBS-gemeentecode heeft 4 cijfers, bijvoorbeeld 0505.',
      'centrumgemeente.regiogemeenten': leesGemeenten(f.gemeenten).fout,
      'centrumgemeente.beheerder.gebruikersnaam': vereist(f.beheerderGebruikersnaam, 'Vul een gebruikersnaam in.'),
      'centrumgemeente.beheerder.naam': vereist(f.beheerderNaam, 'Vul de naam in.'),
      'centrumgemeente.beheerder.wachtwoord': vereist(f.beheerderWachtwoord, 'Kies een wachtwoord.'),
    };
    setCf(c);
    if (Object.values(c).some(Boolean)) {
      maak.reset();
      return;
    }
    maak.mutate();
  }

  return (
    <main id="hoofdinhoud" tabIndex={-1} className="onderdak-login">
      <div className="onderdak-login__box onderdak-login__box--breed">
        <p className="onderdak-logo onderdak-logo--login">
          <span className="onderdak-logo__app">Onderdak</span>
        </p>
        <Heading level={1}>Onderdak inrichten</Heading>
        {status.isPending ? (
          <Loading />
        ) : maak.data ? (
          <Alert type="ok" role="status" title={`${maak.data.centrumgemeente.naam} is ingericht`}>
            <Paragraph>
              De installatielink werkt niet meer. Log in als <strong>{maak.data.beheerder}</strong> (beheerder) om
              locaties en gebruikers toe te voegen, of als <strong>{maak.data.installatiebeheerder}</strong>{' '}
              (installatiebeheerder) om later een centrumgemeente toe te voegen.{' '}
              <Link to="/inloggen" className="utrecht-link">
                Naar inloggen
              </Link>
            </Paragraph>
          </Alert>
        ) : status.data?.ingericht ? (
          <Alert type="info" title="Deze installatie is al ingericht">
            <Paragraph>
              <Link to="/inloggen" className="utrecht-link">
                Naar inloggen
              </Link>
            </Paragraph>
          </Alert>
        ) : (
          <>
            <Paragraph>
              Deze installatie heeft nog geen centrumgemeente. Met de eenmalige link die de server bij het starten
              toonde, maakt u de eerste aan. Daarna werkt de link niet meer.
            </Paragraph>
            <ErrorSummary errors={summary} />
            <form onSubmit={submit} noValidate aria-label="Onderdak inrichten">
              <TextField
                id={IDS.code}
                label="Code uit de installatielink"
                autoComplete="off"
                {...veld('code')}
                error={fouten.get('code')}
              />
              <Fieldset
                legend="Uw account als installatiebeheerder"
                description="Hiermee voegt u later centrumgemeenten toe. U ziet geen persoonsgegevens."
              >
                <TextField
                  id={IDS['installatiebeheerder.gebruikersnaam']}
                  label="Gebruikersnaam"
                  autoComplete="off"
                  {...veld('installatieGebruikersnaam')}
                  error={fouten.get('installatiebeheerder.gebruikersnaam')}
                />
                <TextField
                  id={IDS['installatiebeheerder.naam']}
                  label="Naam"
                  autoComplete="off"
                  {...veld('installatieNaam')}
                  error={fouten.get('installatiebeheerder.naam')}
                />
                <TextField
                  id={IDS['installatiebeheerder.wachtwoord']}
                  label="Wachtwoord"
                  type="password"
                  autoComplete="new-password"
                  {...veld('installatieWachtwoord')}
                  error={fouten.get('installatiebeheerder.wachtwoord')}
                />
              </Fieldset>
              <Fieldset legend="De centrumgemeente">
                <TextField
                  id={IDS['centrumgemeente.naam']}
                  label="Naam"
                  description="Bijvoorbeeld Breda"
                  autoComplete="off"
                  {...veld('naam')}
                  error={fouten.get('centrumgemeente.naam')}
                />
                <TextField
                  id={IDS['centrumgemeente.cbsCode']}
                  label="CBS-gemeentecode"
                  description="4 cijfers, bijvoorbeeld 0758"
                  autoComplete="off"
                  inputMode="numeric"
                  {...veld('cbsCode')}
                  error={fouten.get('centrumgemeente.cbsCode')}
                />
                <TextareaField
                  id={IDS['centrumgemeente.regiogemeenten']}
                  label="Regiogemeenten"
                  optional
                  description="Eén gemeente per regel: CBS-code en naam, bijvoorbeeld 0784 Oosterhout"
                  rows={5}
                  {...veld('gemeenten')}
                  error={fouten.get('centrumgemeente.regiogemeenten')}
                />
              </Fieldset>
              <Fieldset
                legend="De eerste beheerder van de centrumgemeente"
                description="Voegt locaties en gebruikers toe. Logt in met een wachtwoord en een code uit een authenticator-app."
              >
                <TextField
                  id={IDS['centrumgemeente.beheerder.gebruikersnaam']}
                  label="Gebruikersnaam"
                  autoComplete="off"
                  {...veld('beheerderGebruikersnaam')}
                  error={fouten.get('centrumgemeente.beheerder.gebruikersnaam')}
                />
                <TextField
                  id={IDS['centrumgemeente.beheerder.naam']}
                  label="Naam"
                  autoComplete="off"
                  {...veld('beheerderNaam')}
                  error={fouten.get('centrumgemeente.beheerder.naam')}
                />
                <TextField
                  id={IDS['centrumgemeente.beheerder.wachtwoord']}
                  label="Wachtwoord"
                  type="password"
                  autoComplete="new-password"
                  {...veld('beheerderWachtwoord')}
                  error={fouten.get('centrumgemeente.beheerder.wachtwoord')}
                />
              </Fieldset>
              <Button type="submit" variant="primary" busy={maak.isPending} disabled={maak.isPending}>
                Inrichten
              </Button>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
