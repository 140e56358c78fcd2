import { ErrorResponseSchema } from '../http/errors.ts';

/** Declares error statuses a route answers (in the shared error shape) for its OpenAPI entry. */
export function errorResponses<S extends number>(
  ...statuses: S[]
): Record<S, typeof ErrorResponseSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorResponseSchema])) as Record<
    S,
    typeof ErrorResponseSchema
  >;
}
