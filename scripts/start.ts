import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
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
    // The simulated drive (a simulated line only): `parked` or `charging` keep the engineering
    // screen open, which the default loop closes whenever it drives off.
    scenario: { type: 'string' },
    // A desk has no USB stick at the line's engineering.exportDir: in browser mode, diagnostics
    // bundles go here (default <data-dir>/exports).
    'export-dir': { type: 'string' },
    // Where the stack keeps its databases, launch page and exports.
    'data-dir': { type: 'string', default: '.data' },
    'no-build': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const mode = positionals[0] === 'electron' ? 'electron' : 'web';
if (mode === 'electron' && values['export-dir'] !== undefined) {
  process.stderr.write('--export-dir applies to browser mode (npm run start:web) only\n');
  process.exit(2);
}

const loaded = loadVariant(values.variant, root);
if (!loaded.ok) {
  for (const line of loaded.problems) process.stderr.write(`${line}\n`);
  process.exit(1);
}
const { variant } = loaded;
const dataDir = resolve(root, values['data-dir']);

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
      [
        '--port',
        portOf(variant.bridgeUrl),
        '--variant',
        loaded.file,
        ...(values.scenario === undefined ? [] : ['--scenario', values.scenario]),
      ],
      opts,
    ),
  );
  services.push(
    await spawnService(
      'cloud',
      join(root, 'cloud/cli.ts'),
      ['--port', portOf(variant.cloudUrl), '--db', join(dataDir, 'cloud.db')],
      opts,
    ),
  );
  if (mode === 'web') {
    const exportDir = resolve(root, values['export-dir'] ?? join(dataDir, 'exports'));
    mkdirSync(exportDir, { recursive: true });
    const host = await spawnService(
      'host',
      join(root, 'electron/host/cli.ts'),
      [
        ...['--variant', loaded.file, '--port', values['host-port']],
        ...['--data-dir', join(dataDir, 'host')],
        ...(variant.engineering ? ['--export-dir', exportDir] : []),
      ],
      opts,
    );
    services.push(host);
    const launchPage = join(dataDir, 'host', 'open.html');
    writeLaunchPage(launchPage, host);
    process.stdout.write(
      `\nDashport (${variant.name}) is running. Open file://${launchPage} in Chromium\n` +
        `(it forwards to ${host.url} with this start's host secret).\n` +
        (variant.engineering ? `Diagnostics bundles are exported to ${exportDir}.\n` : '') +
        'Ctrl+C stops everything.\n',
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
