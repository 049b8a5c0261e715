import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ErrorComponentProps, Link, Navigate, Outlet, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { apiPad, setCsrfToken } from '../api/client';
import { sessieQuery } from '../api/queries';
import type { Gebruiker } from '../api/types';
import { Button, ErrorAlert, Heading, Paragraph, useTitel } from '../ui/ui';
import { applyTheme } from './theme';

export function magBezetting(g: Gebruiker): boolean {
  return g.mogelijkheden.plaatsen || g.mogelijkheden.locatiesBeheren || g.locatieId !== null || g.rol === 'locatie';
}

function NavLink({
  to,
  children,
}: {
  to:
    | '/clienten'
    | '/aanmeldingen'
    | '/locaties'
    | '/rapportage'
    | '/beheer'
    | '/preventie'
    | '/nazorg'
    | '/doorstroomoverleg'
    | '/wachtlijsten'
    | '/wonen'
    | '/buurt'
    | '/buurt/meldingen' // issue 17
    | '/mijn-taken'
    | '/mijn-clienten'
    | '/overdrachten'
    | '/mijn-onderdak'
    | '/';
  children: string;
}) {
  return (
    <li className="utrecht-nav-list__item">
      <Link
        to={to}
        className="utrecht-nav-list__link onderdak-nav__link"
        activeOptions={{ exact: to === '/' }}
        activeProps={{ 'aria-current': 'page', className: 'onderdak-nav__link--current' }}
      >
        {children}
      </Link>
    </li>
  );
}

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
      // Session null → this layout renders <Navigate to="/inloggen"> before any page reads the user.
      queryClient.setQueryData(sessieQuery.queryKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'sessie' });
    },
  });

  if (!sessie) return <Navigate to="/inloggen" />;
  const gebruiker = sessie.gebruiker;
  const m = gebruiker.mogelijkheden;

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
      <nav className="utrecht-nav-bar onderdak-nav" aria-label="Hoofdmenu">
        <div className="utrecht-nav-bar__content">
          <ul className="utrecht-nav-list onderdak-nav__list">
            {m.eigenDossier ? <NavLink to="/mijn-onderdak">Mijn Onderdak</NavLink> : <NavLink to="/">Start</NavLink>}
            {m.taken && <NavLink to="/mijn-taken">Mijn taken</NavLink>}
            {m.caseload && <NavLink to="/mijn-clienten">Mijn cliënten</NavLink>}
            {m.clienten && <NavLink to="/clienten">Cliënten</NavLink>}
            {m.aanmeldingen && <NavLink to="/aanmeldingen">Aanmeldingen</NavLink>}
            {m.aanmeldingen && <NavLink to="/overdrachten">Overdrachten</NavLink>}
            {magBezetting(gebruiker) && <NavLink to="/locaties">Bezetting</NavLink>}
            {m.perspectief && <NavLink to="/doorstroomoverleg">Doorstroomoverleg</NavLink>}
            {m.perspectief && <NavLink to="/wachtlijsten">Wachtlijsten</NavLink>}
            {m.voorkomen && <NavLink to="/preventie">Preventie</NavLink>}
            {m.voorkomen && <NavLink to="/nazorg">Nazorg</NavLink>}
            {m.wonen && <NavLink to="/wonen">Wonen</NavLink>}
            {['beleid', 'toegang', 'locatie'].includes(gebruiker.rol) && (
              <NavLink to={gebruiker.rol === 'locatie' ? '/buurt/meldingen' : '/buurt'}>Buurt</NavLink>
            )}
            {m.rapportages && <NavLink to="/rapportage">Rapportage</NavLink>}
            {(m.gebruikersBeheren || m.locatiesBeheren || m.centrumgemeentenBeheren || m.dossiersImporteren) && (
              <NavLink to="/beheer">Beheer</NavLink>
            )}
          </ul>
        </div>
      </nav>
      <main id="hoofdinhoud" tabIndex={-1} className="utrecht-page__content onderdak-main">
        <Outlet />
      </main>
      <footer className="utrecht-page-footer onderdak-footer">
        <div className="utrecht-page-footer__content">
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
