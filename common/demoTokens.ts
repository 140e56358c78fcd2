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

const STRONG = new RegExp(`^[\\x21-\\x7e]{${MIN_TOKEN_CHARS},512}$`);

/** A secret nobody guesses: 32-512 visible ASCII characters. */
export function strongToken(token: string): boolean {
  return STRONG.test(token);
}

/** A strong token, or one of the demo seed's. */
export function acceptableToken(token: string): boolean {
  return strongToken(token) || (DEMO_VEHICLE_TOKENS as readonly string[]).includes(token);
}
