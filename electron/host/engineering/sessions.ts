import { randomBytes } from 'node:crypto';

/** How long an engineering session lasts after the PIN: a bench session, not a day. */
export const SESSION_MS = 30 * 60_000;

/**
 * Sessions handed out for a right PIN. The PIN is checked once; every later engineering request
 * carries the session, so the host (not the page) decides who may read its log or write a bundle.
 * Held in memory only: a restart asks for the PIN again.
 */
export function createSessions(now: () => number, random = () => randomBytes(32).toString('hex')) {
  const expiries = new Map<string, number>();
  return {
    open(): string {
      const session = random();
      expiries.set(session, now() + SESSION_MS);
      return session;
    },
    valid(session: string): boolean {
      const until = expiries.get(session);
      if (until === undefined) return false;
      if (now() >= until) {
        expiries.delete(session);
        return false;
      }
      return true;
    },
  };
}
