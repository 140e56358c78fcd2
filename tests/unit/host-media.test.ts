import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { merchantImageSvg } from '../../cloud/catalogue/images.ts';
import type { CloudServer } from '../../cloud/server.ts';
import { createHostClient } from '../../common/hostApi/client.ts';
import type { Logger } from '../../common/log.ts';
import { openHostDatabase } from '../../electron/host/db.ts';
import type { Host } from '../../electron/host/host.ts';
import {
  checkImage,
  imageSource,
  MAX_IMAGE_BYTES,
  merchantIdOfMediaPath,
} from '../../electron/host/media/imageCheck.ts';
import { MerchantImages } from '../../electron/host/media/merchantImages.ts';
import { startWebServer, type WebServer } from '../../electron/host/webServer.ts';
import { newHostSecret } from '../../electron/host/hostSecret.ts';
import { cloudHarness, type Harness } from '../support/cloud.ts';
import { directTransport } from '../support/directTransport.ts';
import { startHost, waitFor } from '../support/hostCommerce.ts';
import { tempDir } from '../support/tmp.ts';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);
const text = (s: string) => new TextEncoder().encode(s);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const WEBP = text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');
const CLOUD_SVG = text(merchantImageSvg({ id: 'sf-polk-burgers', name: 'Polk', category: 'food' }));
const svg = (inner: string) => text(`<svg xmlns="http://www.w3.org/2000/svg">${inner}</svg>`);

describe('checkImage: what the host stores and serves', () => {
  it.each<[string, string | null, Uint8Array, string | true]>([
    ['a PNG', 'image/png', PNG, true],
    ['a JPEG with parameters', 'image/jpeg; charset=binary', JPEG, true],
    ['a WebP', 'image/webp', WEBP, true],
    ["the cloud's generated SVG", 'image/svg+xml', CLOUD_SVG, true],
    [
      'an SVG after an XML declaration',
      'image/svg+xml',
      text('<?xml version="1.0"?>\n<svg/>'),
      true,
    ],
    ['nothing', 'image/png', new Uint8Array(), 'empty image'],
    ['too large', 'image/png', new Uint8Array(MAX_IMAGE_BYTES + 1), 'exceeds'],
    ['HTML', 'text/html', text('<!doctype html><script>x</script>'), 'not an image'],
    [
      'a PNG said to be a JPEG',
      'image/jpeg',
      PNG,
      'declared image/jpeg but the bytes are image/png',
    ],
    ['no declared type', null, PNG, 'declared none'],
    ['an SVG with script', 'image/svg+xml', svg('<script>alert(1)</script>'), '<script'],
    ['an SVG with a handler', 'image/svg+xml', svg('<rect onload="x()"/>'), 'onload='],
    ['an SVG with HTML inside', 'image/svg+xml', svg('<foreignObject/>'), 'foreignObject'],
    [
      'an SVG that fetches',
      'image/svg+xml',
      svg('<image href="https://x.example/a.png"/>'),
      'href',
    ],
    [
      'an SVG with a javascript: link',
      'image/svg+xml',
      svg('<a href="javascript:x()"/>'),
      'javascript:',
    ],
    [
      'an SVG with a remote style',
      'image/svg+xml',
      svg('<style>@import "//x";</style>'),
      '@import',
    ],
  ])('%s', (_what, type, body, expected) => {
    const result = checkImage(type, body);
    if (expected === true) expect(result).toEqual({ ok: true, type: expect.any(String) });
    else expect(result.ok ? 'accepted' : result.problem).toContain(expected);
  });
});

describe('imageSource and the media path', () => {
  it.each([
    ['/v1/images/a.svg', 'http://127.0.0.1:7072/v1/images/a.svg'],
    ['https://img.example.com/a.png', 'https://img.example.com/a.png'],
    ['http://127.0.0.1:9/a.png', 'http://127.0.0.1:9/a.png'],
    ['http://img.example.com/a.png', null],
    ['https://user:pw@img.example.com/a.png', null],
    ['javascript:alert(1)', null],
    ['file:///etc/passwd', null],
  ])('%s → %s', (url, expected) => {
    expect(imageSource(url, 'http://127.0.0.1:7072')?.href ?? null).toBe(expected);
  });

  it.each([
    ['/media/merchants/sf-polk-burgers', 'sf-polk-burgers'],
    ['/media/merchants/../secret', null],
    ['/media/merchants/SF', null],
    ['/media/merchants/a/b', null],
    ['/media/other/a', null],
    ['/assets/a.js', null],
  ])('%s → %s', (path, expected) => {
    expect(merchantIdOfMediaPath(path)).toBe(expected);
  });
});

describe('merchant images through the host (real cloud, real SQLite, browser-mode server)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let h: Harness;
  let cloud: CloudServer;
  let host: Host;
  let server: WebServer;

  beforeEach(async () => {
    tmp = tempDir('dashport-media-');
    h = cloudHarness();
    cloud = await h.start();
    host = startHost(tmp.dir, cloud.url);
    server = await startWebServer({
      host,
      rendererRoot: join(tmp.dir, 'renderer'),
      hostname: '127.0.0.1',
      port: 0,
      secret: newHostSecret(),
    });
  });
  afterEach(async () => {
    await server.close();
    host.close();
    await h.cleanup();
    tmp.cleanup();
  });

  it("serves each listed merchant's image from its own origin, and keeps it for offline", async () => {
    const api = createHostClient(directTransport(host));
    const { merchants } = await api.call('catalog.merchants', { area: 'san-francisco' });
    const merchant = merchants[0]!;
    const fromCloud = await (await fetch(new URL(merchant.imageUrl, cloud.url))).text();

    const res = await fetch(`${server.url}/media/merchants/${merchant.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(fromCloud);

    // The rest were fetched in the background, so the list shows them in a car park too.
    const db = openHostDatabase(join(tmp.dir, 'dashport.db'));
    try {
      await waitFor(() => {
        const row = db
          .prepare('SELECT count(*) AS n FROM merchant_images WHERE body IS NOT NULL')
          .get() as { n: number };
        return row.n === merchants.length ? true : undefined;
      });
    } finally {
      db.close();
    }
    await cloud.close();
    for (const m of merchants) {
      const offline = await fetch(`${server.url}/media/merchants/${m.id}`);
      expect(offline.status, m.id).toBe(200);
      expect((await offline.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });

  it('answers 404 for a merchant it never listed and for any other path, and refuses writes', async () => {
    expect((await fetch(`${server.url}/media/merchants/sf-polk-burgers`)).status).toBe(404);
    expect((await fetch(`${server.url}/media/merchants/..%2Fdashport.db`)).status).toBe(404);
    expect((await fetch(`${server.url}/media/nothing`)).status).toBe(404);
    const post = await fetch(`${server.url}/media/merchants/x`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

describe('MerchantImages against an image host it must not trust', () => {
  let tmp: ReturnType<typeof tempDir>;
  let cdn: Server;
  let cdnUrl: string;
  const served: string[] = [];
  const warnings: string[] = [];
  const log: Logger = {
    debug: () => {},
    info: () => {},
    warn: (event, fields) => warnings.push(`${event} ${JSON.stringify(fields)}`),
    error: () => {},
  };

  beforeEach(async () => {
    tmp = tempDir('dashport-media-cdn-');
    served.length = 0;
    warnings.length = 0;
    // A stand-in for a third-party image host (not a part we own).
    cdn = createServer((req, res) => {
      served.push(req.url ?? '');
      if (req.url === '/evil.svg') {
        res.writeHead(200, { 'content-type': 'image/svg+xml' });
        res.end('<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/")</script></svg>');
      } else if (req.url === '/liar.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end('<html>not a png</html>');
      } else if (req.url === '/photo.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from(PNG));
      } else {
        res.writeHead(500).end();
      }
    });
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    cdnUrl = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => cdn.close(() => resolve()));
    tmp.cleanup();
  });

  it('stores a good image, refuses hostile ones once, and retries one that failed in transit', async () => {
    const db = openHostDatabase(join(tmp.dir, 'media.db'));
    const images = new MerchantImages({ db, cloudBase: 'http://127.0.0.1:1', log });
    try {
      images.remember([
        { id: 'good', imageUrl: `${cdnUrl}/photo.png` },
        { id: 'evil', imageUrl: `${cdnUrl}/evil.svg` },
        { id: 'liar', imageUrl: `${cdnUrl}/liar.png` },
        { id: 'flaky', imageUrl: `${cdnUrl}/flaky.png` },
        { id: 'cleartext', imageUrl: 'http://img.example.com/a.png' },
      ]);
      expect(await images.get('good')).toEqual({ type: 'image/png', body: PNG });
      expect(await images.get('evil')).toBeNull();
      expect(await images.get('liar')).toBeNull();
      expect(await images.get('flaky')).toBeNull();
      expect(await images.get('cleartext')).toBeNull();
      expect(warnings.join('\n')).toMatch(/evil.*active content/);
      expect(warnings.join('\n')).toMatch(/liar.*not an image/);
      expect(warnings.join('\n')).toMatch(/cleartext.*not allowed/);

      const before = served.length;
      await images.get('evil');
      await images.get('flaky');
      const again = served.slice(before);
      // The refused one is not fetched again; the one that failed in transit is.
      expect(again).toEqual(['/flaky.png']);

      // A new URL for a merchant is a new image: the refusal is forgotten.
      images.remember([{ id: 'evil', imageUrl: `${cdnUrl}/photo.png` }]);
      expect(await images.get('evil')).toEqual({ type: 'image/png', body: PNG });
    } finally {
      images.close();
      db.close();
    }
  });
});
