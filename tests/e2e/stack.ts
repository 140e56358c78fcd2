import { join } from 'node:path';
import { spawnService, type RunningService } from '../../scripts/lib/services.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';

export interface Stack {
  bridge: RunningService;
  cloud: RunningService;
  host: RunningService;
  dataDir: string;
  /** Stops the host process and starts a new one on the same data directory. */
  restartHost(): Promise<RunningService>;
  stop(): Promise<void>;
}

const script = (path: string) => join(PROJECT_ROOT, path);

/** The real parts, each its own process on loopback, started as `npm run start:web` starts them. */
export async function startStack(
  dataDir: string,
  options: { speedFactor?: number } = {},
): Promise<Stack> {
  const bridge = await spawnService('bridge', script('bridge/cli.ts'), [
    '--port',
    '0',
    '--speed-factor',
    String(options.speedFactor ?? 4),
  ]);
  const cloud = await spawnService('cloud', script('cloud/cli.ts'), [
    '--port',
    '0',
    '--db',
    join(dataDir, 'cloud.db'),
  ]);
  const startHost = () =>
    spawnService('host', script('electron/host/cli.ts'), [
      '--port',
      '0',
      '--data-dir',
      join(dataDir, 'host'),
      '--bridge-url',
      bridge.url,
      '--cloud-url',
      cloud.url,
      '--cloud-poll-ms',
      '500',
      '--test-hooks',
    ]);
  const stack: Stack = {
    bridge,
    cloud,
    host: await startHost(),
    dataDir,
    async restartHost() {
      await stack.host.stop();
      stack.host = await startHost();
      return stack.host;
    },
    async stop() {
      await Promise.all([stack.host.stop(), cloud.stop(), bridge.stop()]);
    },
  };
  return stack;
}
