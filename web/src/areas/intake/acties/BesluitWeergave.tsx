// The decision on a registration as shown on the case page, with the outcome of the regional binding.
import type { ReactNode } from 'react';
import type { Besluit } from '../../../api/types';
import { datum } from '../../../ui/format';
import { Alert, DataList, Heading, Paragraph } from '../../../ui/ui';

export function BesluitWeergave({ besluit }: { besluit: Besluit }) {
  const rb = besluit.regiobinding;
  return (
    <div className="onderdak-besluit">
      <Heading level={4}>Besluit: {besluit.uitkomstLabel}</Heading>
      <DataList
        items={[
          ['Datum besluit', datum(besluit.datum)],
          ['Beslisser', besluit.beslisser],
          ...(besluit.reden ? [['Reden', besluit.reden] as [ReactNode, ReactNode]] : []),
          ['Bezwaar mogelijk tot', besluit.bezwaartermijnTot ? datum(besluit.bezwaartermijnTot) : '—'],
          ...(besluit.noodopvang ? [['Noodopvang', 'Ja, noodopvang is verleend'] as [ReactNode, ReactNode]] : []),
        ]}
      />
      {rb && (
        <div className="onderdak-regiobinding">
          <Heading level={4}>Regiobinding</Heading>
          <Paragraph>
            Verantwoordelijke centrumgemeente: <strong>{rb.verantwoordelijkeTenantNaam}</strong> (score {rb.score}).
          </Paragraph>
          {rb.warmeOverdracht && (
            <Alert type="warning" title="Warme overdracht">
              <p className="utrecht-paragraph">
                De cliënt krijgt noodopvang; het dossier wordt met een warme overdracht overgedragen aan{' '}
                {rb.verantwoordelijkeTenantNaam}.
              </p>
            </Alert>
          )}
          {rb.toelichting.length > 0 && (
            <ul className="utrecht-unordered-list">
              {rb.toelichting.map((t, i) => (
                <li key={i} className="utrecht-unordered-list__item">
                  {t}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
