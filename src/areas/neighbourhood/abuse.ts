// Issue 17 — what keeps the public nuisance form usable under abuse, without a third-party captcha
// (docs/adr/0019-buurt-en-locaties.md):
// - a signed form token (HMAC over slug and issue time) that must be at least MIN_FILL_SECONDS and at most
//   MAX_FORM_AGE_HOURS old: a bot posting straight away, or replaying an old form, is refused;
// - a honeypot field the form hides from people (a filled one is refused);
// - fixed-window rate limits per source address and per facility: on writes in the database (shared by all server
//   processes, the address as an HMAC), on page views in memory and bounded (MAX_KEYS);
// - text fields stripped of control and bidi-override characters (React escapes what is shown back).
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import { DomainError } from '../../platform/errors.js';

export const MIN_FILL_SECONDS = 3;
export const MAX_FORM_AGE_HOURS = 4;

export class TooManyRequestsError extends DomainError {
  constructor(detail: string, retryAfterSeconds: number) {
    super(429, 'Te veel aanvragen', detail, undefined, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
}

/** Signs and checks form tokens with one secret per app (or ONDERDAK_FORM_SECRET when several servers share). */
export function formTokens(
  secret: string = process.env.ONDERDAK_FORM_SECRET ?? crypto.randomBytes(32).toString('hex'),
) {
  const mac = (payload: string) => crypto.createHmac('sha256', secret).update(payload).digest('base64url');
  return {
    issue(slug: string, now: Date): string {
      const payload = `${now.getTime()}.${slug}`;
      return `${payload}.${mac(payload)}`;
    },
    /** null when fine, else the Dutch reason. */
    check(token: string, slug: string, now: Date): string | null {
      const m = /^(\d{1,15})\.([a-z0-9-]{1,80})\.([A-Za-z0-9_-]{43})$/.exec(token);
      if (!m || m[2] !== slug) return 'Het formulier is niet geldig. Laad de pagina opnieuw.';
      const expected = Buffer.from(mac(`${m[1]}.${m[2]}`));
      const given = Buffer.from(m[3]);
      if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given))
        return 'Het formulier is niet geldig. Laad de pagina opnieuw.';
      const age = (now.getTime() - Number(m[1])) / 1000;
      if (age < MIN_FILL_SECONDS)
        return 'Het formulier is te snel verstuurd. Wacht een paar seconden en probeer het opnieuw.';
      if (age > MAX_FORM_AGE_HOURS * 3600) return 'Het formulier is verlopen. Laad de pagina opnieuw.';
      return null;
    },
  };
}
export type FormTokens = ReturnType<typeof formTokens>;
/** What the services need: a token source whose secret may first have to be read from the database. */
export interface FormTokenSource {
  issue(slug: string, now: Date): string | Promise<string>;
  check(token: string, slug: string, now: Date): string | null | Promise<string | null>;
}

const FORM_SECRET_NAME = 'formuliertoken';

/**
 * The installation's form secret, the same for every server process on one database: ONDERDAK_FORM_SECRET when
 * set, else generated on first use and stored once (one statement; a concurrent first use gets the stored value).
 */
export function installationFormSecret(database: Database): () => Promise<string> {
  let secret: Promise<string> | null = null;
  const load = async () => {
    const fromEnv = process.env.ONDERDAK_FORM_SECRET;
    if (fromEnv) return fromEnv;
    // DO UPDATE (a no-op) rather than DO NOTHING, so RETURNING also yields the row another process stored first.
    const row = await sql<{ value: string }>`
      INSERT INTO installation_secrets (name, value) VALUES (${FORM_SECRET_NAME}, ${crypto.randomBytes(32).toString('hex')})
      ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
      RETURNING value`.execute(database.db);
    await database.flush();
    const value = row.rows[0]?.value;
    if (!value) throw new Error('Het formuliergeheim kon niet worden gelezen.');
    return value;
  };
  return () => {
    secret ??= load().catch((e) => {
      secret = null; // try again on the next request
      throw e;
    });
    return secret;
  };
}

/** Form tokens signed with the installation's shared secret (see installationFormSecret). */
export function sharedFormTokens(secret: () => Promise<string>): FormTokenSource {
  let tokens: { secret: string; tokens: FormTokens } | null = null;
  const current = async () => {
    const s = await secret();
    if (tokens?.secret !== s) tokens = { secret: s, tokens: formTokens(s) };
    return tokens.tokens;
  };
  return {
    issue: async (slug, now) => (await current()).issue(slug, now),
    check: async (token, slug, now) => (await current()).check(token, slug, now),
  };
}

/** A bounded fixed-window counter: at most `limit` hits per key per window; at most MAX_KEYS keys remembered. */
export const MAX_KEYS = 10_000;
export function rateLimiter(limit: number, windowSeconds: number, maxKeys = MAX_KEYS) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one hit; returns the seconds to wait when over the limit, else null. */
    hit(key: string, now: Date): number | null {
      const t = now.getTime();
      let w = windows.get(key);
      if (!w || t - w.start >= windowSeconds * 1000) {
        windows.delete(key);
        if (windows.size >= maxKeys) {
          // drop the oldest remembered key (Map keeps insertion order)
          const oldest = windows.keys().next().value;
          if (oldest !== undefined) windows.delete(oldest);
        }
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count > limit ? (w.start + windowSeconds * 1000 - t) / 1000 : null;
    },
    size: () => windows.size,
  };
}
export type RateLimiter = ReturnType<typeof rateLimiter>;

/** Expired windows are deleted on the first and then every CLEANUP_EVERY-th hit of a process. */
export const CLEANUP_EVERY = 100;

/**
 * A fixed-window counter in the database (public_rate_limits), shared by all server processes: one short atomic
 * statement per hit (no transaction held open: PGlite has one connection). Keys are stored as an HMAC with the
 * installation secret — a source address is personal data and never stored as such.
 */
export function databaseRateLimiter(
  database: Database,
  secret: () => Promise<string>,
  name: string,
  limit: number,
  windowSeconds: number,
) {
  let hits = 0;
  return {
    /** Counts one hit; returns the seconds to wait when over the limit, else null. */
    async hit(key: string, now: Date): Promise<number | null> {
      const keyHash = crypto
        .createHmac('sha256', await secret())
        .update(`${name}:${key}`)
        .digest('base64url');
      const start = now.toISOString();
      const end = new Date(now.getTime() + windowSeconds * 1000).toISOString();
      if (hits++ % CLEANUP_EVERY === 0)
        await sql`DELETE FROM public_rate_limits WHERE window_end <= ${start}::timestamptz`.execute(database.db);
      // In ON CONFLICT … DO UPDATE every SET expression sees the old row, so the three CASEs agree.
      const result = await sql<{ hits: number; window_end: Date | string }>`
        INSERT INTO public_rate_limits AS r (key_hash, window_start, window_end, hits)
        VALUES (${keyHash}, ${start}::timestamptz, ${end}::timestamptz, 1)
        ON CONFLICT (key_hash) DO UPDATE SET
          hits = CASE WHEN r.window_end <= EXCLUDED.window_start THEN 1 ELSE r.hits + 1 END,
          window_start = CASE WHEN r.window_end <= EXCLUDED.window_start THEN EXCLUDED.window_start ELSE r.window_start END,
          window_end = CASE WHEN r.window_end <= EXCLUDED.window_start THEN EXCLUDED.window_end ELSE r.window_end END
        RETURNING hits, window_end`.execute(database.db);
      const row = result.rows[0];
      if (!row || row.hits <= limit) return null;
      return (new Date(row.window_end).getTime() - now.getTime()) / 1000;
    },
  };
}

// C0/C1 controls except tab and newline, DEL, and the bidi embeddings/overrides/isolates that can disguise text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text from the public form: unsafe characters removed, CR LF as LF, trimmed. */
export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(UNSAFE_CHARS, '').trim();
}

/** The place as a grouping key: lower case, letters and digits only, single spaces. */
export function spotKey(place: string): string {
  return place
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A new unguessable tracking code (192 bits) and the hash that is stored. */
export function newTrackingCode(): { code: string; hash: string } {
  const code = crypto.randomBytes(24).toString('base64url');
  return { code, hash: hashTrackingCode(code) };
}
export function hashTrackingCode(code: string): string {
  return crypto.createHash('sha256').update(code).digest('hex');
}
