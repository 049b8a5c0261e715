// Issue 20: the yearly point-in-time count of people sleeping rough: per year the total (the "buitenslapers"
// figure) and per area; toegang and beleid record a count.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import { useGebruiker } from '../../api/queries';
import { datum, vandaag } from '../../ui/format';
import {
  Alert,
  Button,
  ErrorAlert,
  FormErrors,
  Heading,
  Loading,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
} from '../../ui/ui';

export function Tellingen() {
  const g = useGebruiker();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['hele-beeld', 'tellingen'], queryFn: () => apiGet('/straattellingen') });
  const [f, setF] = useState({ datum: vandaag(), gebied: '', aantal: '' });
  const [ok, setOk] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () =>
      apiPad('post', '/straattellingen', { body: { datum: f.datum, gebied: f.gebied, aantal: Number(f.aantal) } }),
    onSuccess: async (r) => {
      setOk(`Telling vastgelegd: ${r.aantal} in ${r.gebied}.`);
      setF({ ...f, gebied: '', aantal: '' });
      await qc.invalidateQueries({ queryKey: ['hele-beeld'] });
    },
  });
  const fe = FormErrors.from(m.error);
  // toegang and beleid record a count (telling.vastleggen); the beheerder only reads
  const magVastleggen = g.mogelijkheden.rapportages && !g.mogelijkheden.gebruikersBeheren;
  return (
    <section aria-labelledby="tellingen-kop">
      <Heading level={2} id="tellingen-kop">
        Telling buitenslapers
      </Heading>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Table caption="Buitenslapers per jaar (som van de gebieden op de telnacht)">
            <THead>
              <Tr>
                <Th>Jaar</Th>
                <Th numeric>Buitenslapers</Th>
                <Th numeric>Gebieden</Th>
              </Tr>
            </THead>
            <TBody>
              {q.data.perJaar.map((j) => (
                <Tr key={j.jaar}>
                  <Th scope="row">{j.jaar}</Th>
                  <Td numeric>{j.aantal}</Td>
                  <Td numeric>{j.gebieden}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Table caption="Tellingen per gebied">
            <THead>
              <Tr>
                <Th>Datum</Th>
                <Th>Gebied</Th>
                <Th numeric>Aantal</Th>
              </Tr>
            </THead>
            <TBody>
              {q.data.resultaten.map((t) => (
                <Tr key={t.id}>
                  <Td>{datum(t.datum)}</Td>
                  <Td>{t.gebied}</Td>
                  <Td numeric>{t.aantal}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      )}
      {magVastleggen && (
        <form
          noValidate
          aria-labelledby="telling-nieuw"
          onSubmit={(e) => {
            e.preventDefault();
            setOk(null);
            m.mutate();
          }}
        >
          <Heading level={3} id="telling-nieuw">
            Telling vastleggen
          </Heading>
          {ok && (
            <Alert type="ok" role="status">
              {ok}
            </Alert>
          )}
          {fe.general.length > 0 && <ErrorAlert error={m.error} />}
          <TextField
            id="tel-datum"
            label="Telnacht"
            type="date"
            value={f.datum}
            error={fe.get('datum')}
            onChange={(e) => setF({ ...f, datum: e.target.value })}
          />
          <TextField
            id="tel-gebied"
            label="Gebied"
            value={f.gebied}
            error={fe.get('gebied')}
            onChange={(e) => setF({ ...f, gebied: e.target.value })}
          />
          <TextField
            id="tel-aantal"
            label="Aantal buitenslapers"
            inputMode="numeric"
            value={f.aantal}
            error={fe.get('aantal')}
            onChange={(e) => setF({ ...f, aantal: e.target.value })}
          />
          <Button type="submit" variant="primary" busy={m.isPending}>
            Telling vastleggen
          </Button>
        </form>
      )}
    </section>
  );
}
