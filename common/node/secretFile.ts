import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type SecretRead = { ok: true; value: string } | { ok: false; problem: string };

/**
 * A secret from a file that only its owner may read (0600 or 0400); anything looser is refused,
 * since every local user could have read it already. One trailing newline is dropped.
 */
export function readSecretFile(path: string): SecretRead {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    return { ok: false, problem: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code}` };
  }
  if ((mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    return {
      ok: false,
      problem: `${path} is readable by other users (mode ${octal}); make it 0600 or 0400`,
    };
  }
  const value = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  return value === '' ? { ok: false, problem: `${path} is empty` } : { ok: true, value };
}

/**
 * systemd's LoadCredential= puts each credential in $CREDENTIALS_DIRECTORY, readable by the
 * service user only. Undefined when the process has no credentials directory or not this one.
 */
export function systemdCredentialPath(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
): string | undefined {
  const dir = env.CREDENTIALS_DIRECTORY;
  if (!dir) return undefined;
  const path = join(dir, name);
  try {
    statSync(path);
    return path;
  } catch {
    return undefined;
  }
}

/** Reads an environment variable and removes it, so no child process inherits the secret. */
export function takeFromEnv(
  env: Record<string, string | undefined>,
  name: string,
): string | undefined {
  const value = env[name];
  delete env[name];
  return value === '' ? undefined : value;
}

/**
 * Writes a file only its owner can read. The old file is removed and the new one created
 * exclusively, so a symlink planted at the path is never followed.
 */
export function writeOwnerOnlyFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  rmSync(path, { force: true });
  writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
}
