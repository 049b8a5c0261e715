import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_VERSION } from '../http/version.js';
import { drainable, SHUTTING_DOWN_DETAIL } from './drain.js';
import { DEMO_LOADING_DETAIL, demoLoadingGate } from './loading-gate.js';
import { STAMP_FILE, webIsCurrent, webSourceHash, writeWebStamp } from './webstamp.js';

function fakeRepo() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'onderdak-stempel-'));
  fs.mkdirSync(path.join(root, 'web', 'src', 'app'), { recursive: true });
  fs.writeFileSync(path.join(root, 'web', 'src', 'app', 'Start.tsx'), 'export const a = 1;\n');
  fs.writeFileSync(path.join(root, 'web', 'vite.config.ts'), 'export default {};\n');
  fs.writeFileSync(path.join(root, 'package-lock.json'), '{}\n');
  return root;
}
const build = (root: string) => {
  fs.mkdirSync(path.join(root, 'web', 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, 'web', 'dist', 'index.html'), '<html lang="nl"></html>');
};

describe('snel starten: de webapp wordt alleen gebouwd als de bronnen veranderd zijn', () => {
  it('zonder build of zonder stempel is de webapp niet actueel; met de stempel van dezelfde bronnen wel', () => {
    const root = fakeRepo();
    expect(webIsCurrent(root)).toBe(false);
    build(root);
    expect(webIsCurrent(root)).toBe(false); // built, but no stamp: unknown from which sources
    writeWebStamp(root);
    expect(fs.existsSync(path.join(root, 'web', 'dist', STAMP_FILE))).toBe(true);
    expect(webIsCurrent(root)).toBe(true);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('een gewijzigde bron, vite-config of lockfile maakt de build verouderd; alleen aanraken (mtime) niet', () => {
    const root = fakeRepo();
    build(root);
    writeWebStamp(root);
    const start = path.join(root, 'web', 'src', 'app', 'Start.tsx');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(start, later, later);
    expect(webIsCurrent(root)).toBe(true);
    for (const [file, text] of [
      [start, 'export const a = 2;\n'],
      [path.join(root, 'web', 'vite.config.ts'), 'export default { base: "/" };\n'],
      [path.join(root, 'package-lock.json'), '{"v":2}\n'],
      [path.join(root, 'web', 'src', 'nieuw.ts'), 'export {};\n'],
    ] as const) {
      const before = webSourceHash(root);
      fs.writeFileSync(file, text);
      expect(webSourceHash(root)).not.toBe(before);
      expect(webIsCurrent(root)).toBe(false);
      writeWebStamp(root);
      expect(webIsCurrent(root)).toBe(true);
    }
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('snel starten: inloggen terwijl de demo nog laadt zegt dat, daarna gaat alles door', () => {
  it('login en de API-wortel geven 503 met "De demo wordt nog geladen" en Retry-After; de rest wordt gewoon bediend', async () => {
    let loading = true;
    const seen: string[] = [];
    const inner = (req: Request) => {
      seen.push(`${req.method} ${new URL(req.url).pathname}`);
      return new Response('ok', { status: 200 });
    };
    const fetch = demoLoadingGate(inner, () => loading);
    const login = await fetch(
      new Request('http://x/v1/sessies', { method: 'POST', body: '{"gebruikersnaam":"a","wachtwoord":"b"}' }),
    );
    expect(login.status).toBe(503);
    expect(login.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(login.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(login.headers.get('api-version')).toBe(API_VERSION); // API-57: every answer, also before the app
    const body = (await login.json()) as { detail: string; status: number };
    expect(body.detail).toBe(DEMO_LOADING_DETAIL);
    expect(body.detail).toMatch(/de demo wordt nog geladen/i);
    expect(body.status).toBe(503);
    expect((await fetch(new Request('http://x/v1'))).status).toBe(503);
    // the web app and the contract are served at once
    expect((await fetch(new Request('http://x/inloggen'))).status).toBe(200);
    expect((await fetch(new Request('http://x/v1/openapi.json'))).status).toBe(200);
    expect(seen).toEqual(['GET /inloggen', 'GET /v1/openapi.json']);
    loading = false;
    expect((await fetch(new Request('http://x/v1/sessies', { method: 'POST', body: '{}' }))).status).toBe(200);
    expect((await fetch(new Request('http://x/v1'))).status).toBe(200);
    expect(seen).toEqual(['GET /inloggen', 'GET /v1/openapi.json', 'POST /v1/sessies', 'GET /v1']);
  });
});

describe('netjes stoppen: verzoeken die al lopen, maken hun werk af; nieuwe krijgen 503', () => {
  it('stop() wacht tot het lopende verzoek klaar is, en een verzoek daarna krijgt 503 met Retry-After', async () => {
    let finish: (r: Response) => void = () => {};
    const slow = (_req: Request) => new Promise<Response>((resolve) => (finish = resolve));
    const drain = drainable(slow);
    const running = drain.fetch(new Request('http://x/v1/clienten'));
    expect(drain.inFlight()).toBe(1);
    let stopped: boolean | null = null;
    const stopping = drain.stop(5_000).then((idle) => (stopped = idle));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBeNull(); // still waiting for the request in flight
    const late = await drain.fetch(new Request('http://x/v1/clienten'));
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('5');
    expect(late.headers.get('api-version')).toBe(API_VERSION);
    expect(((await late.json()) as { detail: string }).detail).toBe(SHUTTING_DOWN_DETAIL);
    finish(new Response('klaar'));
    expect(await (await running).text()).toBe('klaar');
    await stopping;
    expect(stopped).toBe(true);
    expect(drain.inFlight()).toBe(0);
  });

  it('een verzoek dat faalt telt ook af; na de termijn geeft stop() false', async () => {
    const failing = drainable((_req: Request) => Promise.reject(new Error('stuk')));
    await expect(failing.fetch(new Request('http://x/'))).rejects.toThrow('stuk');
    expect(failing.inFlight()).toBe(0);
    expect(await failing.stop(1000)).toBe(true);
    const hanging = drainable((_req: Request) => new Promise<Response>(() => {}));
    void hanging.fetch(new Request('http://x/'));
    expect(await hanging.stop(50)).toBe(false);
  });
});
