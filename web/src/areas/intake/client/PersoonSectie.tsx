// Case page: personal details and household members.
import type { Client } from '../../../api/types';
import { datum } from '../../../ui/format';
import { DataList, Heading, Paragraph, Table, TBody, Td, THead, Th, Tr, Uitklap } from '../../../ui/ui';
import { HuishoudenCorrigerenForm, PersoonCorrigerenForm } from '../acties/CorrectieForms';

const RELATIE: Record<string, string> = { partner: 'Partner', kind: 'Kind', overig: 'Overig' };

export function PersoonSectie({ c }: { c: Client }) {
  return (
    <div className="onderdak-kolommen">
      <section aria-labelledby="persoon-titel" className="onderdak-card">
        <Heading level={2} id="persoon-titel">
          Persoonsgegevens
        </Heading>
        <DataList
          items={[
            ['Cliëntnummer', <code key="id">{c.id}</code>],
            ['Geboortedatum', datum(c.geboortedatum)],
            ['BSN', c.bsn ?? 'Niet bekend'],
            ['Herkomst', c.herkomst ?? '—'],
            ['Aanleiding', c.aanleidingLabel ?? c.aanleiding ?? '—'],
            ['Telefoon', c.telefoon || '—'],
            ['E-mail', c.email || '—'],
            ['Huishoudgrootte', String(c.huishoudgrootte)],
          ]}
        />
        {c.mogelijkheden.corrigeren && (
          <Uitklap knop="Gegevens corrigeren" titel="Persoonsgegevens corrigeren">
            {(sluit, id) => <PersoonCorrigerenForm client={c} sluit={sluit} titelId={id} />}
          </Uitklap>
        )}
      </section>

      <section aria-labelledby="huishouden-titel" className="onderdak-card">
        <Heading level={2} id="huishouden-titel">
          Huishouden
        </Heading>
        {c.huishoudleden.length === 0 ? (
          <Paragraph>Geen huishoudleden geregistreerd.</Paragraph>
        ) : (
          <Table captionHidden caption="Huishoudleden">
            <THead>
              <Tr>
                <Th>Naam</Th>
                <Th>Geboortedatum</Th>
                <Th>Relatie</Th>
              </Tr>
            </THead>
            <TBody>
              {c.huishoudleden.map((h, i) => (
                <Tr key={i}>
                  <Td>{h.naam}</Td>
                  <Td>{datum(h.geboortedatum)}</Td>
                  <Td>{RELATIE[h.relatie] ?? h.relatie}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {c.mogelijkheden.corrigeren && (
          <Uitklap knop="Huishouden corrigeren" titel="Huishouden corrigeren">
            {(sluit, id) => <HuishoudenCorrigerenForm client={c} sluit={sluit} titelId={id} />}
          </Uitklap>
        )}
      </section>
    </div>
  );
}
