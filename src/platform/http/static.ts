import fs from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.geojson': 'application/geo+json',
};

/** Serves the built web interface; unknown paths get index.html (single-page app). */
export function serveStatic(c: Context, dir: string | undefined) {
  if (!dir || !fs.existsSync(dir)) return c.text('De webinterface is niet gebouwd. Draai `npm run build:web`.', 404);
  const rel = path.normalize(decodeURIComponent(c.req.path)).replace(/^([/\\])+/, '');
  let file = path.join(dir, rel);
  if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    file = path.join(dir, 'index.html');
  }
  const headers: Record<string, string> = { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' };
  headers['Cache-Control'] = file.includes(`${path.sep}assets${path.sep}`)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
  return new Response(fs.readFileSync(file), { status: 200, headers });
}
