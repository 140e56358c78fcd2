import type { Variant } from '../../common/variant.schema.ts';

/**
 * The units as a vehicle line needs them. A line whose bridge admits only clients with the unit's
 * token (`bridgeAuth: "token"`) must hand that token to the app: its units load the `bridge-token`
 * credential beside the cloud token's. Other lines must not name it, since systemd refuses to
 * start a unit whose credential file is missing.
 */
const CLOUD_CREDENTIAL = 'LoadCredential=cloud-token:/etc/dashport/cloud-token';
export const BRIDGE_CREDENTIAL = 'LoadCredential=bridge-token:/etc/dashport/bridge-token';
/** The units that run the app (Electron, or the browser-mode host); the kiosk holds no token. */
const APP_UNITS: ReadonlySet<string> = new Set(['dashport.service', 'dashport-host.service']);

export function unitForLine(unit: string, text: string, bridgeAuth: Variant['bridgeAuth']): string {
  if (bridgeAuth !== 'token' || !APP_UNITS.has(unit)) return text;
  const lines = text.split('\n');
  const at = lines.indexOf(CLOUD_CREDENTIAL);
  if (at < 0)
    throw new Error(`${unit}: no "${CLOUD_CREDENTIAL}" line to add the bridge token's to`);
  lines.splice(
    at + 1,
    0,
    '# This line\'s bridge admits only clients that present the unit\'s token (bridgeAuth "token").',
    BRIDGE_CREDENTIAL,
  );
  return lines.join('\n');
}
