// Issue 16 — Mijn Onderdak: the client's own page, in plain Dutch (B1), second person, dates as Dutch text. It shows
// only what GET /v1/mijn-onderdak gives (no record ids, no BSN, no codes) and sends messages to the contact person.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import type { Schema } from '../../api/types';
import { heeftConcept } from '../../ui/concept';
import { datum } from '../../ui/format';
import {
  Alert,
  Button,
  ErrorSummary,
  FormErrors,
  Formulier,
  Heading,
  Inklapper,
  Loading,
  PaginaFout,
  Paragraph,
  RadioGroup,
  SelectField,
  StatusBadge,
  TextareaField,
  useTitel,
} from '../../ui/ui';
import { T } from './teksten';
import './portaal.css';

type Overzicht = Schema<'MijnOnderdak'>;
const SLEUTEL = ['mijn-onderdak'] as const;

const datumTijdFmt = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
/** A moment as Dutch text: "2 december 2026". */
const dag = (ts: string) => datumTijdFmt.format(new Date(ts));

function Sectie({ id, titel, children }: { id: string; titel: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-titel`} className="onderdak-portaal__sectie" id={id}>
      <Heading level={2} id={`${id}-titel`}>
        {titel}
      </Heading>
      {children}
    </section>
  );
}

export function MijnOnderdakPage() {
  useTitel(T.titel);
  const q = useQuery({ queryKey: SLEUTEL, queryFn: () => apiGet('/mijn-onderdak') });
  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <>
        <Heading level={1}>{T.titel}</Heading>
        <PaginaFout error={q.error} />
      </>
    );
  const o = q.data;
  return (
    <div className="onderdak-portaal">
      <Heading level={1}>{T.groet(o.voornaam)}</Heading>
      <Paragraph lead>{T.intro}</Paragraph>
      <nav aria-label={T.inhoud} className="onderdak-portaal__inhoud">
        <ul>
          {[
            ['slaapplek', T.slaapplekTitel],
            ['contact', T.contactTitel],
            ['afspraken', T.afsprakenTitel],
            ['plan', T.planTitel],
            ['documenten', T.documentenTitel],
            ['bericht', T.berichtTitel],
            ['inzage', T.inzageTitel],
          ].map(([id, titel]) => (
            <li key={id}>
              <a className="utrecht-link" href={`#${id}`}>
                {titel}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Slaapplek o={o} />
      <Contact o={o} />
      <Afspraken o={o} />
      <Plan o={o} />
      <Documenten o={o} />
      <Verslagen o={o} />
      <Bericht o={o} />
      <Berichten o={o} />
      <Inzage o={o} />
    </div>
  );
}

function Slaapplek({ o }: { o: Overzicht }) {
  const s = o.slaapplek;
  return (
    <Sectie id="slaapplek" titel={T.slaapplekTitel}>
      {s ? (
        <>
          <Paragraph>{T.slaapplek(s.locatie, s.kamer)}</Paragraph>
          {s.adres && (
            <Paragraph>
              {T.adres([s.adres, [s.postcode, s.plaats].filter(Boolean).join(' ')].filter(Boolean).join(', '))}
            </Paragraph>
          )}
          <Paragraph>{T.sinds(datum(s.sinds))}</Paragraph>
        </>
      ) : (
        <Paragraph>{T.geenSlaapplek}</Paragraph>
      )}
    </Sectie>
  );
}

function Contact({ o }: { o: Overzicht }) {
  const c = o.contactpersoon;
  return (
    <Sectie id="contact" titel={T.contactTitel}>
      {c ? (
        <>
          <Paragraph>{T.contact(c.naam)}</Paragraph>
          <Paragraph>{c.bereikbaar}</Paragraph>
          {c.telefoonLocatie && (
            <Paragraph>
              {T.belLocatie}{' '}
              <a className="utrecht-link" href={`tel:${c.telefoonLocatie.replace(/[^+\d]/g, '')}`}>
                {c.telefoonLocatie}
              </a>
            </Paragraph>
          )}
        </>
      ) : (
        <Paragraph>{T.geenContact}</Paragraph>
      )}
    </Sectie>
  );
}

function Afspraken({ o }: { o: Overzicht }) {
  return (
    <Sectie id="afspraken" titel={T.afsprakenTitel}>
      {o.afspraken.length === 0 ? (
        <Paragraph>{T.geenAfspraken}</Paragraph>
      ) : (
        <ul className="onderdak-portaal__lijst">
          {o.afspraken.map((a, i) => (
            <li key={i} className="onderdak-portaal__kaart">
              <p className="utrecht-paragraph">
                <strong>{T.afspraak(datum(a.datum), a.tijd)}</strong>
              </p>
              <p className="utrecht-paragraph">
                {T.metWie} {a.metWie}
              </p>
              <p className="utrecht-paragraph">
                {T.waar} {a.waar}
              </p>
              {a.waarover && (
                <p className="utrecht-paragraph">
                  {T.waarover} {a.waarover}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Sectie>
  );
}

function Plan({ o }: { o: Overzicht }) {
  const p = o.plan;
  return (
    <Sectie id="plan" titel={T.planTitel}>
      {!p ? (
        <Paragraph>{T.geenPlan}</Paragraph>
      ) : (
        <>
          {p.inMijnWoorden && (
            <>
              <Paragraph>{T.eigenWoorden}</Paragraph>
              <blockquote className="utrecht-blockquote onderdak-portaal__citaat">
                <p className="utrecht-paragraph">{p.inMijnWoorden}</p>
              </blockquote>
            </>
          )}
          {p.mijnWensen && (
            <Paragraph>
              {T.wensen} {p.mijnWensen}
            </Paragraph>
          )}
          <Paragraph>
            {T.planGemaakt(datum(p.gemaaktOp))} {p.getekend ? T.getekend : T.nietGetekend}
          </Paragraph>
          <Heading level={3}>{T.volgendeStappenTitel}</Heading>
          {p.mijnVolgendeStappen.length === 0 ? (
            <Paragraph>{T.geenStappen}</Paragraph>
          ) : (
            <ul className="onderdak-portaal__lijst">
              {p.mijnVolgendeStappen.map((a, i) => (
                <li key={i} className="onderdak-portaal__kaart">
                  <p className="utrecht-paragraph">
                    <strong>{a.wat}</strong>
                  </p>
                  <p className="utrecht-paragraph">{T.voor(datum(a.wanneer))}</p>
                </li>
              ))}
            </ul>
          )}
          <Heading level={3}>{T.doelenTitel}</Heading>
          <ul className="onderdak-portaal__lijst">
            {p.doelen.map((d, i) => (
              <li key={i} className="onderdak-portaal__kaart">
                <p className="utrecht-paragraph">
                  <strong>{d.onderwerp}</strong>{' '}
                  <StatusBadge status={d.stand === 'Gelukt' ? 'success' : 'neutral'}>{d.stand}</StatusBadge>
                </p>
                <p className="utrecht-paragraph">{d.doel}</p>
                {d.acties.length > 0 && (
                  <ul className="utrecht-unordered-list">
                    {d.acties.map((a, j) => (
                      <li key={j} className="utrecht-unordered-list__item">
                        {T.wieDoetWat(a.wie, a.wat)} ({T.uiterlijk(datum(a.wanneer))}). {a.stand}.
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Sectie>
  );
}

function Documenten({ o }: { o: Overzicht }) {
  return (
    <Sectie id="documenten" titel={T.documentenTitel}>
      {o.documenten.length === 0 ? (
        <Paragraph>{T.geenDocumenten}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {o.documenten.map((d) => (
            <li key={d.downloadPad} className="utrecht-unordered-list__item">
              <a className="utrecht-link" href={d.downloadPad} download={d.naam}>
                {T.download(d.naam)}
              </a>{' '}
              ({d.soort}, {d.grootte}, {datum(d.toegevoegdOp)}){d.omschrijving ? `. ${d.omschrijving}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Sectie>
  );
}

function Verslagen({ o }: { o: Overzicht }) {
  return (
    <Sectie id="verslagen" titel={T.verslagenTitel}>
      {o.verslagen.length === 0 ? (
        <Paragraph>{T.geenVerslagen}</Paragraph>
      ) : (
        <ul className="onderdak-portaal__lijst">
          {o.verslagen.map((v, i) => (
            <li key={i} className="onderdak-portaal__kaart">
              <p className="utrecht-paragraph">
                <strong>{T.verslagDoor(datum(v.datum), v.door)}</strong>
              </p>
              <p className="utrecht-paragraph onderdak-portaal__tekst">{v.tekst}</p>
            </li>
          ))}
        </ul>
      )}
    </Sectie>
  );
}

type Soort = 'opmerking' | 'correctie';

const CONCEPT_BERICHT = 'mijn-onderdak:bericht';

function Bericht({ o }: { o: Overzicht }) {
  const qc = useQueryClient();
  const [soort, setSoort] = useState<Soort>('opmerking');
  const [onderwerp, setOnderwerp] = useState('');
  const [tekst, setTekst] = useState('');
  const [controle, setControle] = useState<Record<string, string | undefined>>({});
  const [verstuurd, setVerstuurd] = useState(false);
  // issue 16: the form opens with a button (at once when there is a draft); focus then goes to its first choice
  const [open, setOpen] = useState(() => heeftConcept(CONCEPT_BERICHT));
  const geopend = useRef(false);
  useEffect(() => {
    if (open && geopend.current) document.getElementById('bericht-soort-soort-eerste')?.focus();
  }, [open]);
  const m = useMutation({
    mutationFn: () =>
      apiPad('post', '/mijn-onderdak/berichten', {
        body: {
          soort,
          onderwerp: soort === 'correctie' ? (onderwerp as Schema<'CorrectieOnderwerp'>) : null,
          tekst,
        },
      }),
    onSuccess: async () => {
      setTekst('');
      setOnderwerp('');
      setVerstuurd(true);
      await qc.invalidateQueries({ queryKey: SLEUTEL });
    },
  });
  const ids = { soort: 'bericht-soort-soort-eerste', onderwerp: 'bericht-onderwerp', tekst: 'bericht-tekst' };
  const fouten = FormErrors.from(m.error, ids, controle);
  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    setVerstuurd(false);
    const c = {
      tekst: tekst.trim() ? undefined : T.leeg,
      onderwerp: soort === 'correctie' && !onderwerp ? T.kiesOnderwerp : undefined,
    };
    setControle(c);
    if (c.tekst || c.onderwerp) return;
    m.mutate();
  };
  return (
    <Sectie id="bericht" titel={T.berichtTitel}>
      <Paragraph>{T.berichtUitleg}</Paragraph>
      {verstuurd && (
        <Alert type="ok" role="status">
          {T.verstuurd}
        </Alert>
      )}
      {!open ? (
        <Button
          aria-expanded={false}
          aria-controls="bericht-formulier"
          onClick={() => {
            geopend.current = true;
            setOpen(true);
          }}
        >
          {T.berichtSchrijven}
        </Button>
      ) : (
        <Formulier
          id="bericht-formulier"
          concept={CONCEPT_BERICHT}
          onSubmit={verstuur}
          noValidate
          className="onderdak-portaal__form"
        >
          <ErrorSummary errors={fouten.summary()} title={T.foutTitel} />
          <RadioGroup<Soort>
            idPrefix="bericht-soort"
            name="soort"
            legend={T.soortVraag}
            options={[
              { value: 'opmerking', label: T.soortOpmerking },
              { value: 'correctie', label: T.soortCorrectie },
            ]}
            value={soort}
            onChange={(v) => setSoort(v)}
            error={fouten.get('soort')}
          />
          {soort === 'correctie' && (
            <SelectField
              id="bericht-onderwerp"
              label={T.onderwerp}
              value={onderwerp}
              onChange={(e) => setOnderwerp(e.target.value)}
              error={fouten.get('onderwerp')}
              aria-required="true"
            >
              <option value="">{T.kies}</option>
              {o.correctieOnderwerpen.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </SelectField>
          )}
          <TextareaField
            id="bericht-tekst"
            label={T.berichtTekst}
            description={T.berichtHulp}
            value={tekst}
            onChange={(e) => setTekst(e.target.value)}
            error={fouten.get('tekst')}
            rows={4}
            maxLength={2000}
            aria-required="true"
          />
          <Button type="submit" busy={m.isPending}>
            {T.verstuur}
          </Button>
        </Formulier>
      )}
    </Sectie>
  );
}

function Berichten({ o }: { o: Overzicht }) {
  // issue 16: without messages there is nothing to show; the section above says where the answer will appear
  if (o.berichten.length === 0) return null;
  return (
    <Sectie id="berichten" titel={T.berichtenTitel}>
      <ul className="onderdak-portaal__lijst">
        {o.berichten.map((b, i) => (
          <li key={i} className="onderdak-portaal__kaart">
            <p className="utrecht-paragraph">
              <strong>{T.jijSchreef(dag(b.verstuurdOp))}</strong>
              {b.onderwerp ? ` ${b.onderwerp}.` : ''}
            </p>
            <p className="utrecht-paragraph onderdak-portaal__tekst">{b.tekst}</p>
            {b.antwoord ? (
              <div className="onderdak-portaal__antwoord">
                <p className="utrecht-paragraph">
                  <strong>{T.antwoordVan(b.antwoord.door, dag(b.antwoord.op))}</strong>
                </p>
                <p className="utrecht-paragraph onderdak-portaal__tekst">{b.antwoord.tekst}</p>
              </div>
            ) : (
              <p className="utrecht-paragraph">{T.nogGeenAntwoord}</p>
            )}
          </li>
        ))}
      </ul>
    </Sectie>
  );
}

function Inzage({ o }: { o: Overzicht }) {
  return (
    <Sectie id="inzage" titel={T.inzageTitel}>
      <Paragraph>{T.inzageUitleg}</Paragraph>
      {o.inzage.length === 0 ? (
        <Paragraph>{T.geenInzage}</Paragraph>
      ) : (
        // issue 16: the list grows with every look at the file; it opens on request, the count is in the summary
        <Inklapper samenvatting={T.inzageToon(o.inzage.length)}>
          <ul className="onderdak-portaal__lijst">
            {o.inzage.map((r, i) => (
              <li key={i} className="onderdak-portaal__kaart">
                <p className="utrecht-paragraph">
                  <strong>{datum(r.datum)}</strong>
                </p>
                <p className="utrecht-paragraph">
                  {T.inzageRegel(r.wie, r.organisatie, r.wat)}
                  {T.keer(r.keer)} {r.waarom}
                </p>
              </li>
            ))}
          </ul>
        </Inklapper>
      )}
    </Sectie>
  );
}
