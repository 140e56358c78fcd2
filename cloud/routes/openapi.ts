import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { defineRoute } from '../http/define.ts';
import type { OpenApiDocument } from '../http/openapi.ts';

/** The document describes the route serving it, so it is read lazily once the registry is built. */
export function openApiRoute(document: () => OpenApiDocument) {
  return defineRoute(cloudApi.getOpenApiDocument, (_input) => ({ status: 200, body: document() }));
}
