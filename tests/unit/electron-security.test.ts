import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRANSPORT } from '../../common/hostApi/channels.ts';
import {
  APP_ENTRY_URL,
  cspDirective,
  ipcRequestCheck,
  isAllowedNavigation,
  isTrustedIpcSender,
  permissionDecision,
  appMediaPath,
  planAppResponse,
  rendererCsp,
  resolveAppRequest,
  STARTUP_BACKGROUND,
  windowOpenHandler,
  windowOptions,
} from '../../electron/main/security.ts';

const projectRoot = join(import.meta.dirname, '..', '..');

describe('windowOptions', () => {
  const base = {
    panel: { widthPx: 1920, heightPx: 720 },
    backgroundColor: '#05070a',
    preloadPath: '/app/out/preload/index.cjs',
  };

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
    ['preload', '/app/out/preload/index.cjs'],
  ] as const)('webPreferences.%s is %s', (key, value) => {
    for (const isProduction of [true, false]) {
      expect(windowOptions({ ...base, isProduction }).webPreferences?.[key]).toBe(value);
    }
  });

  it.each([
    [true, false],
    [false, true],
  ])('production=%s -> devTools=%s', (isProduction, devTools) => {
    expect(windowOptions({ ...base, isProduction }).webPreferences?.devTools).toBe(devTools);
  });

  it('is a hidden, frameless kiosk on the theme background, sized to the panel', () => {
    const options = windowOptions({ ...base, isProduction: true });
    expect(options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
      show: false,
      backgroundColor: '#05070a',
      width: 1920,
      height: 720,
    });
  });

  it('starts on the night theme background of the renderer, so there is no white flash', () => {
    const tokens = readFileSync(join(projectRoot, 'renderer/ui/tokens.css'), 'utf8');
    const night = /\[data-theme='night'\]\s*\{[^}]*--bg:\s*(#[0-9a-fA-F]{6})/.exec(tokens);
    expect(night?.[1]?.toLowerCase()).toBe(STARTUP_BACKGROUND);
  });
});

describe('isAllowedNavigation', () => {
  it.each([
    [APP_ENTRY_URL, true],
    ['app://dashport/', true],
    ['app://dashport/index.html#settings', true],
    ['app://dashport/assets/index.js?v=1', true],
    ['http://dashport/index.html', false],
    ['https://example.com/', false],
    ['http://127.0.0.1:7071/', false],
    ['file:///etc/passwd', false],
    ['file:///opt/dashport/resources/app.asar/out/renderer/index.html', false],
    ['app://evil/index.html', false],
    ['app://dashport.evil.com/', false],
    ['app://evil@dashport/', false],
    ['app://dashport@evil/', false],
    ['app://dashport:8080/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['blob:app://dashport/uuid', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['chrome://gpu', false],
    ['not a url', false],
    ['', false],
    [undefined, false],
    [42, false],
  ])('%s -> %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed);
  });
});

describe('windowOpenHandler', () => {
  it.each(['app://dashport/index.html', 'https://example.com/', 'javascript:void 0'])(
    'denies %s',
    (url) => {
      expect(
        windowOpenHandler({
          url,
          frameName: '',
          features: '',
          disposition: 'new-window',
          referrer: { url: '', policy: 'no-referrer' },
        }),
      ).toEqual({ action: 'deny' });
    },
  );
});

describe('permissionDecision', () => {
  const denied = [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'openExternal',
    'hid',
    'usb',
    'serial',
    'midi',
    'midiSysex',
    'pointerLock',
    'display-capture',
    'idle-detection',
    'window-management',
    'storage-access',
    'unknown',
  ];
  it.each(
    denied.flatMap((p) => [[p, 'app://dashport'] as const, [p, 'https://evil.example'] as const]),
  )('denies %s for %s', (permission, origin) => {
    expect(permissionDecision(permission, origin)).toBe(false);
  });

  it.each([
    ['loopback-network', 'app://dashport', true],
    ['loopback-network', 'app://dashport/', true],
    ['local-network', 'app://dashport/index.html', true],
    ['local-network-access', 'app://dashport', true],
    ['loopback-network', 'https://evil.example', false],
    ['local-network', 'http://127.0.0.1:7071', false],
    ['local-network-access', 'app://evil', false],
    ['loopback-network', 'file:///', false],
    ['loopback-network', '', false],
    ['loopback-network', undefined, false],
    [undefined, 'app://dashport', false],
  ])('local network access %s for %s -> %s', (permission, origin, allowed) => {
    expect(permissionDecision(permission, origin)).toBe(allowed);
  });
});

describe('resolveAppRequest', () => {
  const root = '/srv/dashport/out/renderer';

  it.each([
    ['app://dashport/', 'index.html'],
    ['app://dashport', 'index.html'],
    ['app://dashport/index.html', 'index.html'],
    ['app://dashport/index.html?x=1#top', 'index.html'],
    ['app://dashport/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://dashport/assets/a%20b.png', 'assets/a b.png'],
    // The URL parser itself folds these dot segments, so they stay inside the root.
    ['app://dashport/a/../index.html', 'index.html'],
    ['app://dashport/%2e%2e/etc/passwd', 'etc/passwd'],
    // Double-encoded: decoded once, it is a harmless literal directory name.
    ['app://dashport/%252e%252e/x', '%2e%2e/x'],
  ])('%s -> <root>/%s', (url, relativePath) => {
    expect(resolveAppRequest(root, url)).toBe(join(root, relativePath));
  });

  it.each([
    'app://evil/index.html',
    'app://DASHPORT.evil/index.html',
    'app://dashport:1234/index.html',
    'app://user@dashport/index.html',
    'http://dashport/index.html',
    'file:///srv/dashport/out/renderer/index.html',
    'app://dashport/..%2f..%2fetc/passwd',
    'app://dashport/..%2Fetc%2Fpasswd',
    'app://dashport/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://dashport/assets/..%2f..%2f..%2fetc/shadow',
    'app://dashport/%5c..%5c..%5cetc%5cpasswd',
    'app://dashport/a\\..\\..\\x',
    'app://dashport/index.html%00.png',
    'app://dashport/%00',
    'app://dashport/%E0%A4%A',
    'app://dashport/.%2fsecret',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(root, url)).toBeNull();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const probes = ['..', '%2e%2e', '%252e', '.', '%2f', '%5c', 'a', '%00', '//', '%c0%ae'];
    for (const a of probes) {
      for (const b of probes) {
        const result = resolveAppRequest(root, `app://dashport/${a}/${b}/x`);
        if (result !== null) expect(result.startsWith(root + sep)).toBe(true);
      }
    }
  });
});

describe('planAppResponse', () => {
  const root = '/srv/r';
  const csp = rendererCsp('http://127.0.0.1:7071');

  it.each([
    ['GET', 'app://dashport/index.html', 200, 'text/html; charset=utf-8', true],
    ['HEAD', 'app://dashport/assets/x.js', 200, 'text/javascript; charset=utf-8', false],
    ['GET', 'app://dashport/assets/x.css', 200, 'text/css; charset=utf-8', true],
    ['GET', 'app://dashport/font.woff2', 200, 'font/woff2', true],
    ['GET', 'app://dashport/blob.bin', 200, 'application/octet-stream', true],
    ['GET', 'app://evil/index.html', 404, undefined, undefined],
    ['GET', 'app://dashport/..%2f..%2fetc/passwd', 404, undefined, undefined],
    ['POST', 'app://dashport/index.html', 405, undefined, undefined],
    ['PUT', 'app://dashport/index.html', 405, undefined, undefined],
  ])('%s %s -> %i', (method, url, status, type, body) => {
    const plan = planAppResponse(root, { method, url }, csp);
    expect(plan.status).toBe(status);
    expect(plan.headers['content-security-policy']).toBe(csp);
    expect(plan.headers['x-content-type-options']).toBe('nosniff');
    expect(plan.headers['content-type']).toBe(type);
    if (plan.status === 200) expect(plan.body).toBe(body);
  });
});

describe('appMediaPath: app:// requests the host answers (merchant images)', () => {
  it.each([
    ['app://dashport/media/merchants/sf-polk-burgers', '/media/merchants/sf-polk-burgers'],
    ['app://dashport/media/anything', '/media/anything'],
    ['app://dashport/assets/media/x.js', null],
    ['app://other/media/merchants/x', null],
    ['http://127.0.0.1/media/merchants/x', null],
    ['app://dashport/index.html', null],
    [42, null],
  ])('%s → %s', (url, expected) => {
    expect(appMediaPath(url)).toBe(expected);
  });
});

describe('rendererCsp', () => {
  it.each(['http://127.0.0.1:7071', 'https://bridge.car.local:8443', 'http://[::1]:7071'])(
    'for bridge %s: no unsafe-*, script only from self, bridge reachable',
    (bridgeUrl) => {
      const csp = rendererCsp(bridgeUrl);
      expect(csp).not.toMatch(/unsafe-/i);
      expect(csp).not.toContain("'unsafe-inline'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(cspDirective(csp, 'default-src')).toBe("'none'");
      expect(cspDirective(csp, 'script-src')).toBe("'self'");
      expect(cspDirective(csp, 'object-src')).toBe("'none'");
      expect(cspDirective(csp, 'frame-ancestors')).toBe("'none'");
      const origin = new URL(bridgeUrl).origin;
      expect(cspDirective(csp, 'connect-src').split(' ')).toContain(origin);
      expect(cspDirective(csp, 'connect-src')).not.toContain('*');
    },
  );

  it.each([
    "http://a'unsafe-eval'/",
    'http://x;script-src:7071',
    'http://x%3Bdefault-src/',
    'not a url',
  ])('refuses a bridge URL that would inject into the policy: %s', (bridgeUrl) => {
    expect(() => rendererCsp(bridgeUrl)).toThrow(/Refusing a weak Content-Security-Policy/);
  });

  it('accepts a host that merely contains the word unsafe', () => {
    expect(cspDirective(rendererCsp('http://unsafe-eval.car.local:7071'), 'connect-src')).toContain(
      'http://unsafe-eval.car.local:7071',
    );
  });

  it('has no directive allowing the cloud: the host is the only way out', () => {
    expect(rendererCsp('http://127.0.0.1:7071')).not.toContain('7072');
  });
});

describe('IPC sender checks', () => {
  it.each([
    [{ senderUrl: 'app://dashport/index.html', isMainFrame: true }, true],
    [{ senderUrl: 'app://dashport/', isMainFrame: true }, true],
    [{ senderUrl: 'app://dashport/index.html', isMainFrame: false }, false],
    [{ senderUrl: 'https://evil.example/', isMainFrame: true }, false],
    [{ senderUrl: 'http://127.0.0.1:5173/', isMainFrame: true }, false],
    [{ senderUrl: 'file:///opt/dashport/index.html', isMainFrame: true }, false],
    [{ senderUrl: 'app://evil/index.html', isMainFrame: true }, false],
    [{ senderUrl: 'about:blank', isMainFrame: true }, false],
    [{ senderUrl: null, isMainFrame: true }, false],
    [{ senderUrl: '', isMainFrame: true }, false],
  ])('isTrustedIpcSender(%o) -> %s', (sender, trusted) => {
    expect(isTrustedIpcSender(sender)).toBe(trusted);
  });

  const top = { senderUrl: 'app://dashport/index.html', isMainFrame: true };
  it.each([
    [TRANSPORT.invoke, top, { ok: true }],
    [TRANSPORT.invoke, { ...top, isMainFrame: false }, { ok: false, reason: 'untrusted-sender' }],
    [
      TRANSPORT.invoke,
      { ...top, senderUrl: 'https://evil.example/' },
      { ok: false, reason: 'untrusted-sender' },
    ],
    [TRANSPORT.event, top, { ok: false, reason: 'unknown-ipc-channel' }],
    ['settings.get', top, { ok: false, reason: 'unknown-ipc-channel' }],
    ['dashport:invoke ', top, { ok: false, reason: 'unknown-ipc-channel' }],
    [undefined, top, { ok: false, reason: 'unknown-ipc-channel' }],
  ])('ipcRequestCheck(%s, %o) -> %o', (channel, sender, expected) => {
    expect(ipcRequestCheck(channel, sender)).toEqual(expected);
  });
});
