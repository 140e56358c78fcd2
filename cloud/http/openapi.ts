import { STATUS_CODES } from 'node:http';
import type { z } from 'zod';
import {
  openApiPath,
  type AnyEndpoint,
  type ObjectSchema,
} from '../../common/cloudApi/endpoint.ts';
import { ErrorResponseSchema } from './errors.ts';
import { toDocumentSchema, type JsonSchema } from './jsonSchema.ts';

// Type aliases, not interfaces: the document must fit the loose zod schema of its route.
export type OpenApiInfo = {
  title: string;
  version: string;
  description?: string;
};

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: OpenApiInfo;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes?: Record<string, Record<string, string>>;
  };
};

/** The one security scheme: the vehicle's bearer token. */
const VEHICLE_TOKEN = 'vehicleToken';

type Components = Record<string, JsonSchema>;

function json(
  schema: JsonSchema,
  type = 'application/json',
): Record<string, { schema: JsonSchema }> {
  return { [type]: { schema } };
}

function parameters(schema: ObjectSchema | undefined, where: 'path' | 'query', c: Components) {
  if (!schema) return [];
  const doc = toDocumentSchema(schema, 'input', c);
  const properties = (doc.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((doc.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
  }));
}

function responses(route: AnyEndpoint, c: Components): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(route.responses) as [string, z.ZodType][]) {
    const success = Number(status) < 300;
    out[status] = {
      description: STATUS_CODES[Number(status)] ?? 'Response',
      content: json(toDocumentSchema(schema, 'output', c), success ? route.contentType : undefined),
    };
  }
  // Failures the binder and error handler produce for every route, in the one error shape.
  const error = (description: string) => ({
    description,
    content: json(toDocumentSchema(ErrorResponseSchema, 'output', c)),
  });
  const hasInput = Boolean(route.params ?? route.query ?? route.body);
  if (hasInput) out['400'] ??= error('Invalid request (invalid_request, malformed_json)');
  if (route.auth === 'vehicle')
    out['401'] ??= error('Missing or unknown vehicle token (unauthorized)');
  if (route.body) {
    out['413'] ??= error('Request body too large (payload_too_large)');
    out['415'] ??= error('Body is not JSON (unsupported_media_type)');
  }
  out['429'] ??= error('Too many requests from this vehicle or address (rate_limited)');
  out.default = error('Unexpected error (internal)');
  return out;
}

function operation(route: AnyEndpoint, c: Components): Record<string, unknown> {
  const params = [...parameters(route.params, 'path', c), ...parameters(route.query, 'query', c)];
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.tags ? { tags: route.tags } : {}),
    ...(route.auth === 'vehicle' ? { security: [{ [VEHICLE_TOKEN]: [] }] } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: !route.body.safeParse(undefined).success,
            content: json(toDocumentSchema(route.body, 'input', c)),
          },
        }
      : {}),
    responses: responses(route, c),
  };
}

/** Builds the OpenAPI 3.1 document from the same declarations the server validates with. */
export function buildOpenApiDocument(
  routes: readonly AnyEndpoint[],
  info: OpenApiInfo,
): OpenApiDocument {
  const components: Components = {};
  const paths: OpenApiDocument['paths'] = {};
  const operationIds = new Set<string>();
  for (const route of routes) {
    const path = openApiPath(route.path);
    const method = route.method.toLowerCase();
    const item = (paths[path] ??= {});
    if (item[method]) throw new Error(`Two routes declare ${route.method} ${route.path}`);
    if (operationIds.has(route.operationId)) {
      throw new Error(`Two routes declare operationId ${route.operationId}`);
    }
    operationIds.add(route.operationId);
    item[method] = operation(route, components);
  }
  const secured = routes.some((r) => r.auth === 'vehicle');
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: components,
      ...(secured
        ? {
            securitySchemes: {
              [VEHICLE_TOKEN]: {
                type: 'http',
                scheme: 'bearer',
                description: 'The vehicle’s API token (the server keeps only its SHA-256)',
              },
            },
          }
        : {}),
    },
  };
}
