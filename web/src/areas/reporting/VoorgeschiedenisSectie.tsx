// Issue 6 — "Eerder bekend": shown on the case page so the worker sees at once that the person was known before
// (earlier registrations, stays, exits, aftercare) and whether this registration is a return after housing.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, apiGet } from '../../api/client';
import { datum } from '../../ui/format';
import { Alert, Paragraph } from '../../ui/ui';

export function EerderBekend({ clientId }: { clientId: string }) {
  const q = useQuery({
    queryKey: ['voorgeschiedenis', clientId],
    queryFn: () => apiGet('/clienten/{id}/voorgeschiedenis', { params: { id: clientId } }),
    retry: (n, e) => !(e instanceof ApiError && (e.status === 403 || e.status === 404)) && n < 2,
  });
  const v = q.data;
  if (!v || !v.eerderBekend) return null;
  return (
    <Alert
      type="warning"
      role="status"
      title={v.terugkeerNaWonen ? 'Eerder bekend — terugkeer na uitstroom naar wonen' : 'Eerder bekend'}
    >
      <Paragraph>{v.samenvatting}</Paragraph>
      {v.terugkeerNaWonen && <Paragraph>{v.terugkeerNaWonen.tekst}</Paragraph>}
      {v.nazorg.length > 0 && (
        <Paragraph>
          Nazorg:{' '}
          {v.nazorg.map((n, i) => (
            <span key={n.id}>
              {i > 0 && ', '}
              <Link to="/nazorg/$planId" params={{ planId: n.id }} className="utrecht-link">
                plan na uitstroom van {datum(n.uitstroomDatum)} ({n.status}, {n.verantwoordelijke})
              </Link>
            </span>
          ))}
          .
        </Paragraph>
      )}
      {v.signalen.length > 0 && (
        <Paragraph>
          Signalen van betalingsachterstand:{' '}
          {v.signalen.map((s, i) => (
            <span key={s.id}>
              {i > 0 && ', '}
              {s.zaakId ? (
                <Link to="/preventie/$zaakId" params={{ zaakId: s.zaakId }} className="utrecht-link">
                  {s.bronNaam} ({datum(s.datum)})
                </Link>
              ) : (
                `${s.bronNaam} (${datum(s.datum)})`
              )}
            </span>
          ))}
          .
        </Paragraph>
      )}
    </Alert>
  );
}
