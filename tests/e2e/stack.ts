import { TEST_CONTROL_TOKEN } from '../support/controlToken.ts';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnService, type RunningService } from '../../scripts/lib/services.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';

export interface Stack {
  bridge: RunningService;
  /** The bridge's client token file: the page gets the token from the host, as on a unit. */
  bridgeTokenFile: string;
  cloud: RunningService;
  host: RunningService;
  dataDir: string;
  /** Stops the host process and starts a new one on the same data directory. */
  restartHost(): Promise<RunningService>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Extra bridge arguments (scenario, replay, bench); the test-only control channel is always on. */
  bridgeArgs?: string[];
  /** Extra cloud arguments (e.g. a short --order-step-ms). */
  cloudArgs?: string[];
  /** The host's variant (a name in build/variants or a file); default dev. */
  variant?: string;
  /** The host CLI to run; default the source's. The kiosk test runs the packaged browser host. */
  hostScript?: string;
}

const script = (path: string) => join(PROJECT_ROOT, path);

/** A fresh bridge client token in a 0600 file, as systemd's LoadCredential would hand it over. */
function writeBridgeToken(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'bridge-token');
  writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return file;
}

/**
 * The real parts, each its own process on loopback, started as `npm run start:web` starts them,
 * except that the bridge's control channel is on so tests can steer the car.
 */
export async function startStack(dataDir: string, options: StackOptions = {}): Promise<Stack> {
  const bridgeTokenFile = writeBridgeToken(dataDir);
  const [bridge, cloud] = await Promise.all([
    spawnService('bridge', script('bridge/cli.ts'), [
      '--port',
      '0',
      '--client-token-file',
      bridgeTokenFile,
      '--control',
      '--control-token',
      TEST_CONTROL_TOKEN,
      // As start:web runs it: the variant's car (an electric line's simulator reports charge).
      ...(options.variant ? ['--variant', options.variant] : []),
      ...(options.bridgeArgs ?? ['--speed-factor', '4']),
    ]),
    spawnService('cloud', script('cloud/cli.ts'), [
      '--port',
      '0',
      '--db',
      join(dataDir, 'cloud.db'),
      ...(options.cloudArgs ?? []),
    ]),
  ]);
  const startHost = () =>
    spawnService('host', options.hostScript ?? script('electron/host/cli.ts'), [
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
      '--bridge-token-file',
      bridgeTokenFile,
      ...(options.variant ? ['--variant', options.variant] : []),
      '--test-hooks',
    ]);
  let host: RunningService;
  try {
    host = await startHost();
  } catch (error) {
    await Promise.all([bridge.stop(), cloud.stop()]);
    throw error;
  }
  const stack: Stack = {
    bridge,
    bridgeTokenFile,
    cloud,
    host,
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
