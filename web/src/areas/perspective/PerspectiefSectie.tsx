// Case-page section "Werken aan perspectief" (issue 4): three-month control, perspectiefplan with goals and actions,
// ZRM measurements with a chart per domain, practical steps, blockades, waiting lists and the client's comments.
// Each part is its own component in ./dossier/.
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Heading, Loading, Paragraph } from '../../ui/ui';
import { BlokkadesSectie } from './dossier/BlokkadesSectie';
import { Controlekaart } from './dossier/Controlekaart';
import { PlanSectie } from './dossier/PlanSectie';
import { StappenSectie } from './dossier/StappenSectie';
import { WachtlijstenSectie } from './dossier/WachtlijstenSectie';
import { ZrmSectie } from './dossier/ZrmSectie';
import { perspectiefQuery } from './perspectiefApi';

/** The whole section; include it on the case page with <PerspectiefSectie clientId={…} />. */
export function PerspectiefSectie({ clientId }: { clientId: string }) {
  const q = useQuery(perspectiefQuery(clientId));
  if (q.isPending) return <Loading>Perspectief laden…</Loading>;
  if (q.error)
    return (
      <section aria-labelledby="perspectief-titel">
        <Heading level={2} id="perspectief-titel">
          Werken aan perspectief
        </Heading>
        <ErrorAlert error={q.error} />
      </section>
    );
  const p = q.data;
  const t = p.traject;
  return (
    <section aria-labelledby="perspectief-titel" className="onderdak-perspectief">
      <Heading level={2} id="perspectief-titel">
        Werken aan perspectief
      </Heading>
      {!t ? (
        <Paragraph>Nog geen traject. Een perspectiefplan hoort bij een traject.</Paragraph>
      ) : (
        <>
          {t.driemaandencontrole && <Controlekaart c={t.driemaandencontrole} />}
          <PlanSectie p={p} t={t} />
        </>
      )}
      {/* issue 16: the follow-up parts side by side on a wide screen, so the tab fits a working view */}
      <div className="onderdak-perspectief__delen">
        {t && <StappenSectie p={p} />}
        {t && <BlokkadesSectie p={p} />}
        <ZrmSectie p={p} />
        <WachtlijstenSectie p={p} />
      </div>
    </section>
  );
}
