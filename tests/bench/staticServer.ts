import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cacheControl, contentType, resolveStaticPath } from '../../electron/host/staticFiles.ts';

/**
 * Serves one folder on loopback (the bare React page); nothing outside it. Paths, types and
 * caching follow the browser-mode host's own rules, so that the bare page's start on a kept
 * profile reads its HTTP and code caches as the app's does.
 */
export async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    // The host's own rule (decoding, traversal): 400 for a target that is no path ("//").
    const path = URL.parse(req.url ?? '/', 'http://x')?.pathname;
    const file = path === undefined ? null : resolveStaticPath(root, path);
    if (file === null) {
      res.writeHead(path === undefined ? 400 : 403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': contentType(file),
          'cache-control': cacheControl(file),
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
