// What every action form on the case page shares: send, refresh what the client shows, close, map errors.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/client';
import { FormErrors } from '../../../ui/ui';

/** Invalidates everything a change to a client can affect. */
export function useVernieuwClient(clientId: string) {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: ['client', clientId] }),
      qc.invalidateQueries({ queryKey: ['clienten'] }),
      qc.invalidateQueries({ queryKey: ['aanmeldingen'] }),
      qc.invalidateQueries({ queryKey: ['locaties'] }),
      qc.invalidateQueries({ queryKey: ['bezetting'] }),
      // issue 12: a placement or exit changes the perspective section and the worklists too
      qc.invalidateQueries({ queryKey: ['perspectief', clientId] }),
      qc.invalidateQueries({ queryKey: ['mijn-taken'] }),
      qc.invalidateQueries({ queryKey: ['verwijzingen'] }), // issue 14: placing closes a referral
    ]);
  };
}

/**
 * What every action form on the case page shares: the request, a refresh of everything the client shows and
 * closing the form on success, server errors mapped to the fields (`ids`), and checks before sending. `verstuur`
 * takes the client-side checks (field → message or undefined) and only sends when none fails. `negeer409`: a
 * conflict (e.g. the unit was just taken) is shown as one message above the form, not as a field error.
 */
export function useClientActie<T>(
  clientId: string,
  sluit: () => void,
  mutationFn: () => Promise<T>,
  ids: Record<string, string>,
  opts: { negeer409?: boolean } = {},
) {
  const vernieuw = useVernieuwClient(clientId);
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const m = useMutation({
    mutationFn,
    onSuccess: async () => {
      await vernieuw();
      sluit();
    },
  });
  const serverFout = opts.negeer409 && m.error instanceof ApiError && m.error.status === 409 ? null : m.error;
  const fouten = FormErrors.from(serverFout, ids, cf);
  const verstuur = (checks: Record<string, string | undefined>) => (e: FormEvent) => {
    e.preventDefault();
    setCf(checks);
    if (Object.values(checks).some(Boolean)) {
      m.reset();
      return;
    }
    m.mutate();
  };
  return { m, fouten, verstuur };
}
