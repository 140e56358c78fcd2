import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { servedIndex } from './bootPage.ts';
import { buildCsp } from './csp.ts';
import { MEDIA_PREFIX } from './media/serveMedia.ts';
import type { Host } from './host.ts';
import { bindSocketTransport } from './socketTransport.ts';
import { cacheControl, contentType, resolveStaticPath } from './staticFiles.ts';

export interface WebServerOptions {
  host: Host;
  rendererRoot: string;
  hostname: string;
  port: number;
  /** This start's secret (`hostSecret.ts`), without which no socket reaches the host. */
  secret: string;
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

/** Browser mode: serves the built renderer and carries the host API over socket.io on the same origin. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const csp = buildCsp({ bridgeUrl: options.host.variant.bridgeUrl });
  let origin = '';
  const http = createServer((req, res) => {
    // A target that is no path ("//", which any page can ask for) must not reach `new URL`: it
    // threw in the request handler and took the host down.
    const pathname = URL.parse(req.url ?? '/', 'http://x')?.pathname;
    if (pathname === undefined) res.writeHead(400).end();
    else if (pathname.startsWith(MEDIA_PREFIX)) void sendMedia(req, res, options.host, pathname);
    else serveStatic(req, res, options, csp, pathname);
  });
  const io = bindSocketTransport(http, options.host, () => origin, options.secret);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.hostname, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  origin = `http://${options.hostname}:${port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        void io.close();
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

/** Merchant images the host keeps, from the page's own origin (the CSP's img-src 'self'). */
async function sendMedia(
  req: IncomingMessage,
  res: ServerResponse,
  host: Host,
  pathname: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  try {
    const media = await host.media(pathname);
    res.writeHead(media.status, {
      ...media.headers,
      'Content-Length': media.body?.length ?? 0,
    });
    res.end(req.method === 'HEAD' ? undefined : media.body);
  } catch {
    // The database is closing (shutdown): nothing to serve.
    if (!res.headersSent) res.writeHead(503).end();
  }
}

function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  { rendererRoot: root, host }: Pick<WebServerOptions, 'rendererRoot' | 'host'>,
  csp: string,
  pathname: string,
): void {
  // No Cross-Origin-Opener-Policy, as app:// in Electron never had one. It only severs window
  // references to other origins, and the unit's page opens no window and is opened by none (its
  // CSP forbids framing). Yet Chromium moves a page with it to a new browsing context group, a
  // second renderer process, at every start: 100-160 ms of a cold start at 4x throttling.
  const headers = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = resolveStaticPath(root, pathname);
  const stat = file ? statOrNull(file) : null;
  if (!file || !stat?.isFile()) {
    res
      .writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
      .end('Not found');
    return;
  }
  if (file === join(resolve(root), 'index.html')) {
    void sendIndex(req, res, file, root, host, headers);
    return;
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': contentType(file),
    'Content-Length': stat.size,
    'Cache-Control': cacheControl(file),
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/** The page with the host's snapshot in it (the first paint waits for no round trip); always fresh. */
async function sendIndex(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  root: string,
  host: Host,
  headers: Record<string, string>,
): Promise<void> {
  try {
    const page = await servedIndex(await readFile(file, 'utf8'), root, host.dispatch);
    const body = Buffer.from(page, 'utf8');
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    if (!res.headersSent) res.writeHead(503, headers).end();
  }
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
