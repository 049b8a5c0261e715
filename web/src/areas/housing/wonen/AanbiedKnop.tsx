// Wonen: offer a housing unit to a candidate (from either matching list).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPad } from '../../../api/client';
import { vandaag } from '../../../ui/format';
import { Button, ErrorAlert, StatusBadge } from '../../../ui/ui';

export function AanbiedKnop({ woonplekId, kandidaatId }: { woonplekId: string; kandidaatId: string }) {
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => apiPad('post', '/aanbiedingen', { body: { woonplekId, kandidaatId, datum: vandaag() } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['wonen'] }),
  });
  // issue 16: a confirmation after offering (announced to screen readers)
  if (m.isSuccess)
    return (
      <span role="status" className="onderdak-bevestiging">
        <StatusBadge status="success">Aangeboden</StatusBadge> De aanbieding staat klaar voor de corporatie.
      </span>
    );
  return (
    <>
      {m.error ? <ErrorAlert error={m.error} /> : null}
      <Button variant="secondary" busy={m.isPending} onClick={() => m.mutate()}>
        Aanbieden
      </Button>
    </>
  );
}
