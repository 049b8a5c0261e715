// The case page (dossier) of one client: person and household, registrations, stay, perspective, trajectories,
// merging a duplicate and the timeline.

import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { clientQuery, useGebruiker } from '../../api/queries';
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

function DossierPage() {
  const { clientId } = useParams({ from: '/app/clienten/$clientId' });
  const q = useQuery(clientQuery(clientId));
  const sessie = useGebruiker().mogelijkheden;
  const [melding, setMelding] = useState<string | null>(null);
  useTitel(q.data ? `${q.data.voornaam} ${q.data.achternaam}` : 'Cliënt');

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
      <EerderBekend clientId={c.id} />
      <PersoonSectie c={c} />
      <AanmeldingenSectie c={c} />
      <VerwijzingSectie c={c} />
      <VerblijfSectie c={c} />
      <PerspectiefSectie clientId={c.id} />
      <AfsprakenSectie clientId={c.id} eigen={sessie.eigenDossier} />
      <RapportageSectie clientId={c.id} eigen={sessie.eigenDossier} />
      {sessie.clienten && <ClientberichtenSectie clientId={c.id} />}
      {sessie.clienten && <DocumentenSectie clientId={c.id} />}
      <TrajectenSectie c={c} />
      {sessie.aanmeldingen && <EigenBijdrageSectie clientId={c.id} />}

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
      <CorrectiesSectie c={c} />
      <TijdlijnSectie c={c} />
    </>
  );
}
