import crypto from 'node:crypto';
// Issue 11: client accounts from the dossier (with a one-time invitation code), and setting a password with a
// one-time code (the beheerder's reset link or the client's invitation). Codes are stored as sha256 only.
import type { Database } from '../../platform/db/database.js';
import { ConflictError, Problems } from '../../platform/errors.js';
import { audit } from '../../rights/audit.js';
import { type Ctx, inSystemTransaction } from '../../rights/context.js';
import { passwordProblem } from '../../rights/passwords.js';
import { authorize } from '../../rights/rights.js';
import { hashPassword, sessionTokenHash } from '../../rights/sessions.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { issueAccountToken, normaliseCode } from './users.service.js';

/** A login for the client of this dossier (role cliënt: own file and plan), with an invitation code to activate it. */
export async function createClientAccount(ctx: Ctx, clientId: string, input: { gebruikersnaam: string }) {
  authorize(ctx, 'clientaccounts.aanmaken');
  await assertClientVisible(ctx, clientId);
  const existing = await ctx.db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('client_id', '=', clientId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  authorize(ctx, 'clientaccounts.aanmaken', { heeftAccount: !!existing });
  const p = new Problems();
  const username = (input.gebruikersnaam ?? '').trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(username))
    p.add('gebruikersnaam', 'format', 'Gebruikersnaam: 3 tot 40 tekens, kleine letters, cijfers, punt, streep.');
  else if (await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())
    p.add('gebruikersnaam', 'unique', 'Deze gebruikersnaam bestaat al.');
  p.throwIfAny();
  const client = await ctx.db
    .selectFrom('clients')
    .select(['first_name', 'last_name'])
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow();
  // Nobody knows this password: the client sets their own with the invitation code.
  const unusable = await hashPassword(crypto.randomBytes(32).toString('base64url'));
  const row = await ctx.db
    .insertInto('users')
    .values({
      tenant_id: ctx.actor.tenantId,
      username,
      display_name: `${client.first_name} ${client.last_name}`.trim(),
      role: 'client',
      password_hash: unusable,
      facility_id: null,
      client_id: clientId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { code, verlooptOp } = await issueAccountToken(ctx, row.id, 'uitnodiging');
  await audit(ctx, { clientId, action: 'aanmaken', resource: 'clientaccount', detail: username });
  return {
    gebruikersnaam: username,
    uitnodigingscode: code,
    link: `/wachtwoord-instellen#code=${encodeURIComponent(code)}`,
    verlooptOp,
  };
}

const INVALID = 'Deze code is onbekend, verlopen of al gebruikt. Vraag een nieuwe aan.';

/**
 * Sets a password with a one-time code (no session: the holder of the code is the user). The code works once; the
 * user's sessions end. A wrong code and a weak password are both reported at once.
 */
export async function setPasswordWithCode(
  database: Database,
  input: { code: string; wachtwoord: string },
  now: Date,
  sourceIp?: string,
) {
  return inSystemTransaction(database, async (tx) => {
    const token = await tx
      .selectFrom('account_tokens')
      .innerJoin('users', 'users.id', 'account_tokens.user_id')
      .select([
        'account_tokens.token_hash',
        'account_tokens.kind',
        'account_tokens.expires_at',
        'account_tokens.used_at',
        'users.id',
        'users.username',
        'users.display_name',
        'users.tenant_id',
        'users.role',
        'users.client_id',
        'users.active',
      ])
      .where('account_tokens.token_hash', '=', sessionTokenHash(normaliseCode(input.code ?? '')))
      .executeTakeFirst();
    const p = new Problems();
    const valid = token && !token.used_at && new Date(token.expires_at) > now && token.active;
    if (!valid) p.add('code', 'invalid', INVALID);
    const weak = passwordProblem(input.wachtwoord ?? '', {
      username: token?.username,
      name: token?.display_name,
    });
    if (weak) p.add('wachtwoord', weak.code, weak.reason);
    p.throwIfAny();
    if (!token) throw new ConflictError(INVALID);
    const used = await tx
      .updateTable('account_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', token.token_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new ConflictError(INVALID);
    await tx
      .updateTable('users')
      .set({
        password_hash: await hashPassword(input.wachtwoord),
        must_change_password: false,
        failed_logins: 0,
        locked_until: null,
      })
      .where('id', '=', token.id)
      .execute();
    await tx.deleteFrom('sessions').where('user_id', '=', token.id).execute();
    await tx
      .insertInto('audit_log')
      .values({
        tenant_id: token.tenant_id,
        user_id: token.id,
        username: token.username,
        role: token.role,
        on_behalf_of: null,
        client_id: token.client_id,
        action: 'wijzigen',
        resource: 'wachtwoord',
        detail:
          token.kind === 'uitnodiging' ? 'account geactiveerd met uitnodigingscode' : 'wachtwoord hersteld met link',
        source_ip: sourceIp ?? null,
        basis: null,
      })
      .execute();
    return { gebruikersnaam: token.username };
  });
}
