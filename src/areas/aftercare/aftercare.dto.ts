// Response schemas of aftercare plans (nazorg / waakvlam) and the shaping of rows into them.
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import { codeOf, codes } from '../prevention/prevention-codes.js';
import type { ContactRow, PlanRow } from './aftercare.queries.js';
import { ALARM_KINDS, type Alarm } from './aftercare-alarms.js';
import { destLabel, PLAN_STATUSES, RESPONSIBLE_KINDS, UNASSIGNED_LABEL } from './aftercare-rules.js';
import { Budget } from './budget.dto.js';

const PlanStatus = z.enum(codes(PLAN_STATUSES));

const Responsible = z
  .object({
    soort: z.enum(codes(RESPONSIBLE_KINDS)).nullable(),
    soortLabel: z.string(),
    naam: z.string().nullable(),
    toegewezen: z
      .boolean()
      .openapi({ description: `false: automatisch gemaakt bij de uitstroom, "${UNASSIGNED_LABEL}"` }),
  })
  .openapi('NazorgVerantwoordelijke');

const AlarmSchema = z.object({ soort: z.enum(ALARM_KINDS), datum: DatumUit, tekst: z.string() }).openapi('NazorgAlarm');

export const CONTACT_STATUSES = ['gedaan', 'gemist', 'gepland'] as const;
const Contact = z
  .object({
    id: z.string(),
    maanden: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Maanden na de uitstroom; null: extra contactmoment of los contact' }),
    gepland: DatumUit.nullable(),
    datum: DatumUit.nullable().openapi({ description: 'Datum van het geregistreerde contact' }),
    bereikt: z.boolean().nullable(),
    zorgsignaal: z.boolean(),
    notitie: z.string().nullable(),
    status: z.enum(CONTACT_STATUSES),
  })
  .openapi('NazorgplanContact');

const planHead = {
  id: z.string(),
  clientId: z.string(),
  naam: z.string(),
  uitstroomDatum: DatumUit,
  bestemmingLabel: z.string().nullable(),
  status: PlanStatus,
  verantwoordelijke: Responsible,
  toeTeWijzen: z.boolean().openapi({ description: 'Actief en nog zonder verantwoordelijke' }),
  alarmen: z.array(AlarmSchema),
};

export const PlanListItem = z
  .object({
    ...planHead,
    volgendContact: z
      .object({ id: z.string(), gepland: DatumUit, maanden: z.number().int().nullable(), overTijd: z.boolean() })
      .nullable(),
    gemist: z.number().int(),
    contactenGedaan: z.number().int(),
  })
  .openapi('NazorgplanRegel');
export const PlanList = z.object({ resultaten: z.array(PlanListItem) }).openapi('Nazorgplannen');

export const PlanView = z
  .object({
    ...planHead,
    trajectId: z.string(),
    afgeslotenOp: DatumUit.nullable(),
    redenAfsluiting: z.string().nullable(),
    adres: z
      .object({ postcode: z.string(), huisnummer: z.string().nullable() })
      .nullable()
      .openapi({ description: 'Het nieuwe adres, waarop nieuwe signalen worden herkend' }),
    contacten: z.array(Contact),
    budgetbeheer: z.array(Budget),
    mogelijkheden: z
      .object({
        contactRegistreren: z.boolean(),
        afsluiten: z.boolean(),
        budgetbeheerToevoegen: z.boolean(),
        wijzigen: z.boolean(),
        planningWijzigen: z.boolean(),
      })
      .openapi('NazorgplanMogelijkheden'),
  })
  .openapi('Nazorgplan');
export type PlanView = z.infer<typeof PlanView>;

export const PlanCandidates = z
  .object({
    resultaten: z.array(
      z
        .object({
          trajectId: z.string(),
          clientId: z.string(),
          naam: z.string(),
          uitstroomDatum: DatumUit,
          bestemmingLabel: z.string().nullable(),
          standaardMaanden: z.array(z.number().int()),
        })
        .openapi('Nazorgkandidaat'),
    ),
  })
  .openapi('Nazorgkandidaten');
export type PlanCandidates = z.infer<typeof PlanCandidates>;

function responsibleDto(kind: string | null, name: string | null): z.infer<typeof Responsible> {
  return kind && name
    ? {
        soort: codeOf(RESPONSIBLE_KINDS, kind),
        soortLabel: RESPONSIBLE_KINDS.find((r) => r.code === kind)?.label ?? kind,
        naam: name,
        toegewezen: true,
      }
    : { soort: null, soortLabel: UNASSIGNED_LABEL, naam: null, toegewezen: false };
}

function contactDto(c: ContactRow, today: string): z.infer<typeof Contact> {
  return {
    id: c.id,
    maanden: c.month_offset,
    gepland: c.planned_on,
    datum: c.done_on,
    bereikt: c.reached,
    zorgsignaal: c.concern,
    notitie: c.notes,
    status: c.done_on ? 'gedaan' : c.planned_on && c.planned_on < today ? 'gemist' : 'gepland',
  };
}

function planHeadDto(p: PlanRow, alarms: Alarm[]) {
  const status = codeOf(PLAN_STATUSES, p.status);
  return {
    id: p.id,
    clientId: p.client_id,
    naam: `${p.first_name} ${p.last_name}`,
    uitstroomDatum: p.exit_on,
    bestemmingLabel: destLabel(p.exit_destination),
    status,
    verantwoordelijke: responsibleDto(p.responsible_kind, p.responsible_name),
    /** Made automatically at the exit: someone has to take it on ("verantwoordelijke toewijzen"). */
    toeTeWijzen: status === 'actief' && !p.responsible_kind,
    alarmen: alarms,
  };
}

/** One line of the worklist: the next open contact, missed ones and alarms. */
export function planListItemDto(
  p: PlanRow,
  own: readonly ContactRow[],
  alarms: Alarm[],
  today: string,
): z.infer<typeof PlanListItem> {
  const next = own
    .flatMap((c) => (c.planned_on && !c.done_on ? [{ id: c.id, gepland: c.planned_on, maanden: c.month_offset }] : []))
    .sort((a, b) => a.gepland.localeCompare(b.gepland))[0];
  return {
    ...planHeadDto(p, alarms),
    volgendContact: next ? { ...next, overTijd: next.gepland < today } : null,
    gemist: alarms.filter((x) => x.soort === 'gemist-contact').length,
    contactenGedaan: own.filter((c) => c.done_on).length,
  };
}

/** The plan with its contacts, alarms and budgetbeheer; `may` are the user's rights on it. */
export function planViewDto(
  p: PlanRow,
  contacts: readonly ContactRow[],
  alarms: Alarm[],
  budget: Budget[],
  x: { today: string; mayChange: boolean; mayAddBudget: boolean },
): PlanView {
  return {
    ...planHeadDto(p, alarms),
    trajectId: p.trajectory_id,
    afgeslotenOp: p.closed_on,
    redenAfsluiting: p.close_reason,
    adres: p.postcode ? { postcode: p.postcode, huisnummer: p.house_number } : null,
    contacten: contacts.map((c) => contactDto(c, x.today)),
    budgetbeheer: budget,
    mogelijkheden: {
      contactRegistreren: x.mayChange,
      afsluiten: x.mayChange,
      budgetbeheerToevoegen: x.mayChange && x.mayAddBudget,
      wijzigen: x.mayChange,
      planningWijzigen: x.mayChange,
    },
  };
}
