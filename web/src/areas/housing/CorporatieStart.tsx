// Issue 16: the corporatie start page — what waits for this person: offers awaiting an answer, and homes to
// confirm (the candidate accepted: record the signed contract).
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ErrorAlert, Heading, Loading, Paragraph } from '../../ui/ui';
import { AanbiedingKaart } from './wonen/Aanbiedingen';
import { aanbiedingenQuery } from './wonen/wonenApi';
import './wonen/wonen.css';

export function CorporatieStart() {
  const q = useQuery(aanbiedingenQuery);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const wachten = q.data.resultaten.filter((a) => a.status === 'aangeboden');
  const bevestigen = q.data.resultaten.filter((a) => a.status === 'geaccepteerd');
  return (
    <>
      <ul className="onderdak-tellers" aria-label="Wat op u wacht">
        <li className="onderdak-teller">
          <a href="#wacht-titel" className="utrecht-link">
            <span className="onderdak-teller__getal">{wachten.length}</span> aanbiedingen wachten op antwoord
          </a>
        </li>
        <li className="onderdak-teller">
          <a href="#bevestig-titel" className="utrecht-link">
            <span className="onderdak-teller__getal">{bevestigen.length}</span> woningen om te bevestigen
          </a>
        </li>
      </ul>
      <section aria-labelledby="wacht-titel">
        <Heading level={2} id="wacht-titel">
          Aanbiedingen die wachten op antwoord
        </Heading>
        {wachten.length === 0 ? (
          <Paragraph>Er wacht geen aanbieding op antwoord.</Paragraph>
        ) : (
          <ul className="onderdak-aanbod-lijst">
            {wachten.map((a) => (
              <li key={a.id}>
                <AanbiedingKaart a={a} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="bevestig-titel">
        <Heading level={2} id="bevestig-titel">
          Woningen om te bevestigen
        </Heading>
        <Paragraph small>
          De kandidaat heeft de woning geaccepteerd: leg vast dat het huurcontract is getekend.
        </Paragraph>
        {bevestigen.length === 0 ? (
          <Paragraph>Er is geen woning om te bevestigen.</Paragraph>
        ) : (
          <ul className="onderdak-aanbod-lijst">
            {bevestigen.map((a) => (
              <li key={a.id}>
                <AanbiedingKaart a={a} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="utrecht-paragraph">
        <Link to="/wonen" search={{ onderdeel: 'woonplekken' }} className="utrecht-link">
          Mijn woonplekken: toevoegen, intrekken of weer beschikbaar zetten
        </Link>
      </p>
    </>
  );
}
