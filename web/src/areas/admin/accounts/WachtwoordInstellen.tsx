// Issue 11: set a password with a one-time code — the beheerder's reset link, or a client's invitation code. The code
// comes in the link's #fragment (never sent to a server log) or is typed in.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { apiPad } from '../../../api/client';
import { sessieQuery } from '../../../api/queries';
import { Alert, Button, ErrorSummary, FormErrors, Heading, Paragraph, TextField, useTitel } from '../../../ui/ui';

export function codeUitLink(): string {
  const m = /(?:^#|&)code=([^&]+)/.exec(window.location.hash);
  return m ? decodeURIComponent(m[1]) : '';
}

export function WachtwoordInstellenPage() {
  useTitel('Wachtwoord instellen');
  const [code, setCode] = useState(codeUitLink);
  const [wachtwoord, setWachtwoord] = useState('');
  const [herhaal, setHerhaal] = useState('');
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const qc = useQueryClient();
  const stel = useMutation({
    mutationFn: async () => {
      // someone logged in (in this browser) opens the link: the request then needs the session's CSRF token
      await qc.ensureQueryData(sessieQuery);
      return apiPad('post', '/wachtwoord-herstellingen', { body: { code: code.trim(), wachtwoord } });
    },
  });
  const ids = { code: 'herstel-code', wachtwoord: 'herstel-wachtwoord', herhaal: 'herstel-herhaal' };
  const fouten = FormErrors.from(stel.error, ids, cf);
  function submit(e: FormEvent) {
    e.preventDefault();
    const c = {
      code: code.trim() ? undefined : 'Vul de code in die u kreeg.',
      wachtwoord: wachtwoord ? undefined : 'Kies een wachtwoord.',
      herhaal: wachtwoord && herhaal !== wachtwoord ? 'De twee wachtwoorden zijn niet gelijk.' : undefined,
    };
    setCf(c);
    if (Object.values(c).some(Boolean)) {
      stel.reset();
      return;
    }
    stel.mutate();
  }
  return (
    <main id="hoofdinhoud" tabIndex={-1} className="onderdak-login">
      <div className="onderdak-login__box">
        <p className="onderdak-logo onderdak-logo--login">
          <span className="onderdak-logo__app">Onderdak</span>
        </p>
        <Heading level={1}>Wachtwoord instellen</Heading>
        {stel.data ? (
          <Alert type="ok" role="status" title="Uw wachtwoord is ingesteld">
            <Paragraph>
              Uw gebruikersnaam is <strong data-testid="gebruikersnaam">{stel.data.gebruikersnaam}</strong>.{' '}
              <Link to="/inloggen" className="utrecht-link">
                Nu inloggen
              </Link>
            </Paragraph>
          </Alert>
        ) : (
          <>
            <Paragraph>
              U heeft een code gekregen van de beheerder of van uw begeleider. Kies daarmee uw wachtwoord: minstens 12
              tekens, en niet makkelijk te raden. De code werkt één keer.
            </Paragraph>
            <ErrorSummary errors={fouten.summary()} />
            <form onSubmit={submit} noValidate aria-label="Wachtwoord instellen">
              <TextField
                id={ids.code}
                label="Code"
                autoComplete="off"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={fouten.get('code')}
              />
              <TextField
                id={ids.wachtwoord}
                label="Nieuw wachtwoord"
                type="password"
                autoComplete="new-password"
                value={wachtwoord}
                onChange={(e) => setWachtwoord(e.target.value)}
                error={fouten.get('wachtwoord')}
              />
              <TextField
                id={ids.herhaal}
                label="Nieuw wachtwoord nog een keer"
                type="password"
                autoComplete="new-password"
                value={herhaal}
                onChange={(e) => setHerhaal(e.target.value)}
                error={fouten.get('herhaal')}
              />
              <Button type="submit" variant="primary" busy={stel.isPending} disabled={stel.isPending}>
                Wachtwoord opslaan
              </Button>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
