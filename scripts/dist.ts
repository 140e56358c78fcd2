import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Arch, build, Platform } from 'electron-builder';
import { loadVariant } from '../common/node/variantFile.ts';
import {
  CONFFILES,
  controlFile,
  COPYRIGHT,
  envFile,
  LINTIAN_OVERRIDES,
  md5sumsFile,
  POSTINST,
  POSTRM,
  PRERM,
  SYSTEMD_UNITS,
  type DebArch,
} from './lib/deb.ts';
import { buildBrowserHost } from './lib/browserHost.ts';
import { buildBridgeBundle } from './lib/bridgeBundle.ts';
import { fuseMismatches } from './lib/fuses.ts';
import { isElectronStandIn } from './lib/electronStandIn.ts';
import { unitForLine } from './lib/units.ts';

/**
 * `npm run dist -- --variant <name> --arm64|--x64 [--electron-dist <folder>] [--out <folder>]`:
 * builds the renderer and host bundles, packs the app with electron-builder (its `dir` target,
 * which works offline), checks the fuses read back from the packed binary, and writes the
 * `tar.gz` and the `.deb` with GNU tar and Debian's dpkg-deb under fakeroot, reproducibly
 * (SOURCE_DATE_EPOCH from the commit). electron-builder's own tar.gz and deb targets download
 * tools at build time, which a build machine without internet cannot.
 */

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    variant: { type: 'string' },
    arm64: { type: 'boolean', default: false },
    x64: { type: 'boolean', default: false },
    'electron-dist': { type: 'string', default: process.env.DASHPORT_ELECTRON_DIST },
    out: { type: 'string', default: join(ROOT, 'dist') },
    'skip-build': { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`dist: ${message}\n`);
  process.exit(1);
}
const step = (text: string) => process.stdout.write(`dist: ${text}\n`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8' });
  if (result.error) fail(`${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')}:\n${result.stderr || result.stdout}`);
  return result.stdout;
}

if (!values.variant) fail('--variant <name> is required (one of build/variants)');
const arches = [values.x64 && 'x64', values.arm64 && 'arm64'].filter(Boolean) as (
  'x64' | 'arm64'
)[];
if (arches.length === 0) fail('name the architecture: --x64, --arm64 or both');
const electronDist = values['electron-dist'];
if (!electronDist) {
  fail(
    'Electron is not downloaded at build time: --electron-dist <folder> (or DASHPORT_ELECTRON_DIST) ' +
      'naming an unpacked Electron or a folder of its official linux zips (README: Packages)',
  );
}
if (!existsSync(electronDist)) fail(`--electron-dist ${electronDist}: no such folder`);
const standIn = isElectronStandIn(electronDist);
if (standIn) {
  step(`WARNING: ${electronDist} is a stand-in for Electron (npm run electron:stand-in)`);
  step('WARNING: the app it packs does not run; never flash these packages');
}
const loaded = loadVariant(values.variant, ROOT);
if (!loaded.ok) fail(loaded.problems.join('\n'));
const variant = loaded.variant;

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
// The commit's time for every timestamp, so two builds of one commit are the same bytes.
const epoch =
  process.env.SOURCE_DATE_EPOCH ||
  run('git', ['log', '-1', '--format=%ct']).trim() ||
  fail('no SOURCE_DATE_EPOCH and no git commit to take it from');
const env = { ...process.env, SOURCE_DATE_EPOCH: epoch };

if (!values['skip-build']) {
  step('building the bundles (electron-vite)');
  run('npx', ['electron-vite', 'build'], env);
}
// The browser-mode host (dashport-host.service): one file, plus the page and the lines it serves.
const browserHost = join(ROOT, 'out', 'browser');
step('building the browser-mode host');
await buildBrowserHost(ROOT, browserHost);
// The vehicle-bus bridge (dashport-bridge.service), for units whose OEM has none.
const bridge = join(ROOT, 'out', 'bridge');
step('building the vehicle-bus bridge');
await buildBridgeBundle(ROOT, bridge);

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const MAINTAINER = 'Dashport <dashport@example.com>';

for (const arch of arches) {
  const debArch: DebArch = arch === 'x64' ? 'amd64' : 'arm64';
  const stem = `dashport-${pkg.version}-${variant.name}-${arch}`;
  const work = join(out, `.work-${arch}`);
  rmSync(work, { recursive: true, force: true });

  step(`${arch}: packing the app (electron-builder dir, Electron from ${electronDist})`);
  process.env.SOURCE_DATE_EPOCH = epoch;
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir', arch === 'x64' ? Arch.x64 : Arch.arm64),
    config: { electronDist, directories: { output: work } },
    publish: 'never',
  });
  const unpacked = join(work, arch === 'x64' ? 'linux-unpacked' : 'linux-arm64-unpacked');
  const binary = join(unpacked, 'dashport');

  step(`${arch}: reading the fuses back`);
  const wrong = await fuseMismatches(binary);
  if (wrong.length > 0) fail(`fuses differ from DESIGN §11:\n${wrong.join('\n')}`);

  const dir = join(out, stem);
  rmSync(dir, { recursive: true, force: true });
  cpSync(unpacked, dir, { recursive: true });
  cpSync(browserHost, join(dir, 'browser'), { recursive: true });
  cpSync(bridge, join(dir, 'bridge'), { recursive: true });
  normalise(dir, Number(epoch));

  step(`${arch}: ${stem}.tar.gz`);
  writeFileSync(join(out, `${stem}.tar.gz`), tarGz(out, stem, epoch));

  step(`${arch}: dashport_${pkg.version}_${variant.name}_${debArch}.deb`);
  const deb = join(out, `dashport_${pkg.version}_${variant.name}_${debArch}.deb`);
  buildDeb(dir, deb, debArch, Number(epoch));

  const asar = createHash('sha256')
    .update(readFileSync(join(dir, 'resources', 'app.asar')))
    .digest('hex');
  writeFileSync(join(out, `${stem}.app.asar.sha256`), `${asar}  app.asar\n`);
  rmSync(work, { recursive: true, force: true });
  step(`${arch}: done; app archive sha256 ${asar}`);
}

/** The folder as a gzipped tar: names sorted, owner root, every time the commit's, no gzip time. */
function tarGz(parent: string, folder: string, seconds: string): Buffer {
  const args = ['--sort=name', `--mtime=@${seconds}`, '--owner=0', '--group=0', '--numeric-owner'];
  const tar = spawnSync('tar', [...args, '--format=gnu', '-C', parent, '-cf', '-', folder], {
    maxBuffer: 1 << 30,
  });
  if (tar.status !== 0) fail(`tar: ${tar.stderr.toString()}`);
  return gzipSync(tar.stdout, { level: 9 });
}

/** Files 0644, directories and executables 0755, every time the commit's: tar and dpkg copy them. */
function normalise(dir: string, seconds: number): void {
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) chmodSync(path, 0o755);
    else chmodSync(path, stat.mode & 0o111 ? 0o755 : 0o644);
    utimesSync(path, seconds, seconds);
  }
  utimesSync(dir, seconds, seconds);
}

function buildDeb(app: string, deb: string, arch: DebArch, seconds: number): void {
  const tree = `${deb}.tree`;
  rmSync(tree, { recursive: true, force: true });
  const put = (path: string, content: string | Buffer, mode = 0o644) => {
    mkdirSync(join(tree, path, '..'), { recursive: true });
    writeFileSync(join(tree, path), content, { mode });
    chmodSync(join(tree, path), mode);
  };
  cpSync(app, join(tree, 'opt/dashport'), { recursive: true });
  const systemd = join(ROOT, 'build/systemd');
  for (const unit of SYSTEMD_UNITS) {
    const text = readFileSync(join(systemd, unit), 'utf8');
    put(`lib/systemd/system/${unit}`, unitForLine(unit, text, variant));
  }
  put('usr/lib/sysusers.d/dashport.conf', readFileSync(join(systemd, 'dashport.sysusers')));
  put('etc/pam.d/dashport', readFileSync(join(systemd, 'dashport.pam')));
  put('etc/dashport/dashport.env', envFile(variant.name));
  put('usr/share/doc/dashport/copyright', COPYRIGHT);
  put('usr/share/lintian/overrides/dashport', LINTIAN_OVERRIDES);
  put(
    'usr/share/doc/dashport/changelog.gz',
    gzipSync(
      `dashport (${pkg.version}) unstable; urgency=medium\n\n  * Built for ${variant.name}.\n\n -- ${MAINTAINER}  ${new Date(seconds * 1000).toUTCString().replace('GMT', '+0000')}\n`,
      { level: 9 },
    ),
  );
  const sizeKb = Math.ceil(Number(run('du', ['-sk', '--apparent-size', tree]).split('\t')[0]) || 0);
  put(
    'DEBIAN/control',
    controlFile({
      version: pkg.version,
      arch,
      variant: variant.name,
      maintainer: MAINTAINER,
      installedSizeKb: sizeKb,
    }),
  );
  put('DEBIAN/conffiles', `${CONFFILES.join('\n')}\n`);
  const installed = readdirSync(tree, { recursive: true, encoding: 'utf8' }).filter(
    (path) => !path.startsWith('DEBIAN') && statSync(join(tree, path)).isFile(),
  );
  put(
    'DEBIAN/md5sums',
    md5sumsFile(
      installed.map((path) => [
        path,
        createHash('md5')
          .update(readFileSync(join(tree, path)))
          .digest('hex'),
      ]),
    ),
  );
  put('DEBIAN/postinst', POSTINST, 0o755);
  put('DEBIAN/prerm', PRERM, 0o755);
  put('DEBIAN/postrm', POSTRM, 0o755);
  normalise(tree, seconds);
  for (const script of ['postinst', 'prerm', 'postrm'])
    chmodSync(join(tree, 'DEBIAN', script), 0o755);
  run('fakeroot', ['dpkg-deb', '--root-owner-group', '-Zxz', '--build', tree, deb], {
    ...process.env,
    SOURCE_DATE_EPOCH: String(seconds),
  });
  rmSync(tree, { recursive: true, force: true });
}
