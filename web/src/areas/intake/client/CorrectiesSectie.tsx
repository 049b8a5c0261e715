// Case page (issue 12): what was corrected after saving — field, old and new value, reason, who and when.
import type { Client } from '../../../api/types';
import { tijdstip } from '../../../ui/format';
import { Heading, Paragraph, Table, TBody, Td, THead, Th, Tr, Uitklap } from '../../../ui/ui';
import { SplitsenForm } from '../acties/CorrectieForms';

const ONDERDEEL: Record<string, string> = {
  client: 'Persoon',
  huishoudlid: 'Huishouden',
  aanmelding: 'Aanmelding',
  besluit: 'Besluit',
};

export function CorrectiesSectie({ c }: { c: Client }) {
  return (
    <section aria-labelledby="correcties-titel">
      <Heading level={2} id="correcties-titel">
        Correcties
      </Heading>
      {c.correcties.length === 0 ? (
        <Paragraph>Er is niets gecorrigeerd.</Paragraph>
      ) : (
        <Table caption="Geschiedenis van correcties" captionHidden>
          <THead>
            <Tr>
              <Th>Wanneer</Th>
              <Th>Onderdeel</Th>
              <Th>Veld</Th>
              <Th>Was</Th>
              <Th>Werd</Th>
              <Th>Reden</Th>
              <Th>Door</Th>
            </Tr>
          </THead>
          <TBody>
            {c.correcties.map((k) => (
              <Tr key={k.id}>
                <Td>{tijdstip(k.tijdstip)}</Td>
                <Td>{ONDERDEEL[k.onderdeel] ?? k.onderdeel}</Td>
                <Td>{k.veld}</Td>
                <Td>{k.oud ?? '—'}</Td>
                <Td>{k.nieuw ?? '—'}</Td>
                <Td>{k.reden}</Td>
                <Td>{k.door ?? '—'}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}

/** Merges of this case that can be undone (issue 12): split again, with their history. */
export function SamenvoegingenSplitsen({ c }: { c: Client }) {
  const open = c.samenvoegingen.filter((m) => !m.ongedaanGemaakt);
  if (!c.mogelijkheden.splitsen || open.length === 0) return null;
  return (
    <ul className="onderdak-kaartlijst">
      {open.map((m) => (
        <li key={m.id} className="onderdak-card">
          <Paragraph>
            Samengevoegd op {tijdstip(m.samengevoegdOp)}: registratie <code>{m.samengevoegdId.slice(0, 8)}</code>
          </Paragraph>
          {m.splitsbaar ? (
            <Uitklap knop="Samenvoeging ongedaan maken" titel="Samenvoeging ongedaan maken">
              {(sluit, id) => <SplitsenForm client={c} samenvoegingId={m.id} sluit={sluit} titelId={id} />}
            </Uitklap>
          ) : (
            <Paragraph data-testid="niet-splitsbaar">{m.toelichting}</Paragraph>
          )}
        </li>
      ))}
    </ul>
  );
}
