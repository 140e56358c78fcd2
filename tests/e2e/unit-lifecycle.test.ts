import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_VEHICLE_TOKENS } from '../../common/demoTokens.ts';
import { buildBrowserHost } from '../../scripts/lib/browserHost.ts';
import type { Variant } from '../../common/variant.schema.ts';
import { unitForLine } from '../../scripts/lib/units.ts';
import { buildBridgeBundle } from '../../scripts/lib/bridgeBundle.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { VissClient } from '../unit/bridge-support.ts';
import { devVariant, PROJECT_ROOT } from '../support/devVariant.ts';
import { freePort, waitFor } from '../support/hostCommerce.ts';
import { tempDir } from '../support/tmp.ts';
import { userUnit } from '../support/userUnit.ts';

/**
 * The browser delivery's two units (build/systemd/dashport-{host,browser}.service) under a real
 * systemd manager: Debian's, as a unit runs it, in a user instance of its own. The host is the
 * bundle the .deb ships; the kiosk's compositor and browser are replaced by a process that keeps
 * the launch page it was started with (the kiosk test runs the real ones).
 *
 * systemd starts a user manager only where it is the init system, which this machine's is not:
 * the manager runs in a private mount namespace whose /run says so. Making that namespace takes
 * root (as CI runs); elsewhere these tests are skipped.
 */

const SYSTEMD = '/lib/systemd/systemd';
const CAN_RUN = process.getuid?.() === 0 && existsSync(SYSTEMD);
const HOST = 'dashport-host.service';
const KIOSK = 'dashport-browser.service';
const BRIDGE = 'dashport-bridge.service';
const SETTLE_MS = 20_000;

describe.skipIf(!CAN_RUN)(
  'browser-mode units under systemd (needs root for a mount namespace)',
  () => {
    const tmp = tempDir('dashport-units-');
    const runtime = join(tmp.dir, 'run');
    const config = join(tmp.dir, 'config');
    const seenPage = join(tmp.dir, 'kiosk-opened.html');
    let manager: ChildProcess | undefined;
    let bridgePort = 0;
    let writeHostUnit: (bridgeAuth: Variant['bridgeAuth']) => void = () => undefined;
    const etc = join(tmp.dir, 'etc');
    const credentialsDir = join(tmp.dir, 'credentials');
    const unitFile = (name: string) =>
      readFileSync(join(PROJECT_ROOT, 'build/systemd', name), 'utf8');
    let managerLog = '';
    const env = {
      PATH: '/usr/bin:/bin',
      HOME: join(tmp.dir, 'home'),
      XDG_RUNTIME_DIR: runtime,
      XDG_CONFIG_HOME: config,
    };

    const systemctl = (...args: string[]) => {
      const run = spawnSync('systemctl', ['--user', '--no-pager', ...args], {
        env,
        encoding: 'utf8',
      });
      if (run.status !== 0 && args[0] !== 'show') {
        throw new Error(`systemctl ${args.join(' ')}: ${run.stderr}\nmanager: ${managerLog}`);
      }
      return run.stdout;
    };
    const state = (unit: string) => {
      const props = Object.fromEntries(
        systemctl('show', '-p', 'ActiveState', '-p', 'MainPID', unit)
          .trim()
          .split('\n')
          .map((line) => line.split('=') as [string, string]),
      );
      return { active: props.ActiveState, pid: Number(props.MainPID) };
    };
    /** This start's secret, as the host wrote it; none while the host is down. */
    const hostSecret = () => {
      const file = join(runtime, 'dashport', 'host-secret');
      return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
    };
    /** The secret in the page the kiosk was started with. */
    const kioskSecret = () => {
      const page = existsSync(seenPage) ? readFileSync(seenPage, 'utf8') : '';
      const match = /#secret=([^"&]+)/.exec(page);
      return match ? decodeURIComponent(match[1]!) : undefined;
    };
    /** Both units started (a no-op when they run), each test from the same place. */
    const started = () => {
      systemctl('start', KIOSK);
      return bothRunning('started', () => kioskSecret() === hostSecret());
    };
    /** Polls until both units run, and returns their PIDs. */
    const bothRunning = (what: string, check: (host: number, kiosk: number) => boolean) =>
      waitFor(() => {
        const host = state(HOST);
        const kiosk = state(KIOSK);
        const ok =
          host.active === 'active' &&
          kiosk.active === 'active' &&
          host.pid > 0 &&
          kiosk.pid > 0 &&
          existsSync(seenPage) &&
          hostSecret() !== undefined &&
          check(host.pid, kiosk.pid);
        return ok ? { host: host.pid, kiosk: kiosk.pid } : undefined;
      }, SETTLE_MS).catch(() => {
        const units = `host ${JSON.stringify(state(HOST))}, kiosk ${JSON.stringify(state(KIOSK))}`;
        throw new Error(`${what}: ${units}; secrets ${hostSecret()} / ${kioskSecret()}`);
      });

    beforeAll(async () => {
      const browser = join(tmp.dir, 'opt-browser');
      await buildBrowserHost(PROJECT_ROOT, browser);
      const varLib = join(tmp.dir, 'var-lib');
      for (const dir of [
        runtime,
        join(config, 'systemd/user'),
        env.HOME,
        join(varLib, 'data'),
        etc,
      ])
        mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(join(etc, 'dashport.env'), 'DASHPORT_VARIANT=dev\n');
      writeFileSync(join(etc, 'cloud-token'), DEMO_VEHICLE_TOKENS[0], { mode: 0o600 });
      const port = await freePort();
      bridgePort = await freePort();
      const bridgeBundle = join(tmp.dir, 'opt-bridge');
      await buildBridgeBundle(PROJECT_ROOT, bridgeBundle);
      const paths = [
        ['/usr/bin/node', process.execPath],
        ['/opt/dashport/browser', browser],
        ['/opt/dashport/bridge', bridgeBundle],
        ['--port 7073', `--port ${port}`],
        ['--port 7071', `--port ${bridgePort}`],
        ['/var/lib/dashport', varLib],
        ['/var/cache/dashport', join(tmp.dir, 'var-cache')],
        ['/etc/dashport', etc],
        // A user manager's RuntimeDirectory= is under $XDG_RUNTIME_DIR (%t), not /run.
        ['/run/dashport', '%t/dashport'],
      ] as const;
      writeHostUnit = (bridgeAuth) => {
        const unit = userUnit(unitForLine(HOST, unitFile(HOST), { ...devVariant(), bridgeAuth }), {
          paths,
          credentialsDir,
        });
        // Loaded as systemd would at start: a copy of each source, readable by the service alone.
        rmSync(credentialsDir, { recursive: true, force: true });
        mkdirSync(credentialsDir, { mode: 0o700 });
        for (const [id, source] of unit.credentials) {
          copyFileSync(source, join(credentialsDir, id));
          chmodSync(join(credentialsDir, id), 0o400);
        }
        writeFileSync(join(config, 'systemd/user', HOST), unit.text);
      };
      writeHostUnit('none');
      writeFileSync(
        join(config, 'systemd/user', BRIDGE),
        userUnit(unitForLine(BRIDGE, unitFile(BRIDGE), devVariant()), { paths }).text,
      );
      writeFileSync(
        join(config, 'systemd/user', KIOSK),
        userUnit(unitFile(KIOSK), {
          paths,
          execStart: `/bin/sh -c 'cp %t/dashport/launch.html ${seenPage} && exec sleep infinity'`,
        }).text,
      );

      manager = spawn(
        'unshare',
        [
          '--mount',
          '/bin/sh',
          '-c',
          'mount --make-rprivate / && mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/system && ' +
            `exec ${SYSTEMD} --user`,
        ],
        { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      manager.stdout?.on('data', (d: Buffer) => (managerLog += d.toString()));
      manager.stderr?.on('data', (d: Buffer) => (managerLog += d.toString()));
      await waitFor(
        () => (existsSync(join(runtime, 'systemd', 'private')) ? true : undefined),
        SETTLE_MS,
      ).catch(() => {
        throw new Error(`no systemd user manager: ${managerLog}`);
      });
    }, 120_000);

    afterAll(() => {
      if (manager?.pid) {
        spawnSync('systemctl', ['--user', 'stop', KIOSK, HOST, BRIDGE], { env, timeout: 20_000 });
        try {
          process.kill(-manager.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      tmp.cleanup();
    });

    it('starting the kiosk starts the host, and the kiosk opens the page with its secret', async () => {
      await started();
      expect(kioskSecret()).toBe(hostSecret());
    });

    it('a host that crashes comes back, and the kiosk starts again with its new secret', async () => {
      const before = await started();
      const oldSecret = hostSecret();
      systemctl('kill', '--kill-whom=main', '--signal=SIGKILL', HOST);
      await bothRunning(
        'after the host crashed',
        (host, kiosk) =>
          host !== before.host &&
          kiosk !== before.kiosk &&
          hostSecret() !== oldSecret &&
          kioskSecret() === hostSecret(),
      );
    });

    it('a kiosk that crashes comes back on the same host', async () => {
      const before = await started();
      const secret = hostSecret();
      systemctl('kill', '--kill-whom=main', '--signal=SIGKILL', KIOSK);
      // The secret polled with the PIDs: the new kiosk may not have written its page yet.
      await bothRunning(
        'after the kiosk crashed',
        (host, kiosk) =>
          host === before.host &&
          kiosk !== before.kiosk &&
          hostSecret() === secret &&
          kioskSecret() === secret,
      );
    });

    it('stopping the host stops the kiosk', async () => {
      await started();
      systemctl('stop', HOST);
      expect(state(HOST).active).toBe('inactive');
      expect(state(KIOSK).active).toBe('inactive');
    });

    it('the bridge unit serves the line named in dashport.env, on its bridgeUrl port', async () => {
      // The electric Hangzhou line: a bridge started without its line would simulate combustion.
      writeFileSync(join(etc, 'dashport.env'), 'DASHPORT_VARIANT=hangzhou-ev\n');
      let client: VissClient | undefined;
      try {
        systemctl('start', BRIDGE);
        // Type=simple: started is not yet listening.
        client = await waitFor(async () => {
          const attempt = new VissClient(`http://127.0.0.1:${bridgePort}`);
          try {
            await attempt.connected();
            return attempt;
          } catch {
            attempt.close();
            return undefined;
          }
        }, SETTLE_MS);
        client.send({ action: 'get', path: SIGNAL.powertrainType, requestId: 'p' });
        expect((await client.reply('p')).data).toMatchObject({ dp: { value: 'ELECTRIC' } });
      } finally {
        client?.close();
        systemctl('stop', BRIDGE);
        writeFileSync(join(etc, 'dashport.env'), 'DASHPORT_VARIANT=dev\n');
      }
    });

    it('a line whose bridge wants a token: its host unit hands the host the bridge token', async () => {
      systemctl('stop', KIOSK, HOST);
      const line = join(etc, 'line-token.json');
      writeFileSync(line, JSON.stringify(devVariant({ bridgeAuth: 'token' })));
      writeFileSync(join(etc, 'dashport.env'), `DASHPORT_VARIANT=${line}\n`);
      writeFileSync(join(etc, 'bridge-token'), 'b'.repeat(40), { mode: 0o600 });
      // Up means listening: the launch page, which each start removes before the host runs.
      const launchPage = join(runtime, 'dashport', 'launch.html');
      const hostUp = () =>
        waitFor(
          () => (state(HOST).active === 'active' && existsSync(launchPage) ? true : undefined),
          8_000,
        );
      try {
        // The unit as shipped for a line without a token: the host refuses to start.
        writeHostUnit('none');
        systemctl('daemon-reload');
        systemctl('start', '--no-block', HOST);
        await expect(hostUp()).rejects.toThrow();
        systemctl('stop', HOST);
        // The unit as `npm run dist` writes it for this line.
        writeHostUnit('token');
        systemctl('daemon-reload');
        systemctl('start', '--no-block', HOST);
        await hostUp();
      } finally {
        systemctl('stop', HOST);
        writeFileSync(join(etc, 'dashport.env'), 'DASHPORT_VARIANT=dev\n');
        writeHostUnit('none');
        systemctl('daemon-reload');
      }
    }, 40_000);
  },
);
