// Backup and restore of an embedded (PGlite) installation (issue 11). A backup is PGlite's own dump of the data
// directory (a gzipped tar), taken through the one connection the server holds, so it is one consistent snapshot.
// Restore writes it into an empty directory and migrates it, so an older backup opens in the current release.
// PostgreSQL installations use pg_dump / pg_restore (README, "In gebruik nemen").
import fs from 'node:fs';
import path from 'node:path';
import { type Database, lockDataDir, openPglite } from './database.js';
import { migrate } from './migrate.js';

export class BackupUnavailableError extends Error {}

/** A consistent snapshot of the running PGlite database, gzipped tar bytes. */
export async function backupPglite(database: Database): Promise<Uint8Array<ArrayBuffer>> {
  if (database.kind !== 'pglite' || !database.pglite)
    throw new BackupUnavailableError(
      'Deze installatie gebruikt PostgreSQL: maak een reservekopie met pg_dump (zie de README, "In gebruik nemen").',
    );
  await database.flush();
  const blob = await database.pglite.dumpDataDir('gzip');
  return new Uint8Array(await blob.arrayBuffer());
}

/** The directory holds nothing (or does not exist): restore never overwrites data. */
function isEmptyDir(dir: string) {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/**
 * Restores a backup into an empty data directory (DATA_DIR layout: <dataDir>/pgdata), applies the migrations of
 * this release and returns the ones applied. Refuses a directory that holds anything.
 */
export async function restoreBackup(backup: Uint8Array<ArrayBuffer>, dataDir: string): Promise<{ applied: string[] }> {
  const dir = path.resolve(dataDir);
  if (!isEmptyDir(dir))
    throw new Error(`De map ${dir} is niet leeg. Zet een reservekopie alleen terug in een lege (of nieuwe) map.`);
  const release = lockDataDir(dir);
  try {
    const database = await openPglite({
      dataDir: path.join(dir, 'pgdata'),
      loadDataDir: new Blob([backup], { type: 'application/x-gzip' }),
    });
    try {
      const applied = await migrate(database);
      return { applied };
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}
