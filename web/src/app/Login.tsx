import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { apiPad, setCsrfToken } from '../api/client';
import { sessieQuery } from '../api/queries';
import { InlogVervolg } from '../areas/admin/accounts/InlogVervolg';
import { conceptenVan } from '../ui/concept';
import { Button, ErrorSummary, FormErrors, Heading, Loading, Paragraph, TextField, useTitel } from '../ui/ui';

export function LoginPage() {
  useTitel('Inloggen');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const router = useRouter();
  const { terug } = useSearch({ from: '/inloggen' });
  const sessie = useQuery(sessieQuery);
  const [gebruikersnaam, setGebruikersnaam] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const [clientFouten, setClientFouten] = useState<Record<string, string | undefined>>({});

  const login = useMutation({
    mutationFn: (body: { gebruikersnaam: string; wachtwoord: string }) => apiPad('post', '/sessies', { body }),
    onSuccess: async (s) => {
      setCsrfToken(s.csrfToken);
      conceptenVan(s.gebruiker.id); // issue 16: drafts of another user in this tab are removed first
      queryClient.setQueryData(sessieQuery.queryKey, s);
      if (!s.gebruiker.vervolgstap) await naarDoel();
    },
  });
  const naarDoel = () => {
    const doel = terug && terug.startsWith('/') && !terug.startsWith('//') ? terug : '/';
    // issue 16: the way back keeps its search (?tab=… of the dossier), so through the history, not `to`
    if (doel.includes('?')) {
      router.history.push(doel);
      return Promise.resolve();
    }
    return navigate({ to: doel });
  };

  if (sessie.isPending)
    return (
      <main id="hoofdinhoud" tabIndex={-1} className="onderdak-login">
        <Loading />
      </main>
    );
  // Issue 11: a session with a step still to take (new password, two-factor) continues here.
  if (sessie.data?.gebruiker.vervolgstap)
    return (
      <main id="hoofdinhoud" tabIndex={-1} className="onderdak-login">
        <div className="onderdak-login__box">
          <p className="onderdak-logo onderdak-logo--login">
            <span className="onderdak-logo__app">Onderdak</span>
          </p>
          <InlogVervolg sessie={sessie.data} klaar={() => void naarDoel()} />
        </div>
      </main>
    );
  if (sessie.data && !login.isPending && !login.isSuccess) return <Navigate to="/" />;

  const ids = { gebruikersnaam: 'login-gebruikersnaam', wachtwoord: 'login-wachtwoord' };
  const fouten = FormErrors.from(login.error, ids, clientFouten);

  function submit(e: FormEvent) {
    e.preventDefault();
    const f: Record<string, string | undefined> = {
      gebruikersnaam: gebruikersnaam.trim() ? undefined : 'Vul uw gebruikersnaam in.',
      wachtwoord: wachtwoord ? undefined : 'Vul uw wachtwoord in.',
    };
    setClientFouten(f);
    if (f.gebruikersnaam || f.wachtwoord) {
      login.reset();
      return;
    }
    login.mutate({ gebruikersnaam: gebruikersnaam.trim(), wachtwoord });
  }

  return (
    <main id="hoofdinhoud" tabIndex={-1} className="onderdak-login">
      <div className="onderdak-login__box">
        <p className="onderdak-logo onderdak-logo--login">
          <span className="onderdak-logo__app">Onderdak</span>
        </p>
        <Heading level={1}>Inloggen</Heading>
        <Paragraph>Log in met uw gebruikersnaam en wachtwoord.</Paragraph>
        <ErrorSummary
          title={
            login.error && !Object.values(clientFouten).some(Boolean)
              ? 'Inloggen is niet gelukt'
              : 'Er zijn fouten gevonden'
          }
          errors={fouten.summary()}
        />
        <form onSubmit={submit} noValidate aria-label="Inloggen">
          <TextField
            id={ids.gebruikersnaam}
            label="Gebruikersnaam"
            name="gebruikersnaam"
            autoComplete="username"
            required
            value={gebruikersnaam}
            onChange={(e) => setGebruikersnaam(e.target.value)}
            error={fouten.get('gebruikersnaam')}
          />
          <TextField
            id={ids.wachtwoord}
            label="Wachtwoord"
            name="wachtwoord"
            type="password"
            autoComplete="current-password"
            required
            value={wachtwoord}
            onChange={(e) => setWachtwoord(e.target.value)}
            error={fouten.get('wachtwoord')}
          />
          <Button type="submit" variant="primary" busy={login.isPending} disabled={login.isPending}>
            Inloggen
          </Button>
        </form>
        <Paragraph>
          Wachtwoord vergeten? Vraag de beheerder om een herstellink. Heeft u een code gekregen?{' '}
          <Link to="/wachtwoord-instellen" className="utrecht-link">
            Wachtwoord instellen met een code
          </Link>
          .
        </Paragraph>
      </div>
    </main>
  );
}
