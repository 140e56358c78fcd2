import { MIN_TOKEN_CHARS, strongToken } from '../demoTokens.ts';
import { readSecretFile, systemdCredentialPath } from './secretFile.ts';

/** The credential name both the bridge's and the app's units load: `LoadCredential=bridge-token:…`. */
export const BRIDGE_TOKEN_CREDENTIAL = 'bridge-token';

export type BridgeTokenResult = { ok: true; token: string | null } | { ok: false; problem: string };

/**
 * The token signal clients present to the bridge, when the variant's `bridgeAuth` is "token":
 * the systemd credential, else a 0600 file. Bridge and app read the same one.
 */
export function resolveBridgeToken(options: {
  env: Readonly<Record<string, string | undefined>>;
  file: string | undefined;
  required: boolean;
}): BridgeTokenResult {
  const path = systemdCredentialPath(options.env, BRIDGE_TOKEN_CREDENTIAL) ?? options.file;
  if (path === undefined) {
    return options.required
      ? {
          ok: false,
          problem:
            `the variant's bridgeAuth is "token": pass the systemd credential ` +
            `"${BRIDGE_TOKEN_CREDENTIAL}" (LoadCredential=) or a token file`,
        }
      : { ok: true, token: null };
  }
  const read = readSecretFile(path);
  if (!read.ok) return read;
  if (!strongToken(read.value)) {
    return {
      ok: false,
      problem: `the bridge token in ${path} must be ${MIN_TOKEN_CHARS}-512 visible ASCII characters`,
    };
  }
  return { ok: true, token: read.value };
}
