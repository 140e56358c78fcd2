import { z } from 'zod';

/**
 * Every error the cloud API returns carries one of these codes; clients switch on the code, not
 * the text. Grouped by the status that carries them.
 */
export const CLOUD_ERROR_CODES = [
  // 400: the request itself is malformed (schema, JSON, media type, size).
  'invalid_request',
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
  'bad_request',
  // 401: no or unknown vehicle token.
  'unauthorized',
  // 404: no such route or resource (for this vehicle).
  'not_found',
  // 409: the request conflicts with what the server already holds.
  'idempotency_conflict',
  'not_cancellable',
  'instalment_already_paid',
  'slot_taken',
  // 422: well-formed but not acceptable for this merchant, menu or vehicle.
  'unknown_merchant',
  'unknown_item',
  'unknown_option',
  'invalid_options',
  'quantity_out_of_range',
  'merchant_closed',
  'currency_mismatch',
  'fulfilment_unavailable',
  'unknown_payment_method',
  'price_changed',
  'pickup_time_out_of_range',
  'too_many_favourites',
  // 422, accounts, test drives and mileage.
  'no_instalment_due',
  'instalment_not_next',
  'amount_mismatch',
  'mileage_packs_not_allowed',
  'unknown_mileage_pack',
  'mileage_pack_limit',
  'end_of_term_not_open',
  'option_unavailable',
  'inspection_not_applicable',
  'unknown_slot',
  'slot_unavailable',
  'unknown_model',
  'odometer_went_backwards',
  // 429: too many requests from this vehicle or address; Retry-After says when to come back.
  'rate_limited',
  // 500
  'internal',
] as const;
export type CloudErrorCode = (typeof CLOUD_ERROR_CODES)[number];

export const IssueSchema = z.object({ path: z.string(), message: z.string() });

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(CLOUD_ERROR_CODES),
      message: z.string(),
      issues: z.array(IssueSchema).optional(),
    }),
  })
  .meta({ id: 'ErrorResponse', description: 'The shape of every error response' });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
