import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { lockDataDir, DataDirLockedError } from './database.js';

describe('slot op de gegevensmap', () => {
  it('weigert een tweede proces met een Nederlandse melding en ruimt een verweesd slot op', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onderdak-lock-'));
    const other = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(path.join(dir, '.onderdak.lock'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(/in gebruik door een ander proces/);
      other.kill();
      await new Promise((r) => other.once('exit', r));
      const release = lockDataDir(dir); // the holder died: stale lock is taken over
      expect(fs.readFileSync(path.join(dir, '.onderdak.lock'), 'utf8')).toBe(String(process.pid));
      release();
      expect(fs.existsSync(path.join(dir, '.onderdak.lock'))).toBe(false);
    } finally {
      other.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
