// Perspective section: the practical steps that block an exit (ID, income, debts, …) and their status.
import { useState } from 'react';
import { datum, vandaag } from '../../../ui/format';
import { Button, Heading, Inklapper, StatusBadge, Table, TBody, Td, THead, Th, Tr } from '../../../ui/ui';
import { type Perspectief, usePerspectiefMutatie } from '../perspectiefApi';
import { Fout, WijzigDatum } from './statusWijzigen';

export function StappenSectie({ p }: { p: Perspectief }) {
  const t = p.traject!;
  const [op, setOp] = useState(vandaag());
  const m = usePerspectiefMutatie<{ soort: string; status: string }>(
    p.clientId,
    'POST',
    (x) => `/v1/trajecten/${t.id}/praktische-stappen/${x.soort}/statuswijzigingen`,
    (x) => ({ status: x.status, datum: op || vandaag() }),
  );
  const label = (code: string) => p.keuzelijsten.stapStatussen.find((s) => s.code === code)?.label ?? code;
  return (
    <section aria-labelledby="stappen-titel">
      <Heading level={3} id="stappen-titel">
        Praktische stappen
      </Heading>
      {/* issue 16: a summary first; the table with the status buttons on request */}
      <Inklapper
        samenvatting={`Toon de ${t.praktischeStappen.length} stappen (${t.praktischeStappen.filter((s) => s.blokkeertUitstroom).length} nog niet geregeld)`}
      >
        {p.mogelijkheden.stappenWijzigen && (
          <WijzigDatum
            id="stap-statusdatum"
            label="Datum voor statuswijzigingen van stappen"
            value={op}
            onChange={setOp}
          />
        )}
        <Fout error={m.error} />
        <Table caption="Praktische stappen die uitstroom blokkeren" captionHidden>
          <THead>
            <Tr>
              <Th>Stap</Th>
              <Th>Status</Th>
              <Th>Aangevraagd</Th>
              <Th>Geregeld</Th>
              {p.mogelijkheden.stappenWijzigen && <Th>Wijzigen</Th>}
            </Tr>
          </THead>
          <TBody>
            {t.praktischeStappen.map((s) => (
              <Tr key={s.soort}>
                <Th scope="row">{s.soortLabel}</Th>
                <Td>
                  <StatusBadge status={s.blokkeertUitstroom ? 'warning' : 'success'}>{s.statusLabel}</StatusBadge>
                </Td>
                <Td>{datum(s.aangevraagdOp)}</Td>
                <Td>{datum(s.geregeldOp)}</Td>
                {p.mogelijkheden.stappenWijzigen && (
                  <Td>
                    {s.volgendeStatussen.map((st) => (
                      <Button
                        key={st}
                        variant="subtle"
                        onClick={() => m.mutate({ soort: s.soort, status: st })}
                        aria-label={`${s.soortLabel}: ${label(st)}`}
                      >
                        {label(st)}
                      </Button>
                    ))}
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      </Inklapper>
    </section>
  );
}
