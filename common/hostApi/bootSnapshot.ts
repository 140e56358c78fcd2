import type { Settings } from '../settings.schema.ts';
import type { HostChannel } from './channels.ts';
import type { Connectivity, PublicVariantConfig, SystemInfo } from './contract.schema.ts';

/** What the first paint needs from the host: the line's configuration, settings and state. */
export interface HostSnapshot {
  config: PublicVariantConfig;
  system: SystemInfo;
  settings: Settings;
  connectivity: Connectivity;
}

/** The channel each part comes from: the page's copy and the renderer's calls read the same ones. */
export const SNAPSHOT_CHANNELS = {
  config: 'app.config',
  system: 'system.info',
  settings: 'settings.get',
  connectivity: 'connectivity.get',
} as const satisfies Record<keyof HostSnapshot, HostChannel>;

/**
 * The id of the JSON data block the host writes into index.html, so the first paint does not
 * wait for a round trip. A data block is never executed: the CSP's script-src does not apply.
 */
export const BOOT_SNAPSHOT_ID = 'dashport-boot';
