import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { resolveStaticPath } from '../../electron/host/staticFiles.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves one folder on loopback (the bare React page); nothing outside it. */
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
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
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
