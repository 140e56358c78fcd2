import { z } from 'zod';
import type { IssueLine } from '../../common/validation.ts';

/** Every error the API returns carries one of these codes; clients switch on the code, not the text. */
export const API_ERROR_CODES = [
  'invalid_request',
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
  'bad_request',
  'not_found',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'ErrorResponse', description: 'The shape of every error response' });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export function errorBody(
  code: ApiErrorCode,
  message: string,
  issues?: IssueLine[],
): ErrorResponse {
  return { error: issues ? { code, message, issues } : { code, message } };
}

/** Thrown by handlers for an expected failure; becomes `status` with the shared error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;

  constructor(status: number, code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}
