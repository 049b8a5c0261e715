// `npm start`: build the web app only when web/dist is not current (src/platform/start/webstamp.ts), then start the
// server in this same process (one tsx start-up instead of two).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webIsCurrent, webSourceHash, writeWebStamp } from '../src/platform/start/webstamp.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const t0 = performance.now();
const hash = webSourceHash(root);
if (webIsCurrent(root, hash)) {
  console.log(`Webapp is actueel (bouwstempel klopt, ${Math.round(performance.now() - t0)} ms): niet opnieuw gebouwd.`);
} else {
  console.log('Webapp bouwen (bronnen gewijzigd of nog niet gebouwd)…');
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--emptyOutDir'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeWebStamp(root, hash);
}
if (!process.argv.includes('--alleen-web')) await import('../src/main.js');
