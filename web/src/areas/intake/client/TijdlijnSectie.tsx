// Case page: the timeline of events, newest first, 20 at a time (older ones on request).
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Client, TijdlijnSoort } from '../../../api/types';
import { datum } from '../../../ui/format';
import { Button, Heading, Paragraph } from '../../../ui/ui';
import { journaalPaginasQuery } from '../../casework/caseworkApi';

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

/** Timeline items shown at first, and added by every "Oudere gebeurtenissen tonen". */
const STAP = 20;

export function TijdlijnSectie({ c }: { c: Client }) {
  // journal entries join the events by their date; they come page by page, so the timeline shows events only down to
  // the oldest journal entry loaded (while older pages exist), and loads the next page when asked for older ones
  const journaal = useInfiniteQuery(journaalPaginasQuery(c.id));
  const [aantal, setAantal] = useState(STAP);
  const nlDatum = (ts: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(ts));
  const rapportages = (journaal.data?.pages ?? [])
    .flatMap((p) => p.resultaten)
    .map((r) => ({
      datum: nlDatum(r.tijdstip),
      soort: 'rapportage' as const,
      titel: r.soortLabel,
      omschrijving: r.tekst as string | null | undefined,
    }));
  const grens = journaal.hasNextPage ? rapportages[rapportages.length - 1]?.datum : undefined;
  const alles = [...c.tijdlijn, ...rapportages]
    .map((t, i) => ({ ...t, i }))
    .sort((a, b) => b.datum.localeCompare(a.datum) || b.i - a.i);
  const geladen = grens ? alles.filter((t) => t.datum >= grens) : alles;
  const tijdlijn = geladen.slice(0, aantal);
  const meer = geladen.length > aantal || journaal.hasNextPage;
  const toonMeer = () => {
    setAantal(aantal + STAP);
    if (journaal.hasNextPage && geladen.length < aantal + STAP) void journaal.fetchNextPage();
  };
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
      {meer && (
        <Button variant="secondary" onClick={toonMeer} disabled={journaal.isFetchingNextPage}>
          Oudere gebeurtenissen tonen
        </Button>
      )}
    </section>
  );
}
