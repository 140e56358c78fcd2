import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../bridge/server.ts';
import { VISS_EVENT } from '../../common/viss/types.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { DEV_VEHICLE_TOKEN } from '../../electron/host/cloudClient/token.ts';
import { log } from '../../electron/host/log.ts';
import { commitOf } from '../../renderer/features/settings/EngineeringScreen.tsx';
import { connectVehicle, type VehicleClient } from '../../renderer/vehicle/vehicleClient.ts';
import { ALWAYS_OPEN_MERCHANT, orderFor } from '../support/hostCommerce.ts';
import { tempDir } from '../support/tmp.ts';
import { DRIVING, PARKED, renderApp, type Harness } from './harness.tsx';
import { feedCar, stackNames, tap, WAIT } from './servicesSupport.ts';

let app: Harness | undefined;
let vehicle: VehicleClient | undefined;
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vehicle?.close();
  vehicle = undefined;
  for (const close of closers.splice(0)) await close();
  await app?.close();
  app = undefined;
});

/** Settings, seven taps on the version, the dev line's PIN. */
async function openEngineering(): Promise<void> {
  await tap('nav-settings');
  const version = await screen.findByTestId('system-info', {}, WAIT);
  for (let i = 0; i < 7; i++) fireEvent.click(version);
  await screen.findByTestId('engineering-pin', {}, WAIT);
  await enterPin('2468');
  await screen.findByTestId('engineering-tabs', {}, WAIT);
}

async function enterPin(pin: string): Promise<void> {
  for (const digit of pin) await tap(`pin-${digit}`);
  await tap('pin-submit');
}

describe('the engineering screen (real host with the dev variant’s PIN)', () => {
  it('opens from Settings with seven taps on the version and the PIN, and shows live signals', async () => {
    app = await renderApp();
    feedCar(app, { ...PARKED, [SIGNAL.fuelLevel]: 40 });
    await tap('nav-settings');
    const version = await screen.findByTestId('system-info', {}, WAIT);
    for (let i = 0; i < 6; i++) fireEvent.click(version);
    expect(screen.queryByTestId('engineering-pin')).toBeNull();
    fireEvent.click(version);
    await screen.findByTestId('engineering-pin', {}, WAIT);

    await enterPin('1234');
    expect((await screen.findByTestId('engineering-pin-problem', {}, WAIT)).textContent).toBe(
      'Wrong PIN.',
    );
    expect(stackNames(app)).toEqual(['settings']);

    await enterPin('2468');
    await screen.findByTestId('engineering-tabs', {}, WAIT);
    expect(stackNames(app)).toEqual(['settings', 'engineering']);
    expect(screen.getByTestId('engineering-variant').textContent).toBe('dev');
    expect(screen.getByTestId('engineering-runtime').textContent).toMatch(/Chromium|\?/);

    await tap('engineering-tabs-signals');
    expect(screen.getByTestId(`signal-value-${SIGNAL.fuelLevel}`).textContent).toBe('40');
    expect(screen.getByTestId('engineering-drive').textContent).toMatch(/PARKED/);
    act(() => feedCar(app!, { [SIGNAL.fuelLevel]: 39 }));
    expect(screen.getByTestId(`signal-value-${SIGNAL.fuelLevel}`).textContent).toBe('39');

    // The host's side: nothing waiting, no error, the database with its size, the cloud's round trip.
    await tap('engineering-tabs-host');
    expect((await screen.findByTestId('engineering-outbox', {}, WAIT)).textContent).toBe('0');
    expect(screen.getByTestId('engineering-last-error').textContent).toBe('none');
    expect(screen.getByTestId('engineering-host-runtime').textContent).toBe(
      `Node ${process.versions.node}`,
    );
    expect(screen.getByTestId('engineering-files').textContent).toMatch(/dashport\.db [\d.,]+ KB/);
    // The host checked the cloud when it started; the round trip is that check's. The tab asks
    // again every two seconds while shown.
    await waitFor(
      () =>
        expect(screen.getByTestId('engineering-cloud-link').textContent).toMatch(
          /^Reachable · [\d,]+ ms round trip$/,
        ),
      WAIT,
    );

    // Its log, newest first, asked again while shown.
    log.info('engineering.test_marker', { n: 1 });
    await tap('engineering-tabs-log');
    await waitFor(
      () =>
        expect(screen.getByTestId('engineering-log').textContent).toMatch(
          /^\d\d:\d\d:\d\d info engineering\.test_marker \{"n":1\}/,
        ),
      WAIT,
    );

    // Parked only: driving off closes it behind the gate.
    feedCar(app, DRIVING);
    expect(await screen.findByTestId('screen-gate', {}, WAIT)).toBeTruthy();
  }, 30_000);

  it('opened by name alone, it is locked and says how to open it', async () => {
    app = await renderApp();
    feedCar(app, PARKED);
    act(() => app!.store.getState().reset({ name: 'engineering' }));
    expect((await screen.findByTestId('engineering-locked', {}, WAIT)).textContent).toMatch(
      /seven times/,
    );
    expect(screen.queryByTestId('engineering-tabs')).toBeNull();
  }, 30_000);
});

describe('the engineering screen’s host side is the host’s to guard', () => {
  it('answers status and export only for a session the PIN opened', async () => {
    app = await renderApp();
    const renderer = {
      bridge: {
        url: 'http://127.0.0.1:1',
        status: 'connected',
        link: { reconnects: 0, messagesPerSecond: 0, rejected: 0, rejectedByPath: {} },
      },
      driveState: 'PARKED' as const,
      flags: [],
      signals: [],
      locale: 'en',
      userAgent: 'test',
    };
    const forged = 'f'.repeat(64);
    await expect(app.client.call('engineering.status', { session: forged })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      app.client.call('engineering.export', { session: forged, renderer }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const { session } = await app.client.call('engineering.unlock', { pin: '2468' });
    expect(session).toMatch(/^[0-9a-f]{64}$/);
    const status = await app.client.call('engineering.status', { session: session! });
    expect(status.exportDir).toBe('/media/usb0');
  }, 30_000);
});

describe('the bridge link on the engineering screen (real bridge, real vehicle client)', () => {
  it('shows the source, the state and a live message rate', async () => {
    app = await renderApp();
    const bridge: Bridge = await startBridge({ host: '127.0.0.1', port: 0 });
    closers.push(() => bridge.close());
    bridge.store.set(SIGNAL.speed, 0);
    bridge.store.set(SIGNAL.selectedGear, 126);
    vehicle = connectVehicle(bridge.url, app.store);
    await waitFor(() => expect(app!.store.getState().driveState).toBe('PARKED'), WAIT);
    await openEngineering();
    await tap('engineering-tabs-bridge');
    expect(screen.getByTestId('engineering-bridge-source').textContent).toBe('simulator');
    expect(screen.getByTestId('engineering-bridge-state').textContent).toBe('Connected');
    expect(screen.getByTestId('engineering-bridge-reconnects').textContent).toBe('0');
    expect(screen.getByTestId('engineering-bridge-rejected').textContent).toBe('0');
    expect(screen.getByTestId('engineering-bridge-rejected-paths').textContent).toBe('none');
    // The bridge sends every subscribed signal at its period: the rate is live, and changes.
    await waitFor(
      () =>
        expect(Number(screen.getByTestId('engineering-bridge-rate').textContent)).toBeGreaterThan(
          0,
        ),
      { timeout: 10_000 },
    );
  }, 30_000);

  it('counts what a faulty bridge sends that the client refuses, by path', async () => {
    app = await renderApp();
    // A stand-in for a faulty bridge: our own bridge never sends an invalid value.
    const faulty = new Server({ cors: { origin: '*' } });
    faulty.listen(0);
    closers.push(() => new Promise<void>((resolve) => faulty.close(() => resolve())));
    const port = (faulty.httpServer.address() as { port: number }).port;
    faulty.on('connection', (socket) => {
      const notify = (path: unknown, value: unknown) =>
        socket.emit(VISS_EVENT, {
          action: 'subscription',
          subscriptionId: '1',
          data: { path, dp: { value, ts: new Date().toISOString() } },
        });
      notify(SIGNAL.speed, 'fast');
      notify(SIGNAL.speed, '');
      notify(42, '1');
      // Valid values keep coming, as a bridge's would, so the car stays parked and known.
      const parked = () => {
        notify(SIGNAL.selectedGear, '126');
        notify(SIGNAL.speed, '0');
      };
      parked();
      const timer = setInterval(parked, 100);
      socket.on('disconnect', () => clearInterval(timer));
    });
    vehicle = connectVehicle(`http://127.0.0.1:${port}`, app.store);
    await waitFor(() => expect(app!.store.getState().driveState).toBe('PARKED'), WAIT);
    await openEngineering();
    await tap('engineering-tabs-bridge');
    await waitFor(() => {
      expect(screen.getByTestId('engineering-bridge-rejected').textContent).toBe('3');
      expect(screen.getByTestId('engineering-bridge-rejected-paths').textContent).toBe(
        `${SIGNAL.speed} 2, ? 1`,
      );
    }, WAIT);
  }, 30_000);
});

describe('Export diagnostics', () => {
  it('writes one bundle to the line’s folder with progress, and no token in it', async () => {
    const usb = tempDir('dashport-usb-');
    closers.push(usb.cleanup);
    app = await renderApp({
      variant: {
        engineering: {
          pinSha256: 'a1fb4e703a9ef1fa4936801721ff285a97ac85330856674412e054892afe6972',
          exportDir: usb.dir,
        },
      },
    });
    feedCar(app, { ...PARKED, [SIGNAL.fuelLevel]: 40 });
    // An order that cannot be sent: it waits in the outbox with its payment method.
    const { merchant } = await app.client.call('catalog.merchant', {
      merchantId: ALWAYS_OPEN_MERCHANT,
    });
    await app.cloud.close();
    const request = orderFor(merchant);
    await app.client.call('orders.place', { clientOrderId: 'order-diag-0001', request });
    // A careless log line: the redaction must catch the unit's own token in it.
    log.warn('engineering.test_careless', {
      header: `Bearer ${DEV_VEHICLE_TOKEN}`,
      note: `token was ${DEV_VEHICLE_TOKEN}`,
    });

    const progress: string[] = [];
    closers.push(app.client.on('engineering.exportProgress', (p) => progress.push(p.step)));
    await openEngineering();
    await tap('engineering-tabs-export');
    await screen.findByTestId('engineering-export', {}, WAIT);
    expect(screen.getByTestId('engineering-export-dir').textContent).toBe(usb.dir);
    await tap('engineering-export');
    const done = await screen.findByTestId('engineering-export-done', {}, WAIT);
    expect(progress).toEqual(['collect', 'diagnostics', 'log', 'sync']);

    const [bundle, ...others] = readdirSync(usb.dir);
    expect(others).toEqual([]);
    expect(bundle).toMatch(/^dashport-dev-\d{8}T\d{6}Z$/);
    expect(done.textContent).toBe(`Written to ${join(usb.dir, bundle!)}`);
    const json = readFileSync(join(usb.dir, bundle!, 'diagnostics.json'), 'utf8');
    const hostLog = readFileSync(join(usb.dir, bundle!, 'host.log'), 'utf8');
    const diagnostics = JSON.parse(json) as {
      system: { variant: string };
      host: { outbox: { queued: number } };
      waitingOrders: { clientOrderId: string; request: Record<string, unknown> }[];
      renderer: { driveState: string; signals: unknown[] };
    };
    // What an engineer needs is there...
    expect(diagnostics.system.variant).toBe('dev');
    expect(diagnostics.host.outbox.queued).toBe(1);
    expect(diagnostics.waitingOrders[0]!.clientOrderId).toBe('order-diag-0001');
    expect(diagnostics.waitingOrders[0]!.request.merchantId).toBe(ALWAYS_OPEN_MERCHANT);
    expect(diagnostics.renderer.driveState).toBe('PARKED');
    expect(diagnostics.renderer.signals).toContainEqual(
      expect.objectContaining({ path: SIGNAL.fuelLevel, value: 40 }),
    );
    expect(hostLog).toContain('engineering.test_careless');
    // ...and no secret is.
    for (const secret of [DEV_VEHICLE_TOKEN, request.paymentMethodId]) {
      expect(json).not.toContain(secret);
      expect(hostLog).not.toContain(secret);
    }
    expect(diagnostics.waitingOrders[0]!.request.paymentMethodId).toBe('[redacted]');
    expect(hostLog).toContain('[redacted]');
    expect(json).not.toContain('pinSha256');
  }, 30_000);

  it('says what to check when the stick is not there, and keeps the screen', async () => {
    app = await renderApp({
      variant: {
        engineering: {
          pinSha256: 'a1fb4e703a9ef1fa4936801721ff285a97ac85330856674412e054892afe6972',
          exportDir: '/nonexistent/usb9',
        },
      },
    });
    feedCar(app, PARKED);
    await openEngineering();
    await tap('engineering-tabs-export');
    await tap('engineering-export');
    expect((await screen.findByTestId('engineering-export-failed', {}, WAIT)).textContent).toBe(
      'Could not write to /nonexistent/usb9. Is the USB stick in and writable?',
    );
    expect(stackNames(app)).toEqual(['settings', 'engineering']);
  }, 30_000);
});

describe('commitOf: the commit the page was built from', () => {
  it.each([
    ['<meta name="dashport-commit" content="28749e6abc12">', '28749e6abc12'],
    ['<meta name="dashport-commit" content="">', null],
    ['<meta name="description" content="x">', null],
  ])('%s', (head, expected) => {
    const doc = new DOMParser().parseFromString(`<head>${head}</head>`, 'text/html');
    expect(commitOf(doc)).toBe(expected);
  });
});
