import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A stand-in for an unpacked Electron, for where its binary cannot be downloaded (as here): the
 * file `electron` carries only Electron's fuse wire, laid out as Electron lays it (sentinel,
 * version 1, length 8, one byte a fuse at Electron's defaults: RunAsNode on, cookie encryption
 * off, NODE_OPTIONS and inspect on, the rest off), so packing and the fuse check run end to end.
 * It runs nothing: a package made with it must never be flashed.
 */
/** What Electron's fuse wire starts with; the wire's version and length follow it. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_WIRE = [1, 8, 0x31, 0x30, 0x31, 0x31, 0x30, 0x30, 0x30, 0x31];
/** The file that marks a folder as a stand-in, for `npm run dist` to warn. */
const MARKER = 'DASHPORT-ELECTRON-STAND-IN';

export function standInBinary(): Buffer {
  return Buffer.concat([
    Buffer.alloc(4096, 0x90),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from(DEFAULT_WIRE),
    Buffer.alloc(4096, 0x90),
  ]);
}

export function writeElectronStandIn(dir: string, version: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'electron'), standInBinary(), { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'stand-in for the OEM-provided Electron\n');
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, MARKER), 'Not Electron: packages built with this folder do not run.\n');
}

export function isElectronStandIn(dir: string): boolean {
  return existsSync(join(dir, MARKER));
}
