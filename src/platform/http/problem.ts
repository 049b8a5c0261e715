import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { InvalidParam } from '../errors.js';

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'about:blank' }),
    title: z.string().openapi({ example: 'Ongeldige invoer' }),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    invalidParams: z.array(z.object({ name: z.string(), code: z.string(), reason: z.string() })).optional(),
  })
  .openapi('Probleem');

export function problem(
  c: Context,
  status: number,
  title: string,
  detail: string,
  invalidParams?: InvalidParam[],
  headers: Record<string, string> = {},
) {
  const body = {
    type: 'about:blank',
    title,
    status,
    detail,
    instance: new URL(c.req.url).pathname,
    ...(invalidParams ? { invalidParams } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** Standard error responses every route declares in the OpenAPI document. */
export function problemResponses(...statuses: number[]) {
  const titles: Record<number, string> = {
    400: 'Ongeldige invoer (alle problemen in invalidParams)',
    401: 'Niet ingelogd',
    403: 'Geen toegang',
    404: 'Niet gevonden',
    409: 'Conflict met de huidige toestand (bijvoorbeeld: kamer vol)',
    413: 'Aanvraag te groot',
    415: 'Verkeerd content-type',
    423: 'Account geblokkeerd',
    500: 'Interne fout',
    503: 'Even niet beschikbaar (de server start opnieuw of de database is even weg; zie Retry-After)',
  };
  return Object.fromEntries(
    [...new Set([400, 401, 403, 500, 503, ...statuses])].map((s) => [
      s,
      { description: titles[s] ?? 'Fout', content: problemContent },
    ]),
  );
}

/** Dutch messages for schema violations, one invalidParam per issue, so a 400 lists all problems at once. */
export function zodIssuesToParams(issues: { path: PropertyKey[]; code: string; message: string }[]): InvalidParam[] {
  return issues.map((i) => ({
    name:
      i.path.map((p, idx) => (typeof p === 'number' ? `[${p}]` : `${idx ? '.' : ''}${String(p)}`)).join('') || '(body)',
    code: i.code,
    reason: i.message,
  }));
}
