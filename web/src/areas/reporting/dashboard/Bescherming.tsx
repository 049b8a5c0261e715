// Dashboard (issue 13): how protected figures are protected ("Hoe beschermd?"), and Little's law beside the exact
// figures for toegang.
import { getal } from '../../../ui/format';
import { Alert, Paragraph } from '../../../ui/ui';
import type { Kerncijfers, Periode } from './cijfers';
import { Sectie } from './delen';

export function HoeBeschermd({ bescherming }: { bescherming: Kerncijfers['bescherming'] }) {
  if (!bescherming) return null;
  return (
    <details className="onderdak-dashboard__bescherming">
      <summary>Hoe beschermd?</summary>
      <Paragraph>{bescherming.toelichting}</Paragraph>
      <Paragraph>
        Methode: de celsleutelmethode, zoals het CBS en andere statistiekbureaus die gebruiken. Een getal wijkt hooguit{' '}
        {bescherming.maximaleAfwijking} af. Een streepje (—) betekent: minder dan {bescherming.minimumAantal} personen,
        daarom niet getoond.
      </Paragraph>
    </details>
  );
}

/** Little's law per period: mean occupancy ≈ throughput per night × mean nights, with a warning when it fails. */
export function WetVanLittle({ perioden }: { perioden: Periode[] }) {
  const rijen = perioden.filter((p) => p.wetVanLittle);
  if (rijen.length === 0) return null;
  const afwijkend = rijen.filter((p) => !p.wetVanLittle!.klopt);
  return (
    <Sectie
      id="little-titel"
      titel="Controle: wet van Little"
      uitleg="Gemiddelde bezetting ≈ beëindigde trajecten per nacht × gemiddeld aantal nachten. Een grote afwijking wijst op ontbrekende of open verblijven."
    >
      {afwijkend.length > 0 && (
        <Alert type="warning">
          De gegevens voldoen niet aan de wet van Little in: {afwijkend.map((p) => p.label).join(', ')}.
        </Alert>
      )}
      <div className="utrecht-table-container utrecht-table-container--overflow-inline">
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption">Wet van Little per periode</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {[
                'Periode',
                'Gemeten bezetting',
                'Instroom per nacht',
                'Gemiddeld aantal nachten',
                'Verwacht',
                'Oordeel',
              ].map((h) => (
                <th key={h} scope="col" className="utrecht-table__header-cell">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rijen.map((p) => {
              const w = p.wetVanLittle!;
              return (
                <tr key={p.label} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {p.label}
                  </th>
                  <td className="utrecht-table__cell">{getal(w.gemetenBezetting)}</td>
                  <td className="utrecht-table__cell">{getal(w.instroomPerNacht)}</td>
                  <td className="utrecht-table__cell">{getal(w.gemiddeldAantalNachten)}</td>
                  <td className="utrecht-table__cell">{getal(w.verwachteBezetting)}</td>
                  <td className="utrecht-table__cell">{w.klopt ? 'Klopt' : (w.waarschuwing ?? 'Klopt niet')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Sectie>
  );
}
