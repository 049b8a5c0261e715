// Location and unit choice of the placement and move forms, and their conflict message.
import { useQuery } from '@tanstack/react-query';
import { ApiError, apiGet } from '../../../api/client';
import { locatiesQuery } from '../../../api/queries';
import { Alert, ErrorAlert, ErrorSummary, type FormErrors, Loading, SelectField } from '../../../ui/ui';
import { heeftPlek } from '../../shelter/plek';

export function EenheidKiezer({
  prefix,
  locatieId,
  setLocatieId,
  eenheidId,
  setEenheidId,
  fouten,
  locatieLabel = 'Locatie',
}: {
  prefix: string;
  locatieId: string;
  setLocatieId: (v: string) => void;
  eenheidId: string;
  setEenheidId: (v: string) => void;
  fouten: FormErrors;
  locatieLabel?: string;
}) {
  const locaties = useQuery(locatiesQuery);
  const bezetting = useQuery({
    queryKey: ['bezetting', locatieId],
    queryFn: () => apiGet('/locaties/{id}/bezetting', { params: { id: locatieId } }),
    enabled: !!locatieId,
  });
  return (
    <>
      {locaties.error && <ErrorAlert error={locaties.error} />}
      <SelectField
        id={`${prefix}-locatie`}
        label={locatieLabel}
        required
        value={locatieId}
        onChange={(e) => {
          setLocatieId(e.target.value);
          setEenheidId('');
        }}
        error={fouten.get('locatieId')}
        aria-busy={locaties.isPending || undefined}
      >
        <option value="">{locaties.isPending ? 'Laden…' : 'Kies een locatie'}</option>
        {(locaties.data?.resultaten ?? []).map((l) => (
          <option key={l.id} value={l.id}>
            {l.naam} ({l.vrij} vrij)
          </option>
        ))}
      </SelectField>
      {locatieId && bezetting.isPending && <Loading>Eenheden laden…</Loading>}
      {bezetting.error && <ErrorAlert error={bezetting.error} />}
      <SelectField
        id={`${prefix}-eenheid`}
        label="Eenheid"
        required
        disabled={!locatieId || bezetting.isPending}
        value={eenheidId}
        onChange={(e) => setEenheidId(e.target.value)}
        error={fouten.get('eenheidId')}
        description={locatieId ? undefined : 'Kies eerst een locatie.'}
      >
        <option value="">Kies een eenheid</option>
        {/* issue 16: full rooms are not offered when placing or moving */}
        {(bezetting.data?.eenheden ?? [])
          .filter((u) => heeftPlek(u))
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.naam} — {u.vrij} van {u.bedden} vrij
              {u.reserve ? ' (reserve)' : ''}
            </option>
          ))}
      </SelectField>
    </>
  );
}

/** 409 (kamer vol / past niet) is shown as an alert with the problem detail; other errors per field. */
export function ConflictOfFouten({ error, fouten }: { error: unknown; fouten: FormErrors }) {
  if (error instanceof ApiError && error.status === 409) {
    return (
      <Alert type="error" role="alert" title={error.title || 'Plaatsing niet mogelijk'}>
        <p className="utrecht-paragraph">{error.detail}</p>
      </Alert>
    );
  }
  return <ErrorSummary errors={fouten.summary()} />;
}
