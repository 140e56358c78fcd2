import { writeFileSync } from 'node:fs';
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
});
