/**
 * Every security decision of the Electron shell, as pure functions over plain data so each one
 * has a table test without an Electron binary. `index.ts` only wires them to Electron events.
 */
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  WindowOpenHandlerResponse,
} from 'electron';
import { TRANSPORT } from '../../common/hostApi/channels.ts';
import type { Variant } from '../../common/variant.schema.ts';
import { buildCsp } from '../host/csp.ts';
import { MEDIA_PREFIX } from '../host/media/serveMedia.ts';
import { contentType, resolveStaticPath } from '../host/staticFiles.ts';

/** The renderer's only origin: `app://dashport`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dashport';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Shown before the first paint and after the renderer is lost: the night theme's `--bg`
 * (renderer/ui/tokens.css), so a dark cabin never sees a white flash.
 */
export const STARTUP_BACKGROUND = '#05070a';

export interface WindowOptionsInput {
  panel: Pick<Variant['panel'], 'widthPx' | 'heightPx'>;
  backgroundColor: string;
  preloadPath: string;
  isProduction: boolean;
}

/** The one kiosk window: full screen, no chrome, locked-down web preferences. */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: input.panel.widthPx,
    height: input.panel.heightPx,
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    // Shown on ready-to-show, over the theme background, so nothing half-painted appears.
    show: false,
    backgroundColor: input.backgroundColor,
    title: 'Dashport',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      // No alert/confirm/prompt: a modal the driver cannot dismiss safely has no place here.
      disableDialogs: true,
      spellcheck: false,
      devTools: !input.isProduction,
    },
  };
}

/** Parses a URL, or null for anything unparsable. */
function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for `app://dashport/...` with no credentials or port tricks. */
export function isAppUrl(url: unknown): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The kiosk never leaves its own origin: every other navigation or redirect is blocked. */
export function isAllowedNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

/** New windows are never opened (no links out of a kiosk, no pop-ups). */
export function windowOpenHandler(_details?: HandlerDetails): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

/**
 * Permissions granted to the app origin, and why. The HMI needs no camera, microphone,
 * geolocation (position comes from the vehicle bridge), notifications, clipboard, HID/USB/serial,
 * fullscreen API (the window already is) or external protocol handlers, so those are denied.
 * The one exception is Chromium's Local Network Access gate (enforced by recent Electron): the renderer talks to
 * the vehicle bridge on loopback or the in-car network, and without these grants that socket is
 * refused. Where it may connect is still limited by the CSP's connect-src to the bridge alone.
 */
export const GRANTED_TO_APP: ReadonlySet<string> = new Set([
  'local-network-access',
  'local-network',
  'loopback-network',
]);

/** Deny by default; only the app origin's local-network access (for the bridge) is allowed. */
export function permissionDecision(permission: unknown, origin: unknown): boolean {
  return typeof permission === 'string' && GRANTED_TO_APP.has(permission) && isAppUrl(origin);
}

/**
 * Maps an `app://` request to a file under the built renderer, or null (→ 404). Only host
 * `dashport`; refuses `..` segments (also percent-encoded), backslashes and NUL outright rather
 * than relying on path normalisation alone.
 */
export function resolveAppRequest(rendererRoot: string, url: unknown): string | null {
  if (!isAppUrl(url)) return null;
  const { pathname } = new URL(url as string);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  return resolveStaticPath(rendererRoot, pathname);
}

/** The path of an `app://dashport/media/...` request (served by the host, not from files), or null. */
export function appMediaPath(url: unknown): string | null {
  if (!isAppUrl(url)) return null;
  const { pathname } = new URL(url as string);
  return pathname.startsWith(MEDIA_PREFIX) ? pathname : null;
}

export type AppResponsePlan =
  | { status: 200; file: string; headers: Record<string, string>; body: boolean }
  | { status: 404 | 405; headers: Record<string, string> };

/** What the `app://` handler answers: file and headers (type, CSP, nosniff), or an error status. */
export function planAppResponse(
  rendererRoot: string,
  request: { method: string; url: string },
  csp: string,
): AppResponsePlan {
  const base = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff' };
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, headers: { ...base, allow: 'GET, HEAD' } };
  }
  const file = resolveAppRequest(rendererRoot, request.url);
  if (file === null) return { status: 404, headers: base };
  return {
    status: 200,
    file,
    headers: { ...base, 'content-type': contentType(file), 'cache-control': 'no-cache' },
    body: method === 'GET',
  };
}

/**
 * The renderer's CSP for this variant. Refuses to produce a policy that would allow inline or
 * eval'd script, so a future edit to buildCsp cannot silently weaken the shell, and refuses a
 * bridge URL whose host could smuggle CSP syntax (`;`, quotes) into connect-src.
 */
export function rendererCsp(bridgeUrl: string): string {
  const problems: string[] = [];
  const bridgeHost = parse(bridgeUrl)?.hostname ?? '';
  if (!PLAIN_HOST.test(bridgeHost))
    problems.push(
      `bridge host ${JSON.stringify(bridgeHost)} is not a plain host name or IP address`,
    );
  const csp = problems.length === 0 ? buildCsp({ bridgeUrl }) : '';
  if (csp.split(/[\s;]+/).some((token) => /^'.*unsafe.*'$/i.test(token))) {
    problems.push("an 'unsafe-*' source");
  }
  for (const [directive, required] of REQUIRED_CSP) {
    if (csp && cspDirective(csp, directive) !== required)
      problems.push(`${directive} other than ${required}`);
  }
  if (problems.length > 0) {
    throw new Error(
      `Refusing a weak Content-Security-Policy (${problems.join(', ')}): ${csp || bridgeUrl}`,
    );
  }
  return csp;
}

/** DNS names and IPv4 (labels of letters, digits, dashes) or a bracketed IPv6 literal. */
const PLAIN_HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$|^\[[0-9a-f:.]+\]$/i;

/** Directives whose source list is fixed: script only from the app, nothing else by default. */
const REQUIRED_CSP: ReadonlyArray<[string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** The source list of one directive, or '' when the policy lacks it. */
export function cspDirective(csp: string, name: string): string {
  for (const part of csp.split(';')) {
    const [directive, ...sources] = part.trim().split(/\s+/);
    if (directive === name) return sources.join(' ');
  }
  return '';
}

export interface IpcSender {
  /** URL of the frame that sent the message; null when the frame is gone. */
  senderUrl: string | null;
  isMainFrame: boolean;
}

/** Only the app's own top-level document may talk to the host, never an iframe or other origin. */
export function isTrustedIpcSender(sender: IpcSender): boolean {
  return sender.isMainFrame === true && isAppUrl(sender.senderUrl);
}

export type IpcCheck =
  { ok: true } | { ok: false; reason: 'unknown-ipc-channel' | 'untrusted-sender' };

/** The check in front of the host: the one known invoke channel, from a trusted sender. */
export function ipcRequestCheck(channelName: unknown, sender: IpcSender): IpcCheck {
  if (channelName !== TRANSPORT.invoke) return { ok: false, reason: 'unknown-ipc-channel' };
  if (!isTrustedIpcSender(sender)) return { ok: false, reason: 'untrusted-sender' };
  return { ok: true };
}
