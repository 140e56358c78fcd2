import type { IncomingMessage } from 'node:http';

type AllowRequest = (
  req: IncomingMessage,
  callback: (err: string | null | undefined, success: boolean) => void,
) => void;

/**
 * An engine.io `allowRequest` that admits a new connection only while fewer than `max` are open
 * (and `admit` agrees, the origin check, say): a flood of clients cannot exhaust a socket.io server
 * on a head unit. Refusals are counted by the caller's `onRefused`.
 */
export function capConnections(
  openConnections: () => number,
  max: number,
  options: { admit?: (req: IncomingMessage) => boolean; onRefused?: (reason: string) => void } = {},
): AllowRequest {
  const { admit = () => true, onRefused = () => {} } = options;
  return (req, callback) => {
    if (!admit(req)) {
      onRefused('not admitted');
      callback(null, false);
      return;
    }
    if (openConnections() >= max) {
      onRefused(`at most ${max} connections`);
      callback(null, false);
      return;
    }
    callback(null, true);
  };
}
