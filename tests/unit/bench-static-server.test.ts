import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder } from '../bench/staticServer.ts';
import { tempDir } from '../support/tmp.ts';

/** The status line of a raw GET: fetch() would normalise the targets these tests need to send. */
function statusOf(url: string, target: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text.split('\r\n')[0]!));
    socket.on('error', reject);
  });
}

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
    ['/%E0%A4%A', 'HTTP/1.1 400 Bad Request'],
    ['/%2e%2e/%2e%2e/etc/passwd', 'HTTP/1.1 404 Not Found'], // dot segments resolve inside
    ['/..%2f..%2fetc%2fpasswd', 'HTTP/1.1 403 Forbidden'],
  ])('GET %s answers %s and keeps serving', async (target, status) => {
    expect(await statusOf(site.url, target)).toBe(status);
    expect(await statusOf(site.url, '/')).toBe('HTTP/1.1 200 OK');
  });
});
