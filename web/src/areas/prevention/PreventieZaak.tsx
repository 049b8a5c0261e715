// Issue 6 — one Vroeg Eropaf case: the signal, the steps taken and recording the next step (or the outcome).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, apiGet, apiPad } from '../../api/client';
import { datum, vandaag } from '../../ui/format';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  ErrorAlert,
  ErrorSummary,
  Formulier,
  Heading,
  Loading,
  PaginaFout,
  Paragraph,
  RadioGroup,
  SelectField,
  StatusBadge,
  Table,
  TBody,
  Td,
  TextareaField,
  TextField,
  THead,
  Th,
  Tr,
  useTitel,
} from '../../ui/ui';
import { euro, statusBadge, UITKOMSTEN, type Zaak } from './preventie/preventieApi';

export function PreventieZaakPage() {
  const { zaakId } = useParams({ strict: false }) as { zaakId: string };
  const zaak = useQuery({
    queryKey: ['preventiezaak', zaakId],
    queryFn: () => apiGet('/preventiezaken/{id}', { params: { id: zaakId } }),
  });
  useTitel('Preventiezaak');
  if (zaak.isPending) return <Loading />;
  if (zaak.error) return <PaginaFout error={zaak.error} />;
  const z = zaak.data;
  const s = z.signaal;
  return (
    <>
      <Paragraph>
        <Link to="/preventie" className="utrecht-link">
          ← Werklijst preventie
        </Link>
      </Paragraph>
      <Heading level={1}>
        Preventiezaak {s.voornaam} {s.achternaam}
      </Heading>
      <Paragraph>
        <StatusBadge status={statusBadge(z.status)}>{z.uitkomstLabel ?? z.statusLabel}</StatusBadge>{' '}
        {z.eersteActie
          ? z.binnenTermijn
            ? `Binnen 2 weken opgepakt (${datum(z.eersteActie)}).`
            : `Opgepakt op ${datum(z.eersteActie)}, na de termijn van 2 weken.`
          : `${z.dagenOud} dagen sinds het signaal, nog geen contact of huisbezoek.`}
      </Paragraph>
      {z.bekendeClientId && (
        <Alert type="warning" title="Deze persoon is bekend bij de opvang">
          <Paragraph>
            <Link to="/clienten/$clientId" params={{ clientId: z.bekendeClientId }} className="utrecht-link">
              Open het dossier
            </Link>
          </Paragraph>
        </Alert>
      )}
      <section aria-labelledby="sig-kop">
        <Heading level={2} id="sig-kop">
          Signaal
        </Heading>
        <DataList
          items={[
            ['Bron', `${s.bronNaam} (${s.bronLabel})`],
            ['Kenmerk', s.referentie],
            ['Signaaldatum', datum(s.datum)],
            ['Achterstand', `${euro.format(s.bedragAchterstand)} (${s.maandenAchterstand} maanden)`],
            ['Adres', `${s.postcode} ${s.huisnummer}`],
            ['Geboortedatum', s.geboortedatum ? datum(s.geboortedatum) : '—'],
            ['BSN', s.bsn ?? '—'],
          ]}
        />
      </section>
      <section aria-labelledby="stappen-kop">
        <Heading level={2} id="stappen-kop">
          Stappen
        </Heading>
        {z.stappen.length === 0 ? (
          <Paragraph>Nog geen stappen.</Paragraph>
        ) : (
          <Table caption="Stappen" captionHidden>
            <THead>
              <Tr>
                <Th>Datum</Th>
                <Th>Stap</Th>
                <Th>Resultaat</Th>
                <Th>Toelichting</Th>
                <Th>Door</Th>
              </Tr>
            </THead>
            <TBody>
              {z.stappen.map((st) => (
                <Tr key={st.id}>
                  <Td>{datum(st.datum)}</Td>
                  <Td>{st.soortLabel}</Td>
                  <Td>{st.uitkomstLabel ?? (st.bereikt ? 'Bereikt' : 'Niet bereikt')}</Td>
                  <Td>{st.toelichting ?? '—'}</Td>
                  <Td>{st.door ?? '—'}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
      <StapVastleggen zaakId={zaakId} m={z.mogelijkheden} />
    </>
  );
}

/** The form for the next step; its state stays while the case page is open (hidden once no step is possible). */
function StapVastleggen({ zaakId, m }: { zaakId: string; m: Zaak['mogelijkheden'] }) {
  const qc = useQueryClient();
  const [soort, setSoort] = useState<'contactpoging' | 'huisbezoek' | 'uitkomst'>('contactpoging');
  const [bereikt, setBereikt] = useState<'ja' | 'nee' | ''>('');
  const [uitkomst, setUitkomst] = useState('');
  const [stapDatum, setStapDatum] = useState(vandaag());
  const [toelichting, setToelichting] = useState('');
  const stap = useMutation({
    mutationFn: () =>
      apiPad('post', '/preventiezaken/{id}/stappen', {
        params: { id: zaakId },
        body: {
          soort,
          datum: stapDatum,
          bereikt: soort === 'uitkomst' ? null : bereikt === '' ? null : bereikt === 'ja',
          uitkomst: soort === 'uitkomst' ? uitkomst || null : null,
          toelichting: toelichting || null,
        },
      }),
    onSuccess: (z) => {
      qc.setQueryData(['preventiezaak', zaakId], z);
      void qc.invalidateQueries({ queryKey: ['preventiezaken'] });
      setToelichting('');
      setBereikt('');
      setUitkomst('');
    },
  });
  if (!(m.contactpoging || m.huisbezoek || m.afsluiten)) return null;
  const fouten = stap.error instanceof ApiError ? stap.error.invalidParams : [];
  return (
    <section aria-labelledby="stap-kop">
      <Heading level={2} id="stap-kop">
        Stap vastleggen
      </Heading>
      <Formulier
        concept={`preventiestap:${zaakId}`}
        onSubmit={(e) => {
          e.preventDefault();
          stap.mutate();
        }}
        noValidate
        className="onderdak-form"
      >
        <ErrorSummary errors={fouten.map((p) => ({ id: `stap-${p.name}`, message: p.reason }))} />
        {stap.error && !fouten.length && <ErrorAlert error={stap.error} />}
        <SelectField
          id="stap-soort"
          label="Soort stap"
          value={soort}
          onChange={(e) => setSoort(e.target.value as typeof soort)}
        >
          {m.contactpoging && <option value="contactpoging">Contactpoging (telefoon, brief, mail)</option>}
          {m.huisbezoek && <option value="huisbezoek">Huisbezoek</option>}
          {m.afsluiten && <option value="uitkomst">Uitkomst (zaak afsluiten)</option>}
        </SelectField>
        <TextField
          id="stap-datum"
          type="date"
          label="Datum"
          value={stapDatum}
          max={vandaag()}
          onChange={(e) => setStapDatum(e.target.value)}
          error={fouten.find((p) => p.name === 'datum')?.reason}
        />
        {soort !== 'uitkomst' ? (
          <RadioGroup
            idPrefix="stap"
            name="bereikt"
            legend="Is de bewoner bereikt?"
            value={bereikt}
            onChange={setBereikt}
            options={[
              { value: 'ja', label: 'Ja' },
              { value: 'nee', label: 'Nee' },
            ]}
            error={fouten.find((p) => p.name === 'bereikt')?.reason}
          />
        ) : (
          <SelectField
            id="stap-uitkomst"
            label="Uitkomst"
            value={uitkomst}
            onChange={(e) => setUitkomst(e.target.value)}
            error={fouten.find((p) => p.name === 'uitkomst')?.reason}
          >
            <option value="">Kies een uitkomst</option>
            {m.uitkomsten.map((u) => (
              <option key={u} value={u}>
                {UITKOMSTEN[u] ?? u}
              </option>
            ))}
          </SelectField>
        )}
        <TextareaField
          id="stap-toelichting"
          label="Toelichting"
          optional
          value={toelichting}
          onChange={(e) => setToelichting(e.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" variant="primary" busy={stap.isPending}>
            Stap vastleggen
          </Button>
        </ButtonGroup>
      </Formulier>
    </section>
  );
}
