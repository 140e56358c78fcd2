import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { flipRequiredFuses, fuseMismatches, REQUIRED_FUSES } from '../../scripts/lib/fuses.ts';
import { FUSE_SENTINEL, standInBinary } from '../../scripts/lib/electronStandIn.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';

/** A binary carrying only Electron's fuse wire at its defaults (the real one cannot be downloaded here). */
function standIn(path: string): void {
  writeFileSync(path, standInBinary(), { mode: 0o755 });
}

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('fuses read back from the binary', () => {
  it('finds every required fuse wrong in an unflipped binary, and none once flipped', async () => {
    const binary = join(tmp.dir, 'electron');
    standIn(binary);
    expect(await fuseMismatches(binary)).toHaveLength(Object.keys(REQUIRED_FUSES).length);
    await flipRequiredFuses(binary);
    expect(await fuseMismatches(binary)).toEqual([]);
    // Only the wire changed: the bytes around it are as they were.
    expect(
      readFileSync(binary)
        .subarray(0, 4096)
        .every((b) => b === 0x90),
    ).toBe(true);
  });

  it('names the one fuse that differs, and the check command fails on it', async () => {
    const binary = join(tmp.dir, 'electron-one-off');
    standIn(binary);
    await flipRequiredFuses(binary);
    const bytes = readFileSync(binary);
    const wireAt = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2;
    bytes[wireAt] = 0x31; // RunAsNode back on
    writeFileSync(binary, bytes);
    expect(await fuseMismatches(binary)).toEqual(['runAsNode: must be off, the binary has it on']);
    const check = (path: string) =>
      spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/check-fuses.ts'), path], {
        encoding: 'utf8',
      });
    const failed = check(binary);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/runAsNode: must be off/);
    await flipRequiredFuses(binary);
    expect(check(binary).status).toBe(0);
    // Not an Electron binary at all: a clear failure, not a crash.
    const notElectron = join(tmp.dir, 'not-electron');
    writeFileSync(notElectron, 'hello');
    expect(check(notElectron)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/sentinel/),
    });
  });

  it('asks for what electron-builder.yml flips: one list, two places that must agree', async () => {
    const config = await getConfig(PROJECT_ROOT, join(PROJECT_ROOT, 'electron-builder.yml'), null);
    expect(config.electronFuses).toEqual(REQUIRED_FUSES);
  });
});
