/** Minimal API client for the CLI: session cookie + CSRF token, problem+json errors as Dutch messages. */
export class ApiClient {
  private cookie = '';
  private csrf = '';
  constructor(private baseUrl: string) {}

  async login(gebruikersnaam: string, wachtwoord: string) {
    const r = await fetch(`${this.baseUrl}/v1/sessies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ gebruikersnaam, wachtwoord }),
    });
    const body = (await r.json()) as { csrfToken?: string; detail?: string };
    if (r.status !== 201) throw new Error(body.detail ?? `inloggen mislukt (${r.status})`);
    this.cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
    this.csrf = body.csrfToken ?? '';
  }

  /** A file download (e.g. the backup): the bytes, or the problem as an Error. */
  async download(path: string): Promise<Uint8Array> {
    const r = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookie, 'x-csrf-token': this.csrf } });
    if (!r.ok) {
      const parsed = (await r.json().catch(() => null)) as { title?: string; detail?: string } | null;
      throw new Error(`${parsed?.title ?? r.status}: ${parsed?.detail ?? ''}`);
    }
    return new Uint8Array(await r.arrayBuffer());
  }

  async get(path: string): Promise<unknown> {
    return this.call('GET', path);
  }
  async post(path: string, body: unknown): Promise<unknown> {
    return this.call('POST', path, body);
  }

  private async call(method: string, path: string, body?: unknown) {
    const r = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    const parsed = text ? JSON.parse(text) : null;
    if (!r.ok) {
      const problems = (parsed?.invalidParams ?? [])
        .map((p: { name: string; reason: string }) => `  - ${p.name}: ${p.reason}`)
        .join('\n');
      throw new Error(`${parsed?.title ?? r.status}: ${parsed?.detail ?? ''}${problems ? '\n' + problems : ''}`);
    }
    return parsed;
  }
}
