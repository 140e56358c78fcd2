/**
 * Purposes the driver can consent to, one switch each, all off by default. The host enforces
 * them (it is the car's single egress point); the renderer shows them. New purposes are appended.
 */
export const CONSENT_PURPOSES = [
  /** The car's position may be sent to the cloud to find merchants near it. */
  'location',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export function isConsentPurpose(value: unknown): value is ConsentPurpose {
  return typeof value === 'string' && (CONSENT_PURPOSES as readonly string[]).includes(value);
}
