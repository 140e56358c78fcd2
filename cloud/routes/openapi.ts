import { z } from 'zod';
import { defineRoute } from '../http/define.ts';
import type { OpenApiDocument } from '../http/openapi.ts';

const OpenApiDocumentSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({}),
});

/** The document describes the route serving it, so it is read lazily once the registry is built. */
export function openApiRoute(document: () => OpenApiDocument) {
  return defineRoute({
    method: 'GET',
    url: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This API described as an OpenAPI 3.1 document',
    tags: ['meta'],
    responses: { 200: OpenApiDocumentSchema },
    handler: (_input) => ({ status: 200, body: document() }),
  });
}
