import { z } from 'zod';

/**
 * Consent records the car syncs to the cloud: what the driver decided, per purpose, and when.
 * The host is the one that enforces consent (nothing covered by a withheld one leaves the car);
 * the cloud keeps the record so the provider can show it and honour a withdrawal on its side.
 * The ids match the car's consent purposes (common/consent.ts).
 */
export const CLOUD_CONSENT_PURPOSES = [
  'location',
  'personalised_offers',
  'usage_analytics',
  'mileage_sharing',
] as const;
export type CloudConsentPurpose = (typeof CLOUD_CONSENT_PURPOSES)[number];

export const MAX_CONSENT_RECORDS = 50;

export const ConsentRecordSchema = z
  .object({
    purpose: z.enum(CLOUD_CONSENT_PURPOSES),
    granted: z.boolean(),
    at: z.iso.datetime().describe('When the driver decided, car clock, UTC'),
  })
  .meta({ id: 'ConsentRecord' });
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

export const ConsentSyncRequestSchema = z
  .object({ records: z.array(ConsentRecordSchema).min(1).max(MAX_CONSENT_RECORDS) })
  .meta({ id: 'ConsentSyncRequest' });

export const ConsentSyncResponseSchema = z
  .object({
    stored: z.number().int().min(0).describe('Records new to the server (retries count 0)'),
    consents: z
      .array(ConsentRecordSchema)
      .describe('The latest decision per purpose on record, in purpose order'),
  })
  .meta({ id: 'ConsentSyncResponse' });
export type ConsentSyncResponse = z.infer<typeof ConsentSyncResponseSchema>;
