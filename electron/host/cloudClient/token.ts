import {
  acceptableToken,
  DEMO_VEHICLE_TOKENS,
  MIN_TOKEN_CHARS,
} from '../../../common/demoTokens.ts';
import { readSecretFile, systemdCredentialPath } from '../../../common/node/secretFile.ts';

/** The seeded demo vehicle's token: for the dev variant only, never a shipped vehicle line. */
export const DEV_VEHICLE_TOKEN = DEMO_VEHICLE_TOKENS[0];

/** The name under which a unit passes the token: `LoadCredential=cloud-token:/etc/dashport/…`. */
export const CLOUD_TOKEN_CREDENTIAL = 'cloud-token';

export type TokenResult =
  | { ok: true; token: string | null; from: 'credential' | 'file' | 'env' | 'demo' | 'none' }
  | { ok: false; problem: string };

export interface TokenSources {
  /** The process environment, for CREDENTIALS_DIRECTORY. */
  env: Readonly<Record<string, string | undefined>>;
  /** DASHPORT_CLOUD_TOKEN as taken out of the environment at start (`takeFromEnv`). */
  fromEnv: string | undefined;
  /** `--cloud-token-file`. */
  file?: string;
  /** Development only: a unit started by systemd, or a packaged app, never reads the token from
   * the environment, which child processes inherit and unit files and `systemctl show` expose. */
  allowEnv: boolean;
  variantName: string;
}

/**
 * The vehicle's cloud token, in this order: the systemd credential, a token file (0600), the
 * environment (development only); the dev variant falls back to the demo vehicle's token. It lives
 * in the host only: nothing sends it to the renderer. Null: vehicle routes are unavailable.
 */
export function resolveCloudToken(sources: TokenSources): TokenResult {
  const credential = systemdCredentialPath(sources.env, CLOUD_TOKEN_CREDENTIAL);
  const path = credential ?? sources.file;
  if (path !== undefined) {
    const read = readSecretFile(path);
    if (!read.ok) return read;
    return checked(read.value, credential ? 'credential' : 'file');
  }
  if (sources.fromEnv !== undefined) {
    if (!sources.allowEnv) {
      return {
        ok: false,
        problem:
          `DASHPORT_CLOUD_TOKEN is for development; on a head unit pass it as the systemd ` +
          `credential "${CLOUD_TOKEN_CREDENTIAL}" (LoadCredential=)`,
      };
    }
    return checked(sources.fromEnv, 'env');
  }
  if (sources.variantName === 'dev') return { ok: true, token: DEV_VEHICLE_TOKEN, from: 'demo' };
  return { ok: true, token: null, from: 'none' };
}

function checked(token: string, from: 'credential' | 'file' | 'env'): TokenResult {
  if (!acceptableToken(token)) {
    return {
      ok: false,
      problem: `the cloud token must be ${MIN_TOKEN_CHARS}-512 visible ASCII characters`,
    };
  }
  return { ok: true, token, from };
}
