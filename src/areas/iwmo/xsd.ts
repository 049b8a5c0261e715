// XSD validation of iWmo messages with xmllint (Debian package libxml2-utils), used by the tests: no XSD validator is
// installed in the project's node_modules (docs/adr/0021-iwmo.md). The schemas are the official iWmo 3.2 XSDs in
// ./xsd (see ./xsd/README.md for their origin).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Berichtsoort } from './messages.js';

export const XSD_DIR = fileURLToPath(new URL('./xsd/', import.meta.url));

export function xmllintAvailable(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Validates a message against wmoNNN.xsd; returns the validator's error lines (empty: valid). */
export function validateAgainstXsd(xml: string, soort: Berichtsoort): string[] {
  const xsd = `${XSD_DIR}wmo${soort}.xsd`;
  if (!existsSync(xsd)) return [`Geen XSD voor bericht ${soort}.`];
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', xsd, '-'], {
      input: xml,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return [];
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    const lines = (err.stderr?.toString() ?? err.message).split('\n').filter((l) => l && !/validates$/.test(l));
    return lines.length ? lines : [err.message];
  }
}
