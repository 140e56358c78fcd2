import type { CloudRoute } from '../http/define.ts';
import type { OpenApiDocument } from '../http/openapi.ts';
import { accountRoutes } from './account.ts';
import { catalogRoutes } from './catalog.ts';
import { financeRoutes } from './finance.ts';
import { healthRoutes } from './health.ts';
import { offerRoutes } from './offers.ts';
import { openApiRoute } from './openapi.ts';
import { orderRoutes } from './orders.ts';
import { testDriveRoutes } from './testDrives.ts';

/** Every route the server binds, one group per area; a test checks each endpoint has exactly one. */
export function cloudRoutes(document: () => OpenApiDocument): CloudRoute[] {
  return [
    ...healthRoutes,
    openApiRoute(document),
    ...catalogRoutes,
    ...accountRoutes,
    ...orderRoutes,
    ...financeRoutes,
    ...testDriveRoutes,
    ...offerRoutes,
  ];
}
