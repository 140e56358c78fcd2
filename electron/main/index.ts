/**
 * Electron main process: thin wiring of the host, the kiosk window, the app:// protocol and the
 * security handlers. Every decision made here comes from security.ts, lifecycle.ts and startup.ts.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { createLogger } from '../../common/log.ts';
import type { Variant } from '../../common/variant.schema.ts';
import { servedIndex } from '../host/bootPage.ts';
import { createHost, type Host } from '../host/host.ts';
import { loadVariant } from '../../common/node/variantFile.ts';
import { installProcessPolicy } from '../../common/node/processPolicy.ts';
import { takeFromEnv } from '../../common/node/secretFile.ts';
import { resolveBridgeToken } from '../../common/node/bridgeToken.ts';
import { resolveCloudToken } from '../host/cloudClient/token.ts';
import { bindHostToIpc } from './ipc.ts';
import {
  createShutdown,
  nextReload,
  recordCrash,
  secondInstanceSteps,
  shouldRecoverRenderer,
  singleInstanceAction,
} from './lifecycle.ts';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  isAllowedNavigation,
  permissionDecision,
  appMediaPath,
  planAppResponse,
  rendererCsp,
  STARTUP_BACKGROUND,
  windowOpenHandler,
  windowOptions,
} from './security.ts';
import { bundlePaths, dataDirectory, variantArgument, variantLocation } from './startup.ts';

// Out of the environment before anything else runs: Chromium's helpers and every other child
// process would inherit it.
const cloudTokenFromEnv = takeFromEnv(process.env, 'DASHPORT_CLOUD_TOKEN');

const log = createLogger(
  'main',
  (line) => process.stderr.write(line),
  Boolean(process.env.DASHPORT_DEBUG),
);

// Privileges must be registered before `ready`. The main entry has no top-level await, so this
// runs synchronously while the module loads, before Electron can emit `ready`.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

function loadVariantOrExit(): Variant | null {
  const argument = variantArgument(process.argv, process.env);
  if (!argument.ok) {
    process.stderr.write(`dashport: ${argument.problem}\n`);
    return null;
  }
  const location = variantLocation({
    nameOrPath: argument.value,
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    cwd: process.cwd(),
  });
  const loaded = loadVariant(location.nameOrPath, location.projectRoot);
  if (!loaded.ok) {
    for (const line of loaded.problems) process.stderr.write(`${line}\n`);
    return null;
  }
  log.info('variant.loaded', {
    variant: loaded.variant.name,
    file: loaded.file,
    source: argument.source,
  });
  return loaded.variant;
}

/** Navigation, new windows and webviews are refused for every web contents the app ever creates. */
function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      log.warn('navigation.blocked', { url: event.url });
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      log.warn('redirect.blocked', { url: event.url });
    }
  });
  contents.setWindowOpenHandler((details) => {
    log.warn('window_open.blocked', { url: details.url });
    return windowOpenHandler(details);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview.blocked');
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = permissionDecision(permission, details.requestingUrl);
    if (!allowed) log.warn('permission.denied', { permission, origin: details.requestingUrl });
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionDecision(permission, requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

function serveApp(rendererRoot: string, csp: string, host: () => Host | undefined): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const media = request.method === 'GET' ? appMediaPath(request.url) : null;
    const running = host();
    if (media !== null && running) {
      const answer = await running.media(media);
      const body = answer.body ? new Uint8Array(answer.body) : null;
      return new Response(body, { status: answer.status, headers: answer.headers });
    }
    const plan = planAppResponse(rendererRoot, { method: request.method, url: request.url }, csp);
    if (plan.status !== 200) {
      log.warn('app_protocol.refused', { status: plan.status, url: request.url });
      return new Response(null, { status: plan.status, headers: plan.headers });
    }
    try {
      const file = plan.body ? await readFile(plan.file) : null;
      // The entry page carries the host's snapshot, as in browser mode: no IPC before the first paint.
      const body =
        file && running && plan.file === resolve(rendererRoot, 'index.html')
          ? Buffer.from(await servedIndex(file.toString('utf8'), rendererRoot, running.dispatch))
          : file;
      return new Response(body, { status: 200, headers: plan.headers });
    } catch {
      return new Response(null, { status: 404, headers: { 'content-security-policy': csp } });
    }
  });
}

/** Loads the app page; a failure is logged by did-fail-load, so the rejection is not rethrown. */
function load(window: BrowserWindow): void {
  window.loadURL(APP_ENTRY_URL).catch(() => {});
}

function main(): void {
  const variant = loadVariantOrExit();
  if (!variant) {
    app.exit(1);
    return;
  }
  const token = resolveCloudToken({
    env: process.env,
    fromEnv: cloudTokenFromEnv,
    allowEnv: !app.isPackaged && process.env.INVOCATION_ID === undefined,
    variantName: variant.name,
  });
  if (!token.ok) {
    process.stderr.write(`dashport: cloud token: ${token.problem}\n`);
    app.exit(1);
    return;
  }
  const cloudToken = token.token;
  const bridge = resolveBridgeToken({
    env: process.env,
    file: undefined,
    required: variant.bridgeAuth === 'token',
  });
  if (!bridge.ok) {
    process.stderr.write(`dashport: bridge token: ${bridge.problem}\n`);
    app.exit(1);
    return;
  }
  let csp: string;
  try {
    csp = rendererCsp(variant.bridgeUrl);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    app.exit(1);
    return;
  }
  if (singleInstanceAction(app.requestSingleInstanceLock()) === 'quit') {
    log.info('single_instance.handover');
    app.quit();
    return;
  }

  // Sandbox every renderer, whatever options a window is created with.
  app.enableSandbox();
  const appPath = app.getAppPath();
  const paths = bundlePaths(appPath);
  const isProduction = app.isPackaged;

  let host: Host | undefined;
  let kiosk: BrowserWindow | undefined;
  let unbindIpc: (() => void) | undefined;
  let quitting = false;
  let crashes: number[] = [];
  let reloadTimer: NodeJS.Timeout | undefined;

  const shutdown = createShutdown(
    {
      closeWindows() {
        clearTimeout(reloadTimer);
        for (const w of BrowserWindow.getAllWindows()) w.destroy();
      },
      unbindIpc() {
        unbindIpc?.();
      },
      closeHost() {
        host?.close();
      },
    },
    (step, error) => log.error('shutdown.step_failed', { step, error: String(error) }),
  );

  app.on('second-instance', () => {
    const w = kiosk && !kiosk.isDestroyed() ? kiosk : undefined;
    for (const step of secondInstanceSteps({
      exists: w !== undefined,
      isMinimized: w?.isMinimized() ?? false,
      isVisible: w?.isVisible() ?? false,
    })) {
      w?.[step]();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('child-process-gone', (_event, details) => {
    // Chromium restarts the GPU and utility processes itself; the journal should still know.
    log.warn('child_process.gone', {
      type: details.type,
      reason: details.reason,
      exitCode: details.exitCode,
    });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    quitting = true;
    shutdown.run();
  });
  // will-quit follows every quit path; run() is idempotent, so the host is closed exactly once.
  app.on('will-quit', () => shutdown.run());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      log.info('signal', { signal });
      app.quit();
    });
  }

  const createWindow = (): BrowserWindow => {
    const w = new BrowserWindow(
      windowOptions({
        panel: variant.panel,
        backgroundColor: STARTUP_BACKGROUND,
        preloadPath: paths.preload,
        isProduction,
      }),
    );
    w.once('ready-to-show', () => w.show());
    w.on('unresponsive', () => {
      // A hung HMI is as good as a crashed one: crash it so the backoff policy brings it back.
      log.error('renderer.unresponsive');
      if (!w.isDestroyed()) w.webContents.forcefullyCrashRenderer();
    });
    w.webContents.on('render-process-gone', (_event, details) => {
      if (!shouldRecoverRenderer(details.reason, quitting)) return;
      const now = Date.now();
      crashes = recordCrash(crashes, now);
      const decision = nextReload(crashes, now);
      if (decision.action === 'give-up') {
        // Reloading in place keeps failing: exit so systemd restarts the whole app afresh
        // (new GPU and renderer processes). Host data is safe: SQLite with synchronous=FULL.
        log.error('renderer.give_up', {
          reason: details.reason,
          crashesInWindow: decision.crashesInWindow,
        });
        app.exit(1);
        return;
      }
      log.error('renderer.gone', {
        reason: details.reason,
        exitCode: details.exitCode,
        ...decision,
      });
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => {
        if (!quitting && !w.isDestroyed()) load(w);
      }, decision.delayMs);
    });
    w.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
      if (isMainFrame) log.error('renderer.load_failed', { code, description, url });
    });
    w.webContents.on('preload-error', (_event, preloadPath, error) => {
      log.error('renderer.preload_failed', { preloadPath, error: String(error) });
    });
    w.webContents.on('console-message', (event) => {
      if (event.level === 'error' || event.level === 'warning') {
        log.warn('renderer.console', {
          level: event.level,
          message: event.message,
          source: event.sourceId,
        });
      }
    });
    return w;
  };

  app
    .whenReady()
    .then(() => {
      Menu.setApplicationMenu(null);
      hardenSession();
      serveApp(paths.rendererRoot, csp, () => host);
      host = createHost({
        variant,
        cloudToken,
        bridgeToken: bridge.token,
        dataDir: dataDirectory(process.env, app.getPath('userData'), process.cwd()),
        version: app.getVersion(),
        buildTime: __BUILD_TIME__,
        transport: 'ipc',
      });
      unbindIpc = bindHostToIpc({
        ipcMain,
        host,
        targets: () => (kiosk && !kiosk.isDestroyed() ? [kiosk.webContents] : []),
        onRefused: (reason, senderUrl) => log.warn('ipc.refused', { reason, senderUrl }),
      });
      kiosk = createWindow();
      load(kiosk);
      log.info('started', {
        variant: variant.name,
        version: app.getVersion(),
        production: isProduction,
      });
    })
    .catch((error: unknown) => {
      log.error('startup.failed', { error: String(error) });
      shutdown.run();
      app.exit(1);
    });
}

// An uncaught error would otherwise raise Electron's modal error box over the kiosk, where no
// one can dismiss it: the shared policy logs it and exits non-zero, so systemd restarts the app.
installProcessPolicy(log, (code) => app.exit(code));

main();
