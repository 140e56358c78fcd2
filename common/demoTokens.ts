/**
 * The seeded demo vehicles' bearer tokens: public, short, and accepted only because a seeded demo
 * database holds them. Every other token must have at least MIN_TOKEN_CHARS characters.
 */
export const DEMO_VEHICLE_TOKENS = [
  'dev-vehicle-token',
  'dev-vehicle-token-2',
  'dev-vehicle-token-3',
] as const;

export const MIN_TOKEN_CHARS = 32;

/** Visible ASCII, 32-512 characters, or one of the demo seed's. */
export function acceptableToken(token: string): boolean {
  if (!/^[\x21-\x7e]{1,512}$/.test(token)) return false;
  return (
    token.length >= MIN_TOKEN_CHARS || (DEMO_VEHICLE_TOKENS as readonly string[]).includes(token)
  );
}
