// Issue 15, fast start: `npm start` builds the web app only when web/dist is not current. "Current" means the stamp
// in web/dist holds the hash of everything the build reads (web sources, index.html, public files, the vite and
// TypeScript config and package-lock.json for the dependencies). A content hash, not mtimes: a fresh clone or a
// `git checkout` touches every file without changing it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const STAMP_FILE = '.bouwstempel';
const INPUTS = [
  'web/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'web/tsconfig.json',
  'package-lock.json',
];

function files(abs: string, out: string[]) {
  if (!fs.existsSync(abs)) return;
  if (fs.statSync(abs).isDirectory()) {
    for (const e of fs.readdirSync(abs).sort()) files(path.join(abs, e), out);
  } else out.push(abs);
}

/** sha256 over the relative path and content of every build input (sorted, so the order of listing never matters). */
export function webSourceHash(root: string): string {
  const h = createHash('sha256');
  for (const input of INPUTS) {
    const list: string[] = [];
    files(path.join(root, input), list);
    for (const f of list) {
      h.update(path.relative(root, f).split(path.sep).join('/'));
      h.update('\0');
      h.update(fs.readFileSync(f));
      h.update('\0');
    }
  }
  return h.digest('hex');
}

const stampPath = (root: string) => path.join(root, 'web', 'dist', STAMP_FILE);

/** True when web/dist has an index.html and a stamp equal to the hash of the current inputs. */
export function webIsCurrent(root: string, hash = webSourceHash(root)): boolean {
  if (!fs.existsSync(path.join(root, 'web', 'dist', 'index.html'))) return false;
  try {
    return fs.readFileSync(stampPath(root), 'utf8').trim() === hash;
  } catch {
    return false;
  }
}

export function writeWebStamp(root: string, hash = webSourceHash(root)) {
  fs.writeFileSync(stampPath(root), `${hash}\n`);
}
