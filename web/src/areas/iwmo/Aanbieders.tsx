// Issue 19 — the AGB codes in the iWmo messages: per location the zorgaanbieder's AGB code (8 digits) and name, set by
// the beheerder or beleid. The gemeentecode is shown only: it is the CBS code of the centrumgemeente.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorAlert,
  FormErrors,
  Heading,
  Loading,
  Paragraph,
  TextField,
  useTitel,
} from '../../ui/ui';

type Aanbieder = Schema<'IwmoAanbieder'>;
const AGB = /^\d{8}$/;

export function IwmoAanbiedersPage() {
  useTitel('AGB-codes voor iWmo');
  const q = useQuery({ queryKey: ['iwmo', 'aanbieders'], queryFn: () => apiGet('/iwmo-aanbieders') });
  return (
    <div className="onderdak-stack">
      <Heading level={1}>AGB-codes voor iWmo</Heading>
      <Paragraph>
        In iWmo-berichten staat bij elke locatie de AGB-code van de zorgaanbieder (8 cijfers). Alleen een locatie met
        een AGB-code krijgt toewijzingen (301) en kan berichten van de zorgaanbieder laten inlezen.
      </Paragraph>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Paragraph>
            De gemeente staat in de berichten met gemeentecode <strong>{q.data.gemeentecode}</strong>: de CBS-code van
            de centrumgemeente, vastgelegd bij het inrichten van de regio.
          </Paragraph>
          {q.data.aanbieders.length === 0 ? (
            <Paragraph>Er zijn nog geen locaties.</Paragraph>
          ) : (
            q.data.aanbieders.map((a) => <AanbiederForm key={a.locatieId} a={a} />)
          )}
        </>
      )}
    </div>
  );
}

function AanbiederForm({ a }: { a: Aanbieder }) {
  const qc = useQueryClient();
  const [agbCode, setAgbCode] = useState(a.agbCode ?? '');
  const [naam, setNaam] = useState(a.naam ?? '');
  const [check, setCheck] = useState<Record<string, string | undefined>>({});
  const opslaan = useMutation({
    mutationFn: () =>
      apiPad('put', '/iwmo-aanbieders/{id}', { params: { id: a.locatieId }, body: { agbCode: agbCode.trim(), naam } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['iwmo'] }),
  });
  const idAgb = `agb-${a.locatieId}`;
  const idNaam = `naam-${a.locatieId}`;
  const fouten = FormErrors.from(opslaan.error, { agbCode: idAgb, naam: idNaam }, check);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const c = {
      agbCode: AGB.test(agbCode.trim()) ? undefined : 'Een AGB-code heeft precies 8 cijfers, zoals 41000010.',
      naam: naam.trim() ? undefined : 'Vul de naam van de zorgaanbieder in.',
    };
    setCheck(c);
    if (c.agbCode || c.naam) {
      document.getElementById(c.agbCode ? idAgb : idNaam)?.focus();
      return;
    }
    opslaan.reset();
    opslaan.mutate();
  };
  const kop = `iwmo-aanbieder-${a.locatieId}`;
  return (
    <section aria-labelledby={kop}>
      <Heading level={2} id={kop}>
        {a.locatie}
      </Heading>
      <form onSubmit={onSubmit} noValidate aria-labelledby={kop}>
        <TextField
          id={idAgb}
          label="AGB-code"
          description="8 cijfers"
          inputMode="numeric"
          autoComplete="off"
          value={agbCode}
          error={fouten.get('agbCode')}
          onChange={(e) => setAgbCode(e.target.value)}
        />
        <TextField
          id={idNaam}
          label="Naam van de zorgaanbieder"
          value={naam}
          error={fouten.get('naam')}
          onChange={(e) => setNaam(e.target.value)}
        />
        {fouten.general.length > 0 && <ErrorAlert error={opslaan.error} title="Niet opgeslagen" />}
        {opslaan.isSuccess && (
          <Alert type="ok" role="status" title="Opgeslagen">
            <Paragraph>
              {a.locatie} staat in iWmo-berichten met AGB-code {opslaan.data.agbCode}.
            </Paragraph>
          </Alert>
        )}
        <ButtonGroup>
          <Button type="submit" variant="secondary" busy={opslaan.isPending}>
            AGB-code opslaan<span className="onderdak-sr-only"> voor {a.locatie}</span>
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
