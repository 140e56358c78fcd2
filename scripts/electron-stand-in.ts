import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeElectronStandIn } from './lib/electronStandIn.ts';

/**
 * `npm run electron:stand-in [-- <folder>]` (default `.electron-stand-in`): a stand-in Electron
 * folder for `npm run dist -- --electron-dist <folder>` where Electron cannot be downloaded, so
 * that packing, the fuse check and the package checks can be tried. What it packs does not run.
 */
const ROOT = resolve(import.meta.dirname, '..');
const folder = resolve(process.argv[2] ?? join(ROOT, '.electron-stand-in'));
const { version } = JSON.parse(
  readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'),
) as { version: string };
writeElectronStandIn(folder, version);
process.stdout.write(
  `A stand-in for Electron ${version} (its fuse wire only; it runs nothing) is in ${folder}\n` +
    `Try: npm run dist -- --variant dev --x64 --electron-dist ${folder}\n`,
);
