// Issue 12: the toegangsbesluit as a printable Wmo-beschikking (decision, reasons, start, duration, bezwaar clause).
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { apiGet } from '../../api/client';
import { datum } from '../../ui/format';
import { Button, DataList, Heading, Loading, PaginaFout, Paragraph, useTitel } from '../../ui/ui';

const PRINT_CSS = `@media print {
  .onderdak-header, .onderdak-nav, .onderdak-footer, .onderdak-skip-link, .onderdak-niet-afdrukken { display: none !important; }
  .onderdak-main { padding: 0 !important; max-width: none !important; }
}`;

export function BeschikkingAfdrukkenPage() {
  const { besluitId } = useParams({ from: '/app/toegangsbesluiten/$besluitId/beschikking' });
  const q = useQuery({
    queryKey: ['beschikking', besluitId],
    queryFn: () => apiGet('/toegangsbesluiten/{id}/beschikking', { params: { id: besluitId } }),
  });
  useTitel(q.data ? `Beschikking ${q.data.client.naam}` : 'Beschikking');
  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <>
        <Heading level={1}>Beschikking</Heading>
        <PaginaFout error={q.error} />
      </>
    );
  const b = q.data;
  return (
    <article className="onderdak-afdruk" aria-labelledby="beschikking-titel">
      <style>{PRINT_CSS}</style>
      <div className="onderdak-niet-afdrukken onderdak-acties">
        <Link to="/clienten/$clientId" params={{ clientId: b.client.id }} className="utrecht-link">
          ← Terug naar het dossier
        </Link>
        <Button variant="primary" onClick={() => window.print()}>
          Afdrukken
        </Button>
      </div>
      <Paragraph>{b.gemeente}</Paragraph>
      <Heading level={1} id="beschikking-titel">
        {b.onderwerp}
      </Heading>
      <DataList
        items={[
          ['Kenmerk', b.kenmerk],
          ['Datum', datum(b.datum)],
          ['Aan', b.client.naam],
          ['Geboortedatum', datum(b.client.geboortedatum)],
          ...(b.client.bsn ? [['BSN', b.client.bsn] as [string, string]] : []),
        ]}
      />
      <Heading level={2}>Ons besluit</Heading>
      <Paragraph>
        <strong>{b.besluit?.uitkomstLabel}.</strong> {b.beslissing}
      </Paragraph>
      {b.ingangsdatum && (
        <DataList
          items={[
            ['Ingangsdatum', datum(b.ingangsdatum)],
            ['Duur', b.duur ?? '—'],
            ['Tot en met', datum(b.einddatum)],
          ]}
        />
      )}
      <Heading level={2}>Waarom wij zo besluiten</Heading>
      <ul className="utrecht-unordered-list">
        {b.overwegingen.map((o, i) => (
          <li key={i} className="utrecht-unordered-list__item">
            {o}
          </li>
        ))}
      </ul>
      <Heading level={2}>Bent u het niet eens met dit besluit?</Heading>
      <Paragraph>{b.bezwaar.tekst}</Paragraph>
      <DataList
        items={[
          ['Bezwaartermijn', `${b.bezwaar.termijnWeken} weken, tot en met ${datum(b.bezwaar.termijnTot)}`],
          ['Bezwaarschrift sturen naar', b.bezwaar.adres],
        ]}
      />
      <Paragraph>
        Met vriendelijke groet,
        <br />
        {b.ondertekening ?? 'De toegang maatschappelijke opvang'}, namens het college van burgemeester en wethouders
      </Paragraph>
    </article>
  );
}
