// The case page (dossier) of one client: person and household, registrations, stay, perspective, trajectories,
// merging a duplicate and the timeline.

import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { clientQuery, useGebruiker } from '../../api/queries';
import { type Tab, Tabs } from '../../ui/Tabs';
import { Alert, Heading, Loading, PaginaFout, Uitklap, useTitel } from '../../ui/ui';
import { ClientaccountSectie } from '../admin/accounts/ClientaccountSectie';
import { AfsprakenSectie } from '../casework/AfsprakenSectie';
import { DocumentenSectie } from '../casework/DocumentenSectie';
import { DossierSamenvatting } from '../casework/DossierSamenvatting';
import { RapportageSectie } from '../casework/RapportageSectie';
import { ClientberichtenSectie } from '../client-portal/ClientberichtenSectie';
import { EigenBijdrageSectie } from '../finance/EigenBijdrageSectie'; // issue 19
import { PerspectiefSectie } from '../perspective/PerspectiefSectie';
import { EerderBekend } from '../reporting/VoorgeschiedenisSectie';
import { SamenvoegenForm } from './acties/SamenvoegenForm';
import { AanmeldingenSectie } from './client/AanmeldingenSectie';
import { CorrectiesSectie, SamenvoegingenSplitsen } from './client/CorrectiesSectie';
import { PersoonSectie } from './client/PersoonSectie';
import { TijdlijnSectie } from './client/TijdlijnSectie';
import { TrajectenSectie } from './client/TrajectenSectie';
import { VerblijfSectie } from './client/VerblijfSectie';
import { VerwijzingSectie } from './client/VerwijzingSectie';

/** Issue 16: a client never sees the staff dossier; their own page is Mijn Onderdak. */
export function ClientPage() {
  const eigen = useGebruiker().mogelijkheden.eigenDossier;
  return eigen ? <Navigate to="/mijn-onderdak" replace /> : <DossierPage />;
}

/** Issue 16: the parts of the dossier, each a tab; the tab is in the URL (?tab=…) so links and Back work. */
export const DOSSIER_TABS = [
  { id: 'overzicht', label: 'Overzicht' },
  { id: 'verblijf', label: 'Toegang en verblijf' },
  { id: 'eigen-bijdrage', label: 'Eigen bijdrage' }, // issue 16: its own tab, so "Toegang en verblijf" stays short
  { id: 'perspectief', label: 'Perspectief' },
  { id: 'journaal', label: 'Journaal' },
  { id: 'afspraken', label: 'Afspraken' },
  { id: 'documenten', label: 'Documenten' },
  { id: 'correcties', label: 'Correcties' },
  { id: 'tijdlijn', label: 'Tijdlijn' },
] as const satisfies readonly Tab<string>[];
export type DossierTab = (typeof DOSSIER_TABS)[number]['id'];
export function isDossierTab(v: unknown): v is DossierTab {
  return DOSSIER_TABS.some((t) => t.id === v);
}

function DossierPage() {
  const { clientId } = useParams({ from: '/app/clienten/$clientId' });
  const { tab = 'overzicht' } = useSearch({ from: '/app/clienten/$clientId' });
  const navigate = useNavigate();
  const q = useQuery(clientQuery(clientId));
  const sessie = useGebruiker().mogelijkheden;
  const [melding, setMelding] = useState<string | null>(null);
  const tabLabel = DOSSIER_TABS.find((t) => t.id === tab)?.label ?? 'Overzicht';
  useTitel(q.data ? `${q.data.voornaam} ${q.data.achternaam} — ${tabLabel}` : 'Cliënt');

  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <>
        <Heading level={1}>Cliënt</Heading>
        <PaginaFout error={q.error} />
      </>
    );
  const c = q.data;
  const m = c.mogelijkheden;
  const tabs = DOSSIER_TABS.filter(
    (t) => (t.id !== 'documenten' || sessie.clienten) && (t.id !== 'eigen-bijdrage' || sessie.aanmeldingen),
  );

  return (
    <>
      <p className="utrecht-paragraph">
        <Link to="/clienten" className="utrecht-link">
          ← Terug naar cliënten
        </Link>
      </p>
      <div className="onderdak-titelbalk">
        <Heading level={1}>
          {c.voornaam} {c.achternaam}
        </Heading>
        {m.inzageLog && (
          <Link to="/clienten/$clientId/inzagelog" params={{ clientId: c.id }} className="utrecht-link">
            Inzagelog
          </Link>
        )}
      </div>
      {melding && (
        <Alert type="ok" role="status">
          {melding}
        </Alert>
      )}
      <DossierSamenvatting clientId={c.id} eigen={sessie.eigenDossier} />
      <Tabs
        tabs={tabs}
        actief={tab}
        label="Onderdelen van het dossier"
        onKies={(t) =>
          void navigate({
            to: '/clienten/$clientId',
            params: { clientId },
            search: { tab: t === 'overzicht' ? undefined : t },
            resetScroll: false,
          })
        }
      >
        {tab === 'overzicht' && (
          <>
            <EerderBekend clientId={c.id} />
            <PersoonSectie c={c} />
          </>
        )}
        {tab === 'verblijf' && (
          <>
            <AanmeldingenSectie c={c} />
            <VerwijzingSectie c={c} />
            <VerblijfSectie c={c} />
            <TrajectenSectie c={c} />
          </>
        )}
        {tab === 'eigen-bijdrage' && sessie.aanmeldingen && <EigenBijdrageSectie clientId={c.id} />}
        {tab === 'perspectief' && <PerspectiefSectie clientId={c.id} />}
        {tab === 'journaal' && (
          <>
            <RapportageSectie clientId={c.id} eigen={sessie.eigenDossier} />
            {sessie.clienten && <ClientberichtenSectie clientId={c.id} />}
          </>
        )}
        {tab === 'afspraken' && <AfsprakenSectie clientId={c.id} eigen={sessie.eigenDossier} />}
        {tab === 'documenten' && sessie.clienten && <DocumentenSectie clientId={c.id} />}
        {tab === 'correcties' && (
          <>
            <CorrectiesSectie c={c} />
            {m.samenvoegen && (
              <section aria-labelledby="samenvoegen-titel">
                <Heading level={2} id="samenvoegen-titel">
                  Dubbele registratie
                </Heading>
                <Uitklap knop="Samenvoegen met…" titel="Samenvoegen met een andere registratie">
                  {(sluit, id) => (
                    <SamenvoegenForm
                      client={c}
                      sluit={sluit}
                      titelId={id}
                      onKlaar={() => setMelding('De registraties zijn samengevoegd.')}
                    />
                  )}
                </Uitklap>
                <SamenvoegingenSplitsen c={c} />
              </section>
            )}
            <ClientaccountSectie clientId={c.id} />
          </>
        )}
        {tab === 'tijdlijn' && <TijdlijnSectie c={c} />}
      </Tabs>
    </>
  );
}
