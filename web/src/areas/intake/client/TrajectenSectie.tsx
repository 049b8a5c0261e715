// Case page: trajectories, with the exit (uitstroom) of the open one.
import type { Client } from '../../../api/types';
import { datum } from '../../../ui/format';
import { Heading, Paragraph, StatusBadge, Table, TBody, Td, THead, Th, Tr, Uitklap } from '../../../ui/ui';
import { UitstroomForm } from '../acties/UitstroomForm';

export function TrajectenSectie({ c }: { c: Client }) {
  const openTraject = c.trajecten.find((t) => !t.eind) ?? null;
  return (
    <section aria-labelledby="trajecten-titel">
      <Heading level={2} id="trajecten-titel">
        Trajecten
      </Heading>
      {c.trajecten.length === 0 ? (
        <Paragraph>Nog geen traject. Een traject start met een besluit tot toegang.</Paragraph>
      ) : (
        <Table captionHidden caption="Trajecten">
          <THead>
            <Tr>
              <Th>Start</Th>
              <Th>Einde</Th>
              <Th>Bestemming</Th>
              <Th numeric>Dagen</Th>
              <Th numeric>Nachten</Th>
            </Tr>
          </THead>
          <TBody>
            {c.trajecten.map((t) => (
              <Tr key={t.id}>
                <Td>{datum(t.start)}</Td>
                <Td>{t.eind ? datum(t.eind) : <StatusBadge status="active">Lopend</StatusBadge>}</Td>
                <Td>{t.bestemmingLabel ?? '—'}</Td>
                <Td numeric>{t.dagen}</Td>
                <Td numeric>{t.nachten}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {openTraject && c.mogelijkheden.uitstroom && (
        <Uitklap knop="Uitstroom registreren" titel="Uitstroom registreren">
          {(sluit, id) => <UitstroomForm traject={openTraject} sluit={sluit} titelId={id} />}
        </Uitklap>
      )}
    </section>
  );
}
