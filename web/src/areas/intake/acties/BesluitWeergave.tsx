// The decision on a registration as shown on the case page, with the outcome of the regional binding.
import type { ReactNode } from 'react';
import type { Besluit, Correctie } from '../../../api/types';
import { datum, tijdstip } from '../../../ui/format';
import { Alert, DataList, Heading, Inklapper, Paragraph } from '../../../ui/ui';

const VELD: Record<string, string> = { uitkomst: 'Uitkomst', datum: 'Datum', motivering: 'Motivering' };
const OVERDRACHT: Record<string, string> = {
  voorgesteld: 'aangeboden, wacht op antwoord',
  geaccepteerd: 'geaccepteerd',
  afgewezen: 'afgewezen',
};

export function BesluitWeergave({
  besluit,
  correcties = [],
  ingeklapt = false,
}: {
  besluit: Besluit;
  correcties?: Correctie[];
  /** issue 16: date and decider in one line, the rest behind "Toon het hele besluit" */
  ingeklapt?: boolean;
}) {
  const rb = besluit.regiobinding;
  const o = besluit.overdracht;
  const eerder = correcties.filter((c) => c.onderdeel === 'besluit' && c.onderdeelId === besluit.id);
  const gegevens = (
    <DataList
      items={[
        ['Datum besluit', datum(besluit.datum)],
        ['Beslisser', besluit.beslisser],
        ...(besluit.reden ? [['Reden', besluit.reden] as [ReactNode, ReactNode]] : []),
        ['Bezwaar mogelijk tot', besluit.bezwaartermijnTot ? datum(besluit.bezwaartermijnTot) : '—'],
        ...(besluit.noodopvang ? [['Noodopvang', 'Ja, noodopvang is verleend'] as [ReactNode, ReactNode]] : []),
      ]}
    />
  );
  return (
    <div className="onderdak-besluit">
      <Heading level={4}>Besluit: {besluit.uitkomstLabel}</Heading>
      {eerder.length > 0 && (
        <Alert type="info" title="Dit besluit is gecorrigeerd">
          <ul className="utrecht-unordered-list">
            {eerder.map((c) => (
              <li key={c.id} className="utrecht-unordered-list__item">
                {tijdstip(c.tijdstip)}: {VELD[c.veld] ?? c.veld} was “{c.oud ?? '—'}”, werd “{c.nieuw ?? '—'}”. Reden:{' '}
                {c.reden}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {o && (
        <Paragraph>
          Warme overdracht aan {o.ontvanger}: <strong>{OVERDRACHT[o.status] ?? o.status}</strong>
          {o.beantwoordOp ? ` (${datum(o.beantwoordOp)})` : ''}
          {o.afwijsreden ? `. Reden: ${o.afwijsreden}` : ''}
        </Paragraph>
      )}
      {ingeklapt ? (
        // issue 16: on the case page the date and decider in one line, the whole decision on request
        <>
          <Paragraph>
            Op {datum(besluit.datum)} door {besluit.beslisser}
            {besluit.bezwaartermijnTot ? `; bezwaar mogelijk tot ${datum(besluit.bezwaartermijnTot)}` : ''}.
          </Paragraph>
          <Inklapper samenvatting="Toon het hele besluit">{gegevens}</Inklapper>
        </>
      ) : (
        gegevens
      )}
      {rb && (
        <div className="onderdak-regiobinding">
          <Heading level={4}>Regiobinding</Heading>
          <Paragraph>
            Verantwoordelijke centrumgemeente: <strong>{rb.verantwoordelijkeTenantNaam}</strong> (score {rb.score}).
          </Paragraph>
          {rb.warmeOverdracht && !o && (
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
      {besluit.bezwaren.length > 0 && (
        <>
          <Heading level={4}>Bezwaren</Heading>
          <ul className="utrecht-unordered-list">
            {besluit.bezwaren.map((b) => (
              <li key={b.id} className="utrecht-unordered-list__item">
                Ontvangen {datum(b.ontvangenOp)}
                {b.tijdig ? '' : ' (te laat)'} — {BEZWAAR_STATUS[b.status] ?? b.status}
                {b.uitkomstOp
                  ? `, beslist ${datum(b.uitkomstOp)}: ${b.uitkomst ?? ''}`
                  : `, beslissen vóór ${datum(b.beslissenVoor)}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export const BEZWAAR_STATUS: Record<string, string> = {
  ontvangen: 'Ontvangen',
  'in-behandeling': 'In behandeling',
  gegrond: 'Gegrond',
  'deels-gegrond': 'Deels gegrond',
  ongegrond: 'Ongegrond',
  'niet-ontvankelijk': 'Niet-ontvankelijk',
  ingetrokken: 'Ingetrokken',
};
