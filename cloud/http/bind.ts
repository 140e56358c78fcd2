import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { issueLines, type IssueLine } from '../../common/validation.ts';
import { requestVehicle } from './requestVehicle.ts';
import type { AnyEndpoint } from '../../common/cloudApi/endpoint.ts';
import type { CloudRoute, RouteContext } from './define.ts';
import { errorBody } from './errors.ts';

/** What the binder gets once per server; the caller's vehicle is added per request. */
export type BaseContext = Omit<RouteContext, 'vehicle'>;

type Parsed =
  | { ok: true; input: { params: unknown; query: unknown; body: unknown } }
  | { ok: false; issues: IssueLine[] };

/** Validates one part of the request; issue paths are prefixed with the part (`body.name`). */
function check(
  part: string,
  schema: z.ZodType | undefined,
  value: unknown,
  issues: IssueLine[],
): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const line of issueLines(result.error)) {
    issues.push({
      path: line.path === '(root)' ? part : `${part}.${line.path}`,
      message: line.message,
    });
  }
  return undefined;
}

function parseInput(route: AnyEndpoint, request: FastifyRequest): Parsed {
  const issues: IssueLine[] = [];
  const input = {
    params: check('params', route.params, request.params, issues),
    query: check('query', route.query, request.query, issues),
    body: check('body', route.body, request.body, issues),
  };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, input };
}

function summarise(issues: IssueLine[]): string {
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return first ? `Invalid request: ${first.path}: ${first.message}${more}` : 'Invalid request';
}

/**
 * Binds a declared route to fastify. Input is validated against the declared zod schemas, and so
 * is the handler's reply, so the OpenAPI document built from the same schemas cannot drift from
 * what the server sends; a reply that breaks its schema is a server bug and surfaces as a 500.
 */
export function bindRoute(app: FastifyInstance, cloudRoute: CloudRoute, base: BaseContext): void {
  const route = cloudRoute.endpoint;
  app.route({
    method: route.method,
    url: route.path,
    handler: async (request, reply) => {
      // Authentication comes first: an unknown caller learns nothing about valid input.
      let vehicle: RouteContext['vehicle'] = null;
      if (route.auth === 'vehicle') {
        vehicle = requestVehicle(base.db, request);
        if (!vehicle) {
          return reply
            .code(401)
            .header('www-authenticate', 'Bearer realm="dashport"')
            .send(errorBody('unauthorized', 'A valid vehicle token is required (Bearer)'));
        }
      }
      const ctx: RouteContext = { ...base, vehicle };
      const parsed = parseInput(route, request);
      if (!parsed.ok) {
        return reply
          .code(400)
          .send(errorBody('invalid_request', summarise(parsed.issues), parsed.issues));
      }
      const result = await cloudRoute.handler(
        parsed.input as Parameters<CloudRoute['handler']>[0],
        ctx,
      );
      const schema = route.responses[result.status];
      if (!schema) {
        throw new Error(`${route.operationId} replied with undeclared status ${result.status}`);
      }
      const body = schema.safeParse(result.body);
      if (!body.success) {
        const why = issueLines(body.error)
          .map((l) => `${l.path}: ${l.message}`)
          .join('; ');
        throw new Error(`${route.operationId} reply ${result.status} breaks its schema: ${why}`);
      }
      if (route.contentType && result.status < 300) reply.type(route.contentType);
      return reply
        .code(result.status)
        .headers(result.headers ?? {})
        .send(body.data);
    },
  });
}
