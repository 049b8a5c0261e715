// Issue 6 — Nazorg / waakvlam: worklist of due and missed contacts with alarm signals; every exit to housing makes a
// plan automatically ("verantwoordelijke toewijzen"), other exits get one with a click; plan detail with contact
// registration, an adjustable schedule and responsible party, and preventief budgetbeheer (also ended early).
import { useState } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../api/client';
import { datum, vandaag } from '../../ui/format';
import {
  Alert, Button, ButtonGroup, CheckboxField, DataList, ErrorAlert, ErrorSummary, Heading, Loading, Paragraph, RadioGroup, SelectField, StatusBadge,
  Table, TBody, Td, TextareaField, TextField, Th, THead, Tr,
} from '../../ui/ui';
import { PaginaFout, useTitel } from '../../app/Layout';

interface Alarm { soort: 'gemist-contact' | 'nieuw-signaal' | 'zorgsignaal' | 'terugkeer'; datum: string; tekst: string }
interface Verantwoordelijke { soort: string | null; soortLabel: string; naam: string | null; toegewezen: boolean }
interface PlanRegel {
  id: string; clientId: string; naam: string; uitstroomDatum: string; bestemmingLabel: string | null; status: string; verantwoordelijke: Verantwoordelijke; toeTeWijzen: boolean;
  volgendContact: { id: string; gepland: string; maanden: number; overTijd: boolean } | null; gemist: number; contactenGedaan: number; alarmen: Alarm[];
}
interface Kandidaat { trajectId: string; clientId: string; naam: string; uitstroomDatum: string; bestemmingLabel: string | null; standaardMaanden: number[] }
interface Budget {
  id: string; clientId: string; naam: string; nazorgplanId: string | null; uitvoerder: string; start: string; afbouwVanaf: string; eind: string; fase: string; duurMaanden: number; dagenTotEind: number;
  voortijdigBeeindigd: { datum: string; reden: string | null } | null; afbouwBereikt: boolean; mogelijkheden: { voortijdigBeeindigen: boolean; annuleren?: boolean };
}
interface Plan {
  id: string; clientId: string; naam: string; uitstroomDatum: string; bestemmingLabel: string | null; status: string; afgeslotenOp: string | null; redenAfsluiting: string | null;
  verantwoordelijke: Verantwoordelijke; toeTeWijzen: boolean; adres: { postcode: string; huisnummer: string } | null;
  contacten: { id: string; maanden: number | null; gepland: string | null; datum: string | null; bereikt: boolean | null; zorgsignaal: boolean; notitie: string | null; status: 'gedaan' | 'gemist' | 'gepland' }[];
  alarmen: Alarm[]; budgetbeheer: Budget[]; mogelijkheden: { contactRegistreren: boolean; afsluiten: boolean; budgetbeheerToevoegen: boolean; wijzigen: boolean; planningWijzigen: boolean };
}

const ALARM_LABEL: Record<Alarm['soort'], string> = { 'gemist-contact': 'Gemist contact', 'nieuw-signaal': 'Nieuw signaal achterstand', zorgsignaal: 'Zorgsignaal', terugkeer: 'Terugkeer' };
const FASE_LABEL: Record<string, string> = { gepland: 'Gepland', opbouw: 'Opbouwfase', afbouw: 'Afbouwfase', afgerond: 'Afgerond', geannuleerd: 'Geannuleerd' };
const VERANTWOORDELIJKEN = [['wijkteam', 'Sociaal wijkteam'], ['fact', 'FACT-team'], ['ambulant-begeleider', 'Ambulant begeleider']] as const;

function Alarmen({ alarmen }: { alarmen: Alarm[] }) {
  if (!alarmen.length) return <>—</>;
  return <ul className="utrecht-unordered-list onderdak-compact">{alarmen.map((a, i) => <li key={i} className="utrecht-unordered-list__item"><StatusBadge status={a.soort === 'zorgsignaal' ? 'warning' : 'danger'}>{ALARM_LABEL[a.soort]}</StatusBadge> {a.tekst}</li>)}</ul>;
}

export function NazorgPage() {
  useTitel('Nazorg (waakvlam)');
  const [status, setStatus] = useState<'actief' | 'afgesloten' | 'alle'>('actief');
  const plannen = useQuery({ queryKey: ['nazorgplannen', status], queryFn: () => api<{ resultaten: PlanRegel[] }>(`/v1/nazorgplannen${qs({ status })}`) });
  const kandidaten = useQuery({ queryKey: ['nazorgkandidaten'], queryFn: () => api<{ resultaten: Kandidaat[] }>('/v1/nazorgkandidaten') });
  const budget = useQuery({ queryKey: ['budgetbeheer'], queryFn: () => api<{ resultaten: Budget[] }>('/v1/budgetbeheertrajecten') });
  return (
    <>
      <Heading level={1}>Nazorg (waakvlam)</Heading>
      <Paragraph lead>Na elke uitstroom naar wonen houdt een vaste partij contact: na 1, 3, 6 en 12 maanden. Het nazorgplan ontstaat automatisch bij het registreren van de uitstroom; wijs daarna de verantwoordelijke toe. Alarmsignalen: gemiste contacten, een nieuw signaal van betalingsachterstand voor deze persoon of dit adres, een zorgsignaal of een nieuwe aanmelding.</Paragraph>
      <section aria-labelledby="kand-kop">
        <Heading level={2} id="kand-kop">Uitstroom naar wonen zonder nazorgplan</Heading>
        {kandidaten.isPending ? <Loading /> : kandidaten.error ? <PaginaFout error={kandidaten.error} /> : kandidaten.data.resultaten.length === 0 ? <Paragraph>Iedereen die het afgelopen jaar uitstroomde naar wonen heeft een nazorgplan.</Paragraph> : (
          <Table caption="Uitstroom zonder nazorgplan" captionHidden>
            <THead><Tr><Th>Cliënt</Th><Th>Uitstroom</Th><Th>Bestemming</Th><Th>Nazorgplan maken</Th></Tr></THead>
            <TBody>{kandidaten.data.resultaten.map((k) => <Tr key={k.trajectId}><Td><Link to="/clienten/$clientId" params={{ clientId: k.clientId }} className="utrecht-link">{k.naam}</Link></Td><Td>{datum(k.uitstroomDatum)}</Td><Td>{k.bestemmingLabel}</Td><Td><PlanMaken kandidaat={k} /></Td></Tr>)}</TBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="plannen-kop">
        <Heading level={2} id="plannen-kop">Werklijst nazorg</Heading>
        <form className="onderdak-filter" onSubmit={(e) => e.preventDefault()} aria-label="Filter nazorgplannen">
          <SelectField id="nz-status" label="Plannen" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="actief">Actieve plannen</option><option value="afgesloten">Afgesloten plannen</option><option value="alle">Alle plannen</option>
          </SelectField>
        </form>
        {plannen.isPending ? <Loading /> : plannen.error ? <PaginaFout error={plannen.error} /> : plannen.data.resultaten.length === 0 ? <Paragraph>Geen nazorgplannen.</Paragraph> : (
          <Table caption="Nazorgplannen, eerst die met gemiste contacten of alarmsignalen" captionHidden>
            <THead><Tr><Th>Cliënt</Th><Th>Uitstroom</Th><Th>Verantwoordelijke</Th><Th>Volgend contact</Th><Th>Alarmsignalen</Th></Tr></THead>
            <TBody>
              {plannen.data.resultaten.map((p) => (
                <Tr key={p.id}>
                  <Td><Link to="/nazorg/$planId" params={{ planId: p.id }} className="utrecht-link">{p.naam}</Link></Td>
                  <Td>{datum(p.uitstroomDatum)} <span className="onderdak-muted">({p.bestemmingLabel})</span></Td>
                  <Td>{p.toeTeWijzen ? <Link to="/nazorg/$planId" params={{ planId: p.id }} className="utrecht-link"><StatusBadge status="warning">Verantwoordelijke toewijzen</StatusBadge></Link>
                    : p.verantwoordelijke.naam ? <>{p.verantwoordelijke.naam} <span className="onderdak-muted">({p.verantwoordelijke.soortLabel})</span></> : p.verantwoordelijke.soortLabel}</Td>
                  <Td>{p.volgendContact ? <>{datum(p.volgendContact.gepland)} {p.volgendContact.overTijd && <StatusBadge status="danger">Over tijd</StatusBadge>}</> : p.status === 'afgesloten' ? 'Afgesloten' : 'Geen gepland'}</Td>
                  <Td><Alarmen alarmen={p.alarmen} /></Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="budget-kop">
        <Heading level={2} id="budget-kop">Preventief budgetbeheer</Heading>
        {budget.isPending ? <Loading /> : budget.error ? <PaginaFout error={budget.error} /> : budget.data.resultaten.length === 0 ? <Paragraph>Geen budgetbeheer vastgelegd.</Paragraph> : (
          <Table caption="Preventief budgetbeheer" captionHidden>
            <THead><Tr><Th>Cliënt</Th><Th>Uitvoerder</Th><Th>Periode</Th><Th>Afbouw vanaf</Th><Th>Fase</Th><Th>Voortijdig beëindigen</Th></Tr></THead>
            <TBody>{budget.data.resultaten.map((b) => <Tr key={b.id}><Td><Link to="/clienten/$clientId" params={{ clientId: b.clientId }} className="utrecht-link">{b.naam}</Link></Td><Td>{b.uitvoerder}</Td><Td><BudgetPeriode b={b} /></Td><Td>{datum(b.afbouwVanaf)}{!b.afbouwBereikt && <span className="onderdak-muted"> (niet bereikt)</span>}</Td><Td><StatusBadge status={b.fase === 'afgerond' || b.fase === 'geannuleerd' ? 'inactive' : 'active'}>{FASE_LABEL[b.fase] ?? b.fase}</StatusBadge></Td><Td>{b.mogelijkheden.voortijdigBeeindigen || b.mogelijkheden.annuleren ? <BudgetBeeindigen budget={b} /> : '—'}</Td></Tr>)}</TBody>
          </Table>
        )}
      </section>
    </>
  );
}

/** One click: a plan with the default contacts (1, 3, 6, 12 months), responsible party chosen in place. */
function PlanMaken({ kandidaat }: { kandidaat: Kandidaat }) {
  const qc = useQueryClient();
  const [soort, setSoort] = useState('wijkteam');
  const [naam, setNaam] = useState('Sociaal wijkteam');
  const maak = useMutation({
    mutationFn: () => api<Plan>('/v1/nazorgplannen', { method: 'POST', body: { trajectId: kandidaat.trajectId, verantwoordelijkeSoort: soort, verantwoordelijkeNaam: naam } }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ['nazorgkandidaten'] }); void qc.invalidateQueries({ queryKey: ['nazorgplannen'] }); },
  });
  const id = `pm-${kandidaat.trajectId}`;
  return (
    <form onSubmit={(e) => { e.preventDefault(); maak.mutate(); }} className="onderdak-inline-form" aria-label={`Nazorgplan voor ${kandidaat.naam}`}>
      <SelectField id={`${id}-soort`} label="Wie" value={soort} onChange={(e) => { setSoort(e.target.value); setNaam(VERANTWOORDELIJKEN.find(([c]) => c === e.target.value)?.[1] ?? ''); }}>
        {VERANTWOORDELIJKEN.map(([c, l]) => <option key={c} value={c}>{l}</option>)}
      </SelectField>
      <TextField id={`${id}-naam`} label="Team of naam" value={naam} onChange={(e) => setNaam(e.target.value)} error={maak.error instanceof ApiError ? maak.error.invalidParams.find((p) => p.name === 'verantwoordelijkeNaam')?.reason : undefined} />
      <Button type="submit" variant="secondary" busy={maak.isPending}>Plan maken (1, 3, 6, 12 mnd)</Button>
      {maak.error && !(maak.error instanceof ApiError && maak.error.invalidParams.length) && <ErrorAlert error={maak.error} />}
    </form>
  );
}

export function NazorgPlanPage() {
  const { planId } = useParams({ strict: false }) as { planId: string };
  useTitel('Nazorgplan');
  const qc = useQueryClient();
  const plan = useQuery({ queryKey: ['nazorgplan', planId], queryFn: () => api<Plan>(`/v1/nazorgplannen/${planId}`) });
  const [c, setC] = useState({ datum: vandaag(), bereikt: '' as 'ja' | 'nee' | '', geplandContactId: '', zorgsignaal: false, notitie: '' });
  const [b, setB] = useState({ uitvoerder: 'Sociale dienst', start: vandaag(), afbouwVanaf: '', eind: '' });
  const zet = (p: Plan) => { qc.setQueryData(['nazorgplan', planId], p); void qc.invalidateQueries({ queryKey: ['nazorgplannen'] }); };
  const contact = useMutation({
    mutationFn: () => api<Plan>(`/v1/nazorgplannen/${planId}/contacten`, { method: 'POST', body: { datum: c.datum, bereikt: c.bereikt === '' ? undefined : c.bereikt === 'ja', geplandContactId: c.geplandContactId || null, zorgsignaal: c.zorgsignaal, notitie: c.notitie || null } }),
    onSuccess: (p) => { zet(p); setC({ ...c, bereikt: '', geplandContactId: '', zorgsignaal: false, notitie: '' }); },
  });
  const afsluiten = useMutation({ mutationFn: () => api<Plan>(`/v1/nazorgplannen/${planId}/afsluitingen`, { method: 'POST', body: { datum: vandaag() } }), onSuccess: zet });
  const budget = useMutation({
    mutationFn: () => api<Budget>('/v1/budgetbeheertrajecten', { method: 'POST', body: { clientId: plan.data!.clientId, nazorgplanId: planId, ...b } }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ['nazorgplan', planId] }); void qc.invalidateQueries({ queryKey: ['budgetbeheer'] }); },
  });
  if (plan.isPending) return <Loading />;
  if (plan.error) return <PaginaFout error={plan.error} />;
  const p = plan.data;
  const cf = contact.error instanceof ApiError ? contact.error.invalidParams : [];
  const bf = budget.error instanceof ApiError ? budget.error.invalidParams : [];
  const open = p.contacten.filter((x) => x.status !== 'gedaan' && x.gepland);
  return (
    <>
      <Paragraph><Link to="/nazorg" className="utrecht-link">← Werklijst nazorg</Link></Paragraph>
      <Heading level={1}>Nazorgplan {p.naam}</Heading>
      <DataList items={[
        ['Cliënt', <Link to="/clienten/$clientId" params={{ clientId: p.clientId }} className="utrecht-link">{p.naam}</Link>],
        ['Uitstroom', `${datum(p.uitstroomDatum)} naar ${p.bestemmingLabel ?? '—'}`],
        ['Verantwoordelijke', p.toeTeWijzen ? <StatusBadge status="warning">Verantwoordelijke toewijzen</StatusBadge> : p.verantwoordelijke.naam ? `${p.verantwoordelijke.naam} (${p.verantwoordelijke.soortLabel})` : p.verantwoordelijke.soortLabel],
        ['Nieuw adres', p.adres ? `${p.adres.postcode} ${p.adres.huisnummer}` : '—'],
        ['Status', p.status === 'afgesloten' ? `Afgesloten op ${datum(p.afgeslotenOp)}${p.redenAfsluiting ? ` — ${p.redenAfsluiting}` : ''}` : 'Actief'],
      ]} />
      {p.alarmen.length > 0 && <Alert type="warning" title="Alarmsignalen"><Alarmen alarmen={p.alarmen} /></Alert>}
      {p.mogelijkheden.wijzigen && <VerantwoordelijkeWijzigen plan={p} onSaved={zet} />}
      <section aria-labelledby="contacten-kop">
        <Heading level={2} id="contacten-kop">Contacten</Heading>
        <Table caption="Geplande en geregistreerde contacten" captionHidden>
          <THead><Tr><Th>Moment</Th><Th>Gepland</Th><Th>Gedaan</Th><Th>Bereikt</Th><Th>Notitie</Th>{p.mogelijkheden.planningWijzigen && <Th>Planning aanpassen</Th>}</Tr></THead>
          <TBody>{p.contacten.map((x) => (
            <Tr key={x.id}>
              <Td>{x.maanden ? `Na ${x.maanden} ${x.maanden === 1 ? 'maand' : 'maanden'}` : 'Extra contact'}</Td>
              <Td>{x.gepland ? datum(x.gepland) : '—'} {x.status === 'gemist' && <StatusBadge status="danger">Gemist</StatusBadge>}</Td>
              <Td>{x.datum ? datum(x.datum) : '—'}</Td>
              <Td>{x.bereikt == null ? '—' : x.bereikt ? 'Ja' : 'Nee'}{x.zorgsignaal && <> <StatusBadge status="warning">Zorgsignaal</StatusBadge></>}</Td>
              <Td>{x.notitie ?? '—'}</Td>
              {p.mogelijkheden.planningWijzigen && <Td>{x.gepland && x.status !== 'gedaan' ? <ContactmomentAanpassen planId={planId} contact={x} onSaved={zet} /> : '—'}</Td>}
            </Tr>
          ))}</TBody>
        </Table>
        {p.mogelijkheden.planningWijzigen && <ContactmomentToevoegen planId={planId} onSaved={zet} />}
      </section>
      {p.mogelijkheden.contactRegistreren && (
        <section aria-labelledby="contact-kop">
          <Heading level={2} id="contact-kop">Contact registreren</Heading>
          <form onSubmit={(e) => { e.preventDefault(); contact.mutate(); }} noValidate className="onderdak-form">
            <ErrorSummary errors={cf.map((x) => ({ id: `nc-${x.name}`, message: x.reason }))} />
            {contact.error && !cf.length && <ErrorAlert error={contact.error} />}
            <SelectField id="nc-geplandContactId" label="Welk contactmoment" value={c.geplandContactId} onChange={(e) => setC({ ...c, geplandContactId: e.target.value })}>
              <option value="">Extra contact (niet gepland)</option>
              {open.map((x) => <option key={x.id} value={x.id}>{x.maanden ? `Na ${x.maanden} ${x.maanden === 1 ? 'maand' : 'maanden'}` : 'Extra contact'} (gepland {datum(x.gepland)})</option>)}
            </SelectField>
            <TextField id="nc-datum" type="date" label="Datum" value={c.datum} max={vandaag()} onChange={(e) => setC({ ...c, datum: e.target.value })} error={cf.find((x) => x.name === 'datum')?.reason} />
            <RadioGroup idPrefix="nc" name="bereikt" legend="Is de cliënt bereikt?" value={c.bereikt} onChange={(v) => setC({ ...c, bereikt: v })} options={[{ value: 'ja', label: 'Ja' }, { value: 'nee', label: 'Nee' }]} error={cf.find((x) => x.name === 'bereikt')?.reason} />
            <CheckboxField id="nc-zorgsignaal" label="Zorgsignaal: tekenen van dreigende terugval" checked={c.zorgsignaal} onChange={(e) => setC({ ...c, zorgsignaal: e.target.checked })} />
            <TextareaField id="nc-notitie" label="Notitie" optional value={c.notitie} onChange={(e) => setC({ ...c, notitie: e.target.value })} />
            <ButtonGroup>
              <Button type="submit" variant="primary" busy={contact.isPending}>Contact registreren</Button>
              {p.mogelijkheden.afsluiten && <Button variant="secondary" busy={afsluiten.isPending} onClick={() => afsluiten.mutate()}>Nazorgplan afsluiten</Button>}
            </ButtonGroup>
            {afsluiten.error && <ErrorAlert error={afsluiten.error} />}
          </form>
        </section>
      )}
      <section aria-labelledby="pb-kop">
        <Heading level={2} id="pb-kop">Preventief budgetbeheer</Heading>
        {p.budgetbeheer.length === 0 ? <Paragraph>Geen budgetbeheer.</Paragraph> : (
          <DataList items={p.budgetbeheer.map((x) => [x.uitvoerder, <>
            <BudgetPeriode b={x} />; afbouw vanaf {datum(x.afbouwVanaf)}{!x.afbouwBereikt && ' (niet bereikt)'}; nu: {FASE_LABEL[x.fase] ?? x.fase}
            {(x.mogelijkheden.voortijdigBeeindigen || x.mogelijkheden.annuleren) && <BudgetBeeindigen budget={x} />}
          </>])} />
        )}
        {p.mogelijkheden.budgetbeheerToevoegen && p.budgetbeheer.every((x) => x.fase === 'afgerond' || x.fase === 'geannuleerd') && (
          <form onSubmit={(e) => { e.preventDefault(); budget.mutate(); }} noValidate className="onderdak-form">
            <Heading level={3}>Budgetbeheer vastleggen (1 tot 3 jaar)</Heading>
            <ErrorSummary errors={bf.map((x) => ({ id: `pb-${x.name}`, message: x.reason }))} />
            {budget.error && !bf.length && <ErrorAlert error={budget.error} />}
            <TextField id="pb-uitvoerder" label="Uitvoerder" value={b.uitvoerder} onChange={(e) => setB({ ...b, uitvoerder: e.target.value })} error={bf.find((x) => x.name === 'uitvoerder')?.reason} />
            <TextField id="pb-start" type="date" label="Start (opbouwfase)" value={b.start} onChange={(e) => setB({ ...b, start: e.target.value })} error={bf.find((x) => x.name === 'start')?.reason} />
            <TextField id="pb-afbouwVanaf" type="date" label="Afbouwfase vanaf" value={b.afbouwVanaf} onChange={(e) => setB({ ...b, afbouwVanaf: e.target.value })} error={bf.find((x) => x.name === 'afbouwVanaf')?.reason} />
            <TextField id="pb-eind" type="date" label="Einde" value={b.eind} onChange={(e) => setB({ ...b, eind: e.target.value })} error={bf.find((x) => x.name === 'eind')?.reason} />
            <ButtonGroup><Button type="submit" variant="secondary" busy={budget.isPending}>Budgetbeheer vastleggen</Button></ButtonGroup>
          </form>
        )}
      </section>
    </>
  );
}

function BudgetPeriode({ b }: { b: Budget }) {
  if (b.fase === 'geannuleerd' && b.voortijdigBeeindigd) return <>gepland vanaf {datum(b.start)}; geannuleerd op {datum(b.voortijdigBeeindigd.datum)}{b.voortijdigBeeindigd.reden ? `: ${b.voortijdigBeeindigd.reden}` : ''}</>;
  if (!b.voortijdigBeeindigd) return <>{datum(b.start)} – {datum(b.eind)} ({b.duurMaanden} mnd)</>;
  return <>{datum(b.start)} – {datum(b.voortijdigBeeindigd.datum)} ({b.duurMaanden} mnd; voortijdig beëindigd, gepland tot {datum(b.eind)}{b.voortijdigBeeindigd.reden ? `: ${b.voortijdigBeeindigd.reden}` : ''})</>;
}

/** Ends a running budgetbeheer before its planned end: date and a required reason. */
function BudgetBeeindigen({ budget }: { budget: Budget }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({ datum: vandaag(), reden: '' });
  const stop = useMutation({
    mutationFn: () => api<Budget>(`/v1/budgetbeheertrajecten/${budget.id}/beeindigingen`, { method: 'POST', body: f }),
    onSuccess: () => { setOpen(false); void qc.invalidateQueries({ queryKey: ['budgetbeheer'] }); void qc.invalidateQueries({ queryKey: ['nazorgplan'] }); },
  });
  const fouten = stop.error instanceof ApiError ? stop.error.invalidParams : [];
  const id = `bb-${budget.id}`;
  const annuleren = !!budget.mogelijkheden.annuleren;
  if (!open) return <Button variant="secondary" onClick={() => setOpen(true)}>{annuleren ? 'Annuleren vóór de start' : 'Voortijdig beëindigen'}</Button>;
  return (
    <form onSubmit={(e) => { e.preventDefault(); stop.mutate(); }} noValidate className="onderdak-form" aria-label={`Budgetbeheer van ${budget.naam} ${annuleren ? 'annuleren' : 'voortijdig beëindigen'}`}>
      <ErrorSummary errors={fouten.map((x) => ({ id: `${id}-${x.name}`, message: x.reason }))} />
      {stop.error && !fouten.length && <ErrorAlert error={stop.error} />}
      <TextField id={`${id}-datum`} type="date" label={annuleren ? 'Geannuleerd op' : 'Beëindigd op'} value={f.datum} max={vandaag()} onChange={(e) => setF({ ...f, datum: e.target.value })} error={fouten.find((x) => x.name === 'datum')?.reason} />
      <TextareaField id={`${id}-reden`} label="Reden" value={f.reden} onChange={(e) => setF({ ...f, reden: e.target.value })} error={fouten.find((x) => x.name === 'reden')?.reason} />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={stop.isPending}>{annuleren ? 'Budgetbeheer annuleren' : 'Budgetbeheer beëindigen'}</Button>
        <Button variant="secondary" onClick={() => { setOpen(false); stop.reset(); }}>Annuleren</Button>
      </ButtonGroup>
    </form>
  );
}

/** Assign (or change) the responsible party and the new address. */
function VerantwoordelijkeWijzigen({ plan, onSaved }: { plan: Plan; onSaved: (p: Plan) => void }) {
  const [f, setF] = useState({
    verantwoordelijkeSoort: plan.verantwoordelijke.soort ?? 'wijkteam', verantwoordelijkeNaam: plan.verantwoordelijke.naam ?? '',
    postcode: plan.adres?.postcode ?? '', huisnummer: plan.adres?.huisnummer ?? '',
  });
  const [open, setOpen] = useState(plan.toeTeWijzen);
  const save = useMutation({
    mutationFn: () => api<Plan>(`/v1/nazorgplannen/${plan.id}`, { method: 'PATCH', body: { ...f, postcode: f.postcode || null, huisnummer: f.huisnummer || null } }),
    onSuccess: (p) => { onSaved(p); setOpen(false); },
  });
  const fouten = save.error instanceof ApiError ? save.error.invalidParams : [];
  const fout = (name: string) => fouten.find((x) => x.name === name)?.reason;
  return (
    <section aria-labelledby="verantw-kop">
      <Heading level={2} id="verantw-kop">{plan.toeTeWijzen ? 'Verantwoordelijke toewijzen' : 'Verantwoordelijke en adres'}</Heading>
      {plan.toeTeWijzen && <Paragraph>Dit nazorgplan is automatisch gemaakt bij de uitstroom. Wie houdt contact?</Paragraph>}
      {!open ? <Button variant="secondary" onClick={() => setOpen(true)}>Verantwoordelijke of adres wijzigen</Button> : (
        <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }} noValidate className="onderdak-form">
          <ErrorSummary errors={fouten.map((x) => ({ id: `vw-${x.name}`, message: x.reason }))} />
          {save.error && !fouten.length && <ErrorAlert error={save.error} />}
          <SelectField id="vw-verantwoordelijkeSoort" label="Wie doet de nazorg" value={f.verantwoordelijkeSoort} error={fout('verantwoordelijkeSoort')}
            onChange={(e) => setF({ ...f, verantwoordelijkeSoort: e.target.value, verantwoordelijkeNaam: f.verantwoordelijkeNaam || (VERANTWOORDELIJKEN.find(([c]) => c === e.target.value)?.[1] ?? '') })}>
            {VERANTWOORDELIJKEN.map(([c, l]) => <option key={c} value={c}>{l}</option>)}
          </SelectField>
          <TextField id="vw-verantwoordelijkeNaam" label="Team of naam" value={f.verantwoordelijkeNaam} onChange={(e) => setF({ ...f, verantwoordelijkeNaam: e.target.value })} error={fout('verantwoordelijkeNaam')} />
          <TextField id="vw-postcode" label="Postcode nieuw adres" optional value={f.postcode} onChange={(e) => setF({ ...f, postcode: e.target.value })} error={fout('postcode')} />
          <TextField id="vw-huisnummer" label="Huisnummer nieuw adres" optional value={f.huisnummer} onChange={(e) => setF({ ...f, huisnummer: e.target.value })} error={fout('huisnummer')} />
          <ButtonGroup>
            <Button type="submit" variant="primary" busy={save.isPending}>Opslaan</Button>
            {!plan.toeTeWijzen && <Button variant="secondary" onClick={() => { setOpen(false); save.reset(); }}>Annuleren</Button>}
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}

type PlanContact = Plan['contacten'][number];

/** Move or remove one planned (not yet done) contact moment. */
function ContactmomentAanpassen({ planId, contact, onSaved }: { planId: string; contact: PlanContact; onSaved: (p: Plan) => void }) {
  const [gepland, setGepland] = useState(contact.gepland ?? '');
  const path = `/v1/nazorgplannen/${planId}/contactmomenten/${contact.id}`;
  const move = useMutation({ mutationFn: () => api<Plan>(path, { method: 'PATCH', body: { gepland } }), onSuccess: onSaved });
  const remove = useMutation({ mutationFn: () => api<Plan>(path, { method: 'DELETE' }), onSuccess: onSaved });
  const fout = move.error instanceof ApiError ? move.error.invalidParams.find((x) => x.name === 'gepland')?.reason : undefined;
  const moment = contact.maanden ? `na ${contact.maanden} ${contact.maanden === 1 ? 'maand' : 'maanden'}` : `extra contact ${datum(contact.gepland)}`;
  return (
    <form onSubmit={(e) => { e.preventDefault(); move.mutate(); }} noValidate className="onderdak-inline-form" aria-label={`Contactmoment ${moment} aanpassen`}>
      <TextField id={`cm-${contact.id}`} type="date" label={`Nieuwe datum (${moment})`} value={gepland} min={vandaag()} onChange={(e) => setGepland(e.target.value)} error={fout} />
      <Button type="submit" variant="secondary" busy={move.isPending}>Verplaatsen</Button>
      <Button variant="secondary" danger busy={remove.isPending} onClick={() => remove.mutate()}>Schrappen</Button>
      {move.error && !fout && <ErrorAlert error={move.error} />}
      {remove.error && <ErrorAlert error={remove.error} />}
    </form>
  );
}

function ContactmomentToevoegen({ planId, onSaved }: { planId: string; onSaved: (p: Plan) => void }) {
  const [gepland, setGepland] = useState('');
  const add = useMutation({ mutationFn: () => api<Plan>(`/v1/nazorgplannen/${planId}/contactmomenten`, { method: 'POST', body: { gepland } }), onSuccess: (p) => { onSaved(p); setGepland(''); } });
  const fouten = add.error instanceof ApiError ? add.error.invalidParams : [];
  return (
    <form onSubmit={(e) => { e.preventDefault(); add.mutate(); }} noValidate className="onderdak-form" aria-labelledby="cm-nieuw-kop">
      <Heading level={3} id="cm-nieuw-kop">Contactmoment toevoegen</Heading>
      <ErrorSummary errors={fouten.map((x) => ({ id: 'cm-nieuw-gepland', message: x.reason }))} />
      {add.error && !fouten.length && <ErrorAlert error={add.error} />}
      <TextField id="cm-nieuw-gepland" type="date" label="Gepland op" value={gepland} min={vandaag()} onChange={(e) => setGepland(e.target.value)} error={fouten.find((x) => x.name === 'gepland')?.reason} />
      <ButtonGroup><Button type="submit" variant="secondary" busy={add.isPending}>Contactmoment plannen</Button></ButtonGroup>
    </form>
  );
}
