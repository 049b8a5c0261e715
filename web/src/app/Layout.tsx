import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ErrorComponentProps, Link, Navigate, Outlet, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { apiPad, setCsrfToken } from '../api/client';
import { sessieQuery } from '../api/queries';
import { wisAlleConcepten } from '../ui/concept';
import { Button, ErrorAlert, Heading, Paragraph, useTitel } from '../ui/ui';
import { Hoofdmenu } from './Hoofdmenu';
import { applyTheme } from './theme';

export { magBezetting } from './menu';

export function Layout() {
  const { data: sessie } = useQuery(sessieQuery);
  const queryClient = useQueryClient();
  const primair = sessie?.gebruiker.tenant.thema.primair ?? null;

  useEffect(() => {
    applyTheme(primair);
  }, [primair]);

  const uitloggen = useMutation({
    mutationFn: () => apiPad('delete', '/sessies/huidig'),
    onSettled: () => {
      setCsrfToken(null);
      wisAlleConcepten(); // issue 16: no draft of a client's data stays in the browser
      // Session null → this layout renders <Navigate to="/inloggen"> before any page reads the user.
      queryClient.setQueryData(sessieQuery.queryKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'sessie' });
    },
  });

  if (!sessie) return <Navigate to="/inloggen" />;
  const gebruiker = sessie.gebruiker;

  return (
    <div className="utrecht-page onderdak-page">
      <header className="utrecht-page-header onderdak-header">
        <div className="utrecht-page-header__content onderdak-header__content">
          <Link to="/" className="onderdak-logo">
            <span className="onderdak-logo__tenant">{gebruiker.tenant.thema.logoTekst || gebruiker.tenant.naam}</span>
            <span className="onderdak-logo__app">Onderdak</span>
          </Link>
          <div className="onderdak-header__user">
            <span>
              <span className="onderdak-header__naam">{gebruiker.naam}</span>{' '}
              <span className="onderdak-header__rol">({gebruiker.rolLabel})</span>
            </span>
            <Button
              variant="secondary"
              onClick={() => uitloggen.mutate()}
              busy={uitloggen.isPending}
              className="onderdak-header__logout"
            >
              Uitloggen
            </Button>
          </div>
        </div>
      </header>
      <Hoofdmenu gebruiker={gebruiker} />
      <main id="hoofdinhoud" tabIndex={-1} className="utrecht-page__content onderdak-main">
        <Outlet />
      </main>
      <footer className="utrecht-page-footer onderdak-footer">
        <div className="utrecht-page-footer__content">
          <p className="utrecht-paragraph utrecht-paragraph--small onderdak-footer__links">
            <Link to="/begrippen" className="utrecht-link">
              Begrippen
            </Link>
          </p>
          <p className="utrecht-paragraph utrecht-paragraph--small">
            Onderdak — van opvang naar wonen · {gebruiker.tenant.naam}
          </p>
        </div>
      </footer>
    </div>
  );
}

export function NietGevonden() {
  useTitel('Pagina niet gevonden');
  return (
    <div className="onderdak-narrow">
      <Heading level={1}>Pagina niet gevonden</Heading>
      <Paragraph>Deze pagina bestaat niet (meer).</Paragraph>
      <Paragraph>
        <Link to="/" className="utrecht-link">
          Naar de startpagina
        </Link>
      </Paragraph>
    </div>
  );
}

export function RouteFout({ error }: ErrorComponentProps) {
  const router = useRouter();
  useTitel('Fout');
  return (
    <div className="onderdak-narrow">
      <Heading level={1}>Er ging iets mis</Heading>
      <ErrorAlert error={error} />
      <Button onClick={() => void router.invalidate()}>Opnieuw proberen</Button>
    </div>
  );
}
