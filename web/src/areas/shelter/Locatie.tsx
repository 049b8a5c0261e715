import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { apiGet } from '../../api/client';
import { useGebruiker, useReferentie } from '../../api/queries';
import { datum, meervoud, tijd } from '../../ui/format';
import { BezettingsBalk, Heading, Loading, PaginaFout, Paragraph, StatusBadge, useTitel } from '../../ui/ui';
import { VerwezenSectie } from './VerwezenSectie';

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

  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <>
        <Heading level={1}>Bedbord</Heading>
        <PaginaFout error={q.error} />
      </>
    );
  const { locatie, totaal, eenheden } = q.data;
  const reserveVrij = Math.max(0, totaal.reserveBedden - totaal.reserveBezet);

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
      <section aria-labelledby="samenvatting-titel" className="onderdak-card">
        <Heading level={2} id="samenvatting-titel">
          Samenvatting
        </Heading>
        <p className="utrecht-paragraph onderdak-samenvatting">
          {totaal.bezet} bezet · {totaal.vrij} vrij · {reserveVrij} reserve vrij
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
        {eenheden.length === 0 ? (
          <Paragraph>Deze locatie heeft nog geen eenheden.</Paragraph>
        ) : (
          <ul className="onderdak-bedbord">
            {eenheden.map((e) => {
              const vol = e.vrij <= 0;
              return (
                <li
                  key={e.id}
                  className={`onderdak-eenheid ${vol ? 'onderdak-eenheid--bezet' : 'onderdak-eenheid--vrij'} ${e.reserve ? 'onderdak-eenheid--reserve' : ''}`}
                >
                  <article aria-labelledby={`eenheid-${e.id}`}>
                    <div className="onderdak-kaart__kop">
                      <h3 id={`eenheid-${e.id}`} className="utrecht-heading-3">
                        {e.naam}
                      </h3>
                      <StatusBadge status={vol ? 'danger' : 'success'}>
                        {vol ? 'Bezet' : e.bezet > 0 ? `${e.vrij} vrij` : 'Vrij'}
                      </StatusBadge>
                      {e.reserve && <StatusBadge status="warning">Reserve</StatusBadge>}
                    </div>
                    <Paragraph small>
                      {soortLabel(e.soort)} · {e.bezet} van {meervoud(e.bedden, 'bed', 'bedden')} bezet
                    </Paragraph>
                    {e.verblijven.length > 0 && (
                      <ul className="utrecht-unordered-list onderdak-bewoners">
                        {e.verblijven.map((v) => (
                          <li key={v.id} className="utrecht-unordered-list__item">
                            {v.naam ? (
                              g.mogelijkheden.clienten ? (
                                <Link
                                  to="/clienten/$clientId"
                                  params={{ clientId: v.clientId! }}
                                  className="utrecht-link"
                                >
                                  {v.naam}
                                </Link>
                              ) : (
                                <span>{v.naam}</span>
                              )
                            ) : (
                              <span>Bewoner (naam afgeschermd)</span>
                            )}{' '}
                            — sinds {datum(v.sinds)}, {meervoud(v.nachten, 'nacht', 'nachten')}
                            {v.huishoudgrootte > 1 ? `, huishouden van ${v.huishoudgrootte}` : ''}
                          </li>
                        ))}
                      </ul>
                    )}
                  </article>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
