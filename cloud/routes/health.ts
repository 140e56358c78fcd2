import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { defineRoute, type CloudRoute } from '../http/define.ts';
import { CLOUD_VERSION } from '../version.ts';

const healthRoute = defineRoute(cloudApi.getHealth, (_input, { db }) => {
  // A failing database makes this throw, which answers 500 instead of a false "ok".
  db.prepare('SELECT 1').get();
  return {
    status: 200,
    body: { status: 'ok', version: CLOUD_VERSION, time: new Date().toISOString() },
  };
});

/** This module's routes, in registration order: a new endpoint here is added to this list. */
export const healthRoutes: readonly CloudRoute[] = [healthRoute];
