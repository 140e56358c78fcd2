import type { CloudRoute } from '../http/define.ts';
import type { OpenApiDocument } from '../http/openapi.ts';
import { healthRoute } from './health.ts';
import { openApiRoute } from './openapi.ts';

/** The built-in routes, in registration order. New features add their routes here. */
export function cloudRoutes(document: () => OpenApiDocument): CloudRoute[] {
  return [healthRoute, openApiRoute(document)];
}
