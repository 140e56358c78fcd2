import { connect } from 'node:net';

/**
 * The status line a server answers a raw GET of `target` with, or null when none comes in 2 s.
 * Raw, because fetch() normalises the targets these tests need to send ("//", a stray "%").
 */
export function statusOf(url: string, target: string): Promise<string | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
    );
    socket.setTimeout(2000, () => {
      resolve(null);
      socket.destroy();
    });
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text.split('\r\n')[0] ?? null));
    socket.on('error', () => resolve(null));
  });
}
