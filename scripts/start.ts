import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadVariant } from '../common/node/variantFile.ts';
import { portOf, spawnService, type RunningService } from './lib/services.ts';
import { writeLaunchPage } from './lib/hostPage.ts';

/**
 * `npm run start:web` / `npm start`: builds, then starts bridge, cloud and host (browser mode) or
 * Electron, with the `dev` variant unless `-- --variant <name|file>` says otherwise.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  options: {
    variant: { type: 'string', default: process.env.DASHPORT_VARIANT ?? 'dev' },
    'host-port': { type: 'string', default: '7073' },
    'no-build': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const mode = positionals[0] === 'electron' ? 'electron' : 'web';

const loaded = loadVariant(values.variant, root);
if (!loaded.ok) {
  for (const line of loaded.problems) process.stderr.write(`${line}\n`);
  process.exit(1);
}
const { variant } = loaded;

if (!values['no-build']) {
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const services: RunningService[] = [];
const stopAll = async () => {
  await Promise.all(services.reverse().map((s) => s.stop()));
};
process.on('SIGINT', () => void stopAll().then(() => process.exit(0)));
process.on('SIGTERM', () => void stopAll().then(() => process.exit(0)));

try {
  const opts = { cwd: root, stderr: 'inherit' as const };
  services.push(
    await spawnService(
      'bridge',
      join(root, 'bridge/cli.ts'),
      // The variant's vehicle.signals picks the bridge's source (simulator, or CAN by profile).
      ['--port', portOf(variant.bridgeUrl), '--variant', loaded.file],
      opts,
    ),
  );
  services.push(
    await spawnService(
      'cloud',
      join(root, 'cloud/cli.ts'),
      ['--port', portOf(variant.cloudUrl), '--db', '.data/cloud.db'],
      opts,
    ),
  );
  if (mode === 'web') {
    const host = await spawnService(
      'host',
      join(root, 'electron/host/cli.ts'),
      ['--variant', loaded.file, '--port', values['host-port'], '--data-dir', '.data/host'],
      opts,
    );
    services.push(host);
    const launchPage = resolve(root, '.data/host/open.html');
    writeLaunchPage(launchPage, host);
    process.stdout.write(
      `\nDashport (${variant.name}) is running. Open file://${launchPage} in Chromium\n` +
        `(it forwards to ${host.url} with this start's host secret).\nCtrl+C stops everything.\n`,
    );
  } else {
    const electronBin = join(root, 'node_modules/electron/dist/electron');
    if (!existsSync(electronBin)) {
      process.stderr.write(
        'The Electron binary is not installed (it is downloaded by "npm install" from Electron\'s release host).\n' +
          'Use "npm run start:web" for browser mode, or reinstall with network access to that host.\n',
      );
      await stopAll();
      process.exit(1);
    }
    const electron = spawn(electronBin, [root, `--variant=${loaded.file}`], {
      cwd: root,
      stdio: 'inherit',
    });
    electron.on('exit', (code) => void stopAll().then(() => process.exit(code ?? 0)));
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  await stopAll();
  process.exit(1);
}
