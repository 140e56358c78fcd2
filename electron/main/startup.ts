/**
 * Start-up inputs of the shell (which variant, where its files and the data live), decided from
 * plain data so the rules for dev and packaged runs are tested without Electron.
 */
import { isAbsolute, join, resolve } from 'node:path';

export type VariantArgument =
  { ok: true; value: string; source: 'argv' | 'env' | 'default' } | { ok: false; problem: string };

export const DEFAULT_VARIANT = 'dev';

/**
 * `--variant=<name|path>` (or `--variant <name|path>`; the last one wins), else DASHPORT_VARIANT,
 * else `dev`. Chromium switches in argv are ignored.
 */
export function variantArgument(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): VariantArgument {
  let fromArgv: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === undefined) continue;
    if (arg.startsWith('--variant=')) {
      fromArgv = arg.slice('--variant='.length);
    } else if (arg === '--variant') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--'))
        return { ok: false, problem: '--variant needs a name or a path' };
      fromArgv = next;
      i++;
    }
  }
  if (fromArgv !== undefined) {
    return fromArgv.trim() === ''
      ? { ok: false, problem: '--variant needs a name or a path' }
      : { ok: true, value: fromArgv, source: 'argv' };
  }
  const fromEnv = env.DASHPORT_VARIANT;
  if (fromEnv !== undefined && fromEnv.trim() !== '')
    return { ok: true, value: fromEnv, source: 'env' };
  return { ok: true, value: DEFAULT_VARIANT, source: 'default' };
}

export interface VariantLocationInput {
  nameOrPath: string;
  isPackaged: boolean;
  /** app.getAppPath(): the project root in development, the asar in a package. */
  appPath: string;
  /** process.resourcesPath: where electron-builder's extraResources land. */
  resourcesPath: string;
  cwd: string;
}

/**
 * Arguments for `loadVariant`. In development, names resolve under the project's build/variants.
 * Packaged, the variants ship as extraResources in `<resources>/variants`, and a relative path
 * on the command line means relative to where the app was started.
 */
export function variantLocation(input: VariantLocationInput): {
  nameOrPath: string;
  projectRoot: string;
} {
  const isPath = input.nameOrPath.endsWith('.json') || input.nameOrPath.includes('/');
  if (!input.isPackaged) return { nameOrPath: input.nameOrPath, projectRoot: input.appPath };
  if (isPath) {
    return {
      nameOrPath: isAbsolute(input.nameOrPath)
        ? input.nameOrPath
        : resolve(input.cwd, input.nameOrPath),
      projectRoot: input.cwd,
    };
  }
  return {
    nameOrPath: join(input.resourcesPath, 'variants', `${input.nameOrPath}.json`),
    projectRoot: input.resourcesPath,
  };
}

/** DASHPORT_DATA_DIR (resolved against cwd) when set, else Electron's per-user data folder. */
export function dataDirectory(
  env: Readonly<Record<string, string | undefined>>,
  userDataPath: string,
  cwd: string,
): string {
  const fromEnv = env.DASHPORT_DATA_DIR;
  return fromEnv !== undefined && fromEnv.trim() !== '' ? resolve(cwd, fromEnv) : userDataPath;
}

/** Where the built bundles live relative to the app path (project root or asar). */
export function bundlePaths(appPath: string): { rendererRoot: string; preload: string } {
  return {
    rendererRoot: join(appPath, 'out', 'renderer'),
    preload: join(appPath, 'out', 'preload', 'index.cjs'),
  };
}
