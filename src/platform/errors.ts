// Domain errors carry the Dutch text shown to the user; the HTTP layer maps them to problem+json.
export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    public status: number,
    public title: string,
    detail: string,
    public invalidParams?: InvalidParam[],
    /** Response headers that belong to the answer, e.g. Retry-After on a 429. */
    public headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}
export class ValidationError extends DomainError {
  constructor(invalidParams: InvalidParam[], detail = 'Een of meer velden zijn niet goed ingevuld.') {
    super(400, 'Ongeldige invoer', detail, invalidParams);
  }
}
export class NotFoundError extends DomainError {
  constructor(detail = 'Niet gevonden.') {
    super(404, 'Niet gevonden', detail);
  }
}
export class ForbiddenError extends DomainError {
  constructor(detail = 'U heeft geen toegang tot deze gegevens.') {
    super(403, 'Geen toegang', detail);
  }
}
export class UnauthorizedError extends DomainError {
  constructor(detail = 'U bent niet ingelogd.') {
    super(401, 'Niet ingelogd', detail);
  }
}
export class ConflictError extends DomainError {
  constructor(detail: string) {
    super(409, 'Niet mogelijk', detail);
  }
}
/** 423: the account is locked; Retry-After (seconds) says when the lock ends, when that is known. */
export class LockedError extends DomainError {
  constructor(detail: string, retryAfterSeconds?: number) {
    super(
      423,
      'Account geblokkeerd',
      detail,
      undefined,
      retryAfterSeconds === undefined ? {} : { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    );
  }
}

/** Collects field problems so a request reports all of them at once. */
export class Problems {
  list: InvalidParam[] = [];
  add(name: string, code: string, reason: string) {
    this.list.push({ name, code, reason });
    return this;
  }
  throwIfAny() {
    if (this.list.length) throw new ValidationError(this.list);
  }
}
