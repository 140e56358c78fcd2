import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFFILES, RUNTIME_DEPENDS, SUGGESTS, SYSTEMD_UNITS } from '../../scripts/lib/deb.ts';
import { spawnService } from '../../scripts/lib/services.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { RAV4_LOG_10S } from '../support/canFixtures.ts';
import { devVariant, PROJECT_ROOT } from '../support/devVariant.ts';
import { change, until, VissClient } from './bridge-support.ts';
import { tempDir } from '../support/tmp.ts';

/**
 * `npm run dist -- --variant dev --x64` end to end, on a copy of the project (so the test suite's
 * own `out/` is never rebuilt under the other tests), with a stand-in Electron folder: a binary
 * carrying Electron's fuse wire (the real one cannot be downloaded here; it is never run). Built
 * twice, to show that one commit gives the same bytes.
 */

const EPOCH = '1764806400'; // 2025-12-04, a fixed commit time
const tmp = tempDir('dashport-dist-');

/** The stand-in Electron folder, made by the command the README gives a new user. */
function standInElectron(dir: string): void {
  const made = spawnSync(process.execPath, ['scripts/electron-stand-in.ts', dir], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`electron:stand-in failed: ${made.stderr}`);
}

/** The project's files (tracked and new), with its node_modules linked in. */
function copyProject(to: string): void {
  const listed = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    },
  );
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(PROJECT_ROOT, file))) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(PROJECT_ROOT, file), join(to, file));
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(to, 'node_modules'));
}

function dist(project: string, out: string, arch: '--x64' | '--arm64' = '--x64') {
  return spawnSync(
    process.execPath,
    [
      'scripts/dist.ts',
      '--variant',
      'dev',
      arch,
      '--electron-dist',
      join(tmp.dir, 'electron'),
      '--out',
      out,
    ],
    {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    },
  );
}

const sh = (command: string, args: string[]) => {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('npm run dist (stand-in Electron, offline)', () => {
  const project = join(tmp.dir, 'project');
  const first = join(tmp.dir, 'first');
  const second = join(tmp.dir, 'second');
  const arm = join(tmp.dir, 'arm64');
  const deb = (out: string) => join(out, 'dashport_0.1.0_dev_amd64.deb');

  let firstOutput = '';
  beforeAll(() => {
    standInElectron(join(tmp.dir, 'electron'));
    copyProject(project);
    for (const [out, arch] of [
      [first, '--x64'],
      [second, '--x64'],
      [arm, '--arm64'],
    ] as const) {
      const r = dist(project, out, arch);
      if (r.status !== 0) throw new Error(`dist failed:\n${r.stdout}\n${r.stderr}`);
      if (out === first) firstOutput = r.stdout;
    }
  }, 360_000);
  afterAll(() => tmp.cleanup());

  it('writes the app folder, the tar.gz and the .deb, with the fuses checked', () => {
    // …and says loudly that what it packed is no Electron.
    expect(firstOutput).toMatch(/WARNING: .* is a stand-in for Electron/);
    expect(firstOutput).toMatch(/never flash these packages/);
    const stem = 'dashport-0.1.0-dev-x64';
    expect(existsSync(join(first, stem, 'dashport'))).toBe(true);
    expect(existsSync(join(first, stem, 'resources', 'app.asar'))).toBe(true);
    expect(existsSync(join(first, stem, 'resources', 'variants', 'dev.json'))).toBe(true);
    const listing = sh('tar', ['-tzvf', join(first, `${stem}.tar.gz`)]);
    expect(listing).toMatch(new RegExp(`-rwxr-xr-x 0/0 .* ${stem}/dashport\\n`));
    expect(listing).toMatch(new RegExp(`${stem}/resources/app.asar`));
    const check = spawnSync(
      process.execPath,
      ['scripts/check-fuses.ts', join(first, stem, 'dashport')],
      {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      },
    );
    expect(check.stdout).toMatch(/carries every fuse/);
  });

  it('describes itself to dpkg: name, version, architecture, dependencies, conffiles', () => {
    const field = (name: string) => sh('dpkg-deb', ['-f', deb(first), name]).trim();
    expect(field('Package')).toBe('dashport');
    expect(field('Version')).toBe('0.1.0');
    expect(field('Architecture')).toBe('amd64');
    expect(field('Depends').split(', ')).toEqual([...RUNTIME_DEPENDS]);
    expect(field('Suggests').split(', ')).toEqual([...SUGGESTS]);
    expect(Number(field('Installed-Size'))).toBeGreaterThan(0);
    const control = join(tmp.dir, 'control');
    sh('dpkg-deb', ['-e', deb(first), control]);
    expect(readFileSync(join(control, 'conffiles'), 'utf8').trim().split('\n')).toEqual([
      ...CONFFILES,
    ]);
    // Sums for dpkg --verify: every installed file but the conffiles, each one right.
    const sums = readFileSync(join(control, 'md5sums'), 'utf8');
    for (const conffile of CONFFILES) expect(sums).not.toContain(` ${conffile.slice(1)}\n`);
    expect(sums).toMatch(/^[0-9a-f]{32} {2}opt\/dashport\/resources\/app\.asar$/m);
    const unpacked = join(tmp.dir, 'root-sums');
    sh('dpkg-deb', ['-x', deb(first), unpacked]);
    const check = spawnSync('md5sum', ['--check', '--quiet', join(control, 'md5sums')], {
      cwd: unpacked,
      encoding: 'utf8',
    });
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
    // Installs, creates its user, and enables or starts nothing unasked.
    const postinst = readFileSync(join(control, 'postinst'), 'utf8');
    expect(postinst).toMatch(/systemd-sysusers dashport\.conf/);
    const sysusers = sh('sh', [
      '-c',
      `dpkg-deb --fsys-tarfile '${deb(first)}' | tar -xOf - ./usr/lib/sysusers.d/dashport.conf`,
    ]);
    // The bridge has a user of its own: it never reads the app's data or cloud token.
    expect(sysusers).toMatch(/^u dashport-bridge - .* \/usr\/sbin\/nologin$/m);
    for (const script of ['postinst', 'prerm', 'postrm']) {
      expect(readFileSync(join(control, script), 'utf8')).not.toMatch(/systemctl (enable|start)/);
    }
  });

  it('installs the app under /opt/dashport, the unit, the user and PAM, all root-owned', () => {
    const files = sh('dpkg-deb', ['-c', deb(first)])
      .trim()
      .split('\n')
      .map((line) => {
        const [mode, owner, , , , path] = line.split(/\s+/);
        return { mode, owner, path };
      });
    expect(files.every((f) => f.owner === 'root/root')).toBe(true);
    const mode = (path: string) => files.find((f) => f.path === path)?.mode;
    expect(mode('./opt/dashport/dashport')).toBe('-rwxr-xr-x');
    expect(mode('./opt/dashport/resources/app.asar')).toBe('-rw-r--r--');
    for (const unit of SYSTEMD_UNITS) {
      expect(mode(`./lib/systemd/system/${unit}`), unit).toBe('-rw-r--r--');
    }
    // Browser mode's host: one file, the page and the lines, beside the Electron app.
    expect(mode('./opt/dashport/browser/electron/host/cli.js')).toBe('-rw-r--r--');
    expect(mode('./opt/dashport/browser/kiosk/cli.js')).toBe('-rw-r--r--');
    expect(mode('./opt/dashport/browser/out/renderer/index.html')).toBe('-rw-r--r--');
    expect(mode('./opt/dashport/browser/build/variants/dev.json')).toBe('-rw-r--r--');
    // The bridge: one file, the lines, the CAN profiles and their DBC files.
    expect(mode('./opt/dashport/bridge/bridge/cli.js')).toBe('-rw-r--r--');
    expect(mode('./opt/dashport/bridge/build/variants/dev.json')).toBe('-rw-r--r--');
    expect(mode('./opt/dashport/bridge/build/vehicles/toyota-rav4-2018.json')).toBe('-rw-r--r--');
    expect(mode('./opt/dashport/bridge/build/vehicles/dbc/toyota_new_mc_pt_generated.dbc')).toBe(
      '-rw-r--r--',
    );
    expect(mode('./usr/lib/sysusers.d/dashport.conf')).toBe('-rw-r--r--');
    expect(mode('./etc/pam.d/dashport')).toBe('-rw-r--r--');
    expect(mode('./etc/dashport/dashport.env')).toBe('-rw-r--r--');
    expect(mode('./usr/share/doc/dashport/copyright')).toBe('-rw-r--r--');
    // Nothing writable by others, nothing setuid.
    expect(files.filter((f) => /^.{8}w|s/.test(f.mode ?? ''))).toEqual([]);
    const env = sh('sh', [
      '-c',
      `dpkg-deb --fsys-tarfile '${deb(first)}' | tar -xOf - ./etc/dashport/dashport.env`,
    ]);
    expect(env).toMatch(/^DASHPORT_VARIANT=dev$/m);
  });

  it('passes systemd-analyze verify and lintian (no errors)', () => {
    const unpacked = join(tmp.dir, 'root');
    sh('dpkg-deb', ['-x', deb(first), unpacked]);
    const units = SYSTEMD_UNITS.map((unit) => join(unpacked, 'lib/systemd/system', unit));
    const verify = spawnSync('systemd-analyze', ['verify', ...units], { encoding: 'utf8' });
    expect(verify.stderr).not.toMatch(/dashport[\w-]*\.service:/);
    expect(verify.status).toBe(0);
    const lintian = spawnSync('lintian', ['--fail-on', 'error', deb(first)], { encoding: 'utf8' });
    expect(lintian.stdout.split('\n').filter((l) => l.startsWith('E:'))).toEqual([]);
    expect(lintian.status).toBe(0);
  });

  it('ships a browser-mode host that runs from the package alone, as its unit starts it', async () => {
    const unpacked = join(tmp.dir, 'root-browser');
    sh('dpkg-deb', ['-x', deb(first), unpacked]);
    const data = join(tmp.dir, 'browser-data');
    const launchPage = join(tmp.dir, 'run', 'launch.html');
    mkdirSync(dirname(launchPage), { recursive: true });
    // No node_modules anywhere above it: everything it needs is in the one file.
    const host = await spawnService(
      'packaged host',
      join(unpacked, 'opt/dashport/browser/electron/host/cli.js'),
      [
        '--port',
        '0',
        '--data-dir',
        data,
        '--cloud-url',
        'http://127.0.0.1:9',
        '--launch-page',
        launchPage,
      ],
      { cwd: unpacked, env: { PATH: process.env.PATH, DASHPORT_VARIANT: 'dev' } },
    );
    try {
      const page = await fetch(host.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">/);
      // The kiosk's launch page: the service user's alone, forwarding with this start's secret.
      expect(statSync(launchPage).mode & 0o777).toBe(0o600);
      const secret = readFileSync(String(host.ready.secretFile), 'utf8').trim();
      expect(readFileSync(launchPage, 'utf8')).toContain(
        `url=${host.url}/#secret=${encodeURIComponent(secret)}`,
      );
    } finally {
      await host.stop();
    }
  }, 30_000);

  it('ships a bridge that runs from the package alone: the simulator, and a CAN line', async () => {
    const unpacked = join(tmp.dir, 'root-bridge');
    sh('dpkg-deb', ['-x', deb(first), unpacked]);
    const cli = join(unpacked, 'opt/dashport/bridge/bridge/cli.js');
    const env = { PATH: process.env.PATH };
    // As its unit starts it on the dev line (a free port instead of the line's).
    const simulated = await spawnService(
      'packaged bridge',
      cli,
      ['--variant', 'dev', '--host', '127.0.0.1', '--port', '0'],
      { cwd: unpacked, env },
    );
    const sim = new VissClient(simulated.url);
    try {
      await sim.connected();
      sim.send({ action: 'get', path: SIGNAL.selectedGear, requestId: 'g' });
      expect((await sim.reply('g')).data).toMatchObject({ dp: { value: expect.any(String) } });
    } finally {
      sim.close();
      await simulated.stop();
    }
    // A line that reads CAN through a shipped profile and its DBC, here from a recording.
    const canLine = join(tmp.dir, 'can-line.json');
    writeFileSync(
      canLine,
      JSON.stringify(
        devVariant({
          vehicle: {
            ...devVariant().vehicle,
            signals: { source: 'can', profile: 'toyota-rav4-2018', fill: 'parked' },
          },
        }),
      ),
    );
    const can = await spawnService(
      'packaged bridge (CAN)',
      cli,
      ['--variant', canLine, '--host', '127.0.0.1', '--port', '0', '--candump', RAV4_LOG_10S],
      { cwd: unpacked, env },
    );
    const c = new VissClient(can.url);
    try {
      await c.connected();
      const gear = await c.subscribe(SIGNAL.selectedGear, change('ne', '0'));
      await until(() => c.values(gear).length > 0, 5000, 'a gear decoded from CAN');
      expect(c.values(gear)).toEqual(['127']);
    } finally {
      c.close();
      await can.stop();
    }
  }, 30_000);

  it('builds for arm64 the same way: the folder, the tar.gz and an arm64 .deb', () => {
    const stem = 'dashport-0.1.0-dev-arm64';
    const armDeb = join(arm, 'dashport_0.1.0_dev_arm64.deb');
    expect(existsSync(join(arm, stem, 'dashport'))).toBe(true);
    expect(existsSync(join(arm, stem, 'browser', 'electron', 'host', 'cli.js'))).toBe(true);
    expect(sh('tar', ['-tzf', join(arm, `${stem}.tar.gz`)])).toContain(
      `${stem}/resources/app.asar`,
    );
    expect(sh('dpkg-deb', ['-f', armDeb, 'Architecture']).trim()).toBe('arm64');
    // The app itself is the same: only Electron's binary differs between architectures.
    expect(sha256(join(arm, stem, 'resources', 'app.asar'))).toBe(
      sha256(join(first, 'dashport-0.1.0-dev-x64', 'resources', 'app.asar')),
    );
  });

  it('builds the same bytes twice from one commit', () => {
    const asar = (out: string) => join(out, 'dashport-0.1.0-dev-x64', 'resources', 'app.asar');
    expect(sha256(asar(second))).toBe(sha256(asar(first)));
    expect(readFileSync(join(first, 'dashport-0.1.0-dev-x64.app.asar.sha256'), 'utf8')).toContain(
      sha256(asar(first)),
    );
    expect(sha256(join(second, 'dashport-0.1.0-dev-x64.tar.gz'))).toBe(
      sha256(join(first, 'dashport-0.1.0-dev-x64.tar.gz')),
    );
    expect(sha256(deb(second))).toBe(sha256(deb(first)));
  });
});
