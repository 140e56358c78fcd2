import { isLoopbackHost } from '../../common/loopback.ts';
import type { Variant } from '../../common/variant.schema.ts';
import { portOf } from './services.ts';

/**
 * The units as a vehicle line needs them (`npm run dist` builds one line):
 * - A line whose bridge admits only clients with the unit's token (`bridgeAuth: "token"`) hands
 *   that token to the app and to our bridge: their units load the `bridge-token` credential beside
 *   the cloud token's (the bridge's, which has no cloud token, after its EnvironmentFile). Other
 *   lines must not name it, since systemd refuses to start a unit whose credential file is missing.
 * - Our bridge listens on the port of the line's bridgeUrl, when that is on this machine.
 */
const CLOUD_CREDENTIAL = 'LoadCredential=cloud-token:/etc/dashport/cloud-token';
const ENVIRONMENT_FILE = 'EnvironmentFile=-/etc/dashport/dashport.env';
export const BRIDGE_CREDENTIAL = 'LoadCredential=bridge-token:/etc/dashport/bridge-token';
const BRIDGE_UNIT = 'dashport-bridge.service';
/** The units that hold the bridge token on a token line, each after the line named. */
const TOKEN_AFTER: Readonly<Record<string, string>> = {
  'dashport.service': CLOUD_CREDENTIAL,
  'dashport-host.service': CLOUD_CREDENTIAL,
  [BRIDGE_UNIT]: ENVIRONMENT_FILE,
};
const SHIPPED_BRIDGE_PORT = '--port 7071';

export function unitForLine(
  unit: string,
  text: string,
  line: Pick<Variant, 'bridgeAuth' | 'bridgeUrl'>,
): string {
  const lines = text.split('\n');
  const anchor = TOKEN_AFTER[unit];
  if (line.bridgeAuth === 'token' && anchor !== undefined) {
    const at = lines.indexOf(anchor);
    if (at < 0) throw new Error(`${unit}: no "${anchor}" line to add the bridge token's after`);
    lines.splice(
      at + 1,
      0,
      '# This line\'s bridge admits only clients that present the unit\'s token (bridgeAuth "token").',
      BRIDGE_CREDENTIAL,
    );
  }
  if (unit === BRIDGE_UNIT && isLoopbackHost(new URL(line.bridgeUrl).hostname)) {
    const exec = lines.findIndex(
      (l) => l.startsWith('ExecStart=') && l.includes(SHIPPED_BRIDGE_PORT),
    );
    if (exec < 0) throw new Error(`${unit}: no ExecStart with "${SHIPPED_BRIDGE_PORT}"`);
    lines[exec] = lines[exec]!.replace(SHIPPED_BRIDGE_PORT, `--port ${portOf(line.bridgeUrl)}`);
  }
  return lines.join('\n');
}
