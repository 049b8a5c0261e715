// Field errors of one form: client-side checks plus the server's problem+json invalidParams.
import { ApiError, type InvalidParam } from '../api/client';
import type { SummaryError } from './feedback';

/**
 * Field errors of one form: client-side checks plus the server's problem+json invalidParams (by body field name).
 * `ids` maps field names to element ids, so the summary can link to them.
 */
export class FormErrors {
  readonly byName = new Map<string, string>();
  readonly general: string[] = [];
  constructor(private ids: Record<string, string> = {}) {}

  static from(
    error: unknown,
    ids: Record<string, string> = {},
    client: Record<string, string | undefined> = {},
  ): FormErrors {
    const fe = new FormErrors(ids);
    for (const [k, v] of Object.entries(client)) if (v) fe.byName.set(k, v);
    if (error instanceof ApiError) {
      const params: InvalidParam[] = error.invalidParams;
      for (const p of params) if (!fe.byName.has(p.name)) fe.byName.set(p.name, p.reason || p.code);
      if (!params.length) fe.general.push(error.detail || error.title);
    } else if (error instanceof Error) {
      fe.general.push(error.message);
    }
    return fe;
  }
  get(name: string): string | undefined {
    return this.byName.get(name);
  }
  get hasErrors(): boolean {
    return this.byName.size > 0 || this.general.length > 0;
  }
  summary(): SummaryError[] {
    const out: SummaryError[] = [];
    for (const [name, message] of this.byName) out.push({ id: this.ids[name] ?? this.findId(name), message });
    for (const g of this.general) out.push({ message: g });
    return out;
  }
  private findId(name: string): string | undefined {
    // `regiobinding.jarenInRegio` → field registered as `jarenInRegio`, etc.
    const last = name.split('.').pop() ?? name;
    return this.ids[last];
  }
}
