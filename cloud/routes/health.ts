import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { defineRoute } from '../http/define.ts';
import { CLOUD_VERSION } from '../version.ts';

export const healthRoute = defineRoute(cloudApi.getHealth, (_input, { db }) => {
  // A failing database makes this throw, which answers 500 instead of a false "ok".
  db.prepare('SELECT 1').get();
  return {
    status: 200,
    body: { status: 'ok', version: CLOUD_VERSION, time: new Date().toISOString() },
  };
});
