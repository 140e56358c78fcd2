import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger } from '../common/log.ts';
import { cdpPipe } from './cdpPipe.ts';
import { crashPolicy, KIOSK_CRASH_POLICY } from './crashPolicy.ts';

/**
 * The browser-mode kiosk's watchdog: `node kiosk/cli.js --launch-page <file> -- <chromium> [args]`.
 * Chromium shows its own error page when the page's renderer dies, and a kiosk has nobody to
 * press reload: a dead panel until the next ignition. This runs Chromium with a DevTools pipe,
 * and when the page crashes opens the launch page again (it carries this host start's secret,
 * which a plain reload would not). Chromium's exit is its own; a page that keeps dying ends it.
 */
const log = createLogger('kiosk', (line) => process.stderr.write(line));

function usage(message: string): never {
  process.stderr.write(
    `kiosk: ${message}\nusage: kiosk --launch-page <file> -- <browser> [args...]\n`,
  );
  process.exit(2);
}

let values: { 'launch-page'?: string };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    options: { 'launch-page': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  }));
} catch (error) {
  usage((error as Error).message);
}
if (!values['launch-page']) usage('--launch-page is required');
const [browser, ...browserArgs] = positionals;
if (!browser) usage('name the browser after --');
const launchUrl = pathToFileURL(resolve(values['launch-page'])).href;

// fd 3: the browser reads commands; fd 4: it writes answers and events.
const child = spawn(browser, [...browserArgs, '--remote-debugging-pipe'], {
  stdio: ['ignore', 'inherit', 'inherit', 'pipe', 'pipe'],
});
const cdp = cdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
const decide = crashPolicy(KIOSK_CRASH_POLICY);
/** Set when the watchdog ends the browser: a failure, for systemd to restart the kiosk. */
let givenUp = false;
const giveUp = () => {
  givenUp = true;
  child.kill('SIGTERM');
};

cdp.on('Target.targetCrashed', (params) => {
  const targetId = String(params.targetId);
  const action = decide(Date.now());
  log.warn('kiosk.page_crashed', { status: params.status, errorCode: params.errorCode, action });
  if (action === 'exit') return giveUp();
  void (async () => {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    await cdp.send('Page.navigate', { url: launchUrl }, String(sessionId));
    await cdp.send('Target.detachFromTarget', { sessionId });
    log.info('kiosk.page_reopened', { url: launchUrl });
  })().catch((error: Error) => {
    // The page cannot be reopened: let systemd start the kiosk afresh.
    log.error('kiosk.reopen_failed', { message: error.message });
    giveUp();
  });
});
cdp.send('Target.setDiscoverTargets', { discover: true }).catch((error: Error) => {
  log.error('kiosk.no_devtools', { message: error.message });
});

/** The signal that stops the kiosk (systemctl stop): passed on, and died of once Chromium is gone. */
let stoppedBy: NodeJS.Signals | null = null;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    stoppedBy = signal;
    child.kill(signal);
  });
}
child.on('error', (error) => usage(`cannot start ${browser}: ${error.message}`));
child.on('exit', (code, signal) => {
  log.info('kiosk.browser_exited', { code, signal });
  if (stoppedBy !== null && !givenUp) {
    // Dying of the same signal is a clean stop to systemd; an exit code of 1 would mark it failed.
    process.removeAllListeners(stoppedBy);
    process.kill(process.pid, stoppedBy);
    return;
  }
  process.exit(givenUp ? 1 : (code ?? 1));
});
