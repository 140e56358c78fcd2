import type { FastifyError, FastifyInstance } from 'fastify';
import type { Logger } from '../../common/log.ts';
import type { IssueLine } from '../../common/validation.ts';
import { ApiError, errorBody, type ApiErrorCode } from './errors.ts';

interface Failure {
  status: number;
  code: ApiErrorCode;
  message: string;
  issues?: IssueLine[];
}

/** Fastify's own request errors that clients can act on, by fastify error code. */
const FASTIFY_FAILURES: Record<string, Omit<Failure, 'message'>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
};

function classify(error: FastifyError | Error): Failure {
  if (error instanceof ApiError) {
    return { status: error.status, code: error.code, message: error.message, issues: error.issues };
  }
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  const known = FASTIFY_FAILURES[code];
  if (known) return { ...known, message: error.message };
  const status = 'statusCode' in error ? error.statusCode : undefined;
  // Other fastify client errors (bad URL encoding, content-length mismatch) carry fixed, safe texts.
  if (code.startsWith('FST_') && status !== undefined && status >= 400 && status < 500) {
    return { status, code: 'bad_request', message: error.message };
  }
  return { status: 500, code: 'internal', message: 'Internal server error' };
}

/** Path only, bounded: the 404 message echoes what was asked for without the query string. */
function pathOf(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

/**
 * Every failure leaves in one shape, `{ error: { code, message, issues? } }`. Internal errors are
 * logged with their stack and answered with a fixed text, so nothing about the server leaks.
 */
export function installFailureHandlers(app: FastifyInstance, log: Logger): void {
  const notFound = (method: string, url: string) =>
    errorBody('not_found', `No route for ${method} ${pathOf(url)}`);
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(notFound(request.method, request.url));
  });
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    // Fastify parses the body of unmatched requests too; a missing route outranks a bad body,
    // but not a refusal of ours (the rate limit answers unmatched requests as well).
    if (request.is404 && !(error instanceof ApiError)) {
      void reply.code(404).send(notFound(request.method, request.url));
      return;
    }
    const failure = classify(error);
    if (failure.status >= 500) {
      log.error('request_failed', {
        reqId: request.id,
        method: request.method,
        url: pathOf(request.url),
        error: error.message,
        stack: error.stack,
      });
    }
    void reply.code(failure.status).send(errorBody(failure.code, failure.message, failure.issues));
  });
}
