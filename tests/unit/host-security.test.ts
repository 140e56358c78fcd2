import { describe, expect, it } from 'vitest';
import { buildCsp } from '../../electron/host/csp.ts';
import { resolveStaticPath } from '../../electron/host/staticFiles.ts';

const ROOT = '/srv/renderer';

describe('static path resolution', () => {
  it.each([
    ['/', '/srv/renderer/index.html'],
    ['', '/srv/renderer/index.html'],
    ['/index.html', '/srv/renderer/index.html'],
    ['/assets/app-1a2b.js', '/srv/renderer/assets/app-1a2b.js'],
    ['/assets/a%20b.css', '/srv/renderer/assets/a b.css'],
    ['/assets/x.js?v=1#frag', '/srv/renderer/assets/x.js'],
  ])('maps %j inside the root', (path, expected) => {
    expect(resolveStaticPath(ROOT, path)).toBe(expected);
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E%2Fsecret',
    '/..%5c..%5cwindows',
    '/assets\\..\\..\\x',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %j', (path) => {
    expect(resolveStaticPath(ROOT, path)).toBeNull();
  });
});

describe('content security policy', () => {
  const csp = buildCsp({ bridgeUrl: 'http://127.0.0.1:7071' });
  it('allows no inline or eval script and nothing from elsewhere', () => {
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });
  it('lets the renderer reach only itself and the bridge', () => {
    expect(csp).toMatch(
      /connect-src 'self' http:\/\/127\.0\.0\.1:7071 ws:\/\/127\.0\.0\.1:7071(;|$)/,
    );
    expect(buildCsp({ bridgeUrl: 'https://bridge.local:8443' })).toMatch(
      /wss:\/\/bridge\.local:8443/,
    );
  });
});
