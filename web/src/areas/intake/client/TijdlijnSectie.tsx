// Case page: the timeline of events, newest first.
import { useQuery } from '@tanstack/react-query';
import type { Client, TijdlijnSoort } from '../../../api/types';
import { datum } from '../../../ui/format';
import { Heading, Paragraph } from '../../../ui/ui';
import { journaalQuery } from '../../casework/caseworkApi';

// 'verhuizing' is not (or no longer) a kind of the contract; its label stays for older data.
const SOORT: Record<TijdlijnSoort | 'verhuizing' | 'rapportage', string> = {
  aanmelding: 'Aanmelding',
  screening: 'Screening',
  besluit: 'Besluit',
  plaatsing: 'Plaatsing',
  verhuizing: 'Verhuizing',
  vertrek: 'Vertrek',
  uitstroom: 'Uitstroom',
  samenvoeging: 'Samenvoeging',
  rapportage: 'Rapportage', // issue 12 deel A: journal entries on the timeline
};

export function TijdlijnSectie({ c }: { c: Client }) {
  // journal entries (the same query as the Rapportage section, so no extra request) join the events by their date
  const journaal = useQuery(journaalQuery(c.id, {}));
  const nlDatum = (ts: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(ts));
  const rapportages = (journaal.data?.resultaten ?? []).map((r) => ({
    datum: nlDatum(r.tijdstip),
    soort: 'rapportage' as const,
    titel: r.soortLabel,
    omschrijving: r.tekst as string | null | undefined,
  }));
  const tijdlijn = [...c.tijdlijn, ...rapportages]
    .map((t, i) => ({ ...t, i }))
    .sort((a, b) => b.datum.localeCompare(a.datum) || b.i - a.i);
  return (
    <section aria-labelledby="tijdlijn-titel">
      <Heading level={2} id="tijdlijn-titel">
        Tijdlijn
      </Heading>
      {tijdlijn.length === 0 ? (
        <Paragraph>Nog geen gebeurtenissen.</Paragraph>
      ) : (
        <ol className="utrecht-ordered-list onderdak-tijdlijn" aria-label="Tijdlijn, nieuwste eerst">
          {tijdlijn.map((t) => (
            <li
              key={t.i}
              className={`utrecht-ordered-list__item onderdak-tijdlijn__item onderdak-tijdlijn__item--${t.soort}`}
            >
              <time dateTime={t.datum} className="onderdak-tijdlijn__datum">
                {datum(t.datum)}
              </time>
              <span className="onderdak-tijdlijn__soort">{SOORT[t.soort] ?? t.soort}</span>
              <strong className="onderdak-tijdlijn__titel">{t.titel}</strong>
              {t.omschrijving && <span className="onderdak-tijdlijn__omschrijving">{t.omschrijving}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
