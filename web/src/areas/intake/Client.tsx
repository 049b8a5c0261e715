// The case page (dossier) of one client: person and household, registrations, stay, perspective, trajectories,
// merging a duplicate and the timeline.

import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { clientQuery } from '../../api/queries';
import { Alert, Heading, Loading, PaginaFout, Uitklap, useTitel } from '../../ui/ui';
import { PerspectiefSectie } from '../perspective/PerspectiefSectie';
import { EerderBekend } from '../reporting/VoorgeschiedenisSectie';
import { SamenvoegenForm } from './acties/SamenvoegenForm';
import { AanmeldingenSectie } from './client/AanmeldingenSectie';
import { PersoonSectie } from './client/PersoonSectie';
import { TijdlijnSectie } from './client/TijdlijnSectie';
import { TrajectenSectie } from './client/TrajectenSectie';
import { VerblijfSectie } from './client/VerblijfSectie';
import { VerwijzingSectie } from './client/VerwijzingSectie';

export function ClientPage() {
  const { clientId } = useParams({ from: '/app/clienten/$clientId' });
  const q = useQuery(clientQuery(clientId));
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
      <EerderBekend clientId={c.id} />
      <PersoonSectie c={c} />
      <AanmeldingenSectie c={c} />
      <VerwijzingSectie c={c} />
      <VerblijfSectie c={c} />
      <PerspectiefSectie clientId={c.id} />
      <TrajectenSectie c={c} />

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
        </section>
      )}

      <TijdlijnSectie c={c} />
    </>
  );
}
