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
  if (m.isSuccess) return <StatusBadge status="success">Aangeboden</StatusBadge>;
  return (
    <>
      {m.error ? <ErrorAlert error={m.error} /> : null}
      <Button variant="secondary" busy={m.isPending} onClick={() => m.mutate()}>
        Aanbieden
      </Button>
    </>
  );
}
