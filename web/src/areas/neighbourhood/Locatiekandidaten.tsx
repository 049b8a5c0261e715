// Issue 17: candidate sites side by side — business case (every assumption visible and editable, recomputed on each
// change by the same formulas as the API), the draagkracht of the wijk, status, and the new-location procedure.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { datum, vandaag } from '../../ui/format';
import {
  Button,
  ErrorAlert,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  StatusBadge,
  Table,
  TBody,
  Td,
  TextField,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';

type Kandidaat = Schema<'Locatiekandidaat'>;
type Aannames = Schema<'BusinessCaseAannames'>;

const euro = (n: number | null) =>
  n === null ? '—' : n.toLocaleString('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

const UITKOMST: [keyof Schema<'BusinessCaseUitkomst'>, string, boolean][] = [
  ['jaarlijkseKosten', 'Jaarlijkse kosten', true],
  ['bespaardeOpvangnachten', 'Bespaarde opvangnachten', false],
  ['vermedenOpvangkosten', 'Vermeden opvangkosten', true],
  ['extraDuurzaamGehuisvest', 'Extra duurzaam gehuisvest (personen per jaar)', false],
  ['vermedenTerugvalkosten', 'Vermeden kosten van terugval', true],
  ['nettoPerJaar', 'Netto per jaar', true],
  ['saldoOverLooptijd', 'Saldo over de looptijd', true],
  ['terugverdientijdJaren', 'Terugverdientijd (jaar)', false],
];

export function LocatiekandidatenPage() {
  useTitel('Kandidaat-locaties');
  const q = useQuery({ queryKey: ['locatiekandidaten'], queryFn: () => apiGet('/locatiekandidaten') });
  if (q.isPending) return <Loading />;
  if (q.error) return <PaginaFout error={q.error} />;
  const k = q.data.kandidaten;
  return (
    <>
      <Heading level={1}>Kandidaat-locaties</Heading>
      <Table caption="Vergelijking naast elkaar">
        <THead>
          <Tr>
            <Th>Kandidaat</Th>
            {k.map((s) => (
              <Th key={s.id}>{s.naam}</Th>
            ))}
          </Tr>
        </THead>
        <TBody>
          <Tr>
            <Th scope="row">Wijk (draagkracht)</Th>
            {k.map((s) => (
              <Td key={s.id}>{s.wijk ? `${s.wijk.naam} (${s.wijk.draagkracht})` : '—'}</Td>
            ))}
          </Tr>
          <Tr>
            <Th scope="row">Vorm, plekken</Th>
            {k.map((s) => (
              <Td key={s.id}>
                {s.vormLabel}, {s.plekken}
              </Td>
            ))}
          </Tr>
          <Tr>
            <Th scope="row">Eigenaar</Th>
            {k.map((s) => (
              <Td key={s.id}>
                {s.eigenaar} ({s.eigenaarSoortLabel})
                {s.leegstaandPubliekVastgoed ? ', leegstaand publiek vastgoed' : ''}
              </Td>
            ))}
          </Tr>
          <Tr>
            <Th scope="row">Status</Th>
            {k.map((s) => (
              <Td key={s.id}>{s.statusLabel}</Td>
            ))}
          </Tr>
          {UITKOMST.map(([key, label, geld]) => (
            <Tr key={key}>
              <Th scope="row">{label}</Th>
              {k.map((s) => (
                <Td key={s.id} numeric>
                  {geld
                    ? euro(s.businessCase.uitkomst[key])
                    : (s.businessCase.uitkomst[key]?.toLocaleString('nl-NL') ?? '—')}
                </Td>
              ))}
            </Tr>
          ))}
        </TBody>
      </Table>
      {k.map((s) => (
        <KandidaatSectie key={s.id} s={s} />
      ))}
    </>
  );
}

function KandidaatSectie({ s }: { s: Kandidaat }) {
  const kop = `kandidaat-${s.id}`;
  return (
    <section aria-labelledby={kop} className="onderdak-kaart">
      <Heading level={2} id={kop}>
        {s.naam}
      </Heading>
      <Paragraph>
        {s.adres} · {s.wijk ? `${s.wijk.naam}, draagkracht ${s.wijk.draagkracht}` : 'wijk onbekend'} ·{' '}
        <StatusBadge status="active">{s.statusLabel}</StatusBadge>
      </Paragraph>
      <BusinessCaseForm s={s} />
      {s.procedure.length > 0 && <Procedure s={s} />}
    </section>
  );
}

function BusinessCaseForm({ s }: { s: Kandidaat }) {
  const qc = useQueryClient();
  const bc = s.businessCase;
  const [tekst, setTekst] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(bc.aannames).map(([k, v]) => [k, String(v)])),
  );
  const aannames = Object.fromEntries(
    Object.entries(tekst).map(([k, v]) => [k, Number(v.replace(',', '.'))]),
  ) as Aannames;
  const geldig = Object.values(aannames).every((n) => Number.isFinite(n));
  const gewijzigd = Object.entries(aannames).some(([k, v]) => bc.aannames[k as keyof Aannames] !== v);
  const voorbeeld = useQuery({
    queryKey: ['business-case', s.plekken, aannames],
    queryFn: () => apiPad('post', '/business-case-berekeningen', { body: { plekken: s.plekken, aannames } }),
    enabled: geldig && gewijzigd,
    placeholderData: (prev) => prev,
  });
  const opslaan = useMutation({
    mutationFn: () => apiPad('put', '/locatiekandidaten/{id}/aannames', { params: { id: s.id }, body: aannames }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['locatiekandidaten'] }),
  });
  const uitkomst = gewijzigd && voorbeeld.data ? voorbeeld.data.uitkomst : bc.uitkomst;
  return (
    <div className="onderdak-business-case">
      <Heading level={3}>Business case</Heading>
      <form
        aria-label={`Aannames ${s.naam}`}
        onSubmit={(e) => {
          e.preventDefault();
          opslaan.mutate();
        }}
      >
        <div className="onderdak-velden-rij">
          {bc.toelichting.map((t) => (
            <TextField
              key={t.sleutel}
              id={`${s.id}-${t.sleutel}`}
              label={`${t.label} (${t.eenheid})`}
              inputMode="decimal"
              value={tekst[t.sleutel] ?? ''}
              onChange={(e) => setTekst({ ...tekst, [t.sleutel]: e.target.value })}
            />
          ))}
        </div>
        <Button type="submit" disabled={!geldig || !gewijzigd} busy={opslaan.isPending}>
          Aannames opslaan
        </Button>
        <ErrorAlert error={voorbeeld.error ?? opslaan.error} />
      </form>
      <Table caption={`Uitkomst ${s.naam}${gewijzigd ? ' (nog niet opgeslagen)' : ''}`}>
        <TBody>
          {UITKOMST.map(([key, label, geld]) => (
            <Tr key={key}>
              <Th scope="row">{label}</Th>
              <Td numeric>
                <span data-testid={`${s.id}-${key}`}>
                  {geld ? euro(uitkomst[key]) : (uitkomst[key]?.toLocaleString('nl-NL') ?? '—')}
                </span>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <details>
        <summary>Formules</summary>
        <ul className="utrecht-unordered-list">
          {bc.formules.map((f) => (
            <li key={f} className="utrecht-unordered-list__item">
              {f}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function Procedure({ s }: { s: Kandidaat }) {
  const qc = useQueryClient();
  const gedaan = useMutation({
    mutationFn: (stapId: string) =>
      apiPad('patch', '/locatiekandidaten/{id}/procedurestappen/{stapId}', {
        params: { id: s.id, stapId },
        body: { gedaan: vandaag() },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['locatiekandidaten'] }),
  });
  return (
    <>
      <Table caption={`Procedure nieuwe locatie: ${s.naam}`}>
        <THead>
          <Tr>
            <Th>Stap</Th>
            <Th>Eigenaar</Th>
            <Th>Gepland</Th>
            <Th>Gedaan</Th>
          </Tr>
        </THead>
        <TBody>
          {s.procedure.map((p) => (
            <Tr key={p.id}>
              <Td>
                {p.omschrijving} {p.teLaat && <StatusBadge status="danger">te laat</StatusBadge>}
              </Td>
              <Td>{p.eigenaar || '—'}</Td>
              <Td>{datum(p.gepland)}</Td>
              <Td>
                {p.gedaan ? (
                  datum(p.gedaan)
                ) : (
                  <Button variant="subtle" disabled={gedaan.isPending} onClick={() => gedaan.mutate(p.id)}>
                    Vandaag gedaan
                  </Button>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <ErrorAlert error={gedaan.error} />
      {s.afspraken.length > 0 && (
        <>
          <Heading level={3}>Afspraken met de buurt</Heading>
          <ul className="utrecht-unordered-list">
            {s.afspraken.map((a) => (
              <li key={a.id} className="utrecht-unordered-list__item">
                {a.wie}: {a.wat}
                {a.uiterlijk ? ` (uiterlijk ${datum(a.uiterlijk)})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
