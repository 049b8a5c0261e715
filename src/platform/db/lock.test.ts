import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, type LockHolder, lockDataDir, processStartTime } from './database.js';

const DATABASE_TS = fileURLToPath(new URL('./database.ts', import.meta.url));
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onderdak-lock-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function track(child: ChildProcess) {
  cleanup.push(() => child.kill('SIGKILL'));
  return child;
}

/** A live process that has nothing to do with Onderdak. */
async function sleeper() {
  const child = track(spawn('sleep', ['60']));
  await new Promise((r) => child.once('spawn', r));
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
const writeLock = (dir: string, holder: LockHolder | string) =>
  fs.writeFileSync(path.join(dir, LOCK_FILE), typeof holder === 'string' ? holder : JSON.stringify(holder));
const readLock = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as LockHolder;

/** Another Node process that takes the lock through lockDataDir itself and keeps it until it is stopped. */
async function holderProcess(dir: string) {
  const code = `import { lockDataDir } from ${JSON.stringify(DATABASE_TS)}; lockDataDir(${JSON.stringify(dir)}); console.log('vast'); setInterval(() => {}, 1000);`;
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('vast') && resolve());
    child.once('exit', (c) => reject(new Error(`het proces met het slot stopte (${c})`)));
  });
  return child;
}

describe('slot op de gegevensmap', () => {
  it('noteert pid, starttijd en een willekeurig token, en ruimt alleen het eigen slot op', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    const lock = readLock(dir);
    expect(lock.pid).toBe(process.pid);
    expect(lock.startTime).toBe(processStartTime(process.pid));
    expect(lock.token).toMatch(/^[0-9a-f]{32}$/);
    release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('starttijd: leest /proc/<pid>/stat veld 22 (Linux) en onderscheidt processen; null voor een proces dat niet bestaat', async () => {
    const other = await sleeper();
    expect(processStartTime(process.pid)).toBeTruthy();
    expect(processStartTime(other.pid!)).toBeTruthy();
    expect(processStartTime(process.pid)).toBe(processStartTime(process.pid));
    if (process.platform === 'linux') {
      expect(processStartTime(process.pid)).toMatch(/^linux:[0-9a-f-]+:\d+$/);
      expect(processStartTime(other.pid!)).not.toBe(processStartTime(process.pid));
    }
    other.kill('SIGKILL');
    await exited(other);
    expect(processStartTime(other.pid!)).toBeNull();
  });

  it('pid-hergebruik: een slot met de pid van een ander levend proces maar een andere starttijd blokkeert de start niet', async () => {
    const dir = tempDir();
    const other = await sleeper(); // lives, but is not the process that wrote the lock
    writeLock(dir, {
      pid: other.pid!,
      startTime: `${processStartTime(other.pid!)}1`,
      token: 'oud',
      host: os.hostname(),
    });
    const release = lockDataDir(dir);
    expect(readLock(dir)).toMatchObject({ pid: process.pid, startTime: processStartTime(process.pid) });
    release();
  });

  it('een levende houder (zelfde pid en starttijd) blokkeert met een Nederlandse melding; daarna wordt het slot overgenomen', async () => {
    const dir = tempDir();
    const other = await sleeper();
    writeLock(dir, { pid: other.pid!, startTime: processStartTime(other.pid!), token: 'levend', host: os.hostname() });
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in gebruik door een ander proces \\(pid ${other.pid}\\)`));
    expect(readLock(dir).token).toBe('levend'); // a refused start leaves the holder's lock alone
    other.kill('SIGKILL');
    await exited(other);
    const release = lockDataDir(dir); // the holder died: its lock is stale
    expect(readLock(dir).pid).toBe(process.pid);
    release();
  });

  it('een echt tweede proces met het slot blokkeert de start; na kill -9 van dat proces blokkeert zijn slot niets meer', async () => {
    const dir = tempDir();
    const holder = await holderProcess(dir);
    expect(readLock(dir).pid).toBe(holder.pid);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    holder.kill('SIGKILL'); // crashes: its lock file stays behind
    await exited(holder);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    const release = lockDataDir(dir);
    expect(readLock(dir).pid).toBe(process.pid);
    release();
  });

  it('een leeg of onleesbaar slotbestand (crash tijdens het schrijven) blokkeert niet', () => {
    const dir = tempDir();
    for (const text of ['', '{"pid":']) {
      writeLock(dir, text);
      const release = lockDataDir(dir);
      expect(readLock(dir).pid).toBe(process.pid);
      release();
    }
  });

  it('oud formaat (alleen een pid): blokkeert als dat proces al liep, niet als het pas na het slot startte', async () => {
    const dir = tempDir();
    const other = await sleeper();
    writeLock(dir, String(other.pid)); // written after the process started: it may be the holder
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    const anHourAgo = new Date(Date.now() - 3600_000);
    fs.utimesSync(path.join(dir, LOCK_FILE), anHourAgo, anHourAgo); // written before the process started: pid reused
    const release = lockDataDir(dir);
    expect(readLock(dir).pid).toBe(process.pid);
    release();
  });

  it('release verwijdert een slot dat intussen van een ander is niet', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    writeLock(dir, { pid: 1, startTime: processStartTime(1), token: 'ander', host: 'elders' });
    release();
    expect(readLock(dir).token).toBe('ander');
  });
});
