// The logged-in user as the web interface needs it: name, role, tenant theme and what the user may do.
import type { Db } from '../../platform/db/database.js';
import { auditPersons } from '../../rights/audit.js';
import type { Actor, Ctx } from '../../rights/context.js';
import { abilities } from '../../rights/rights.js';
import type { LoginStep } from '../../rights/sessions.js';
import { type SessieGebruiker, TenantThemaInstelling } from './session.dto.js';
import { roleLabel } from './users.dto.js';

export async function sessionUser(db: Db, a: Actor, step: LoginStep | null = null): Promise<SessieGebruiker> {
  const t = await db
    .selectFrom('tenants')
    .select(['id', 'name', 'settings'])
    .where('id', '=', a.tenantId)
    .executeTakeFirst();
  const settings = TenantThemaInstelling.safeParse(t?.settings);
  const theme = (settings.success ? settings.data.thema : undefined) ?? {
    primair: '#154273',
    logoTekst: t?.name ?? '',
  };
  return {
    id: a.userId,
    gebruikersnaam: a.username,
    naam: a.displayName,
    rol: a.role,
    rolLabel: roleLabel(a.role),
    tenant: { id: a.tenantId, naam: t?.name ?? '', thema: theme },
    locatieId: a.facilityId,
    clientId: a.clientId,
    mogelijkheden: abilities(a),
    vervolgstap: step,
  };
}

/** GET /v1/sessies/huidig: a client's session names their own file, so that is logged as a look at it (NEN 7513). */
export async function currentSessionUser(ctx: Ctx, step: LoginStep | null = null): Promise<SessieGebruiker> {
  const user = await sessionUser(ctx.db, ctx.actor, step);
  await auditPersons(ctx, [user.clientId], { action: 'lezen', resource: 'sessie' });
  return user;
}
