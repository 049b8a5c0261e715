// Vroegsignalering (domain.md §1, actielijn 1): payment-arrears signals from landlords, corporaties, energy and
// water companies and health insurers. Each stored signal opens a preventive case (Vroeg Eropaf, ./cases.service.ts).
// Signals arrive one by one (form/API) or as a CSV batch: preview first (row-level errors), then commit, which
// stores the valid rows and reports the rejected ones. The natural key (source type, source name, reference)
// makes a re-upload of the same rows a no-op instead of a duplicate. The rules of one signal and of the CSV are in
// ./signal-csv.ts.

import { ConflictError, NotFoundError, Problems, ValidationError } from '../../platform/errors.js';
import { todayInNl } from '../../platform/validation.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import {
  type CheckedCsv,
  checkCsv,
  naturalKey,
  personOfRow,
  type SignalInput,
  type ValidSignal,
  validateSignal,
} from './signal-csv.js';
import { previewDto, type SignalFileCommitted, type SignalFilePreview, type SignalIds } from './signals.dto.js';
import { clientsPossiblyShown, existingKeys, matchClient } from './signals.queries.js';

async function insertSignal(ctx: Ctx, v: ValidSignal, upload?: { id: string; row: number }): Promise<SignalIds> {
  const s = await ctx.db
    .insertInto('early_signals')
    .values({
      ...v,
      tenant_id: ctx.actor.tenantId,
      upload_id: upload?.id ?? null,
      upload_row: upload?.row ?? null,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const c = await ctx.db
    .insertInto('prevention_cases')
    .values({ tenant_id: ctx.actor.tenantId, signal_id: s.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const clientId = await matchClient(ctx, v);
  await audit(ctx, {
    clientId,
    action: 'aanmaken',
    resource: 'vroegsignaal',
    detail: `signaal ${s.id}${upload ? ` (bestand, regel ${upload.row})` : ''}`,
    basis: 'Wgs art. 3 / Wet schuldhulpverlening — vroegsignalering',
  });
  return { signaalId: s.id, zaakId: c.id };
}

/** One signal from the form or the API. 409 when this source already sent this reference. */
export async function createSignal(ctx: Ctx, input: SignalInput) {
  authorize(ctx, 'signalen.vastleggen');
  const { value, problems } = validateSignal(input, todayInNl(ctx.now));
  if (!value) throw new ValidationError(problems.map((x) => ({ name: x.veld, code: 'invalid', reason: x.reden })));
  if ((await existingKeys(ctx, [value])).size)
    throw new ConflictError(
      `Dit signaal is al ontvangen: ${value.source_name} heeft kenmerk ${value.reference} eerder gemeld.`,
    );
  return insertSignal(ctx, value);
}

/** Every person a preview shows, one audit row each (NEN 7513), as far as they may be clients. */
async function auditPreview(ctx: Ctx, uploadId: string, checked: CheckedCsv) {
  await auditPersons(ctx, await clientsPossiblyShown(ctx, checked.rows.map(personOfRow)), {
    action: 'lezen',
    resource: 'signaalbestand',
    detail: `${uploadId}: voorvertoning`,
  });
}

const validValues = (checked: CheckedCsv) => checked.rows.flatMap((r) => (r.value ? [r.value] : []));

/** Stores an uploaded CSV and returns its preview (per row: geldig, fout with reasons, or al-ontvangen). Nothing is stored as a signal yet. */
export async function uploadSignalFile(
  ctx: Ctx,
  input: { bestandsnaam: string; inhoud: string },
): Promise<SignalFilePreview> {
  authorize(ctx, 'signalen.vastleggen');
  const p = new Problems();
  if (!input.bestandsnaam?.trim()) p.add('bestandsnaam', 'required', 'Geef de bestandsnaam mee.');
  if (!input.inhoud?.trim()) p.add('inhoud', 'required', 'Het bestand is leeg.');
  p.throwIfAny();
  const checked = checkCsv(input.inhoud, todayInNl(ctx.now));
  const upload = await ctx.db
    .insertInto('signal_uploads')
    .values({
      tenant_id: ctx.actor.tenantId,
      filename: input.bestandsnaam.trim().slice(0, 200),
      content: input.inhoud,
      row_count: checked.rows.length,
      created_by: ctx.actor.userId,
    })
    .returning(['id', 'filename', 'committed_at'])
    .executeTakeFirstOrThrow();
  await audit(ctx, {
    clientId: null,
    action: 'aanmaken',
    resource: 'signaalbestand',
    detail: `${upload.id}: ${checked.rows.length} regels`,
  });
  await auditPreview(ctx, upload.id, checked);
  return previewDto(
    upload,
    checked,
    await existingKeys(ctx, validValues(checked)),
    can(ctx.actor, 'signalen.vastleggen'),
  );
}

async function loadUpload(ctx: Ctx, id: string, lock = false) {
  let q = ctx.db
    .selectFrom('signal_uploads')
    .select(['id', 'filename', 'content', 'committed_at'])
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId);
  if (lock) q = q.forUpdate();
  const u = await q.executeTakeFirst();
  if (!u) throw new NotFoundError('Signaalbestand niet gevonden.');
  return u;
}

export async function getSignalFile(ctx: Ctx, id: string): Promise<SignalFilePreview> {
  authorize(ctx, 'voorkomen.werken');
  const u = await loadUpload(ctx, id);
  const checked = checkCsv(u.content, todayInNl(ctx.now));
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'signaalbestand', detail: id });
  await auditPreview(ctx, id, checked);
  const mayCommit = can(ctx.actor, 'signalen.vastleggen');
  // After the commit the rows of this file are "already received" by construction: show what was stored instead.
  if (u.committed_at) {
    const stored = await ctx.db
      .selectFrom('early_signals')
      .select(['upload_row'])
      .where('upload_id', '=', id)
      .execute();
    const storedRows = new Set(stored.map((s) => s.upload_row));
    const dto = previewDto(u, checked, new Set(), mayCommit);
    return {
      ...dto,
      rijen: dto.rijen.map((r) =>
        r.status === 'geldig' && storedRows.has(r.rij)
          ? { ...r, status: 'opgeslagen' as const }
          : r.status === 'geldig'
            ? { ...r, status: 'al-ontvangen' as const }
            : r,
      ),
    };
  }
  return previewDto(u, checked, await existingKeys(ctx, validValues(checked)), mayCommit);
}

/**
 * Commits a previewed file: stores the valid rows that were not received before, each with its preventive case,
 * and reports the rejected rows with their Dutch reasons and line numbers. A second commit of the same file is a
 * 409; the same rows in another file are skipped as "al ontvangen" (natural key), never duplicated.
 */
export async function commitSignalFile(ctx: Ctx, id: string): Promise<SignalFileCommitted> {
  authorize(ctx, 'signalen.vastleggen');
  const u = await loadUpload(ctx, id, true);
  if (u.committed_at)
    throw new ConflictError('Dit bestand is al verwerkt. Upload een nieuw bestand voor nieuwe signalen.');
  const checked = checkCsv(u.content, todayInNl(ctx.now));
  const valid = checked.rows.flatMap((r) => (r.value ? [{ rij: r.rij, value: r.value }] : []));
  const known = await existingKeys(
    ctx,
    valid.map((r) => r.value),
  );
  const opgeslagen: { rij: number; signaalId: string; zaakId: string }[] = [];
  const alOntvangen: { rij: number; referentie: string }[] = [];
  for (const r of valid) {
    if (known.has(naturalKey(r.value))) {
      alOntvangen.push({ rij: r.rij, referentie: r.value.reference });
      continue;
    }
    opgeslagen.push({ rij: r.rij, ...(await insertSignal(ctx, r.value, { id, row: r.rij })) });
  }
  await ctx.db
    .updateTable('signal_uploads')
    .set({ committed_at: ctx.now, committed_by: ctx.actor.userId })
    .where('id', '=', id)
    .execute();
  await audit(ctx, {
    clientId: null,
    action: 'wijzigen',
    resource: 'signaalbestand',
    detail: `${id} verwerkt: ${opgeslagen.length} opgeslagen, ${alOntvangen.length} al ontvangen, ${checked.rows.length - valid.length} afgewezen`,
  });
  return {
    id,
    bestandsnaam: u.filename,
    bestandsfouten: checked.bestandsfouten,
    aantalOpgeslagen: opgeslagen.length,
    aantalAlOntvangen: alOntvangen.length,
    opgeslagen,
    alOntvangen,
    afgewezen: checked.rows.filter((r) => !r.value).map((r) => ({ rij: r.rij, fouten: r.fouten })),
  };
}
