import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { apiGet } from '../../api/client';
import { useGebruiker, useReferentie } from '../../api/queries';
import type { Schema } from '../../api/types';
import { datum, meervoud, tijd } from '../../ui/format';
import {
  Alert,
  BezettingsBalk,
  Button,
  ButtonGroup,
  CheckboxField,
  Heading,
  Inklapper,
  Loading,
  PaginaFout,
  Paragraph,
  StatusBadge,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';
import { PlaatsHier } from './PlaatsHier';
import { heeftPlek } from './plek';
import { VerwezenSectie } from './VerwezenSectie';
import './dienst.css';

type Eenheid = Schema<'Bezetting'>['eenheden'][number];

/** "Bezet" is the normal state of a room: neutral grey, not an alarm colour. */
function BezetBadge({ e }: { e: Eenheid }) {
  if (e.vrij <= 0) return <StatusBadge status="neutral">Bezet</StatusBadge>;
  return <StatusBadge status="success">{e.bezet > 0 ? `${e.vrij} vrij` : 'Vrij'}</StatusBadge>;
}

function Bewoners({ e }: { e: Eenheid }) {
  const g = useGebruiker();
  if (e.verblijven.length === 0) return null;
  return (
    <ul className="utrecht-unordered-list onderdak-bewoners">
      {e.verblijven.map((v) => (
        <li key={v.id} className="utrecht-unordered-list__item">
          {v.naam ? (
            g.mogelijkheden.clienten ? (
              <Link to="/clienten/$clientId" params={{ clientId: v.clientId! }} className="utrecht-link">
                {v.naam}
              </Link>
            ) : (
              <span>{v.naam}</span>
            )
          ) : (
            <span>Bewoner (naam afgeschermd)</span>
          )}{' '}
          <span className="onderdak-muted">
            {meervoud(v.nachten, 'nacht', 'nachten')}
            {v.huishoudgrootte > 1 ? `, huishouden van ${v.huishoudgrootte}` : ''}
          </span>{' '}
          <span className="onderdak-badges">
            {v.onbevestigd && <StatusBadge status="warning">Onbevestigd</StatusBadge>}
            {v.geschorstTot && <StatusBadge status="danger">Geschorst t/m {datum(v.geschorstTot)}</StatusBadge>}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function LocatiePage() {
  const { locatieId } = useParams({ from: '/app/locaties/$locatieId' });
  const g = useGebruiker();
  const ref = useReferentie();
  const soortLabel = (code: string) => ref.data?.eenheidsoorten.find((s) => s.code === code)?.label ?? code;
  const q = useQuery({
    queryKey: ['bezetting', locatieId],
    queryFn: () => apiGet('/locaties/{id}/bezetting', { params: { id: locatieId } }),
    refetchInterval: 15_000,
  });
  useTitel(q.data ? `Bedbord ${q.data.locatie.naam}` : 'Bedbord');
  const [weergave, setWeergave] = useState<'raster' | 'lijst'>(() =>
    localStorage.getItem('onderdak.bedbord.weergave') === 'lijst' ? 'lijst' : 'raster',
  );
  const kiesWeergave = (w: 'raster' | 'lijst') => {
    setWeergave(w);
    localStorage.setItem('onderdak.bedbord.weergave', w);
  };
  const [alleenVrij, setAlleenVrij] = useState(false);
  const [melding, setMelding] = useState<string | null>(null);

  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <>
        <Heading level={1}>Bedbord</Heading>
        <PaginaFout error={q.error} />
      </>
    );
  const { locatie, totaal, eenheden } = q.data;
  const plaatsen = g.mogelijkheden.plaatsen;
  const zichtbaar = alleenVrij ? eenheden.filter((e) => heeftPlek(e)) : eenheden;
  const reserveVrij = Math.max(0, totaal.reserveBedden - totaal.reserveBezet);

  const kaart = (e: Eenheid) => {
    const vol = e.vrij <= 0;
    return (
      <li
        key={e.id}
        className={`onderdak-eenheid ${vol ? 'onderdak-eenheid--bezet-neutraal' : 'onderdak-eenheid--vrij'} ${e.reserve ? 'onderdak-eenheid--reserve' : ''}`}
      >
        <article aria-labelledby={`eenheid-${e.id}`}>
          <div className="onderdak-kaart__kop">
            <h3 id={`eenheid-${e.id}`} className="utrecht-heading-3">
              {e.naam}
            </h3>
            <BezetBadge e={e} />
            {e.reserve && <StatusBadge status="inactive">Reserve</StatusBadge>}
          </div>
          {/* the count first: on a narrow tile the kind of room may be cut off, the count never */}
          <span className="onderdak-muted" title={soortLabel(e.soort)}>
            {e.bezet}/{e.bedden} · {soortLabel(e.soort)}
          </span>
          <Bewoners e={e} />
          {plaatsen && heeftPlek(e) && <PlaatsHier locatieId={locatie.id} eenheid={e} onKlaar={setMelding} />}
        </article>
      </li>
    );
  };
  const gewoon = zichtbaar.filter((e) => !e.reserve);
  const reserve = zichtbaar.filter((e) => e.reserve);

  return (
    <>
      {!g.locatieId && (
        <p className="utrecht-paragraph">
          <Link to="/locaties" className="utrecht-link">
            ← Alle locaties
          </Link>
        </p>
      )}
      <Heading level={1}>Bedbord {locatie.naam}</Heading>
      <p className="utrecht-paragraph">
        <Link to="/locaties/$locatieId/dienst" params={{ locatieId: locatie.id }} className="utrecht-link">
          Dienstoverzicht van deze locatie
        </Link>
      </p>
      <section aria-labelledby="samenvatting-titel" className="onderdak-card">
        <Heading level={2} id="samenvatting-titel">
          Samenvatting
        </Heading>
        <p className="utrecht-paragraph onderdak-samenvatting">
          {totaal.bezet} bezet · {totaal.vrij} vrij · {reserveVrij} reserve vrij
          {totaal.onbevestigd ? ` · ${totaal.onbevestigd} onbevestigd` : ''}
        </p>
        <BezettingsBalk
          bezet={totaal.bezet}
          totaal={totaal.bedden}
          label={`${totaal.bezet} van ${totaal.bedden} bedden bezet`}
        />
        <Paragraph small>
          {totaal.bedden} bedden plus {totaal.reserveBedden} reserveplekken. Wordt elke 15 seconden ververst; laatst
          bijgewerkt om {tijd(q.dataUpdatedAt)}.
        </Paragraph>
      </section>

      {g.mogelijkheden.plaatsen && (
        <VerwezenSectie locatieId={locatie.id} eenheden={eenheden} eigen={g.locatieId === locatie.id} />
      )}

      <section aria-labelledby="eenheden-titel">
        <Heading level={2} id="eenheden-titel">
          Eenheden
        </Heading>
        <div className="onderdak-bedbord-bediening">
          <ButtonGroup>
            <Button
              variant={weergave === 'raster' ? 'primary' : 'secondary'}
              aria-pressed={weergave === 'raster'}
              onClick={() => kiesWeergave('raster')}
            >
              Raster
            </Button>
            <Button
              variant={weergave === 'lijst' ? 'primary' : 'secondary'}
              aria-pressed={weergave === 'lijst'}
              onClick={() => kiesWeergave('lijst')}
            >
              Lijst
            </Button>
          </ButtonGroup>
          <CheckboxField
            id="alleen-vrij"
            label="Alleen vrij"
            checked={alleenVrij}
            onChange={(e) => setAlleenVrij(e.target.checked)}
          />
        </div>
        {melding && (
          <Alert type="ok" role="status">
            {melding}
          </Alert>
        )}
        {totaal.onbevestigd ? (
          <Paragraph small>
            {meervoud(totaal.onbevestigd, 'bed is', 'bedden zijn')} <strong>onbevestigd</strong>: 48 uur heeft niemand
            bevestigd dat de bewoner hier sliep.
          </Paragraph>
        ) : null}
        {eenheden.length === 0 ? (
          <Paragraph>Deze locatie heeft nog geen eenheden.</Paragraph>
        ) : zichtbaar.length === 0 ? (
          <Paragraph>Er is nu geen eenheid vrij.</Paragraph>
        ) : weergave === 'lijst' ? (
          <Table caption={`Eenheden van ${locatie.naam}${alleenVrij ? ' (alleen vrij)' : ''}`} captionHidden>
            <THead>
              <Tr>
                <Th>Eenheid</Th>
                <Th>Soort</Th>
                <Th>Bezetting</Th>
                <Th>Bewoners</Th>
                {plaatsen && <Th>Plaatsen</Th>}
              </Tr>
            </THead>
            <TBody>
              {zichtbaar.map((e) => (
                <Tr key={e.id}>
                  <Td>
                    {e.naam} {e.reserve && <StatusBadge status="inactive">Reserve</StatusBadge>}
                  </Td>
                  <Td>{soortLabel(e.soort)}</Td>
                  <Td>
                    <BezetBadge e={e} /> {e.bezet}/{e.bedden}
                  </Td>
                  <Td>
                    <Bewoners e={e} />
                  </Td>
                  {plaatsen && (
                    <Td>{heeftPlek(e) && <PlaatsHier locatieId={locatie.id} eenheid={e} onKlaar={setMelding} />}</Td>
                  )}
                </Tr>
              ))}
            </TBody>
          </Table>
        ) : (
          <>
            <ul className="onderdak-bedbord onderdak-bedbord--compact">{gewoon.map(kaart)}</ul>
            {/* issue 16: the reserve places (a sleeping hall, used when the rooms are full) as a group of their own,
                open at once when no room is free */}
            {reserve.length > 0 && (
              <Inklapper
                beginOpen={!gewoon.some((e) => heeftPlek(e))}
                samenvatting={`Toon de ${reserve.length} reserveplekken (${reserve.filter((e) => heeftPlek(e)).length} vrij)`}
              >
                <ul className="onderdak-bedbord onderdak-bedbord--compact">{reserve.map(kaart)}</ul>
              </Inklapper>
            )}
          </>
        )}
      </section>
    </>
  );
}
