/**
 * The renderer's Content-Security-Policy: no inline or eval script, no plugins, no framing, and
 * network access only to the host's own origin and the vehicle bridge.
 */
export function buildCsp(options: { bridgeUrl: string }): string {
  const bridge = new URL(options.bridgeUrl);
  const wsProtocol = bridge.protocol === 'https:' ? 'wss:' : 'ws:';
  const bridgeOrigins = [bridge.origin, `${wsProtocol}//${bridge.host}`];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${bridgeOrigins.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
