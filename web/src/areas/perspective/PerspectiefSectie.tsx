// Case-page section "Werken aan perspectief" (issue 4): three-month control, perspectiefplan with goals and actions,
// ZRM measurements with a chart per domain, practical steps, blockades, waiting lists and the client's comments.
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { datum, tijdstip, vandaag } from '../../ui/format';
import {
  Alert, BezettingsBalk, Button, ButtonGroup, CheckboxField, DataList, ErrorAlert, ErrorSummary, FormErrors, Heading, Loading, Paragraph, SelectField,
  StatusBadge, Table, TBody, Td, TextareaField, TextField, Th, THead, Tr,
} from '../../ui/ui';
import { Uitklap } from '../intake/clientActies';
import {
  ACTIESTATUS, DOELSTATUS, SIGNAAL, TERMIJN, perspectiefKey, perspectiefQuery, usePerspectiefMutatie,
  type Blokkade, type Controle, type Doel, type Optie, type Perspectief, type Plan, type Termijn,
} from './perspectiefApi';

const ZrmGrafiek = lazy(() => import('./PerspectiefZrmGrafiek').then((m) => ({ default: m.ZrmGrafiek })));

/** Errors of the status buttons, which have no fields to show a 400 at: every problem is listed in the alert. */
function Fout({ error }: { error: unknown }) {
  if (!error) return null;
  const redenen = error instanceof ApiError ? error.invalidParams.map((x) => x.reason) : [];
  if (!redenen.length) return <ErrorAlert error={error} />;
  return (
    <Alert type="error" role="alert" title="Niet gewijzigd">
      <ul className="utrecht-unordered-list">{redenen.map((r, i) => <li key={i} className="utrecht-unordered-list__item">{r}</li>)}</ul>
    </Alert>
  );
}

export function TermijnBadge({ t }: { t: Termijn }) {
  const status = t.status === 'te-laat' || t.status === 'te-laat-opgesteld' ? 'danger' : t.status === 'op-tijd-opgesteld' ? 'success' : 'neutral';
  return <StatusBadge status={status}>{TERMIJN[t.status]}{t.dagenTeLaat > 0 ? ` (${t.dagenTeLaat} ${t.dagenTeLaat === 1 ? 'dag' : 'dagen'})` : ''}</StatusBadge>;
}

export function SignaalBadge({ c }: { c: Pick<Controle, 'bovenDoel' | 'signaal'> }) {
  if (c.bovenDoel) return <StatusBadge status="danger">Boven 91 dagen</StatusBadge>;
  if (c.signaal) return <StatusBadge status={c.signaal === '6-weken' ? 'neutral' : 'warning'}>Signaal {SIGNAAL[c.signaal]}</StatusBadge>;
  return <StatusBadge status="success">Binnen termijn</StatusBadge>;
}

function Controlekaart({ c }: { c: Controle }) {
  return (
    <div className={c.bovenDoel ? 'onderdak-card onderdak-card--warning' : 'onderdak-card'}>
      <Heading level={3}>Driemaandencontrole</Heading>
      <Paragraph><strong>{c.dagenInOpvang} van {c.doelDagen} dagen</strong> in de opvang <SignaalBadge c={c} /></Paragraph>
      <BezettingsBalk bezet={Math.min(c.dagenInOpvang, c.doelDagen)} totaal={c.doelDagen} label={`${c.dagenInOpvang} van de ${c.doelDagen} dagen verstreken`} />
      <Paragraph small>{c.resterendeDagen >= 0 ? `Nog ${c.resterendeDagen} dagen tot de norm van drie maanden.` : `${-c.resterendeDagen} dagen over de norm van drie maanden.`} Signalen na 6, 10 en 12 weken.</Paragraph>
    </div>
  );
}

function PlanOpstellenForm({ p, sluit }: { p: Perspectief; sluit: () => void }) {
  const [f, setF] = useState({ opgesteldOp: vandaag(), eigenWoorden: '', wensen: '' });
  const m = usePerspectiefMutatie<typeof f>(p.clientId, 'POST', () => `/v1/trajecten/${p.traject!.id}/perspectiefplan`, (x) => x);
  const fe = FormErrors.from(m.error);
  const submit = (e: FormEvent) => { e.preventDefault(); m.mutate(f, { onSuccess: sluit }); };
  return (
    <form onSubmit={submit} noValidate>
      {fe.general.length > 0 && <Fout error={m.error} />}
      <TextField id="plan-datum" type="date" label="Opgesteld op" value={f.opgesteldOp} error={fe.get('opgesteldOp')} onChange={(e) => setF({ ...f, opgesteldOp: e.target.value })} />
      <TextareaField id="plan-woorden" label="In de eigen woorden van de cliënt" description="Wat wil de cliënt bereiken? Schrijf het op zoals de cliënt het zegt." optional value={f.eigenWoorden} error={fe.get('eigenWoorden')} onChange={(e) => setF({ ...f, eigenWoorden: e.target.value })} />
      <TextareaField id="plan-wensen" label="Wensen van de cliënt" optional value={f.wensen} error={fe.get('wensen')} onChange={(e) => setF({ ...f, wensen: e.target.value })} />
      <ButtonGroup><Button type="submit" variant="primary" busy={m.isPending}>Plan opstellen</Button><Button variant="subtle" onClick={sluit}>Annuleren</Button></ButtonGroup>
    </form>
  );
}

function DoelForm({ p, plan, sluit }: { p: Perspectief; plan: Plan; sluit: () => void }) {
  const [f, setF] = useState({ levensgebied: '', omschrijving: '' });
  const m = usePerspectiefMutatie<typeof f>(p.clientId, 'POST', () => `/v1/perspectiefplannen/${plan.id}/doelen`, (x) => x);
  const fe = FormErrors.from(m.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); m.mutate(f, { onSuccess: sluit }); }} noValidate>
      <SelectField id="doel-gebied" label="Levensgebied" value={f.levensgebied} error={fe.get('levensgebied')} onChange={(e) => setF({ ...f, levensgebied: e.target.value })}>
        <option value="">Kies een levensgebied</option>
        {p.keuzelijsten.levensgebieden.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </SelectField>
      <TextField id="doel-omschrijving" label="Doel" value={f.omschrijving} error={fe.get('omschrijving')} onChange={(e) => setF({ ...f, omschrijving: e.target.value })} />
      <ButtonGroup><Button type="submit" variant="primary" busy={m.isPending}>Doel toevoegen</Button><Button variant="subtle" onClick={sluit}>Annuleren</Button></ButtonGroup>
    </form>
  );
}

function ActieForm({ p, doel, sluit }: { p: Perspectief; doel: Doel; sluit: () => void }) {
  const [f, setF] = useState({ omschrijving: '', eigenaarOrganisatie: '', eigenaarNaam: '', uiterlijk: '' });
  const m = usePerspectiefMutatie<typeof f>(p.clientId, 'POST', () => `/v1/doelen/${doel.id}/acties`, (x) => ({ ...x, eigenaarNaam: x.eigenaarNaam || null }));
  const fe = FormErrors.from(m.error);
  const id = `actie-${doel.id}`;
  return (
    <form onSubmit={(e) => { e.preventDefault(); m.mutate(f, { onSuccess: sluit }); }} noValidate>
      <TextField id={`${id}-omschrijving`} label="Actie" value={f.omschrijving} error={fe.get('omschrijving')} onChange={(e) => setF({ ...f, omschrijving: e.target.value })} />
      <SelectField id={`${id}-eigenaar`} label="Wie voert het uit (organisatie)" value={f.eigenaarOrganisatie} error={fe.get('eigenaarOrganisatie')} onChange={(e) => setF({ ...f, eigenaarOrganisatie: e.target.value })}>
        <option value="">Kies</option>
        {p.keuzelijsten.eigenaren.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </SelectField>
      <TextField id={`${id}-naam`} label="Naam van de uitvoerder" optional value={f.eigenaarNaam} error={fe.get('eigenaarNaam')} onChange={(e) => setF({ ...f, eigenaarNaam: e.target.value })} />
      <TextField id={`${id}-uiterlijk`} type="date" label="Uiterlijk klaar op" value={f.uiterlijk} error={fe.get('uiterlijk')} onChange={(e) => setF({ ...f, uiterlijk: e.target.value })} />
      <ButtonGroup><Button type="submit" variant="primary" busy={m.isPending}>Actie toevoegen</Button><Button variant="subtle" onClick={sluit}>Annuleren</Button></ButtonGroup>
    </form>
  );
}

function StatusKnoppen({ clientId, pad, opties, labels, label, datum: op }: { clientId: string; pad: string; opties: string[]; labels: Record<string, string>; label: string; datum?: string }) {
  const m = usePerspectiefMutatie<string>(clientId, 'POST', () => pad, (status) => ({ status, datum: op || vandaag() }));
  if (!opties.length) return null;
  return (
    <div role="group" aria-label={label} className="onderdak-acties">
      {opties.map((s) => <Button key={s} variant="subtle" busy={m.isPending && m.variables === s} onClick={() => m.mutate(s)}>Naar {labels[s]?.toLowerCase() ?? s}</Button>)}
      <Fout error={m.error} />
    </div>
  );
}

/**
 * A date field for the status buttons of a section ("Naar afgerond", "Opheffen" …): today unless the worker records
 * a change made earlier. The server refuses future dates and dates before the plan or trajectory, with the reason.
 */
function WijzigDatum({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (d: string) => void }) {
  return <TextField id={id} type="date" label={label} value={value} max={vandaag()} className="onderdak-datumveld" onChange={(e) => onChange(e.target.value)} />;
}

function DoelKaart({ p, doel, actieDatum }: { p: Perspectief; doel: Doel; actieDatum: string }) {
  return (
    <li className="onderdak-card">
      <article aria-labelledby={`doel-${doel.id}`}>
        <Heading level={4} id={`doel-${doel.id}`}>{doel.levensgebiedLabel}: {doel.omschrijving}</Heading>
        <Paragraph><StatusBadge status={doel.status === 'bereikt' ? 'success' : doel.status === 'gestopt' ? 'inactive' : 'active'}>{doel.statusLabel}</StatusBadge></Paragraph>
        {doel.mogelijkheden.statusWijzigen && <StatusKnoppen clientId={p.clientId} pad={`/v1/doelen/${doel.id}/statuswijzigingen`} opties={doel.volgendeStatussen} labels={DOELSTATUS} label={`Status van doel ${doel.omschrijving}`} />}
        {doel.acties.length === 0 ? <Paragraph>Nog geen acties.</Paragraph> : (
          <Table caption={`Acties bij ${doel.omschrijving}`} captionHidden>
            <THead><Tr><Th>Actie</Th><Th>Wie</Th><Th>Uiterlijk</Th><Th>Status</Th></Tr></THead>
            <TBody>
              {doel.acties.map((a) => (
                <Tr key={a.id}>
                  <Td>{a.omschrijving}</Td>
                  <Td>{a.eigenaarOrganisatieLabel}{a.eigenaarNaam ? ` — ${a.eigenaarNaam}` : ''}</Td>
                  <Td>{datum(a.uiterlijk)} {a.verlopen && <StatusBadge status="danger">Verlopen</StatusBadge>}</Td>
                  <Td>
                    {a.statusLabel}{a.statusDatum ? ` (${datum(a.statusDatum)})` : ''}
                    <StatusKnoppen clientId={p.clientId} pad={`/v1/acties/${a.id}/statuswijzigingen`} opties={a.volgendeStatussen} labels={ACTIESTATUS} label={`Status van actie ${a.omschrijving}`} datum={actieDatum} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {doel.mogelijkheden.actieToevoegen && (
          <Uitklap knop="Actie toevoegen" titel={`Actie bij: ${doel.omschrijving}`}>{(sluit) => <ActieForm p={p} doel={doel} sluit={sluit} />}</Uitklap>
        )}
      </article>
    </li>
  );
}

function OndertekenForm({ p, plan, sluit }: { p: Perspectief; plan: Plan; sluit: () => void }) {
  const [d, setD] = useState(vandaag());
  const m = usePerspectiefMutatie<string>(p.clientId, 'POST', () => `/v1/perspectiefplannen/${plan.id}/ondertekeningen`, (x) => ({ datum: x }));
  const fe = FormErrors.from(m.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); m.mutate(d, { onSuccess: sluit }); }} noValidate>
      {fe.general.length > 0 && <ErrorAlert error={m.error} title="De ondertekening is niet vastgelegd" />}
      <TextField id="plan-ondertekend" type="date" label="Besproken en ondertekend op" value={d} error={fe.get('datum')} onChange={(e) => setD(e.target.value)} />
      <ButtonGroup><Button type="submit" variant="primary" busy={m.isPending}>Vastleggen</Button><Button variant="subtle" onClick={sluit}>Annuleren</Button></ButtonGroup>
    </form>
  );
}

function Opmerkingen({ p, plan }: { p: Perspectief; plan: Plan }) {
  const [tekst, setTekst] = useState('');
  const m = usePerspectiefMutatie<string>(p.clientId, 'POST', () => `/v1/perspectiefplannen/${plan.id}/opmerkingen`, (x) => ({ tekst: x }));
  const fe = FormErrors.from(m.error);
  return (
    <section aria-labelledby="opmerkingen-titel">
      <Heading level={3} id="opmerkingen-titel">Opmerkingen</Heading>
      {plan.opmerkingen.length === 0 ? <Paragraph>Nog geen opmerkingen.</Paragraph> : (
        <ul className="utrecht-unordered-list">
          {plan.opmerkingen.map((o) => <li key={o.id} className="utrecht-unordered-list__item"><strong>{o.auteur}</strong>{o.rol === 'client' ? ' (cliënt)' : ''}: {o.tekst}</li>)}
        </ul>
      )}
      {plan.mogelijkheden.opmerkingPlaatsen && (
        <form onSubmit={(e) => { e.preventDefault(); m.mutate(tekst, { onSuccess: () => setTekst('') }); }} noValidate>
          <TextareaField id="plan-opmerking" label="Uw opmerking bij het plan" value={tekst} error={fe.get('tekst')} onChange={(e) => setTekst(e.target.value)} />
          <Button type="submit" busy={m.isPending}>Opmerking plaatsen</Button>
        </form>
      )}
    </section>
  );
}

function PlanWeergave({ p, plan }: { p: Perspectief; plan: Plan }) {
  const [actieDatum, setActieDatum] = useState(vandaag());
  const actiesWijzigbaar = plan.doelen.some((d) => d.acties.some((a) => a.volgendeStatussen.length > 0));
  return (
    <>
      <DataList items={[
        ['Opgesteld op', <span key="o">{datum(plan.opgesteldOp)} <TermijnBadge t={plan.termijn} /></span>],
        ['Uiterlijk (5 dagen na plaatsing)', datum(plan.termijn.uiterlijkeDatum)],
        ['In eigen woorden', plan.eigenWoorden ? <q key="w">{plan.eigenWoorden}</q> : '—'],
        ['Wensen', plan.wensen || '—'],
        ['Besproken en ondertekend op', plan.ondertekendOp ? `${datum(plan.ondertekendOp)}${plan.versies.length ? ` (versie ${plan.versies.at(-1)!.versie})` : ''}` : 'Nog niet'],
      ]} />
      {plan.gewijzigdSindsOndertekening && (
        <Alert type="warning" title="Gewijzigd sinds de ondertekening">
          <Paragraph>Het plan is gewijzigd sinds het op {datum(plan.ondertekendOp!)} is besproken en ondertekend. Bespreek deze wijzigingen met de cliënt en leg de nieuwe ondertekening vast; de vorige versie blijft bewaard.</Paragraph>
          <ul className="utrecht-unordered-list" aria-label="Wijzigingen sinds de ondertekening">
            {plan.wijzigingenSindsOndertekening.map((w, i) => <li key={i} className="utrecht-unordered-list__item">{w}</li>)}
          </ul>
        </Alert>
      )}
      <div className="onderdak-acties">
        <Link to="/perspectiefplannen/$planId/afdrukken" params={{ planId: plan.id }} className="utrecht-link">Plan afdrukken (met handtekeningen)</Link>
        {plan.mogelijkheden.ondertekenen && (
          <Uitklap knop={plan.ondertekendOp ? 'Nieuwe ondertekening vastleggen' : 'Ondertekening vastleggen'} titel="Besproken en ondertekend">{(sluit) => <OndertekenForm p={p} plan={plan} sluit={sluit} />}</Uitklap>
        )}
      </div>
      {plan.versies.length > 0 && (
        <>
          <Heading level={3}>Ondertekende versies</Heading>
          <ul className="utrecht-unordered-list" aria-label="Ondertekende versies">
            {[...plan.versies].reverse().map((v) => (
              <li key={v.versie} className="utrecht-unordered-list__item">
                <Link to="/perspectiefplannen/$planId/afdrukken" params={{ planId: plan.id }} search={{ versie: v.versie }} className="utrecht-link">Versie {v.versie}, ondertekend op {datum(v.ondertekendOp)}</Link>
                {v.door ? ` (vastgelegd door ${v.door})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <Heading level={3}>Doelen per levensgebied</Heading>
      {actiesWijzigbaar && <WijzigDatum id="actie-statusdatum" label="Datum voor statuswijzigingen van acties" value={actieDatum} onChange={setActieDatum} />}
      {plan.doelen.length === 0 ? <Paragraph>Nog geen doelen.</Paragraph> : <ul className="onderdak-kaartlijst">{plan.doelen.map((d) => <DoelKaart key={d.id} p={p} doel={d} actieDatum={actieDatum} />)}</ul>}
      {plan.mogelijkheden.doelToevoegen && <Uitklap knop="Doel toevoegen" titel="Doel toevoegen">{(sluit) => <DoelForm p={p} plan={plan} sluit={sluit} />}</Uitklap>}
      <Opmerkingen p={p} plan={plan} />
    </>
  );
}

function ZrmForm({ p, sluit }: { p: Perspectief; sluit: () => void }) {
  const [f, setF] = useState<{ datum: string; soort: string; scores: Record<string, string> }>({ datum: vandaag(), soort: p.zrm.metingen.length ? 'tussentijds' : 'intake', scores: {} });
  const m = usePerspectiefMutatie<typeof f>(p.clientId, 'POST', () => `/v1/clienten/${p.clientId}/zrm-metingen`,
    (x) => ({ datum: x.datum, soort: x.soort, versie: p.zrm.versie, scores: p.zrm.domeinen.filter((d) => x.scores[d.code]).map((d) => ({ domein: d.code, score: Number(x.scores[d.code]) })) }));
  const fe = FormErrors.from(m.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); m.mutate(f, { onSuccess: sluit }); }} noValidate>
      {m.error ? <ErrorAlert error={m.error} title="De meting is niet opgeslagen" /> : null}
      <TextField id="zrm-datum" type="date" label="Datum" value={f.datum} error={fe.get('datum')} onChange={(e) => setF({ ...f, datum: e.target.value })} />
      <SelectField id="zrm-soort" label="Soort meting" value={f.soort} onChange={(e) => setF({ ...f, soort: e.target.value })}>
        {p.zrm.soorten.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </SelectField>
      <div className="onderdak-kolommen">
        {p.zrm.domeinen.map((d) => (
          <SelectField key={d.code} id={`zrm-${d.code}`} label={d.label} value={f.scores[d.code] ?? ''} onChange={(e) => setF({ ...f, scores: { ...f.scores, [d.code]: e.target.value } })}>
            <option value="">Kies een score</option>
            {p.zrm.schaal.map((s) => <option key={s.score} value={s.score}>{s.score} — {s.label}</option>)}
          </SelectField>
        ))}
      </div>
      {fe.get('scores') && <p className="utrecht-form-field-error-message" role="alert">{fe.get('scores')}</p>}
      <ButtonGroup><Button type="submit" variant="primary" busy={m.isPending}>Meting opslaan</Button><Button variant="subtle" onClick={sluit}>Annuleren</Button></ButtonGroup>
    </form>
  );
}

function Zrm({ p }: { p: Perspectief }) {
  const metingen = p.zrm.metingen;
  return (
    <section aria-labelledby="zrm-titel">
      <Heading level={3} id="zrm-titel">Zelfredzaamheid (ZRM {p.zrm.versie})</Heading>
      {metingen.length === 0 ? <Paragraph>Nog geen ZRM-meting. Doe bij de intake een brede meting op alle levensgebieden.</Paragraph> : (
        <>
          <Suspense fallback={<Loading>Grafiek laden…</Loading>}><ZrmGrafiek metingen={metingen} domeinen={p.zrm.domeinen} /></Suspense>
          <Table caption="ZRM-scores per levensgebied en meting (1 = acute problematiek, 5 = volledig zelfredzaam)">
            <THead><Tr><Th>Levensgebied</Th>{metingen.map((m) => <Th key={m.id} numeric>{datum(m.datum)} ({m.soortLabel.toLowerCase()})</Th>)}</Tr></THead>
            <TBody>
              {p.zrm.domeinen.map((d) => (
                <Tr key={d.code}><Th scope="row">{d.label}</Th>{metingen.map((m) => <Td key={m.id} numeric>{m.scores.find((s) => s.domein === d.code)?.score ?? '—'}</Td>)}</Tr>
              ))}
            </TBody>
          </Table>
        </>
      )}
      {p.mogelijkheden.zrmMeten && <Uitklap knop="ZRM-meting toevoegen" titel="ZRM-meting">{(sluit) => <ZrmForm p={p} sluit={sluit} />}</Uitklap>}
    </section>
  );
}

function Stappen({ p }: { p: Perspectief }) {
  const t = p.traject!;
  const [op, setOp] = useState(vandaag());
  const m = usePerspectiefMutatie<{ soort: string; status: string }>(p.clientId, 'POST', (x) => `/v1/trajecten/${t.id}/praktische-stappen/${x.soort}/statuswijzigingen`, (x) => ({ status: x.status, datum: op || vandaag() }));
  const label = (code: string) => p.keuzelijsten.stapStatussen.find((s) => s.code === code)?.label ?? code;
  return (
    <section aria-labelledby="stappen-titel">
      <Heading level={3} id="stappen-titel">Praktische stappen</Heading>
      {p.mogelijkheden.stappenWijzigen && <WijzigDatum id="stap-statusdatum" label="Datum voor statuswijzigingen van stappen" value={op} onChange={setOp} />}
      <Fout error={m.error} />
      <Table caption="Praktische stappen die uitstroom blokkeren" captionHidden>
        <THead><Tr><Th>Stap</Th><Th>Status</Th><Th>Aangevraagd</Th><Th>Geregeld</Th>{p.mogelijkheden.stappenWijzigen && <Th>Wijzigen</Th>}</Tr></THead>
        <TBody>
          {t.praktischeStappen.map((s) => (
            <Tr key={s.soort}>
              <Th scope="row">{s.soortLabel}</Th>
              <Td><StatusBadge status={s.blokkeertUitstroom ? 'warning' : 'success'}>{s.statusLabel}</StatusBadge></Td>
              <Td>{datum(s.aangevraagdOp)}</Td><Td>{datum(s.geregeldOp)}</Td>
              {p.mogelijkheden.stappenWijzigen && (
                <Td>{s.volgendeStatussen.map((st) => <Button key={st} variant="subtle" onClick={() => m.mutate({ soort: s.soort, status: st })} aria-label={`${s.soortLabel}: ${label(st)}`}>{label(st)}</Button>)}</Td>
              )}
            </Tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}

function BlokkadeForm({ p, sluit }: { p: Perspectief; sluit: () => void }) {
  const [f, setF] = useState({ soort: '', omschrijving: '', sinds: vandaag(), volgendeActorOrganisatie: '', volgendeActorNaam: '', volgendeStap: '' });
  const m = usePerspectiefMutatie<typeof f>(p.clientId, 'POST', () => `/v1/trajecten/${p.traject!.id}/blokkades`,
    (x) => ({ ...x, omschrijving: x.omschrijving || null, volgendeActorOrganisatie: x.volgendeActorOrganisatie || null, volgendeActorNaam: x.volgendeActorNaam || null, volgendeStap: x.volgendeStap || null }));
  const fe = FormErrors.from(m.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); m.mutate(f, { onSuccess: sluit }); }} noValidate>
      {fe.general.length > 0 && <Fout error={m.error} />}
      <SelectField id="blokkade-soort" label="Blokkade" value={f.soort} error={fe.get('soort')} onChange={(e) => setF({ ...f, soort: e.target.value })}>
        <option value="">Kies</option>
        {p.keuzelijsten.blokkades.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </SelectField>
      <TextField id="blokkade-omschrijving" label="Omschrijving" optional={f.soort !== 'overig'} value={f.omschrijving} error={fe.get('omschrijving')} onChange={(e) => setF({ ...f, omschrijving: e.target.value })} />
      <TextField id="blokkade-sinds" type="date" label="Sinds" value={f.sinds} error={fe.get('sinds')} onChange={(e) => setF({ ...f, sinds: e.target.value })} />
      <SelectField id="blokkade-actor" label="Wie zet de volgende stap" optional value={f.volgendeActorOrganisatie} onChange={(e) => setF({ ...f, volgendeActorOrganisatie: e.target.value })}>
        <option value="">Nog niet bekend</option>
        {p.keuzelijsten.eigenaren.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </SelectField>
      <TextField id="blokkade-naam" label="Naam" optional value={f.volgendeActorNaam} onChange={(e) => setF({ ...f, volgendeActorNaam: e.target.value })} />
      <TextField id="blokkade-stap" label="Volgende stap" optional value={f.volgendeStap} onChange={(e) => setF({ ...f, volgendeStap: e.target.value })} />
      <ButtonGroup><Button type="submit" variant="primary" busy={m.isPending}>Blokkade vastleggen</Button><Button variant="subtle" onClick={sluit}>Annuleren</Button></ButtonGroup>
    </form>
  );
}

// ---------- blockades: "Volgende stap wijzigen" (also used on the doorstroomoverleg) ----------

/** What the form needs of a blockade (the case view and the doorstroomoverleg both deliver it). */
export interface BlokkadeWijzigbaar {
  id: string; soort: string; soortLabel: string; omschrijving: string | null;
  volgendeActor: { organisatie: string; naam: string | null } | null; volgendeStap: string | null;
}
interface BlokkadeWijziging { op: string; door: string | null; velden: { veld: string; van: string | null; naar: string | null }[] }
/** The blockade of the case view with the change history (PATCH /v1/blokkades/{id}). */
type BlokkadeDetail = Blokkade & { vastgelegdOp: string; bijgewerktOp: string | null; wijzigingen: BlokkadeWijziging[]; mogelijkheden: { opheffen: boolean; wijzigen: boolean } };

const VELD_LABEL: Record<string, string> = { omschrijving: 'Omschrijving', volgendeActorOrganisatie: 'Wie is aan zet', volgendeActorNaam: 'Naam', volgendeStap: 'Volgende stap' };
const VELDEN = ['omschrijving', 'volgendeActorOrganisatie', 'volgendeActorNaam', 'volgendeStap'] as const;
type Veld = (typeof VELDEN)[number];

/** "Volgende stap door Woningcorporatie — Woonbron sinds 1 december 2026: Bezichtiging plannen" */
export function volgendeStapDoor(actor: { organisatieLabel: string; naam: string | null } | null, stap: string | null, sinds: string | null) {
  if (!actor && !stap) return 'Nog niet vastgelegd wie de volgende stap zet';
  const wie = actor ? `${actor.organisatieLabel}${actor.naam ? ` — ${actor.naam}` : ''}` : 'nog niet vastgelegd';
  return `Volgende stap door ${wie}${sinds ? ` sinds ${datum(sinds)}` : ''}${stap ? `: ${stap}` : ''}`;
}

/**
 * Button "Volgende stap wijzigen" that opens a small form in place (disclosure: focus moves into the form and back
 * to the button on close). Sends only the fields that changed, as PATCH; the case view and the worklist refresh.
 */
export function VolgendeStapWijzigen({ clientId, blokkade, eigenaren, context }: { clientId: string; blokkade: BlokkadeWijzigbaar; eigenaren: Optie[]; context?: string }) {
  const huidig = (b: BlokkadeWijzigbaar): Record<Veld, string> => ({
    omschrijving: b.omschrijving ?? '', volgendeActorOrganisatie: b.volgendeActor?.organisatie ?? '', volgendeActorNaam: b.volgendeActor?.naam ?? '', volgendeStap: b.volgendeStap ?? '',
  });
  const [open, setOpen] = useState(false);
  const [f, setF] = useState(() => huidig(blokkade));
  const knopRef = useRef<HTMLButtonElement>(null);
  const titelRef = useRef<HTMLParagraphElement>(null);
  const eerder = useRef(false);
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (wijziging: Partial<Record<Veld, string | null>>) => api<unknown>(`/v1/blokkades/${encodeURIComponent(blokkade.id)}`, { method: 'PATCH', body: wijziging }),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: perspectiefKey(clientId) }), qc.invalidateQueries({ queryKey: ['doorstroomoverleg'] })]);
    },
  });
  useEffect(() => {
    if (open) titelRef.current?.focus();
    else if (eerder.current) knopRef.current?.focus();
    eerder.current = true;
  }, [open]);
  const id = `blokkade-${blokkade.id}`;
  const naam = `${blokkade.soortLabel}${context ? `, ${context}` : ''}`;
  const ids: Record<Veld, string> = { omschrijving: `${id}-omschrijving`, volgendeActorOrganisatie: `${id}-actor`, volgendeActorNaam: `${id}-naam`, volgendeStap: `${id}-stap` };
  const fe = FormErrors.from(m.error, ids);
  const sluit = () => { m.reset(); setOpen(false); };
  if (!open) {
    return (
      <Button ref={knopRef} variant="subtle" aria-expanded={false} aria-controls={`${id}-wijzigen`} onClick={() => { setF(huidig(blokkade)); setOpen(true); }}>
        Volgende stap wijzigen<span className="onderdak-sr-only"> ({naam})</span>
      </Button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const was = huidig(blokkade);
    const wijziging: Partial<Record<Veld, string | null>> = {};
    for (const v of VELDEN) if (f[v].trim() !== was[v]) wijziging[v] = f[v].trim() || null;
    if (Object.keys(wijziging).length === 0) { sluit(); return; }
    m.mutate(wijziging, { onSuccess: sluit });
  };
  return (
    <form id={`${id}-wijzigen`} className="onderdak-card onderdak-actie" style={{ minWidth: '18rem' }} aria-labelledby={`${id}-titel`} onSubmit={submit} noValidate>
      <p id={`${id}-titel`} ref={titelRef} tabIndex={-1} className="utrecht-paragraph"><strong>Volgende stap wijzigen: {naam}</strong></p>
      <ErrorSummary errors={fe.summary()} title="De wijziging is niet opgeslagen" />
      <TextField id={ids.omschrijving} label="Omschrijving van de blokkade" optional={blokkade.soort !== 'overig'} value={f.omschrijving} error={fe.get('omschrijving')} onChange={(e) => setF({ ...f, omschrijving: e.target.value })} />
      <SelectField id={ids.volgendeActorOrganisatie} label="Wie zet de volgende stap" optional value={f.volgendeActorOrganisatie} error={fe.get('volgendeActorOrganisatie')} onChange={(e) => setF({ ...f, volgendeActorOrganisatie: e.target.value })}>
        <option value="">Nog niet bekend</option>
        {eigenaren.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </SelectField>
      <TextField id={ids.volgendeActorNaam} label="Naam (persoon of team)" optional value={f.volgendeActorNaam} error={fe.get('volgendeActorNaam')} onChange={(e) => setF({ ...f, volgendeActorNaam: e.target.value })} />
      <TextareaField id={ids.volgendeStap} label="Volgende stap" optional rows={2} value={f.volgendeStap} error={fe.get('volgendeStap')} onChange={(e) => setF({ ...f, volgendeStap: e.target.value })} />
      <ButtonGroup><Button type="submit" variant="primary" busy={m.isPending}>Opslaan</Button><Button variant="subtle" onClick={sluit}>Annuleren</Button></ButtonGroup>
    </form>
  );
}

function Wijzigingen({ b, eigenaren }: { b: BlokkadeDetail; eigenaren: Optie[] }) {
  if (!b.wijzigingen?.length) return null;
  const waarde = (veld: string, v: string | null) => (v === null ? 'leeg' : veld === 'volgendeActorOrganisatie' ? eigenaren.find((o) => o.code === v)?.label ?? v : v);
  return (
    <details>
      <summary>Geschiedenis ({b.wijzigingen.length} {b.wijzigingen.length === 1 ? 'wijziging' : 'wijzigingen'})</summary>
      <ul className="utrecht-unordered-list">
        {[...b.wijzigingen].reverse().map((w, i) => (
          <li key={i} className="utrecht-unordered-list__item">
            {tijdstip(w.op)}{w.door ? `, ${w.door}` : ''}: {w.velden.map((v) => `${VELD_LABEL[v.veld] ?? v.veld} van “${waarde(v.veld, v.van)}” naar “${waarde(v.veld, v.naar)}”`).join('; ')}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Blokkades({ p }: { p: Perspectief }) {
  const t = p.traject!;
  const blokkades = t.blokkades as BlokkadeDetail[];
  const [op, setOp] = useState(vandaag());
  const m = usePerspectiefMutatie<Blokkade>(p.clientId, 'POST', (b) => `/v1/blokkades/${b.id}/opheffingen`, () => ({ datum: op || vandaag() }));
  return (
    <section aria-labelledby="blokkades-titel">
      <Heading level={3} id="blokkades-titel">Blokkades voor uitstroom</Heading>
      {blokkades.some((b) => b.mogelijkheden.opheffen) && <WijzigDatum id="blokkade-opheffdatum" label="Datum van opheffen" value={op} onChange={setOp} />}
      <Fout error={m.error} />
      {blokkades.length === 0 ? <Paragraph>Geen blokkades vastgelegd.</Paragraph> : (
        <Table caption="Blokkades" captionHidden>
          <THead><Tr><Th>Blokkade</Th><Th>Sinds</Th><Th numeric>Dagen</Th><Th>Aan zet</Th><Th>Status</Th></Tr></THead>
          <TBody>
            {blokkades.map((b) => (
              <Tr key={b.id}>
                <Td>{b.soortLabel}{b.omschrijving ? `: ${b.omschrijving}` : ''}<Wijzigingen b={b} eigenaren={p.keuzelijsten.eigenaren} /></Td><Td>{datum(b.sinds)}</Td><Td numeric>{b.dagen}</Td>
                <Td>
                  {b.volgendeActor ? `${b.volgendeActor.organisatieLabel}${b.volgendeActor.naam ? ` — ${b.volgendeActor.naam}` : ''}` : '—'}{b.volgendeStap ? `: ${b.volgendeStap}` : ''}
                  {!b.opgeheven && (b.volgendeActor || b.volgendeStap) ? <><br /><small>sinds {datum(b.bijgewerktOp ?? b.vastgelegdOp)}</small></> : null}
                </Td>
                <Td>
                  {b.opgeheven ? `Opgeheven ${datum(b.opgeheven)}` : (
                    <div className="onderdak-acties">
                      {b.mogelijkheden.opheffen ? <Button variant="subtle" onClick={() => m.mutate(b)}>Opheffen</Button> : 'Open'}
                      {b.mogelijkheden.wijzigen && <VolgendeStapWijzigen clientId={p.clientId} blokkade={b} eigenaren={p.keuzelijsten.eigenaren} />}
                    </div>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {p.mogelijkheden.blokkadeToevoegen && <Uitklap knop="Blokkade toevoegen" titel="Blokkade voor uitstroom">{(sluit) => <BlokkadeForm p={p} sluit={sluit} />}</Uitklap>}
    </section>
  );
}

function WachtlijstForm({ p, sluit }: { p: Perspectief; sluit: () => void }) {
  const [f, setF] = useState({ lijst: '', datum: vandaag(), urgent: false, toelichting: '' });
  const m = usePerspectiefMutatie<typeof f>(p.clientId, 'POST', (x) => `/v1/wachtlijsten/${x.lijst || 'onbekend'}/plaatsingen`, (x) => ({ clientId: p.clientId, datum: x.datum, urgent: x.urgent, toelichting: x.toelichting || null }));
  const fe = FormErrors.from(m.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); m.mutate(f, { onSuccess: sluit }); }} noValidate>
      {fe.general.length > 0 && <Fout error={m.error} />}
      <SelectField id="wl-lijst" label="Wachtlijst" value={f.lijst} onChange={(e) => setF({ ...f, lijst: e.target.value })}>
        <option value="">Kies een wachtlijst</option>
        {p.wachtlijsten.lijsten.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </SelectField>
      <TextField id="wl-datum" type="date" label="Op de lijst sinds" value={f.datum} error={fe.get('datum')} onChange={(e) => setF({ ...f, datum: e.target.value })} />
      <CheckboxField id="wl-urgent" label="Urgent (gaat voor; toelichting verplicht)" checked={f.urgent} onChange={(e) => setF({ ...f, urgent: e.target.checked })} />
      <TextField id="wl-toelichting" label="Toelichting" optional={!f.urgent} value={f.toelichting} error={fe.get('toelichting')} onChange={(e) => setF({ ...f, toelichting: e.target.value })} />
      <ButtonGroup><Button type="submit" variant="primary" busy={m.isPending}>Op wachtlijst plaatsen</Button><Button variant="subtle" onClick={sluit}>Annuleren</Button></ButtonGroup>
    </form>
  );
}

function Wachtlijsten({ p }: { p: Perspectief }) {
  const w = p.wachtlijsten;
  return (
    <section aria-labelledby="wachtlijsten-titel">
      <Heading level={3} id="wachtlijsten-titel">Wachtlijsten vervolgstap</Heading>
      {w.actief.length === 0 ? <Paragraph>Staat op geen wachtlijst.</Paragraph> : (
        <Table caption="Wachtlijsten van de cliënt" captionHidden>
          <THead><Tr><Th>Wachtlijst</Th><Th>Sinds</Th><Th numeric>Positie</Th><Th>Verwachte wachttijd</Th></Tr></THead>
          <TBody>
            {w.actief.map((e) => (
              <Tr key={e.id}>
                <Td><Link to="/wachtlijsten" search={{ lijst: e.lijst }} className="utrecht-link">{e.lijstNaam}</Link> {e.urgent && <StatusBadge status="warning">Urgent</StatusBadge>}</Td>
                <Td>{datum(e.opLijstSinds)} ({e.wachtDagen} dagen)</Td>
                <Td numeric>{e.positie} van {e.lengte}</Td>
                <Td>{e.verwachteWachttijdDagen === null ? 'Onbekend (geen recente plaatsingen)' : `ongeveer ${e.verwachteWachttijdDagen} dagen (${datum(e.verwachteDatum)})`}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {w.eerder.length > 0 && <Paragraph small>Eerder: {w.eerder.map((e) => `${e.lijstNaam} (${datum(e.opLijstSinds)} – ${datum(e.afgemeldOp)}, ${e.redenLabel.toLowerCase()})`).join('; ')}.</Paragraph>}
      {p.mogelijkheden.wachtlijstPlaatsen && <Uitklap knop="Op wachtlijst plaatsen" titel="Op wachtlijst plaatsen">{(sluit) => <WachtlijstForm p={p} sluit={sluit} />}</Uitklap>}
    </section>
  );
}

/** The whole section; include it on the case page with <PerspectiefSectie clientId={…} />. */
export function PerspectiefSectie({ clientId }: { clientId: string }) {
  const q = useQuery(perspectiefQuery(clientId));
  if (q.isPending) return <Loading>Perspectief laden…</Loading>;
  if (q.error) return <section aria-labelledby="perspectief-titel"><Heading level={2} id="perspectief-titel">Werken aan perspectief</Heading><ErrorAlert error={q.error} /></section>;
  const p = q.data;
  const t = p.traject;
  return (
    <section aria-labelledby="perspectief-titel" className="onderdak-perspectief">
      <Heading level={2} id="perspectief-titel">Werken aan perspectief</Heading>
      {!t ? <Paragraph>Nog geen traject. Een perspectiefplan hoort bij een traject.</Paragraph> : (
        <>
          {t.driemaandencontrole && <Controlekaart c={t.driemaandencontrole} />}
          <section aria-labelledby="plan-titel">
            <Heading level={3} id="plan-titel">Perspectiefplan</Heading>
            {t.plan ? <PlanWeergave p={p} plan={t.plan} /> : (
              <>
                <Alert type={t.planTermijn.status === 'te-laat' ? 'warning' : 'info'}>
                  <Paragraph>Nog geen perspectiefplan. {t.planTermijn.uiterlijkeDatum ? `Uiterlijk ${datum(t.planTermijn.uiterlijkeDatum)} (5 dagen na plaatsing).` : ''} <TermijnBadge t={t.planTermijn} /></Paragraph>
                </Alert>
                {p.mogelijkheden.planOpstellen && <Uitklap knop="Perspectiefplan opstellen" titel="Perspectiefplan opstellen" variant="primary">{(sluit) => <PlanOpstellenForm p={p} sluit={sluit} />}</Uitklap>}
              </>
            )}
          </section>
          <Stappen p={p} />
          <Blokkades p={p} />
        </>
      )}
      <Zrm p={p} />
      <Wachtlijsten p={p} />
    </section>
  );
}
