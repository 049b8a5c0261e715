// Issue 17: the public page of a facility (no login, no person data) with the nuisance report form. B1 language.
// Spam handling without a third-party captcha: a signed form token from the page (the server refuses a form sent
// within 3 seconds) and a honeypot field hidden from people and assistive technology.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { apiGet, apiPad } from '../../api/client';
import { datum, vandaag } from '../../ui/format';
import {
  Alert,
  Button,
  ErrorSummary,
  FormErrors,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  SelectField,
  TextareaField,
  TextField,
  UnorderedList,
  useTitel,
} from '../../ui/ui';

export function OpenbaarKader({ children }: { children: React.ReactNode }) {
  return (
    <main id="hoofdinhoud" tabIndex={-1} className="onderdak-main onderdak-openbaar">
      <p className="onderdak-logo">
        <span className="onderdak-logo__app">Onderdak</span> · informatie voor de buurt
      </p>
      {children}
    </main>
  );
}

export function OpenbareLocatiePage() {
  const { slug } = useParams({ from: '/openbaar/$slug' });
  const q = useQuery({
    queryKey: ['openbaar', slug],
    queryFn: () => apiGet('/openbare-locaties/{slug}', { params: { slug } }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  useTitel(q.data ? q.data.naam : 'Locatie');
  if (q.isPending)
    return (
      <OpenbaarKader>
        <Loading />
      </OpenbaarKader>
    );
  if (q.error)
    return (
      <OpenbaarKader>
        <Heading level={1}>Locatie</Heading>
        <PaginaFout error={q.error} />
      </OpenbaarKader>
    );
  const l = q.data;
  return (
    <OpenbaarKader>
      <Heading level={1}>{l.naam}</Heading>
      <Paragraph lead>{l.omschrijving}</Paragraph>
      <dl className="utrecht-data-list onderdak-openbaar__feiten">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">Soort</dt>
          <dd className="utrecht-data-list__item-value">{l.soort}</dd>
        </div>
        {l.sinds && (
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">Open sinds</dt>
            <dd className="utrecht-data-list__item-value">{datum(l.sinds)}</dd>
          </div>
        )}
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">Wie werkt hier</dt>
          <dd className="utrecht-data-list__item-value">{l.zorgaanbieder}</dd>
        </div>
        {l.wijk && (
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">Wijk</dt>
            <dd className="utrecht-data-list__item-value">{l.wijk}</dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="contact">
        <Heading level={2} id="contact">
          Contact met de leiding
        </Heading>
        <Paragraph>{l.bereikbaarheid}</Paragraph>
      </section>
      <section aria-labelledby="bijeenkomst">
        <Heading level={2} id="bijeenkomst">
          Volgende bijeenkomst met de buurt
        </Heading>
        <Paragraph>
          {l.volgendeBijeenkomst
            ? `${datum(l.volgendeBijeenkomst.datum)}${l.volgendeBijeenkomst.plaats ? `, ${l.volgendeBijeenkomst.plaats}` : ''}.`
            : 'Er is nog geen nieuwe bijeenkomst gepland.'}
        </Paragraph>
      </section>
      <section aria-labelledby="afspraken">
        <Heading level={2} id="afspraken">
          Afspraken met de buurt
        </Heading>
        {l.afspraken.length ? (
          <UnorderedList>
            {l.afspraken.map((a) => (
              <li key={`${a.gemaaktOp}-${a.wat}`} className="utrecht-unordered-list__item">
                {a.wat}{' '}
                <span className="onderdak-muted">
                  ({a.wie}, afgesproken op {datum(a.gemaaktOp)})
                </span>{' '}
                {a.stand === 'nagekomen'
                  ? '— Nagekomen.'
                  : a.stand === 'niet-nagekomen'
                    ? '— Niet nagekomen.'
                    : a.uiterlijk
                      ? `— Loopt, uiterlijk ${datum(a.uiterlijk)}.`
                      : '— Loopt.'}
              </li>
            ))}
          </UnorderedList>
        ) : (
          <Paragraph>Er zijn nog geen afspraken vastgelegd.</Paragraph>
        )}
      </section>
      <MeldingFormulier slug={slug} token={l.formulierToken} soorten={l.meldingsoorten} />
    </OpenbaarKader>
  );
}

function MeldingFormulier({
  slug,
  token,
  soorten,
}: {
  slug: string;
  token: string;
  soorten: { code: string; label: string }[];
}) {
  const [v, setV] = useState({
    soort: '',
    wat: '',
    datum: vandaag(),
    tijd: '',
    waar: '',
    naam: '',
    email: '',
    telefoon: '',
    website: '',
  });
  const [cf, setCf] = useState<Record<string, string | undefined>>({});
  const stuur = useMutation({
    mutationFn: () =>
      apiPad('post', '/openbare-locaties/{slug}/meldingen', {
        params: { slug },
        body: {
          soort: v.soort as 'geluid',
          wat: v.wat,
          datum: v.datum,
          tijd: v.tijd || null,
          waar: v.waar,
          naam: v.naam || null,
          email: v.email || null,
          telefoon: v.telefoon || null,
          formulierToken: token,
          website: v.website,
        },
      }),
  });
  const ids = {
    soort: 'melding-soort',
    wat: 'melding-wat',
    datum: 'melding-datum',
    tijd: 'melding-tijd',
    waar: 'melding-waar',
    naam: 'melding-naam',
    email: 'melding-email',
    telefoon: 'melding-telefoon',
    formulierToken: 'melding-wat',
    website: 'melding-website',
  };
  const fouten = FormErrors.from(stuur.error, ids, cf);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  function submit(e: FormEvent) {
    e.preventDefault();
    const c = {
      soort: v.soort ? undefined : 'Kies wat voor overlast het was.',
      wat: v.wat.trim() ? undefined : 'Beschrijf wat er gebeurde.',
      waar: v.waar.trim() ? undefined : 'Vul in waar het gebeurde.',
      datum: v.datum ? undefined : 'Vul de datum in.',
    };
    setCf(c);
    if (Object.values(c).some(Boolean)) {
      stuur.reset();
      return;
    }
    stuur.mutate();
  }
  if (stuur.data)
    return (
      <Alert type="ok" role="status" title="Bedankt, uw melding is ontvangen">
        <Paragraph>
          Met deze link ziet u later wat er met uw melding gebeurt. Bewaar de link goed: alleen wie de link heeft, kan
          de melding zien.
        </Paragraph>
        <Paragraph>
          <Link to="/openbaar/melding/$volgcode" params={{ volgcode: stuur.data.volgcode }} className="utrecht-link">
            Mijn melding volgen
          </Link>
        </Paragraph>
      </Alert>
    );
  return (
    <section aria-labelledby="melden">
      <Heading level={2} id="melden">
        Overlast melden
      </Heading>
      <Paragraph>
        Heeft u last van iets rond deze locatie? Laat het ons weten. Uw naam en telefoonnummer zijn niet verplicht. Laat
        u ze wel achter, dan kunnen wij u bellen of mailen.
      </Paragraph>
      <ErrorSummary errors={fouten.summary()} />
      <form onSubmit={submit} noValidate aria-label="Overlast melden">
        <SelectField
          id={ids.soort}
          label="Wat voor overlast?"
          value={v.soort}
          onChange={set('soort')}
          error={fouten.get('soort')}
        >
          <option value="">Kies…</option>
          {soorten.map((s) => (
            <option key={s.code} value={s.code}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <TextareaField
          id={ids.wat}
          label="Wat gebeurde er?"
          rows={4}
          maxLength={2000}
          value={v.wat}
          onChange={set('wat')}
          error={fouten.get('wat') ?? fouten.get('formulierToken')}
        />
        <TextField
          id={ids.datum}
          label="Datum"
          type="date"
          value={v.datum}
          onChange={set('datum')}
          error={fouten.get('datum')}
        />
        <TextField
          id={ids.tijd}
          label="Tijd"
          type="time"
          optional
          value={v.tijd}
          onChange={set('tijd')}
          error={fouten.get('tijd')}
        />
        <TextField
          id={ids.waar}
          label="Waar was het?"
          description="Bijvoorbeeld de straat en het huisnummer, of een plek zoals 'speeltuin'."
          maxLength={200}
          value={v.waar}
          onChange={set('waar')}
          error={fouten.get('waar')}
        />
        <TextField
          id={ids.naam}
          label="Uw naam"
          optional
          autoComplete="name"
          maxLength={200}
          value={v.naam}
          onChange={set('naam')}
          error={fouten.get('naam')}
        />
        <TextField
          id={ids.email}
          label="Uw e-mailadres"
          type="email"
          optional
          autoComplete="email"
          maxLength={200}
          value={v.email}
          onChange={set('email')}
          error={fouten.get('email')}
        />
        <TextField
          id={ids.telefoon}
          label="Uw telefoonnummer"
          type="tel"
          optional
          autoComplete="tel"
          maxLength={40}
          value={v.telefoon}
          onChange={set('telefoon')}
          error={fouten.get('telefoon')}
        />
        <div className="onderdak-sr-only" aria-hidden="true">
          <label htmlFor={ids.website}>Laat dit veld leeg</label>
          <input
            id={ids.website}
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={v.website}
            onChange={set('website')}
          />
        </div>
        <Button type="submit" variant="primary" busy={stuur.isPending} disabled={stuur.isPending}>
          Melding versturen
        </Button>
      </form>
    </section>
  );
}
