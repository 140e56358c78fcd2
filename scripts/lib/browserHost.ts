import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleNodeCli, copyVariants } from './nodeBundle.ts';

/**
 * The browser-mode host as a unit without Electron runs it (`node <dir>/electron/host/cli.js`,
 * Node >= 22.12 for node:sqlite), beside what it reads at run time:
 *
 *   <dir>/electron/host/cli.js   the host (socket.io server, SQLite, cloud client, ...)
 *   <dir>/kiosk/cli.js           the kiosk's watchdog around Chromium (reopens a crashed page)
 *   <dir>/build/variants/*.json  the vehicle lines
 *   <dir>/out/renderer/          the page it serves (built by electron-vite before this)
 *   <dir>/package.json           its version
 */
export async function buildBrowserHost(root: string, dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  await bundleNodeCli(root, 'electron/host/cli.ts', dir);
  await bundleNodeCli(root, 'kiosk/cli.ts', dir);
  copyVariants(root, dir);
  cpSync(join(root, 'out/renderer'), join(dir, 'out/renderer'), { recursive: true });
}
