/** What the cloud accepts as a bearer token: 1-512 visible ASCII characters. */
const TOKEN = /^[\x21-\x7e]{1,512}$/;

/** The seeded demo vehicle's token: for the dev variant only, never a shipped vehicle line. */
export const DEV_VEHICLE_TOKEN = 'dev-vehicle-token';

export type TokenResult = { ok: true; token: string | null } | { ok: false; problem: string };

/**
 * The vehicle's cloud token, from the host's `--cloud-token` flag or DASHPORT_CLOUD_TOKEN (the
 * flag wins); the dev variant falls back to the demo vehicle's token. It lives in the host only:
 * nothing sends it to the renderer. Null: the car has no token, vehicle routes are unavailable.
 */
export function resolveCloudToken(options: {
  flag?: string;
  env: Record<string, string | undefined>;
  variantName: string;
}): TokenResult {
  const given = options.flag ?? options.env.DASHPORT_CLOUD_TOKEN;
  if (given !== undefined && given !== '') {
    if (!TOKEN.test(given)) {
      return { ok: false, problem: 'the cloud token must be 1-512 visible ASCII characters' };
    }
    return { ok: true, token: given };
  }
  return { ok: true, token: options.variantName === 'dev' ? DEV_VEHICLE_TOKEN : null };
}
