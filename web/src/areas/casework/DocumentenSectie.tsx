// Case page: documents (attachments) — PDF, PNG or JPEG up to 10 MB; downloads are logged in the access log.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { apiPad } from '../../api/client';
import { tijdstip } from '../../ui/format';
import {
  Button,
  ErrorSummary,
  FormErrors,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  Uitklap,
} from '../../ui/ui';
import { documentenQuery, useCaseworkMutatie } from './caseworkApi';

const grootte = (b: number) =>
  b >= 1024 * 1024
    ? `${(b / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`
    : `${Math.max(1, Math.round(b / 1024))} kB`;
const SOORT: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

export function DocumentenSectie({ clientId }: { clientId: string }) {
  const q = useQuery(documentenQuery(clientId));
  if (q.isPending) return <Loading />;
  if (q.error) return <PaginaFout error={q.error} />;
  const d = q.data;
  return (
    <section aria-labelledby="documenten-titel">
      <Heading level={2} id="documenten-titel">
        Documenten
      </Heading>
      {d.resultaten.length === 0 ? (
        <Paragraph>Geen documenten.</Paragraph>
      ) : (
        <Table caption="Documenten, nieuwste eerst" captionHidden>
          <THead>
            <Tr>
              <Th>Bestand</Th>
              <Th>Omschrijving</Th>
              <Th>Soort en grootte</Th>
              <Th>Toegevoegd</Th>
            </Tr>
          </THead>
          <TBody>
            {d.resultaten.map((x) => (
              <Tr key={x.id}>
                <Td>
                  <a className="utrecht-link" href={x.inhoudPad} download={x.bestandsnaam}>
                    {x.bestandsnaam}
                  </a>
                </Td>
                <Td>{x.omschrijving ?? '—'}</Td>
                <Td>
                  {SOORT[x.mediatype] ?? x.mediatype}, {grootte(x.grootte)}
                </Td>
                <Td>
                  {tijdstip(x.toegevoegdOp)} door {x.toegevoegdDoor}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {d.mogelijkheden.toevoegen && (
        <Uitklap knop="Document toevoegen" titel="Document toevoegen">
          {(sluit, titelId) => (
            <NieuwDocument clientId={clientId} max={d.maximumGrootte} sluit={sluit} titelId={titelId} />
          )}
        </Uitklap>
      )}
    </section>
  );
}

function leesBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(new Error('Het bestand kon niet worden gelezen.'));
    r.readAsDataURL(file);
  });
}

function NieuwDocument({
  clientId,
  max,
  sluit,
  titelId,
}: {
  clientId: string;
  max: number;
  sluit: () => void;
  titelId: string;
}) {
  const bestand = useRef<HTMLInputElement>(null);
  const [omschrijving, setOmschrijving] = useState('');
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const m = useCaseworkMutatie(clientId, async (file: File) =>
    apiPad('post', '/clienten/{id}/documenten', {
      params: { id: clientId },
      body: { bestandsnaam: file.name, omschrijving: omschrijving || null, inhoud: await leesBase64(file) },
    }),
  );
  const ids = { inhoud: 'doc-bestand', bestandsnaam: 'doc-bestand', omschrijving: 'doc-omschrijving' };
  const fe = FormErrors.from(m.error, ids, cf);
  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    const file = bestand.current?.files?.[0];
    const checks = {
      inhoud: !file
        ? 'Kies een bestand.'
        : file.size > max
          ? 'Het bestand is groter dan 10 MB. Kies een kleiner bestand.'
          : undefined,
    };
    setCf(checks);
    if (!file || checks.inhoud) return m.reset();
    m.mutate(file, { onSuccess: sluit });
  };
  const fout = fe.get('inhoud') ?? fe.get('bestandsnaam');
  return (
    <form onSubmit={verstuur} noValidate aria-labelledby={titelId}>
      <ErrorSummary errors={fe.summary()} />
      <div className={`utrecht-form-field${fout ? ' utrecht-form-field--invalid' : ''}`}>
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor="doc-bestand">
            Bestand
          </label>
        </div>
        <div id="doc-bestand-omschrijving" className="utrecht-form-field-description">
          PDF, PNG of JPEG, ten hoogste 10 MB.
        </div>
        {fout && (
          <div id="doc-bestand-fout" className="utrecht-form-field-error-message">
            {fout}
          </div>
        )}
        <div className="utrecht-form-field__input">
          <input
            ref={bestand}
            id="doc-bestand"
            type="file"
            accept="application/pdf,image/png,image/jpeg"
            aria-describedby={fout ? 'doc-bestand-fout doc-bestand-omschrijving' : 'doc-bestand-omschrijving'}
            aria-invalid={fout ? true : undefined}
          />
        </div>
      </div>
      <TextField
        id={ids.omschrijving}
        label="Omschrijving"
        optional
        value={omschrijving}
        error={fe.get('omschrijving')}
        onChange={(e) => setOmschrijving(e.target.value)}
      />
      <Button type="submit" busy={m.isPending}>
        Toevoegen
      </Button>{' '}
      <Button type="button" variant="secondary" onClick={sluit}>
        Annuleren
      </Button>
    </form>
  );
}
