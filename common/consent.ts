/**
 * Purposes the driver can consent to, one switch each, all off by default. The host enforces
 * them (it is the car's single egress point); the renderer shows them. New purposes are appended.
 */
export const CONSENT_PURPOSES = [
  /** The car's position may be sent to the cloud to find merchants near it. */
  'location',
  /** Offers may be targeted: the lease-ending flag, a fuel bucket, the time of day are sent. */
  'personalised_offers',
  /** Usage statistics may be collected; none are collected without it. */
  'usage_analytics',
  /** The odometer may be shared with the leasing company. */
  'mileage_sharing',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
