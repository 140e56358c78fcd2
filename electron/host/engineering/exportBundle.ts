import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPORT_STEPS } from '../../../common/hostApi/engineering.ts';
import type { ExportProgress } from '../../../common/hostApi/engineering.schema.ts';

/** Why a bundle could not be written, in words for the engineer at the bench. */
export class ExportFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFailed';
  }
}

export interface BundleFiles {
  /** Already redacted. */
  diagnostics: unknown;
  /** Already redacted, oldest first. */
  logLines: readonly string[];
}

/** "dashport-dev-20261204T201500Z": sortable, and safe on the FAT file systems of USB sticks. */
export function bundleName(variant: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `dashport-${variant.replace(/[^A-Za-z0-9_-]/g, '_')}-${stamp}`;
}

/**
 * Writes one bundle folder (diagnostics.json and host.log) under `dir`. It is written as
 * `<name>.partial` and renamed when every byte is synced, so a stick pulled out halfway never
 * holds something that looks complete. Progress is reported after each step.
 */
export async function writeBundle(options: {
  dir: string;
  name: string;
  files: BundleFiles;
  onProgress: (progress: ExportProgress) => void;
}): Promise<{ folder: string; files: { name: string; bytes: number }[] }> {
  const { dir, name, files, onProgress } = options;
  const step = (s: (typeof EXPORT_STEPS)[number]) =>
    onProgress({ step: s, done: EXPORT_STEPS.indexOf(s) + 1 });
  try {
    await access(dir, constants.W_OK);
  } catch {
    throw new ExportFailed(`The export folder ${dir} is not there or cannot be written`);
  }
  step('collect');
  const partial = join(dir, `${name}.partial`);
  const folder = join(dir, name);
  try {
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial);
    await writeSynced(
      join(partial, 'diagnostics.json'),
      `${JSON.stringify(files.diagnostics, null, 2)}\n`,
    );
    step('diagnostics');
    await writeSynced(join(partial, 'host.log'), files.logLines.map((l) => `${l}\n`).join(''));
    step('log');
    await rename(partial, folder);
    await syncFolder(dir);
    step('sync');
  } catch (error) {
    await rm(partial, { recursive: true, force: true }).catch(() => {});
    throw new ExportFailed(`Writing to ${dir} failed: ${(error as Error).message}`);
  }
  const written = await Promise.all(
    ['diagnostics.json', 'host.log'].map(async (file) => ({
      name: file,
      bytes: (await stat(join(folder, file))).size,
    })),
  );
  return { folder, files: written };
}

async function writeSynced(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The rename is only durable once the folder holding it is synced. */
async function syncFolder(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
