import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { hostContract, type SystemInfo } from '../../common/hostApi/contract.ts';
import type { Variant } from '../../common/variant.ts';
import { CloudMonitor } from './cloudMonitor.ts';
import { openHostDatabase } from './db.ts';
import { createDispatcher, HostFailure, type Dispatch } from './dispatch.ts';
import { HostEventBus } from './events.ts';
import { log } from './log.ts';
import { SettingsStore } from './settingsStore.ts';

export interface HostOptions {
  variant: Variant;
  /** Folder for the database; the Electron shell passes app.getPath('userData'). */
  dataDir: string;
  version: string;
  buildTime: string;
  transport: SystemInfo['transport'];
  cloudPollMs?: number;
  /** Lets end-to-end tests reach the renderer's store; never set on a head unit. */
  testHooks?: boolean;
}

export interface Host {
  dispatch: Dispatch;
  events: HostEventBus;
  variant: Variant;
  /** Checks the cloud now instead of waiting for the next poll (after a reconnect, and in tests). */
  checkCloud(): Promise<void>;
  close(): void;
}

/** Starts the head unit's local services. Plain Node: the same code runs under Electron and in browser mode. */
export function createHost(options: HostOptions): Host {
  const { variant } = options;
  const db: DatabaseSync = openHostDatabase(join(options.dataDir, 'dashport.db'));
  const events = new HostEventBus();
  const settings = new SettingsStore(db, {
    language: variant.defaultLocale,
    distanceUnit: variant.distanceUnit,
    themeMode: 'auto',
  });
  const cloud = new CloudMonitor({
    cloudUrl: variant.cloudUrl,
    intervalMs: options.cloudPollMs ?? 5000,
    onChange: (state) => events.emit('connectivity.changed', state),
  });
  cloud.start();

  const { cloudUrl: _cloudUrl, $schema: _schema, ...publicVariant } = variant;

  const dispatch = createDispatcher(
    hostContract,
    {
      'system.info': () => ({
        name: 'dashport',
        version: options.version,
        variant: variant.name,
        buildTime: options.buildTime,
        transport: options.transport,
        testHooks: options.testHooks ?? false,
      }),
      'app.config': () => publicVariant,
      'settings.get': () => settings.get(),
      'settings.update': (patch) => {
        if (patch.language && !variant.locales.includes(patch.language)) {
          throw new HostFailure(
            'invalid_input',
            `Language ${patch.language} is not enabled for this vehicle`,
          );
        }
        const next = settings.update(patch);
        events.emit('settings.changed', next);
        return next;
      },
      'connectivity.get': () => cloud.current,
    },
    (channel, error) => log.error('host.handler_failed', { channel, error: String(error) }),
  );

  return {
    dispatch,
    events,
    variant,
    checkCloud: async () => {
      await cloud.check();
    },
    close() {
      cloud.stop();
      db.close();
    },
  };
}
