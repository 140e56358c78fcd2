import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder } from '../bench/staticServer.ts';
import { statusOf } from '../support/rawRequest.ts';
import { tempDir } from '../support/tmp.ts';

describe('bench static server (the bare page)', () => {
  const tmp = tempDir('dashport-static-');
  let site: Awaited<ReturnType<typeof serveFolder>>;
  beforeAll(async () => {
    writeFileSync(join(tmp.dir, 'index.html'), '<p>bare</p>');
    mkdirSync(join(tmp.dir, 'assets'));
    writeFileSync(join(tmp.dir, 'assets', 'index-abc123.js'), 'export {};');
    site = await serveFolder(tmp.dir);
  });
  afterAll(async () => {
    await site?.close();
    tmp.cleanup();
  });

  it.each([
    ['/', 'HTTP/1.1 200 OK'],
    ['/index.html', 'HTTP/1.1 200 OK'],
    ['/missing.js', 'HTTP/1.1 404 Not Found'],
    ['//', 'HTTP/1.1 400 Bad Request'],
    ['/%E0%A4%A', 'HTTP/1.1 403 Forbidden'],
    ['/%2e%2e/%2e%2e/etc/passwd', 'HTTP/1.1 404 Not Found'], // dot segments resolve inside
    ['/..%2f..%2fetc%2fpasswd', 'HTTP/1.1 403 Forbidden'],
  ])('GET %s answers %s and keeps serving', async (target, status) => {
    expect(await statusOf(site.url, target)).toBe(status);
    expect(await statusOf(site.url, '/')).toBe('HTTP/1.1 200 OK');
  });

  // As the browser-mode host serves the app: a second start reads the bare page's script, and its
  // V8 code cache, from the profile (without these headers it was fetched again every start).
  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    [
      '/assets/index-abc123.js',
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ],
  ])('GET %s is served as %s with Cache-Control %s', async (path, type, cache) => {
    const response = await fetch(new URL(path, site.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe(cache);
  });
});
