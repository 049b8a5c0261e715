// Issue 17: the reporter's view — a melding found by its secret tracking code: status and the reply. No login.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { apiGet } from '../../api/client';
import { datum, tijdstip } from '../../ui/format';
import { Alert, DataList, Heading, Loading, PaginaFout, Paragraph, StatusBadge, useTitel } from '../../ui/ui';
import { OpenbaarKader } from './OpenbareLocatie';

export function MijnMeldingPage() {
  const { volgcode } = useParams({ from: '/openbaar/melding/$volgcode' });
  const q = useQuery({
    queryKey: ['openbaar', 'melding', volgcode],
    queryFn: () => apiGet('/openbare-meldingen/{volgcode}', { params: { volgcode } }),
  });
  useTitel('Mijn melding');
  return (
    <OpenbaarKader>
      <Heading level={1}>Mijn melding</Heading>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : (
        <>
          <Paragraph>
            Over{' '}
            <Link to="/openbaar/$slug" params={{ slug: q.data.slug }} className="utrecht-link">
              {q.data.locatie}
            </Link>
            . Status:{' '}
            <StatusBadge status={q.data.status === 'afgehandeld' ? 'success' : 'active'}>
              {q.data.statusLabel}
            </StatusBadge>
          </Paragraph>
          <DataList
            items={[
              ['Soort', q.data.soort],
              ['Wat', q.data.wat],
              ['Wanneer', `${datum(q.data.datum)}${q.data.tijd ? ` om ${q.data.tijd}` : ''}`],
              ['Waar', q.data.waar],
              ['Ontvangen', tijdstip(q.data.ontvangenOp)],
            ]}
          />
          {q.data.reactie ? (
            <Alert type="info" title={`Reactie (${tijdstip(q.data.beantwoordOp)})`}>
              <Paragraph>
                <span data-testid="reactie">{q.data.reactie}</span>
              </Paragraph>
            </Alert>
          ) : (
            <Paragraph>Er is nog geen reactie. Kijk later nog eens op deze pagina.</Paragraph>
          )}
        </>
      )}
    </OpenbaarKader>
  );
}
