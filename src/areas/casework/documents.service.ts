// Documents (attachments) of a client: PDF, PNG or JPEG up to 10 MB, stored in the database (so in every backup),
// recognised by their first bytes, and every download is logged (NEN 7513).
import type { z } from '@hono/zod-openapi';
import { NotFoundError, Problems } from '../../platform/errors.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { DOCUMENT_MAX_BYTES, sniffMediaType } from './casework-codes.js';
import type { Document } from './documents.dto.js';

export interface DocumentInput {
  bestandsnaam: string;
  omschrijving?: string | null;
  inhoud: string; // base64
}

const metaColumns = [
  'id',
  'client_id',
  'file_name',
  'media_type',
  'size_bytes',
  'description',
  'uploaded_by_name',
  'created_at',
] as const;
type Meta = {
  id: string;
  client_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  description: string | null;
  uploaded_by_name: string;
  created_at: Date;
};

function dto(r: Meta): z.infer<typeof Document> {
  return {
    id: r.id,
    clientId: r.client_id,
    bestandsnaam: r.file_name,
    mediatype: r.media_type as z.infer<typeof Document>['mediatype'],
    grootte: r.size_bytes,
    omschrijving: r.description,
    toegevoegdDoor: r.uploaded_by_name,
    toegevoegdOp: new Date(r.created_at).toISOString(),
    inhoudPad: `/v1/documenten/${r.id}/inhoud`,
  };
}

/** GET /v1/clienten/{id}/documenten: the list (names and sizes, not the content), newest first. */
export async function listDocuments(ctx: Ctx, clientId: string) {
  authorize(ctx, 'documenten.lezen');
  await assertClientVisible(ctx, clientId);
  const rows = await ctx.db
    .selectFrom('client_documents')
    .select(metaColumns)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  await audit(ctx, { clientId, action: 'lezen', resource: 'documentenlijst' });
  return {
    resultaten: rows.map(dto),
    maximumGrootte: DOCUMENT_MAX_BYTES,
    toegestaneSoorten: ['application/pdf' as const, 'image/png' as const, 'image/jpeg' as const],
    mogelijkheden: { toevoegen: can(ctx.actor, 'documenten.toevoegen') },
  };
}

/** A file name without a path or control characters, at most 200 characters. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .join('')
    .trim()
    .slice(0, 200);
}

/** POST /v1/clienten/{id}/documenten */
export async function addDocument(ctx: Ctx, clientId: string, input: DocumentInput) {
  authorize(ctx, 'documenten.toevoegen');
  await assertClientVisible(ctx, clientId);
  const p = new Problems();
  const name = cleanName(input.bestandsnaam ?? '');
  if (!name) p.add('bestandsnaam', 'required', 'Geef de naam van het bestand.');
  if ((input.omschrijving ?? '').length > 500) p.add('omschrijving', 'maxLength', 'Ten hoogste 500 tekens.');
  const b64 = (input.inhoud ?? '').replace(/\s+/g, '');
  let bytes: Buffer | null = null;
  if (!b64) p.add('inhoud', 'required', 'Kies een bestand.');
  else if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1)
    p.add('inhoud', 'base64', 'De inhoud is geen geldige base64-tekst.');
  else {
    bytes = Buffer.from(b64, 'base64');
    if (bytes.length === 0) p.add('inhoud', 'required', 'Het bestand is leeg.');
    else if (bytes.length > DOCUMENT_MAX_BYTES)
      p.add('inhoud', 'maxSize', 'Het bestand is groter dan 10 MB. Kies een kleiner bestand.');
    else if (!sniffMediaType(bytes))
      p.add('inhoud', 'mediaType', 'Alleen PDF, PNG en JPEG zijn toegestaan. Dit bestand is geen van die soorten.');
  }
  p.throwIfAny();
  const content = bytes as Buffer;
  const row = await ctx.db
    .insertInto('client_documents')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: clientId,
      file_name: name,
      media_type: sniffMediaType(content) as string,
      size_bytes: content.length,
      description: input.omschrijving?.trim() || null,
      content,
      uploaded_by: ctx.actor.userId,
      uploaded_by_name: ctx.actor.displayName,
    })
    .returning(metaColumns)
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId, action: 'aanmaken', resource: 'document', detail: name });
  return dto(row);
}

/** GET /v1/documenten/{id}/inhoud: the bytes, with the type found at upload; every download leaves an audit row. */
export async function downloadDocument(ctx: Ctx, id: string) {
  authorize(ctx, 'documenten.lezen');
  const r = await ctx.db
    .selectFrom('client_documents')
    .select(['id', 'client_id', 'file_name', 'media_type', 'content'])
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!r) throw new NotFoundError('Document niet gevonden.');
  await assertClientVisible(ctx, r.client_id);
  await audit(ctx, { clientId: r.client_id, action: 'lezen', resource: 'document', detail: `download ${r.file_name}` });
  return { fileName: r.file_name, mediaType: r.media_type, content: new Uint8Array(r.content) };
}
