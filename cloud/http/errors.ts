import type { IssueLine } from '../../common/validation.ts';
import {
  ErrorResponseSchema,
  type CloudErrorCode,
  type ErrorResponse,
} from '../../common/cloudApi/errors.schema.ts';

/** The codes and the error shape live in common so the car's client validates with them too. */
export { ErrorResponseSchema, type ErrorResponse };
export type ApiErrorCode = CloudErrorCode;

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
  readonly issues: IssueLine[] | undefined;

  constructor(status: number, code: ApiErrorCode, message: string, issues?: IssueLine[]) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

/** 422: the request is well formed but this merchant, menu or vehicle cannot accept it. */
export function unprocessable(code: ApiErrorCode, message: string, path?: string): ApiError {
  return new ApiError(422, code, message, path ? [{ path, message }] : undefined);
}

export function notFound(message: string): ApiError {
  return new ApiError(404, 'not_found', message);
}
