// Issue 11: zorgaanbieders of the own centrumgemeente, as organisations users and locations can be linked to.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiGet, apiPad } from '../../../api/client';
import {
  Alert,
  Button,
  ErrorSummary,
  FormErrors,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  TextField,
  UnorderedList,
} from '../../../ui/ui';

export function ZorgaanbiedersBeheer() {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['zorgaanbieders'], queryFn: () => apiGet('/zorgaanbieders') });
  const [naam, setNaam] = useState('');
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const [klaar, setKlaar] = useState<string | null>(null);
  const maak = useMutation({
    mutationFn: () => apiPad('post', '/zorgaanbieders', { body: { naam: naam.trim() } }),
    onSuccess: async (z) => {
      setKlaar(`${z.naam} is toegevoegd.`);
      setNaam('');
      await qc.invalidateQueries({ queryKey: ['zorgaanbieders'] });
    },
  });
  const ids = { naam: 'zorgaanbieder-naam' };
  const fouten = FormErrors.from(maak.error, ids, cf);
  function submit(e: FormEvent) {
    e.preventDefault();
    setKlaar(null);
    const c = { naam: naam.trim() ? undefined : 'Vul de naam in.' };
    setCf(c);
    if (c.naam) {
      maak.reset();
      return;
    }
    maak.mutate();
  }
  return (
    <section aria-labelledby="zorgaanbieders-titel">
      <Heading level={2} id="zorgaanbieders-titel">
        Zorgaanbieders
      </Heading>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <PaginaFout error={q.error} />
      ) : q.data.resultaten.length === 0 ? (
        <Paragraph>Nog geen zorgaanbieders.</Paragraph>
      ) : (
        <UnorderedList>
          {q.data.resultaten.map((z) => (
            <li key={z.id}>{z.naam}</li>
          ))}
        </UnorderedList>
      )}
      <div className="onderdak-card">
        {klaar && (
          <Alert type="ok" role="status">
            {klaar}
          </Alert>
        )}
        <ErrorSummary errors={fouten.summary()} />
        <form onSubmit={submit} noValidate aria-label="Zorgaanbieder toevoegen">
          <TextField
            id={ids.naam}
            label="Naam van de zorgaanbieder"
            value={naam}
            onChange={(e) => setNaam(e.target.value)}
            error={fouten.get('naam')}
          />
          <Button type="submit" busy={maak.isPending} disabled={maak.isPending}>
            Zorgaanbieder toevoegen
          </Button>
        </form>
      </div>
    </section>
  );
}
