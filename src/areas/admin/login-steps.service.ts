// Issue 11: the steps after a correct password: a new password (forced after the beheerder made or reset the account),
// enrolling an authenticator app (TOTP, when the tenant requires two-factor login for the role), and its code. The
// session is usable for these steps only until the last one is taken (src/app.ts, PENDING_STEP_ROUTES).
import { verify } from '@node-rs/argon2';
import { ConflictError, Problems, UnauthorizedError } from '../../platform/errors.js';
import { audit } from '../../rights/audit.js';
import { asTableOwner, type Ctx } from '../../rights/context.js';
import { passwordProblem } from '../../rights/passwords.js';
import { hashPassword, type LoginStep, loginFacts, nextLoginStep, sessionTokenHash } from '../../rights/sessions.js';
import { newTotpSecret, totpQrDataUrl, totpUri, verifyTotp } from '../../rights/totp.js';

/** Wrong codes (or current passwords) a pending session may give before it is ended. */
export const MAX_FAILED_CODES = 5;

async function sessionRow(ctx: Ctx, token: string) {
  const row = await asTableOwner(ctx, () =>
    ctx.db
      .selectFrom('sessions')
      .select(['pending_step', 'failed_codes'])
      .where('token_hash', '=', sessionTokenHash(token))
      .executeTakeFirst(),
  );
  if (!row) throw new UnauthorizedError();
  return { step: (row.pending_step as LoginStep | null) ?? null, failed: row.failed_codes };
}

async function setStep(ctx: Ctx, token: string, step: LoginStep | null) {
  await asTableOwner(ctx, () =>
    ctx.db
      .updateTable('sessions')
      .set({ pending_step: step, failed_codes: 0 })
      .where('token_hash', '=', sessionTokenHash(token))
      .execute(),
  );
  return step;
}

/** A wrong answer: counted; the session ends at MAX_FAILED_CODES (the caller's transaction must commit that). */
async function countFailure(ctx: Ctx, token: string, failed: number): Promise<boolean> {
  if (failed + 1 >= MAX_FAILED_CODES) {
    await asTableOwner(ctx, () =>
      ctx.db.deleteFrom('sessions').where('token_hash', '=', sessionTokenHash(token)).execute(),
    );
    await audit(ctx, {
      clientId: null,
      action: 'wijzigen',
      resource: 'sessie',
      detail: 'te veel foute codes; uitgelogd',
    });
    return true;
  }
  await asTableOwner(ctx, () =>
    ctx.db
      .updateTable('sessions')
      .set({ failed_codes: failed + 1 })
      .where('token_hash', '=', sessionTokenHash(token))
      .execute(),
  );
  return false;
}

export type StepOutcome = { step: LoginStep | null } | { problems: Problems } | { endedSession: true };

/** A new own password (the forced step, or any time). The other sessions of the user end. */
export async function changeOwnPassword(
  ctx: Ctx,
  token: string,
  input: { huidigWachtwoord: string; nieuwWachtwoord: string },
): Promise<StepOutcome> {
  const s = await sessionRow(ctx, token);
  if (s.step === 'totp' || s.step === 'totp-koppelen')
    throw new ConflictError('Rond eerst de tweestapsverificatie af.');
  const user = await ctx.db
    .selectFrom('users')
    .select(['password_hash', 'username', 'display_name'])
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  const p = new Problems();
  if (!(await verify(user.password_hash, input.huidigWachtwoord ?? ''))) {
    if (await countFailure(ctx, token, s.failed)) return { endedSession: true };
    p.add('huidigWachtwoord', 'wrong', 'Het huidige wachtwoord klopt niet.');
    return { problems: p };
  }
  const weak = passwordProblem(input.nieuwWachtwoord ?? '', { username: user.username, name: user.display_name });
  if (weak) p.add('nieuwWachtwoord', weak.code, weak.reason);
  else if (input.nieuwWachtwoord === input.huidigWachtwoord)
    p.add('nieuwWachtwoord', 'same', 'Kies een ander wachtwoord dan het huidige.');
  if (p.list.length) return { problems: p };
  await ctx.db
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.nieuwWachtwoord), must_change_password: false })
    .where('id', '=', ctx.actor.userId)
    .execute();
  await asTableOwner(ctx, () =>
    ctx.db
      .deleteFrom('sessions')
      .where('user_id', '=', ctx.actor.userId)
      .where('token_hash', '!=', sessionTokenHash(token))
      .execute(),
  );
  await audit(ctx, { clientId: null, action: 'wijzigen', resource: 'gebruiker', detail: 'eigen wachtwoord gewijzigd' });
  return { step: await setStep(ctx, token, nextLoginStep(await loginFacts(ctx.db, ctx.actor.userId), true)) };
}

/** Starts enrolling an authenticator app: a new secret, as QR code and as text. Only while that step is pending. */
export async function startTotpEnrolment(ctx: Ctx, token: string) {
  const s = await sessionRow(ctx, token);
  if (s.step !== 'totp-koppelen')
    throw new ConflictError('Een authenticator-app koppelen kan alleen tijdens het inloggen, als dat gevraagd wordt.');
  const secret = newTotpSecret();
  await ctx.db
    .updateTable('users')
    .set({ totp_secret: secret, totp_confirmed_at: null, totp_last_step: null })
    .where('id', '=', ctx.actor.userId)
    .execute();
  const uri = totpUri(secret, ctx.actor.username);
  return { geheim: secret, uri, qrCode: await totpQrDataUrl(uri) };
}

/** The code from the authenticator app: confirms the enrolment, or is the second factor of this login. */
export async function submitTotpCode(ctx: Ctx, token: string, code: string): Promise<StepOutcome> {
  const s = await sessionRow(ctx, token);
  if (s.step !== 'totp' && s.step !== 'totp-koppelen') throw new ConflictError('Er wordt nu geen code gevraagd.');
  const user = await ctx.db
    .selectFrom('users')
    .select(['totp_secret', 'totp_last_step'])
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  const p = new Problems();
  if (!user.totp_secret) {
    p.add('code', 'not_enrolled', 'Koppel eerst een authenticator-app.');
    return { problems: p };
  }
  const step = verifyTotp(user.totp_secret, code ?? '', ctx.now, user.totp_last_step);
  if (step === null) {
    if (await countFailure(ctx, token, s.failed)) return { endedSession: true };
    p.add('code', 'wrong', 'Deze code klopt niet of is al gebruikt. Vul de code in die de app nu toont.');
    return { problems: p };
  }
  await ctx.db
    .updateTable('users')
    .set({
      totp_last_step: step,
      ...(s.step === 'totp-koppelen' ? { totp_confirmed_at: ctx.now } : {}),
    })
    .where('id', '=', ctx.actor.userId)
    .execute();
  if (s.step === 'totp-koppelen')
    await audit(ctx, {
      clientId: null,
      action: 'wijzigen',
      resource: 'gebruiker',
      detail: 'authenticator-app gekoppeld',
    });
  return { step: await setStep(ctx, token, nextLoginStep(await loginFacts(ctx.db, ctx.actor.userId), true)) };
}
