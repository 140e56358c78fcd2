import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleNodeCli, copyVariants } from './nodeBundle.ts';

/**
 * The vehicle-bus bridge as dashport-bridge.service runs it (`node <dir>/bridge/cli.js`), for units
 * whose OEM has no bridge of its own, beside what it reads at run time:
 *
 *   <dir>/bridge/cli.js          the bridge (socket.io server, simulator, CAN decoding, ...)
 *   <dir>/build/variants/*.json  the vehicle lines (their vehicle.signals pick the source)
 *   <dir>/build/vehicles/        the CAN profiles and the DBC files they name
 *   <dir>/package.json           its version
 */
export async function buildBridgeBundle(root: string, dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  await bundleNodeCli(root, 'bridge/cli.ts', dir);
  copyVariants(root, dir);
  cpSync(join(root, 'build/vehicles'), join(dir, 'build/vehicles'), { recursive: true });
}
