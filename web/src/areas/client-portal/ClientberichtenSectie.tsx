// Issue 16 — in the staff dossier: the client's messages from Mijn Onderdak (comments and correction requests) and
// answering them. An unanswered message is a task on "Mijn taken"; the answer appears in the client's Mijn Onderdak.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { tijdstip } from '../../ui/format';
import {
  Alert,
  Button,
  ErrorSummary,
  FormErrors,
  Formulier,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  StatusBadge,
  TextareaField,
} from '../../ui/ui';

type Bericht = Schema<'Clientbericht'>;

export function ClientberichtenSectie({ clientId }: { clientId: string }) {
  const q = useQuery({
    queryKey: ['clientberichten', clientId],
    queryFn: () => apiGet('/clienten/{id}/clientberichten', { params: { id: clientId } }),
  });
  if (q.isPending) return <Loading>Berichten laden…</Loading>;
  if (q.error) return <PaginaFout error={q.error} />;
  return (
    <section aria-labelledby="clientberichten-titel">
      <Heading level={2} id="clientberichten-titel">
        Berichten van de cliënt ({q.data.open} open)
      </Heading>
      {q.data.resultaten.length === 0 ? (
        <Paragraph>De cliënt heeft nog geen berichten gestuurd uit Mijn Onderdak.</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list onderdak-clientberichten">
          {q.data.resultaten.map((b) => (
            <BerichtRegel key={b.id} b={b} clientId={clientId} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BerichtRegel({ b, clientId }: { b: Bericht; clientId: string }) {
  const qc = useQueryClient();
  const [tekst, setTekst] = useState('');
  const [leeg, setLeeg] = useState<string | undefined>();
  const m = useMutation({
    mutationFn: () => apiPad('post', '/clientberichten/{id}/antwoorden', { params: { id: b.id }, body: { tekst } }),
    onSuccess: async () => {
      setTekst('');
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['clientberichten', clientId] }),
        qc.invalidateQueries({ queryKey: ['mijn-taken'] }),
      ]);
    },
  });
  const veldId = `antwoord-${b.id}`;
  const fouten = FormErrors.from(m.error, { tekst: veldId }, { tekst: leeg });
  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    const f = tekst.trim() ? undefined : 'Schrijf een antwoord.';
    setLeeg(f);
    if (!f) m.mutate();
  };
  return (
    <li className="utrecht-unordered-list__item">
      <p className="utrecht-paragraph">
        <StatusBadge status={b.antwoord ? 'success' : 'warning'}>{b.antwoord ? 'Beantwoord' : 'Open'}</StatusBadge>{' '}
        <strong>{b.soortLabel}</strong>
        {b.onderwerpLabel ? ` — ${b.onderwerpLabel}` : ''} · {tijdstip(b.verstuurdOp)}
      </p>
      <p className="utrecht-paragraph">{b.tekst}</p>
      {b.antwoord ? (
        <p className="utrecht-paragraph">
          Antwoord van {b.beantwoordDoor} ({tijdstip(b.beantwoordOp)}): {b.antwoord}
        </p>
      ) : (
        b.mogelijkheden.beantwoorden && (
          <Formulier concept={`antwoord:${b.id}`} onSubmit={verstuur} noValidate>
            <ErrorSummary errors={fouten.summary()} />
            <TextareaField
              id={veldId}
              label="Antwoord aan de cliënt"
              description="De cliënt leest dit in Mijn Onderdak. Schrijf in eenvoudige woorden, met je en jij."
              value={tekst}
              onChange={(e) => setTekst(e.target.value)}
              error={fouten.get('tekst')}
              rows={3}
              required
            />
            <Button type="submit" busy={m.isPending}>
              Antwoord versturen
            </Button>
          </Formulier>
        )
      )}
      {m.isSuccess && (
        <Alert type="ok" role="status">
          Het antwoord is verstuurd.
        </Alert>
      )}
    </li>
  );
}
