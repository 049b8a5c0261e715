// Shared pieces of the status buttons in the perspective section: the error alert, the buttons and the date field.
import { ApiError } from '../../../api/client';
import { vandaag } from '../../../ui/format';
import { Alert, Button, ErrorAlert, TextField } from '../../../ui/ui';
import { usePerspectiefMutatie } from '../perspectiefApi';

/** Errors of the status buttons, which have no fields to show a 400 at: every problem is listed in the alert. */
export function Fout({ error }: { error: unknown }) {
  if (!error) return null;
  const redenen = error instanceof ApiError ? error.invalidParams.map((x) => x.reason) : [];
  if (!redenen.length) return <ErrorAlert error={error} />;
  return (
    <Alert type="error" role="alert" title="Niet gewijzigd">
      <ul className="utrecht-unordered-list">
        {redenen.map((r, i) => (
          <li key={i} className="utrecht-unordered-list__item">
            {r}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

export function StatusKnoppen({
  clientId,
  pad,
  opties,
  labels,
  label,
  datum: op,
}: {
  clientId: string;
  pad: string;
  opties: string[];
  labels: Record<string, string>;
  label: string;
  datum?: string;
}) {
  const m = usePerspectiefMutatie<string>(
    clientId,
    'POST',
    () => pad,
    (status) => ({ status, datum: op || vandaag() }),
  );
  if (!opties.length) return null;
  return (
    <div role="group" aria-label={label} className="onderdak-acties">
      {opties.map((s) => (
        <Button key={s} variant="subtle" busy={m.isPending && m.variables === s} onClick={() => m.mutate(s)}>
          Naar {labels[s]?.toLowerCase() ?? s}
        </Button>
      ))}
      <Fout error={m.error} />
    </div>
  );
}

/**
 * A date field for the status buttons of a section ("Naar afgerond", "Opheffen" …): today unless the worker records
 * a change made earlier. The server refuses future dates and dates before the plan or trajectory, with the reason.
 */
export function WijzigDatum({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (d: string) => void;
}) {
  return (
    <TextField
      id={id}
      type="date"
      label={label}
      value={value}
      max={vandaag()}
      className="onderdak-datumveld"
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
